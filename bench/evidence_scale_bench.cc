// Evidence scale benchmark (issue 6): a deterministic synthetic corpus of N
// passages (default 1,000,000) drawn from the real PubMedQA vocabulary with
// its word frequencies, indexed by Vigie (Xapian, through EvidenceIndex),
// SQLite FTS5 (porter, bm25()) and Lucene++ (StandardAnalyzer, its classic
// TF-IDF scoring) in the same run; build time, index size, and latency
// p50/p99 of 1,000 top-10 queries (3-5 words of mid frequency).
// Build and query times are given in wall time and in CPU time (the
// machine is shared).
// Usage: evidence_scale_bench [N] [WORKDIR] [ENGINES]  (WORKDIR default
// /tmp/vigie-scale, removed and recreated; ENGINES default "vigie,fts5,lucene";
// with "reuse" among them, WORKDIR is kept and Vigie's index, when present, is
// searched without being rebuilt: for profiling the queries only).
// Thread-safety: single-threaded program.
#include <lucene++/LuceneHeaders.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include "evidence_common.h"
#include "vigie/core/text.h"
#include "vigie/evidence/search.h"

namespace vigie::bench {
namespace {

using Clock = std::chrono::steady_clock;

// SplitMix64: a fixed generator, so the corpus is the same on every machine.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
};

struct Vocabulary {
  std::vector<std::string> words;  // by decreasing frequency
  std::vector<uint64_t> cumulative;
  std::string Draw(Rng& rng) const {
    uint64_t r = rng.Next() % cumulative.back();
    size_t i = static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                   cumulative.begin());
    return words[i];
  }
};

Vocabulary BuildVocabulary(const std::vector<evidence::Document>& docs) {
  std::map<std::string, uint64_t> counts;
  for (const auto& d : docs) {
    std::string folded = text::Fold(d.text);
    std::string w;
    for (char c : folded + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        w += c;
      } else if (!w.empty()) {
        if (w.size() > 1) ++counts[w];
        w.clear();
      }
    }
  }
  std::vector<std::pair<uint64_t, std::string>> sorted;
  for (const auto& [w, n] : counts) sorted.emplace_back(n, w);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  Vocabulary v;
  uint64_t total = 0;
  for (const auto& [n, w] : sorted) {
    v.words.push_back(w);
    total += n;
    v.cumulative.push_back(total);
  }
  return v;
}

std::string Passage(const Vocabulary& v, Rng& rng) {
  size_t n = 20 + rng.Next() % 41;  // 20-60 words
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? " " : "") + v.Draw(rng);
  return out + ".";
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

uint64_t DiskSize(const std::string& path) {
  namespace fs = std::filesystem;
  if (fs::is_regular_file(path)) return fs::file_size(path);
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(path)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

// Wall and CPU (this thread) latencies of the queries: on a shared machine
// the wall time includes waiting for a core; the CPU time does not.
struct Latencies {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
};

double CpuSeconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Times one query (wall and thread CPU) into `lat`.
template <typename F>
void Timed(Latencies& lat, F&& query) {
  auto wall = Clock::now();
  double cpu = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  query();
  lat.cpu_ms.push_back((CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu) * 1e3);
  lat.wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - wall).count());
}

// Build time (wall and process CPU) of one engine.
struct BuildTimer {
  Clock::time_point wall = Clock::now();
  double cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  double WallSeconds() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
  double CpuSecondsSpent() const { return CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu; }
};

void Report(const char* engine, double build_s, double build_cpu_s, uint64_t bytes,
            const Latencies& lat) {
  std::printf("| %s | %.1f | %.1f | %.0f | %.3f | %.3f | %.3f | %.3f |\n", engine, build_s,
              build_cpu_s, static_cast<double>(bytes) / 1048576.0, Percentile(lat.wall_ms, 0.5),
              Percentile(lat.wall_ms, 0.99), Percentile(lat.cpu_ms, 0.5),
              Percentile(lat.cpu_ms, 0.99));
  std::fflush(stdout);
}

struct Setup {
  size_t n = 0;
  std::string work;
  Vocabulary vocab;
  std::vector<std::string> queries;
  bool reuse = false;  // keep WORKDIR and an index already built there
};

int RunVigie(const Setup& s) {
  BuildTimer timer;
  std::string dir = s.work + "/vigie";
  bool build_now = !s.reuse || !std::filesystem::exists(dir);
  if (build_now) {
    auto writable = evidence::EvidenceIndex::OpenWritable(dir);
    if (!writable.ok()) return 1;
    Rng rng{7};
    for (size_t i = 0; i < s.n; ++i) {
      evidence::Document d{"s" + std::to_string(i), "", "", "synthetic", "text", "en",
                           Passage(s.vocab, rng)};
      if (!(*writable)->AddDocument(d).ok()) return 1;
    }
    if (!(*writable)->Commit().ok()) return 1;
  }
  // Compacted after the bulk build (the writer closed above), as Lucene++'s
  // index is optimised below.
  if (build_now && !evidence::EvidenceIndex::Compact(dir).ok()) return 1;
  double build = timer.WallSeconds();
  double build_cpu = timer.CpuSecondsSpent();
  // Searched as the server does: opened read-only (Lucene++ opens a reader too).
  auto index = evidence::EvidenceIndex::OpenReadOnly(dir);
  if (!index.ok()) return 1;
  Latencies lat;
  bool failed = false;
  for (const std::string& q : s.queries) {
    Timed(lat, [&] { failed = !evidence::Search(**index, nullptr, {q, 10, true}).ok() || failed; });
  }
  if (failed) return 1;
  Report("Vigie (Xapian 1.4, BM25, doc + passage)", build, build_cpu, DiskSize(s.work + "/vigie"),
         lat);
  return 0;
}

