// Regulation watch: what changed between two versions of the official sources
// (ANSM interaction thesaurus, BDPM snapshots), per substance, read from the
// KB's snapshots. The diff engines (DiffThesaurus, DiffBdpm) are pure functions
// of two versions' data; Diff and History read the KB through its public API.
// Thread-safety: pure functions are safe from any thread; Diff/History use the
// KnowledgeBase they are given (one thread at a time, as kb.h says).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"
#include "vigie/kb/kb.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::watch {

// One piece of a word-level difference: "=" kept, "-" deleted, "+" inserted.
struct DiffPiece {
  char op = '=';
  std::string text;  // words joined by single spaces
};

// One change. Thesaurus changes fill a, b, levels, pages, before/after; BDPM
// changes fill file, cis, cip13, field, before/after (a = denomination).
struct Change {
  std::string source;  // "thesaurus" or "bdpm"
  std::string kind;    // see docs/watch.md
  std::string a, b;    // protagonists as printed in the newer version (class, substance)
  std::vector<std::string> from_levels, to_levels;     // "CI", "ASDEC", "PE", "APEC"
  std::map<std::string, std::string> from_conditions;  // level -> condition (combined levels)
  std::map<std::string, std::string> to_conditions;
  int from_page = 0, to_page = 0;       // 1-based PDF page; 0 = not in that version
  std::string before, after;            // text, label, name or field value before / after
  std::vector<DiffPiece> diff;          // word-level difference of before -> after, when text
  std::string via_class;                // substance filter: the class through which it matched
  std::string origin;                   // memberships: "texte", "voir_aussi", "index"
  std::string file, cis, cip13, field;  // BDPM
  nlohmann::json ToJson() const;
};

// Names compared with accents, case and punctuation removed:
// "BÊTA-BLOQUANTS (SAUF ESMOLOL)" -> "BETA BLOQUANTS SAUF ESMOLOL".
std::string NormaliseName(std::string_view name);

// Word-level difference (longest common subsequence of words; texts compared
// with typographic apostrophes, quotes and spaces unified).
std::vector<DiffPiece> WordDiff(std::string_view before, std::string_view after);

// Thesaurus changes from version `from` to `to`: added, removed,
// level_changed, text_changed, renamed, member_added, member_removed.
std::vector<Change> DiffThesaurus(const kb::ParsedThesaurus& from, const kb::ParsedThesaurus& to);

// The BDPM tables of one snapshot (table name -> rows); a table absent from the
// map is a file the snapshot does not have.
using BdpmSnapshot = std::map<std::string, kb::BdpmRows>;

// A file that could not be compared and why (French).
struct FileNote {
  std::string file;
  std::string reason;
};

struct BdpmDiff {
  std::vector<Change> changes;
  std::vector<std::string> compared;  // official file names compared
  std::vector<FileNote> not_compared;
};

// BDPM changes between two snapshots, for the files both have (see docs/watch.md).
BdpmDiff DiffBdpm(const BdpmSnapshot& from, const BdpmSnapshot& to);

struct DiffRequest {
  std::string from, to;   // versions ("2020-10", "2026-01")
  std::string source;     // "thesaurus", "bdpm" or "" (every source holding both versions)
  std::string substance;  // "" = every change
};

struct DiffResult {
  std::string from, to, substance;
  std::vector<std::string> sources;
  std::vector<Change> changes;
  std::vector<std::string> bdpm_compared;
  std::vector<FileNote> bdpm_not_compared;
  // {"changes": [...], "summary": {"total", "by_kind", "line"}, "from", "to", ...}
  nlohmann::json ToJson(Lang lang = Lang::kFr) const;
  // "thesaurus 2020-10 → 2023-09 : 412 changements : 5 niveaux modifiés, ..."
  std::string SummaryLine(Lang lang = Lang::kFr) const;
  // For a pharmacists' newsletter: summary, then each kind with its changes
  // (at most kMarkdownPerKind each; the JSON has them all), sources cited.
  std::string Markdown(Lang lang = Lang::kFr) const;
  static constexpr size_t kMarkdownPerKind = 200;
};

// Counts by kind of `changes`, kinds in a fixed order.
std::map<std::string, int> CountByKind(const std::vector<Change>& changes);

// Reads both versions from the KB and diffs them. Failure: kInvalidArgument
// (bad source, same request twice-empty), kNotFound (a version not imported
// for the source), kIoError.
Result<DiffResult> Diff(const kb::KnowledgeBase& kb, const DiffRequest& request);

// Every change for one substance across all consecutive versions of each
// source (oldest first): [{"source", "from", "to", "changes": [...]}].
// Failure: kMissingInput (empty substance), kIoError.
Result<nlohmann::json> History(const kb::KnowledgeBase& kb, std::string_view substance,
                               std::string_view source = "");

}  // namespace vigie::watch
