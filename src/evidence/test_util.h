// Test helpers: paths of the shared data and of test fixtures, and one
// in-memory index of the real PubMedQA corpus shared by the tests of a binary.
// Thread-safety: tests are single-threaded.
#pragma once

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "vigie/evidence/corpus.h"
#include "vigie/evidence/index.h"
#include "vigie/evidence/lexicon.h"

namespace vigie::evidence::testing {

inline std::string SourceDir() {
  const char* s = std::getenv("VIGIE_SOURCE_DIR");
  return s != nullptr ? s : ".";
}

inline std::string DataDir() {
  const char* d = std::getenv("VIGIE_DATA");
  return d != nullptr ? d : SourceDir() + "/../shared/data";
}

inline std::string CorpusPath() { return DataDir() + "/literature/pubmedqa/corpus.jsonl"; }

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Fixture(const std::string& name) {
  return Slurp(SourceDir() + "/src/evidence/testdata/" + name);
}

// The 1,000 PubMedQA abstracts, indexed once per test binary.
inline EvidenceIndex& CorpusIndex() {
  static std::unique_ptr<EvidenceIndex> index = [] {
    auto docs = ReadPubmedQaJsonl(Slurp(CorpusPath()), CorpusPath());
    auto idx = EvidenceIndex::InMemory();
    if (!docs.ok() || !idx.ok()) std::abort();
    for (const Document& d : *docs) {
      if (!(*idx)->AddDocument(d).ok()) std::abort();
    }
    return std::move(idx).value();
  }();
  return *index;
}

inline const Lexicon& RepoLexicon() {
  static Lexicon lexicon = [] {
    auto env = NewPosixEnv();
    auto lex = LoadLexicon(*env, SourceDir() + "/data/lexicon");
    if (!lex.ok()) std::abort();
    return std::move(lex).value();
  }();
  return lexicon;
}

}  // namespace vigie::evidence::testing
