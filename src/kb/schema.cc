// KB schema creation (see schema.h). Thread-safety: stateless.
#include "kb/schema.h"

#include <string>

#include "vigie/kb/bdpm.h"

namespace vigie::kb {
namespace {

constexpr std::string_view kCoreDdl = R"sql(
CREATE TABLE IF NOT EXISTS kb_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot(
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,          -- 'bdpm' or 'thesaurus'
  version TEXT NOT NULL,         -- BDPM folder date or thesaurus YYYY-MM
  fingerprint TEXT NOT NULL,     -- sha256 over the sorted (file, sha256) list
  imported_at TEXT NOT NULL,     -- UTC ISO 8601
  UNIQUE(source, fingerprint));
CREATE TABLE IF NOT EXISTS snapshot_file(
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  name TEXT NOT NULL, kind TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL, repaired_c1 INTEGER NOT NULL, rows INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  PRIMARY KEY(snapshot_id, name));
CREATE TABLE IF NOT EXISTS import_issue(
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  file TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS th_entry(
  id INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  a TEXT NOT NULL, b TEXT NOT NULL, level_label TEXT NOT NULL,
  risk TEXT NOT NULL, conduct TEXT NOT NULL, page INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS th_entry_snap ON th_entry(snapshot_id);
CREATE TABLE IF NOT EXISTS th_level(
  entry_id INTEGER NOT NULL REFERENCES th_entry(id),
  level TEXT NOT NULL, condition TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS th_level_entry ON th_level(entry_id);
CREATE TABLE IF NOT EXISTS th_class_member(
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  class_name TEXT NOT NULL, substance TEXT NOT NULL, origin TEXT NOT NULL, page INTEGER);
CREATE TABLE IF NOT EXISTS th_page(
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  file TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS th_name(
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
  name TEXT NOT NULL, kind TEXT NOT NULL, origin TEXT NOT NULL);
)sql";

std::string BdpmTableDdl(const BdpmFileSpec& spec) {
  std::string t(spec.table);
  std::string ddl = "CREATE TABLE IF NOT EXISTS " + t +
                    "(snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), line INTEGER NOT NULL";
  for (std::string_view c : spec.columns) {
    ddl += ", ";
    ddl += c;
    ddl += " TEXT";
  }
  ddl += ");\n";
  std::string key = spec.cis_column >= 0 ? "cis" : std::string(spec.columns[0]);
  ddl += "CREATE INDEX IF NOT EXISTS " + t + "_key ON " + t + "(snapshot_id, " + key + ");\n";
  return ddl;
}

}  // namespace

Status EnsureSchema(Db& db) {
  VIGIE_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  VIGIE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  std::string ddl(kCoreDdl);
  for (const BdpmFileSpec& spec : BdpmFileSpecs()) ddl += BdpmTableDdl(spec);
  ddl += "INSERT OR IGNORE INTO kb_meta VALUES('schema_version', '" +
         std::to_string(kSchemaVersion) + "');";
  Status s = db.Exec(ddl);
  if (!s.ok()) {
    (void)db.Exec("ROLLBACK");
    return s;
  }
  return db.Exec("COMMIT");
}

}  // namespace vigie::kb
