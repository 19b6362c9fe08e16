// Snapshot bookkeeping (see snapshot.h) and ImportReport::ToJson.
// Thread-safety: stateless; sodium_init is itself thread-safe.
#include "kb/snapshot.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "kb/schema.h"

namespace vigie::kb {

std::string Sha256Hex(std::string_view bytes) {
  if (sodium_init() < 0) return {};  // cannot happen on Linux; empty hash never matches
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string Fingerprint(const std::vector<ImportedFile>& files) {
  std::vector<std::string> lines;
  for (const ImportedFile& f : files) lines.push_back(f.name + "\t" + f.sha256 + "\n");
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const std::string& l : lines) all += l;
  return Sha256Hex(all);
}

Result<std::optional<int64_t>> FindSnapshot(Db& db, std::string_view source,
                                            std::string_view fingerprint) {
  Result<Stmt> st = db.Prepare("SELECT id FROM snapshot WHERE source=? AND fingerprint=?");
  if (!st.ok()) return st.status();
  st->Bind(1, source);
  st->Bind(2, fingerprint);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(st->Int(0));
}

Result<std::string> SnapshotVersion(Db& db, int64_t id) {
  Result<Stmt> st = db.Prepare("SELECT version FROM snapshot WHERE id=?");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error(ErrorCode::kNotFound, {"snapshot " + std::to_string(id)});
  return std::string(st->Text(0));
}

std::string UtcIso(Env& env) {
  auto secs = static_cast<time_t>(env.NowMicros() / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<int64_t> InsertSnapshot(Db& db, Env& env, const ImportReport& report,
                               std::string_view fingerprint) {
  Result<Stmt> st =
      db.Prepare("INSERT INTO snapshot(source, version, fingerprint, imported_at) VALUES(?,?,?,?)");
  if (!st.ok()) return st.status();
  st->Bind(1, report.source);
  st->Bind(2, report.version);
  st->Bind(3, fingerprint);
  st->Bind(4, UtcIso(env));
  VIGIE_RETURN_IF_ERROR(st->Run());
  return db.LastInsertId();
}

Status InsertFilesAndIssues(Db& db, int64_t snapshot_id, const ImportReport& report) {
  Result<Stmt> f = db.Prepare("INSERT INTO snapshot_file VALUES(?,?,?,?,?,?,?,?,?)");
  if (!f.ok()) return f.status();
  for (const ImportedFile& file : report.files) {
    f->Bind(1, snapshot_id);
    f->Bind(2, file.name);
    f->Bind(3, file.kind);
    f->Bind(4, file.sha256);
    f->Bind(5, file.bytes);
    f->Bind(6, file.encoding);
    f->Bind(7, file.repaired_c1);
    f->Bind(8, file.rows);
    f->Bind(9, file.skipped);
    VIGIE_RETURN_IF_ERROR(f->Run());
  }
  Result<Stmt> i = db.Prepare("INSERT INTO import_issue VALUES(?,?,?,?)");
  if (!i.ok()) return i.status();
  for (const ImportIssue& issue : report.issues) {
    i->Bind(1, snapshot_id);
    i->Bind(2, issue.file);
    i->Bind(3, issue.line);
    i->Bind(4, issue.reason);
    VIGIE_RETURN_IF_ERROR(i->Run());
  }
  return Status::Ok();
}

std::string BaseName(std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  size_t slash = dir.rfind('/');
  return std::string(slash == std::string_view::npos ? dir : dir.substr(slash + 1));
}

Result<std::unique_ptr<Db>> OpenForImport(const std::string& kb_path) {
  Result<std::unique_ptr<Db>> db = Db::Open(kb_path, /*read_only=*/false);
  if (!db.ok()) return db.status();
  VIGIE_RETURN_IF_ERROR(EnsureSchema(**db));
  return db;
}

nlohmann::json ImportReport::ToJson() const {
  nlohmann::json j;
  j["source"] = source;
  j["version"] = version;
  j["snapshot_id"] = snapshot_id;
  j["already_imported"] = already_imported;
  j["seconds"] = seconds;
  if (source == "thesaurus") {
    j["entry_lines"] = entry_lines;
    j["entries"] = entries;
  }
  j["files"] = nlohmann::json::array();
  for (const ImportedFile& f : files) {
    j["files"].push_back({{"name", f.name},
                          {"kind", f.kind},
                          {"sha256", f.sha256},
                          {"bytes", f.bytes},
                          {"encoding", f.encoding},
                          {"repaired_c1", f.repaired_c1},
                          {"rows", f.rows},
                          {"skipped", f.skipped}});
  }
  j["missing_files"] = missing_files;
  j["ignored_files"] = ignored_files;
  j["issues"] = nlohmann::json::array();
  for (const ImportIssue& i : issues) {
    j["issues"].push_back({{"file", i.file}, {"line", i.line}, {"reason", i.reason}});
  }
  return j;
}

}  // namespace vigie::kb
