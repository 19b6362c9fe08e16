// KnowledgeBase: opening a KB file read-only, listing its snapshots and the
// stats query. Thread-safety: see vigie/kb/kb.h.
#include <filesystem>

#include "kb/kb_impl.h"
#include "vigie/kb/bdpm.h"

namespace vigie::kb {

KnowledgeBase::KnowledgeBase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KnowledgeBase::~KnowledgeBase() = default;

namespace {

Result<std::vector<SnapshotInfo>> ReadSnapshots(Db& db) {
  Result<Stmt> st = db.Prepare(
      "SELECT id, source, version, fingerprint, imported_at FROM snapshot ORDER BY version, id");
  if (!st.ok()) return st.status();
  std::vector<SnapshotInfo> out;
  for (Result<bool> row = st->Step(); row.ok() && *row; row = st->Step()) {
    out.push_back({st->Int(0),
                   std::string(st->Text(1)),
                   std::string(st->Text(2)),
                   std::string(st->Text(3)),
                   std::string(st->Text(4)),
                   {}});
  }
  Result<Stmt> files = db.Prepare("SELECT DISTINCT kind FROM snapshot_file WHERE snapshot_id=?");
  if (!files.ok()) return files.status();
  for (SnapshotInfo& s : out) {
    files->Bind(1, s.id);
    for (Result<bool> row = files->Step(); row.ok() && *row; row = files->Step()) {
      s.tables.emplace_back(files->Text(0));
    }
    files->Reset();
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Error(ErrorCode::kFileNotFound, {path});
  }
  auto impl = std::make_unique<Impl>();
  Result<std::unique_ptr<Db>> db = Db::Open(path, /*read_only=*/true);
  if (!db.ok()) return db.status();
  impl->db = std::move(db).value();
  Result<std::vector<SnapshotInfo>> snaps = ReadSnapshots(*impl->db);
  if (!snaps.ok()) return snaps.status();
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase(std::move(impl)));
  kb->snapshots_ = std::move(snaps).value();
  return kb;
}

std::string VersionDateKey(std::string_view version) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= version.size() || version[i] < '0' || version[i] > '9') return false;
    }
    return true;
  };
  bool month = version.size() == 7 && digits(0, 4) && version[4] == '-' && digits(5, 2);
  return month ? std::string(version) + "-99" : std::string(version);  // after any day
}

bool VersionAtOrBefore(std::string_view version, std::string_view as_of) {
  return as_of.empty() || VersionDateKey(version) <= VersionDateKey(as_of);
}

int64_t PickSnapshot(const std::vector<SnapshotInfo>& snapshots, std::string_view source,
                     std::string_view table, std::string_view as_of) {
  int64_t best = 0;
  std::string best_key;
  for (const SnapshotInfo& s : snapshots) {
    if (s.source != source || !VersionAtOrBefore(s.version, as_of)) continue;
    for (const std::string& t : s.tables) {
      std::string key = VersionDateKey(s.version);
      // Newest date wins; on the same date the later import (higher id) wins.
      if (t == table && (best == 0 || key > best_key || (key == best_key && s.id > best))) {
        best = s.id;
        best_key = std::move(key);
        break;
      }
    }
  }
  return best;
}

Result<int64_t> CountFor(Db& db, const std::string& sql, int64_t snapshot_id) {
  Result<Stmt> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  st->Bind(1, snapshot_id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->Int(0) : 0;
}

}  // namespace vigie::kb
