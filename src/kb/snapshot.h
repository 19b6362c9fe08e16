// Snapshot bookkeeping shared by the importers: file hashing, the snapshot
// fingerprint (same files => same fingerprint => no-op import), the snapshot
// and file rows. Private to src/kb. Thread-safety: stateless functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/sqlite_db.h"
#include "vigie/core/env.h"
#include "vigie/kb/import.h"

namespace vigie::kb {

// Lowercase hex sha256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// sha256 over "name\tsha256\n" of the files sorted by name.
std::string Fingerprint(const std::vector<ImportedFile>& files);

// Id of the snapshot of `source` with this fingerprint, if imported before.
Result<std::optional<int64_t>> FindSnapshot(Db& db, std::string_view source,
                                            std::string_view fingerprint);

// The version recorded for snapshot `id` (a no-op import reports it).
Result<std::string> SnapshotVersion(Db& db, int64_t id);

// Inserts the snapshot row (inside the caller's transaction) and returns its id.
Result<int64_t> InsertSnapshot(Db& db, Env& env, const ImportReport& report,
                               std::string_view fingerprint);

// Inserts the file rows and the issues of `report` for `snapshot_id`.
Status InsertFilesAndIssues(Db& db, int64_t snapshot_id, const ImportReport& report);

// "2026-11-29T03:45:12Z" from the Env's wall clock.
std::string UtcIso(Env& env);

// The last path component of `dir` ("a/b/2026-01/" -> "2026-01").
std::string BaseName(std::string_view dir);

// Opens the KB for writing, creating the schema if needed.
Result<std::unique_ptr<Db>> OpenForImport(const std::string& kb_path);

}  // namespace vigie::kb
