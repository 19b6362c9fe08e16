// The knowledge base as the rest of Vigie reads it: a read-only view of one KB
// file (snapshots of BDPM and of the ANSM thesaurus), with the queries behind
// `vigie kb stats`, `kb interactions`, `kb coverage` and the drug catalog.
// Thread-safety: a KnowledgeBase owns one SQLite connection; use it from one
// thread at a time. What it returns (catalog, JSON) is plain data.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"
#include "vigie/kb/drug.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::kb {

struct SnapshotInfo {
  int64_t id = 0;
  std::string source;  // "bdpm" or "thesaurus"
  std::string version;
  std::string fingerprint;
  std::string imported_at;
  std::vector<std::string> tables;  // kinds of the files it holds
};

// The rows of one BDPM table of one snapshot, as imported (all TEXT), with the
// source line number of each row. `columns` are the spec's names in file order.
struct BdpmRows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> lines;
};

class KnowledgeBase {
 public:
  // Opens an existing KB file read-only. Missing file: kFileNotFound; not a KB
  // (or SQLite failure): kIoError.
  static Result<std::unique_ptr<KnowledgeBase>> Open(const std::string& path);
  ~KnowledgeBase();

  const std::vector<SnapshotInfo>& snapshots() const { return snapshots_; }

  // Per BDPM snapshot: counts of specialties, presentations, compositions,
  // substances, generic groups; per thesaurus version: entries by level,
  // classes, memberships, unparsed. Failure: kIoError.
  Result<nlohmann::json> Stats() const;

  // The whole parsed thesaurus of one version ("2020-10") as a JSON array of
  // {a, b, levels, condition, risk, conduct, page, level_label}, A and B as
  // printed; `condition` maps each level code to its condition text.
  // Failure: kNotFound (version not imported), kIoError.
  Result<nlohmann::json> Interactions(std::string_view version) const;

  // Coverage of the substance vocabulary (`vigie kb coverage --json`): share of
  // commercialised specialties of the default view whose every active
  // substance is linked to a thesaurus name, or is in `no_entry` (core names,
  // folded) and verified absent from every imported version's text and
  // indexes. `*absent` (may be null) receives every unlinked core name that is
  // verified absent: the list to commit. Failure: kNotFound, kIoError.
  Result<nlohmann::json> Coverage(const std::vector<std::string>& no_entry,
                                  std::vector<std::string>* absent) const;

  // The drug catalog of the default view: for each BDPM table, the newest
  // snapshot that has it with version <= as_of ("" = no limit), so a newer
  // partial snapshot overlays the newest one with compositions.
  // Failure: kNotFound (no BDPM snapshot), kIoError.
  Result<std::shared_ptr<DrugCatalog>> LoadDrugs(std::string_view as_of = "") const;

  // Read accessors for the regulation watch (snapshot_read.cc). The newest
  // snapshot of that source and version is read.
  // One thesaurus version as typed entries (import order) and memberships
  // (every origin); `unparsed` and `headings` are left empty.
  // Failure: kNotFound (version not imported), kIoError.
  Result<ParsedThesaurus> ThesaurusVersion(std::string_view version) const;
  // Every row of BDPM table `table` ("bdpm_presentation") of snapshot `version`
  // in file order; no rows when the snapshot lacks that file (see
  // SnapshotInfo::tables). Failure: kNotFound (version or table), kIoError.
  Result<BdpmRows> BdpmTable(std::string_view version, std::string_view table) const;

 private:
  struct Impl;
  explicit KnowledgeBase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<SnapshotInfo> snapshots_;
};

}  // namespace vigie::kb
