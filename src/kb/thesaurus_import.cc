// Thesaurus version importer (ImportThesaurus in vigie/kb/import.h): reads the
// thesaurus PDF and its indexes through the Env, parses them, and stores
// entries, levels, memberships and names in one transaction.
// Thread-safety: see import.h.
#include <memory>

#include "kb/snapshot.h"
#include "vigie/core/text.h"
#include "vigie/kb/import.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::kb {
namespace {

struct Pdf {
  std::string name, kind, bytes;
};

// "thesaurus" for the main booklet, "index_classes", "index_substances"; the
// 2010-12 single index is a substance index.
std::string PdfKind(const std::string& name) {
  std::string f = text::Fold(name);
  if (!f.ends_with(".pdf")) return "";
  if (f.find("thesaurus") != std::string::npos || f.find("livret") != std::string::npos) {
    return "thesaurus";
  }
  if (f.find("classe") != std::string::npos) return "index_classes";
  if (f.find("substance") != std::string::npos || f.starts_with("index")) {
    return "index_substances";
  }
  return "";
}

struct Parsed {
  ParsedThesaurus thesaurus;
  std::vector<std::string> index_names;
  std::vector<std::pair<std::string, std::vector<std::string>>> pages;  // file -> page texts
};

Status ParseAll(const std::vector<Pdf>& pdfs, ImportReport* report, Parsed* out) {
  for (size_t i = 0; i < pdfs.size(); ++i) {
    Result<std::vector<std::string>> pages = ReadPdfPagesFromBytes(pdfs[i].bytes, pdfs[i].name);
    if (!pages.ok()) return pages.status();
    report->files[i].rows = static_cast<int64_t>(pages->size());
    out->pages.emplace_back(pdfs[i].name, *pages);
    if (pdfs[i].kind == "thesaurus") {
      out->thesaurus = ParseThesaurusText(*pages);
    } else if (pdfs[i].kind == "index_classes") {
      for (ClassMembership& m : ParseClassIndexText(*pages)) {
        out->thesaurus.memberships.push_back(std::move(m));
      }
    } else {
      for (ClassMembership& m : ParseSubstanceIndexText(*pages, &out->index_names)) {
        out->thesaurus.memberships.push_back(std::move(m));
      }
    }
  }
  for (const UnparsedEntry& u : out->thesaurus.unparsed) {
    report->issues.push_back({pdfs[0].name, u.page, u.reason + " : " + u.text});
  }
  return Status::Ok();
}

Status StoreEntries(Db& db, int64_t snap, const ParsedThesaurus& p) {
  Result<Stmt> e = db.Prepare(
      "INSERT INTO th_entry(snapshot_id, a, b, level_label, risk, conduct, page) "
      "VALUES(?,?,?,?,?,?,?)");
  Result<Stmt> l = db.Prepare("INSERT INTO th_level VALUES(?,?,?)");
  if (!e.ok()) return e.status();
  if (!l.ok()) return l.status();
  for (const ThesaurusEntry& entry : p.entries) {
    e->Bind(1, snap);
    e->Bind(2, entry.a);
    e->Bind(3, entry.b);
    e->Bind(4, entry.level_label);
    e->Bind(5, entry.risk);
    e->Bind(6, entry.conduct);
    e->Bind(7, int64_t{entry.page});
    VIGIE_RETURN_IF_ERROR(e->Run());
    int64_t id = db.LastInsertId();
    for (const LevelCondition& lc : entry.levels) {
      l->Bind(1, id);
      l->Bind(2, LevelCode(lc.level));
      l->Bind(3, lc.condition);
      VIGIE_RETURN_IF_ERROR(l->Run());
    }
  }
  return Status::Ok();
}

Status StoreNames(Db& db, int64_t snap, const Parsed& p) {
  Result<Stmt> m = db.Prepare("INSERT INTO th_class_member VALUES(?,?,?,?,?)");
  Result<Stmt> n = db.Prepare("INSERT INTO th_name VALUES(?,?,?,?)");
  if (!m.ok()) return m.status();
  if (!n.ok()) return n.status();
  for (const ClassMembership& c : p.thesaurus.memberships) {
    m->Bind(1, snap);
    m->Bind(2, c.class_name);
    m->Bind(3, c.substance);
    m->Bind(4, c.origin);
    m->Bind(5, int64_t{c.page});
    VIGIE_RETURN_IF_ERROR(m->Run());
  }
  auto name = [&](const std::string& v, std::string_view kind, std::string_view origin) {
    n->Bind(1, snap);
    n->Bind(2, v);
    n->Bind(3, kind);
    n->Bind(4, origin);
    return n->Run();
  };
  for (const std::string& h : p.thesaurus.headings) VIGIE_RETURN_IF_ERROR(name(h, "a", "texte"));
  for (const ThesaurusEntry& e : p.thesaurus.entries) {
    VIGIE_RETURN_IF_ERROR(name(e.b, "b", "texte"));
  }
  for (const std::string& s : p.index_names) VIGIE_RETURN_IF_ERROR(name(s, "substance", "index"));
  Result<Stmt> pg = db.Prepare("INSERT INTO th_page VALUES(?,?,?,?)");
  if (!pg.ok()) return pg.status();
  for (const auto& [file, pages] : p.pages) {
    for (size_t i = 0; i < pages.size(); ++i) {
      pg->Bind(1, snap);
      pg->Bind(2, file);
      pg->Bind(3, static_cast<int64_t>(i + 1));
      pg->Bind(4, pages[i]);
      VIGIE_RETURN_IF_ERROR(pg->Run());
    }
  }
  return Status::Ok();
}

Result<std::vector<Pdf>> ReadPdfs(Env& env, const std::string& dir, ImportReport* report) {
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  std::vector<Pdf> pdfs;
  for (const std::string& name : *names) {
    std::string kind = PdfKind(name);
    if (kind.empty()) {
      report->ignored_files.push_back(name);
      continue;
    }
    Result<std::string> bytes = env.ReadFile(JoinPath(dir, name));
    if (!bytes.ok()) return bytes.status();
    Pdf pdf{name, kind, std::move(bytes).value()};
    if (kind == "thesaurus") {
      pdfs.insert(pdfs.begin(), std::move(pdf));
    } else {
      pdfs.push_back(std::move(pdf));
    }
  }
  if (pdfs.empty() || pdfs[0].kind != "thesaurus") {
    return Status::Error(ErrorCode::kDataError, {dir, "aucun PDF du thésaurus"});
  }
  bool classes = false, substances = false;
  for (const Pdf& p : pdfs) {
    classes |= p.kind == "index_classes";
    substances |= p.kind == "index_substances";
  }
  if (!classes) report->missing_files.emplace_back("index des classes");
  if (!substances) report->missing_files.emplace_back("index des substances");
  for (const Pdf& p : pdfs) {
    report->files.push_back(
        {p.name, p.kind, Sha256Hex(p.bytes), static_cast<int64_t>(p.bytes.size()), "pdf", 0, 0, 0});
  }
  return pdfs;
}

// Names the version after the month printed on the booklet (issue 3), unless
// the caller gave one; a folder name that says otherwise is reported.
void NameVersion(const Parsed& parsed, const std::string& folder, const ImportOptions& options,
                 ImportReport* report) {
  if (!options.version.empty()) return;
  const std::string& file = report->files[0].name;
  std::string printed = parsed.pages.empty() ? "" : PrintedVersion(parsed.pages[0].second);
  if (printed.empty()) {
    report->issues.push_back(
        {file, 1, "mois de version non trouvé sur les pages 1-2 : nom du dossier retenu"});
    return;
  }
  if (printed != folder) {
    report->issues.push_back({file, 1,
                              "le dossier « " + folder + " » contredit la version imprimée " +
                                  printed + " : " + printed + " retenue"});
  }
  report->version = printed;
}

}  // namespace

