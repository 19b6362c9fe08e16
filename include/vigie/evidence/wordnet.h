// English synonyms for paraphrased questions, read from Princeton WordNet 3.0
// as Debian installs it (package wordnet-base, /usr/share/wordnet; licence
// "WordNet 3.0", free use with its notice). For each lemma, the other words
// of its most frequent senses (synsets) and, for relational adjectives, the
// noun they pertain to ("renal" <-> "kidney", "fetal" <-> "fetus"). The
// entries go into a Lexicon (Lexicon::Synonyms); the query planner keeps a
// synonym only when the index knows it. Nothing here comes from evaluation
// questions: the whole resource is read as published.
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "vigie/core/env.h"
#include "vigie/core/status.h"
#include "vigie/evidence/lexicon.h"

namespace vigie::evidence {

struct WordNetOptions {
  size_t senses = 1;         // most frequent senses per part of speech whose words are synonyms
  bool pertainyms = true;    // adjective <-> the noun it pertains to
  bool derivations = false;  // derivationally related forms (surgery <-> surgical)
};

// The eight WordNet database files (index.* and data.* of noun, verb, adj, adv).
struct WordNetFiles {
  std::string index[4];  // noun, verb, adj, adv
  std::string data[4];
};

// Adds single-word synonym pairs to `lexicon` (both directions); returns how
// many lemma -> synonym pairs were added. A malformed data line gives
// kDataError naming the file and line.
Result<size_t> AddWordNet(Lexicon& lexicon, const WordNetFiles& files,
                          const WordNetOptions& options = {});

// Reads the eight files from `dir` through `env`, then AddWordNet. Missing
// folder or file: kFileNotFound.
Result<size_t> LoadWordNet(Env& env, const std::string& dir, Lexicon& lexicon,
                           const WordNetOptions& options = {});

}  // namespace vigie::evidence
