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

// Id of the newest snapshot of `source` holding `table` with version <= as_of
// ("" = any), or 0 when none does.
int64_t PickSnapshot(const std::vector<SnapshotInfo>& snapshots, std::string_view source,
                     std::string_view table, std::string_view as_of);

// Runs a one-value query ("SELECT count(*) ... WHERE snapshot_id=?").
Result<int64_t> CountFor(Db& db, const std::string& sql, int64_t snapshot_id);

}  // namespace vigie::kb