int RunFts5(const Setup& s) {
  std::string path = s.work + "/fts5.db";
  std::filesystem::remove(path);  // rebuilt even with "reuse"
  BuildTimer timer;
  {
    Fts5Index fts(path);
    Rng rng{7};
    for (size_t i = 0; i < s.n; ++i) fts.Add("s" + std::to_string(i), Passage(s.vocab, rng));
    fts.Finish();
  }
  double build = timer.WallSeconds();
  double build_cpu = timer.CpuSecondsSpent();
  Fts5Index fts(path, /*open_existing=*/true);
  Latencies lat;
  for (const std::string& q : s.queries) Timed(lat, [&] { (void)fts.Search(q, 10); });
  Report("SQLite FTS5 (porter, bm25)", build, build_cpu, DiskSize(path), lat);
  return 0;
}

int RunLucene(const Setup& s) {
  using namespace Lucene;
  try {
    BuildTimer timer;
    std::wstring dir = StringUtils::toUnicode(s.work + "/lucene");
    AnalyzerPtr analyzer = newLucene<StandardAnalyzer>(LuceneVersion::LUCENE_CURRENT);
    IndexWriterPtr writer = newLucene<IndexWriter>(FSDirectory::open(dir), analyzer, true,
                                                   IndexWriter::MaxFieldLengthLIMITED);
    writer->setRAMBufferSizeMB(256);
    Rng rng{7};
    for (size_t i = 0; i < s.n; ++i) {
      DocumentPtr doc = newLucene<Document>();
      doc->add(newLucene<Field>(L"id", StringUtils::toUnicode("s" + std::to_string(i)),
                                Field::STORE_YES, Field::INDEX_NOT_ANALYZED));
      doc->add(newLucene<Field>(L"body", StringUtils::toUnicode(Passage(s.vocab, rng)),
                                Field::STORE_NO, Field::INDEX_ANALYZED));
      writer->addDocument(doc);
    }
    writer->optimize();
    writer->close();
    double build = timer.WallSeconds();
    double build_cpu = timer.CpuSecondsSpent();
    IndexReaderPtr reader = IndexReader::open(FSDirectory::open(dir), true);
    SearcherPtr searcher = newLucene<IndexSearcher>(reader);
    QueryParserPtr parser =
        newLucene<QueryParser>(LuceneVersion::LUCENE_CURRENT, L"body", analyzer);
    Latencies lat;
    for (const std::string& q : s.queries) {
      Timed(lat, [&] {
        TopDocsPtr top = searcher->search(parser->parse(StringUtils::toUnicode(q)), 10);
        for (const ScoreDocPtr& sd : top->scoreDocs) (void)searcher->doc(sd->doc)->get(L"id");
      });
    }
    Report("Lucene++ 3.0.8 (StandardAnalyzer, TF-IDF)", build, build_cpu,
           DiskSize(s.work + "/lucene"), lat);
    return 0;
  } catch (const LuceneException& e) {
    std::wcerr << L"Lucene++: " << e.getError() << L"\n";
    return 1;
  }
}

int Run(int argc, char** argv) {
  Setup s;
  s.n = argc > 1 ? std::stoul(argv[1]) : 1000000;
  s.work = argc > 2 ? argv[2] : "/tmp/vigie-scale";
  std::string engines = argc > 3 ? argv[3] : "vigie,fts5,lucene";
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  std::string data = DataDir(src != nullptr ? src : ".");
  auto docs = evidence::ReadPubmedQaJsonl(Slurp(data + "/literature/pubmedqa/corpus.jsonl"),
                                          "corpus.jsonl");
  if (!docs.ok()) {
    std::cerr << "corpus not found\n";
    return 1;
  }
  s.vocab = BuildVocabulary(*docs);
  s.reuse = engines.find("reuse") != std::string::npos;
  if (!s.reuse) std::filesystem::remove_all(s.work);
  std::filesystem::create_directories(s.work);
  // Queries: 3-5 words among the 200th-5,000th most frequent.
  Rng qrng{42};
  for (int i = 0; i < 1000; ++i) {
    size_t words = 3 + qrng.Next() % 3;
    std::string q;
    for (size_t j = 0; j < words; ++j) {
      q += (j ? " " : "") +
           s.vocab.words[200 + qrng.Next() % std::min<size_t>(4800, s.vocab.words.size() - 200)];
    }
    s.queries.push_back(q);
  }
  std::printf("%zu passages, vocabulary %zu words, 1000 queries, top 10\n\n", s.n,
              s.vocab.words.size());
  std::printf(
      "| engine | build wall (s) | build CPU (s) | index (MiB) | p50 wall (ms) | p99 wall (ms) | "
      "p50 CPU (ms) | p99 CPU (ms) |\n|---|---|---|---|---|---|---|---|\n");
  std::fflush(stdout);
  int rc = 0;
  if (engines.find("vigie") != std::string::npos) rc |= RunVigie(s);
  if (engines.find("fts5") != std::string::npos) rc |= RunFts5(s);
  if (engines.find("lucene") != std::string::npos) rc |= RunLucene(s);
  return rc;
}

}  // namespace
}  // namespace vigie::bench

int main(int argc, char** argv) { return vigie::bench::Run(argc, argv); }
