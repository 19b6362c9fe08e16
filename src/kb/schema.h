// The KB's SQLite schema: snapshot bookkeeping, one table per BDPM file (from
// the BdpmFileSpecs table) and the thesaurus tables. Private to src/kb.
// Thread-safety: functions take the Db they act on; no shared state.
#pragma once

#include "kb/sqlite_db.h"

namespace vigie::kb {

inline constexpr int kSchemaVersion = 1;

// Creates every table and index that is missing (idempotent) and sets the
// pragmas the importer relies on (WAL, foreign keys). Failure: kIoError.
Status EnsureSchema(Db& db);

}  // namespace vigie::kb
