// The search engine: a question (French or English, free text, "quoted
// phrases") against an EvidenceIndex, with query translation and expansion
// from the Lexicon. Pure: index and lexicon are passed in, no I/O of its own.
// Thread-safety: safe to call from many threads (the index serialises).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vigie/evidence/index.h"
#include "vigie/evidence/lexicon.h"

namespace vigie::evidence {

struct SearchRequest {
  std::string query;
  size_t k = 10;            // hits to return (1..100)
  bool one_per_doc = true;  // keep the best passage of each document only
  // BM25 k1 (docs/benchmarks/evidence.md: chosen on a split of the corpus
  // itself, its MeSH headings as queries, never on the question sets). b is
  // applied when records are indexed (IndexOptions).
  double bm25_k1 = 0.9;
  // Share of the whole-document score in a document's rank (rest: its best
  // passage), each scaled by its list's best.
  double whole_share = 0.7;
  // Pseudo-relevance feedback (RM3-like): the `feedback_terms` best terms of
  // the `feedback_docs` best documents (Xapian's expand weights) re-rank the
  // documents the question matched, their weights scaled to at most
  // `feedback_weight` of a query term's. 0 docs or terms: off.
  size_t feedback_docs = 0;
  size_t feedback_terms = 10;
  double feedback_weight = 0.5;
};

struct Hit {
  StoredPassage passage;
  double score = 0;     // BM25
  double coverage = 0;  // share (IDF-weighted, 0..1) of the query's concepts the passage holds
};

// The query as the engine understood it, for explanations and the composer.
struct QueryPlan {
  std::string lang;                                // "fr", "en", or "" when the words do not tell
  std::vector<std::string> words;                  // folded content words of the question
  std::vector<std::vector<std::string>> concepts;  // per word: the word and its translations
  // Per concept: index in `concepts[c]` where the WordNet synonyms start (a
  // match through a synonym only counts half in the coverage).
  std::vector<size_t> first_synonym;
  std::vector<std::vector<std::string>> phrases;  // quoted phrases (folded words)
};

// Builds the plan. `index` is used to keep only morphological candidates it knows.
QueryPlan PlanQuery(const std::string& query, const EvidenceIndex& index, const Lexicon* lexicon);

// Ranked hits, best first. Empty or stopword-only query: kInvalidArgument;
// k outside 1..100: kOutOfRange; index failure: kIoError.
Result<std::vector<Hit>> Search(const EvidenceIndex& index, const Lexicon* lexicon,
                                const SearchRequest& request);

}  // namespace vigie::evidence
