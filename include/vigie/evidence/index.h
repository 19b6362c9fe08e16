// The evidence index: passages of corpus documents in a Xapian database
// (BM25, English and French stems of accent-folded text; phrase queries are
// checked on the stored passage text, no positions are kept). The caller opens it (a directory, or
// in memory for tests) and passes it to the search and answer engines. Incremental: each document's
// content hash is kept, so adding an unchanged document is a no-op and a
// changed one replaces its passages. Xapian exceptions never escape: every
// failure is a Status (kIoError for the database, kDataError for content).
// Thread-safety: an EvidenceIndex serialises its own use with a mutex, so one
// instance may be shared by the HTTP server's threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vigie/evidence/corpus.h"
#include "vigie/evidence/passage.h"

namespace vigie::evidence {

// What AddDocument did.
enum class AddOutcome { kAdded, kReplaced, kUnchanged };

// A passage as stored (what a search hit and a citation carry).
struct StoredPassage {
  std::string doc_id;
  std::string title;
  std::string year;
  std::string source;
  std::string type;
  std::string lang;
  size_t start = 0;
  size_t end = 0;
  std::string text;
};

// BM25's length normalisation, applied when records are indexed (the
// searcher has no b of its own): b of whole-document records and of
// passages. Chosen on a split of the corpus (docs/benchmarks/evidence.md).
// Fixed when an index is created: reopening an existing index keeps its own.
// Values outside 0..1 are clamped.
struct IndexOptions {
  double bm25_b = 0.4;
  double bm25_b_passages = 0.4;
};

class EvidenceIndex {
 public:
  // Opens `dir` for reading and writing, creating it if missing.
  static Result<std::unique_ptr<EvidenceIndex>> OpenWritable(const std::string& dir,
                                                             const IndexOptions& options = {});
  // Opens an existing index read-only (missing: kNotFound naming `dir`).
  static Result<std::unique_ptr<EvidenceIndex>> OpenReadOnly(const std::string& dir);
  // A writable index held in memory (tests, benchmarks).
  static Result<std::unique_ptr<EvidenceIndex>> InMemory(const IndexOptions& options = {});
  ~EvidenceIndex();

  // Adds or replaces the passages of `doc` (not visible to other readers of
  // the directory before Commit). Read-only index: kInvalidArgument.
  Result<AddOutcome> AddDocument(const Document& doc, const PassageOptions& options = {});
  Status Commit();

  // Rewrites the committed index in `dir` with full B-tree blocks (Xapian's
  // compaction; 40 % smaller after a bulk build, docs/benchmarks/evidence.md),
  // then puts it in place of the original. No writer may have `dir` open; a
  // reader sees the new index at its next search. Still incremental after.
  static Status Compact(const std::string& dir);

  size_t PassageCount() const;
  size_t DocumentCount() const;

  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  explicit EvidenceIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::evidence
