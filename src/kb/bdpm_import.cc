// BDPM folder importer (ImportBdpm in vigie/kb/import.h): reads every official
// file through the Env, hashes it, decodes it, and stages its rows in one
// SQLite transaction with prepared statements. Thread-safety: see import.h.
#include <memory>

#include "kb/snapshot.h"
#include "vigie/kb/bdpm.h"
#include "vigie/kb/import.h"

namespace vigie::kb {
namespace {

struct SourceFile {
  const BdpmFileSpec* spec;
  std::string name;
  std::string bytes;
};

std::string InsertSql(const BdpmFileSpec& spec) {
  std::string sql = "INSERT INTO " + std::string(spec.table) + "(snapshot_id, line";
  std::string values = "?,?";
  for (std::string_view c : spec.columns) {
    sql += ", ";
    sql += c;
    values += ",?";
  }
  return sql + ") VALUES(" + values + ")";
}

// Lists the folder: official files to read, others ignored, official missing.
Result<std::vector<SourceFile>> ReadFolder(Env& env, const std::string& dir, ImportReport* report) {
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  std::vector<SourceFile> files;
  for (const BdpmFileSpec& spec : BdpmFileSpecs()) {
    bool found = false;
    for (const std::string& name : *names) {
      if (FindBdpmSpec(name) != &spec) continue;
      Result<std::string> bytes = env.ReadFile(JoinPath(dir, name));
      if (!bytes.ok()) return bytes.status();
      files.push_back({&spec, name, std::move(bytes).value()});
      found = true;
    }
    if (!found) report->missing_files.emplace_back(spec.file);
  }
  for (const std::string& name : *names) {
    if (FindBdpmSpec(name) == nullptr) report->ignored_files.push_back(name);
  }
  if (files.empty()) {
    return Status::Error(ErrorCode::kDataError, {dir, "aucun fichier BDPM officiel"});
  }
  return files;
}

// Stages the rows of one file; malformed lines go to report->issues.
Status StageFile(Db& db, int64_t snapshot_id, const SourceFile& src, ImportedFile* out,
                 ImportReport* report) {
  DecodedText text = DecodeBdpmBytes(src.bytes);
  out->encoding = std::string(EncodingName(text.encoding));
  out->repaired_c1 = static_cast<int64_t>(text.repaired_c1);
  Result<Stmt> st = db.Prepare(InsertSql(*src.spec));
  if (!st.ok()) return st.status();
  std::string_view all = text.utf8;
  int64_t line_no = 0;
  std::string reason;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    std::string_view line = all.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? all.size() : nl + 1;
    ++line_no;
    std::optional<std::vector<std::string_view>> fields;
    if (line.empty() || line == "\r") {
      reason = "ligne vide";
    } else {
      fields = ParseBdpmLine(line, *src.spec, &reason);
    }
    if (!fields) {
      ++out->skipped;
      report->issues.push_back({src.name, line_no, reason});
      continue;
    }
    st->Bind(1, snapshot_id);
    st->Bind(2, line_no);
    for (size_t i = 0; i < fields->size(); ++i) st->Bind(static_cast<int>(i) + 3, (*fields)[i]);
    VIGIE_RETURN_IF_ERROR(st->Run());
    ++out->rows;
  }
  return Status::Ok();
}

Status StageAll(Db& db, Env& env, const std::vector<SourceFile>& sources,
                std::string_view fingerprint, const ImportOptions& options, ImportReport* report) {
  Result<int64_t> id = InsertSnapshot(db, env, *report, fingerprint);
  if (!id.ok()) return id.status();
  report->snapshot_id = *id;
  for (size_t i = 0; i < sources.size(); ++i) {
    VIGIE_RETURN_IF_ERROR(StageFile(db, *id, sources[i], &report->files[i], report));
    if (options.on_file_staged) options.on_file_staged(sources[i].name, report->files[i].rows);
  }
  return InsertFilesAndIssues(db, *id, *report);
}

}  // namespace

Result<ImportReport> ImportBdpm(Env& env, const std::string& kb_path, const std::string& dir,
                                const ImportOptions& options) {
  int64_t t0 = env.MonotonicNanos();
  ImportReport report;
  report.source = "bdpm";
  report.version = options.version.empty() ? BaseName(dir) : options.version;
  Result<std::vector<SourceFile>> sources = ReadFolder(env, dir, &report);
  if (!sources.ok()) return sources.status();
  for (const SourceFile& s : *sources) {
    report.files.push_back({s.name, std::string(s.spec->table), Sha256Hex(s.bytes),
                            static_cast<int64_t>(s.bytes.size()), "", 0, 0, 0});
  }
  std::string fingerprint = Fingerprint(report.files);
  Result<std::unique_ptr<Db>> db = OpenForImport(kb_path);
  if (!db.ok()) return db.status();
  Result<std::optional<int64_t>> existing = FindSnapshot(**db, report.source, fingerprint);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    report.already_imported = true;
    report.snapshot_id = **existing;
    return report;
  }
  VIGIE_RETURN_IF_ERROR((*db)->Exec("BEGIN IMMEDIATE"));
  Status s = StageAll(**db, env, *sources, fingerprint, options, &report);
  if (!s.ok()) {
    (void)(*db)->Exec("ROLLBACK");
    return s;
  }
  VIGIE_RETURN_IF_ERROR((*db)->Exec("COMMIT"));
  report.seconds = static_cast<double>(env.MonotonicNanos() - t0) / 1e9;
  return report;
}

}  // namespace vigie::kb
