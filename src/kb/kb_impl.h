// Private state of KnowledgeBase shared by its .cc files (open, stats,
// catalog, thesaurus queries). Thread-safety: as vigie/kb/kb.h.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "kb/sqlite_db.h"
#include "vigie/kb/kb.h"

namespace vigie::kb {

struct KnowledgeBase::Impl {
  std::unique_ptr<Db> db;
};

// Sort key of a snapshot version on the calendar: a day-dated folder
// ("2026-07-23", bdpm-daily-cip) is that day; a month-dated one ("2026-07")
// counts as of the end of its month, since the day of its download is not in
// its name (bdpm/2026-07 was downloaded on 2026-07-24, after the daily files).
std::string VersionDateKey(std::string_view version);

// True when `version` is on or before `as_of` ("" = no limit), by date key.
bool VersionAtOrBefore(std::string_view version, std::string_view as_of);

// Id of the newest snapshot (by date key, then import order) of `source`
// holding `table` with version at or before as_of ("" = any), or 0.
int64_t PickSnapshot(const std::vector<SnapshotInfo>& snapshots, std::string_view source,
                     std::string_view table, std::string_view as_of);

// Runs a one-value query ("SELECT count(*) ... WHERE snapshot_id=?").
Result<int64_t> CountFor(Db& db, const std::string& sql, int64_t snapshot_id);

}  // namespace vigie::kb
