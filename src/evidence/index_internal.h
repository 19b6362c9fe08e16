// Private to the evidence module: the Xapian state behind EvidenceIndex and
// the term conventions shared by the indexer and the searcher.
// Thread-safety: every use of `db` holds `mu`.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "vigie/evidence/index.h"

namespace vigie::evidence {

// Term prefixes: Z stemmed (Xapian's convention; no unique passage-id term:
// nothing looks passages up by id, and a unique term per passage cost a
// posting list each),
// D document id (boolean, to replace a document's passages).
inline constexpr const char* kStemPrefix = "Z";
inline constexpr const char* kDocPrefix = "D";
// Stems of a document's subject headings (MeSH), in its whole record only.
inline constexpr const char* kKeywordPrefix = "ZM";
inline constexpr Xapian::valueno kDocIdSlot = 0;
// Every document is stored twice: as passages (K:p) and whole (K:w, text
// not stored), so documents can be ranked on all their words.
inline constexpr const char* kPassageTerm = "K:p";
inline constexpr const char* kWholeTerm = "K:w";
// Records that are only one of the two (a passage of a longer or titled
// document, or such a document's whole record): the searches exclude the
// other kind with OP_AND_NOT on these short lists instead of filtering on
// K:p / K:w, which every record of a large corpus of short documents holds.
inline constexpr const char* kPassageOnlyTerm = "K:po";
inline constexpr const char* kWholeOnlyTerm = "K:wo";
// Index format (metadata "vigie:format"): stems only, the terms above, and
// BM25's length normalisation applied at index time (below). An index of
// another format must be rebuilt (kDataError says so).
inline constexpr const char* kFormatKey = "vigie:format";
inline constexpr const char* kFormat = "4";

// BM25's length normalisation, done when a record is indexed (as Lucene
// stores its length norms), not at each query: a term's within-record
// frequency tf is stored as wdf = round(kWdfScale * tf / norm), norm =
// (1 - b) + b * max(length / kPivotLength, 0.5) (0.5: Xapian's own floor,
// min_normlen), and the searcher runs BM25 with b = 0
// and k1 * kWdfScale, which gives the same weight up to rounding:
//   tf (k1 + 1) / (tf + k1 norm) = x (k1 + 1) / (x + k1), x = tf / norm.
// Xapian 1.4 otherwise reads the length of every candidate record from one
// list in docid order, a scan over nearly the whole list at each query
// (40 % of a query's CPU at 100,000 passages, docs/benchmarks/evidence.md).
// The pivot is fixed (not the index's own average, which changes with each
// addition): 95, the average record length (stems) of the PubMedQA index
// of format 3, on which b was chosen (5,480 passages of 62, 1,000 whole
// records of 273).
inline constexpr double kWdfScale = 64.0;
inline constexpr double kPivotLength = 95.0;
// b of each kind of record, as chosen when the index was created (metadata).
inline constexpr const char* kBm25BKey = "vigie:bm25_b";
inline constexpr const char* kBm25BPassagesKey = "vigie:bm25_b_passages";

struct EvidenceIndex::Impl {
  mutable std::mutex mu;
  std::optional<Xapian::WritableDatabase> writable;
  mutable std::optional<Xapian::Database> readonly;
  IndexOptions options;
  Xapian::Stem stem_en{"english"};
  Xapian::Stem stem_fr{"french"};

  // A reader sees the revision it opened; an indexer committing meanwhile
  // would make it fail (DatabaseModifiedError). Called under `mu` before each
  // search: cheap when nothing changed, and new documents become visible.
  void Refresh() const {
    if (readonly) readonly->reopen();
  }

  const Xapian::Database& db() const {
    return writable ? static_cast<const Xapian::Database&>(*writable) : *readonly;
  }
};

// Stored passage <-> Xapian document data (length-prefixed fields; a
// malformed record decodes to an empty passage).
std::string EncodePassage(const StoredPassage& p);
StoredPassage DecodePassage(const std::string& data);

}  // namespace vigie::evidence