Result<ImportReport> ImportThesaurus(Env& env, const std::string& kb_path, const std::string& dir,
                                     const ImportOptions& options) {
  int64_t t0 = env.MonotonicNanos();
  ImportReport report;
  report.source = "thesaurus";
  report.version = options.version.empty() ? BaseName(dir) : options.version;
  Result<std::vector<Pdf>> pdfs = ReadPdfs(env, dir, &report);
  if (!pdfs.ok()) return pdfs.status();
  std::string fingerprint = Fingerprint(report.files);
  Result<std::unique_ptr<Db>> db = OpenForImport(kb_path);
  if (!db.ok()) return db.status();
  Result<std::optional<int64_t>> existing = FindSnapshot(**db, report.source, fingerprint);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    report.already_imported = true;
    report.snapshot_id = **existing;
    Result<std::string> version = SnapshotVersion(**db, **existing);
    if (!version.ok()) return version.status();
    report.version = *version;
    return report;
  }
  Parsed parsed;
  VIGIE_RETURN_IF_ERROR(ParseAll(*pdfs, &report, &parsed));
  NameVersion(parsed, BaseName(dir), options, &report);
  report.files[0].skipped = static_cast<int64_t>(parsed.thesaurus.unparsed.size());
  report.entry_lines = parsed.thesaurus.plus_lines;
  report.entries = static_cast<int64_t>(parsed.thesaurus.entries.size());
  VIGIE_RETURN_IF_ERROR((*db)->Exec("BEGIN IMMEDIATE"));
  Status s = [&]() -> Status {
    Result<int64_t> id = InsertSnapshot(**db, env, report, fingerprint);
    if (!id.ok()) return id.status();
    report.snapshot_id = *id;
    VIGIE_RETURN_IF_ERROR(StoreEntries(**db, *id, parsed.thesaurus));
    if (options.on_file_staged) {
      options.on_file_staged(report.files[0].name,
                             static_cast<int64_t>(parsed.thesaurus.entries.size()));
    }
    VIGIE_RETURN_IF_ERROR(StoreNames(**db, *id, parsed));
    return InsertFilesAndIssues(**db, *id, report);
  }();
  if (!s.ok()) {
    (void)(*db)->Exec("ROLLBACK");
    return s;
  }
  VIGIE_RETURN_IF_ERROR((*db)->Exec("COMMIT"));
  report.seconds = static_cast<double>(env.MonotonicNanos() - t0) / 1e9;
  return report;
}

}  // namespace vigie::kb
