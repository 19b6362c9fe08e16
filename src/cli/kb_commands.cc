// `vigie kb import|stats|interactions` and `vigie drug find`: the knowledge
// base commands (issue 3). The KB file is the `db_path` setting (--db).
// Thread-safety: single-threaded CLI.
#include <sstream>

#include "cli/commands.h"
#include "vigie/kb/drug.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::cli {
namespace {

constexpr const char* kNoEntryList = "data/kb/substances_sans_entree_thesaurus.txt";

struct KbArgs {
  std::string no_entry_list = kNoEntryList, write_no_entry;
  std::vector<std::string> bdpm, thesaurus;
  std::string version, query, as_of;
  size_t k = 10;
};

Result<std::string> KbPath(CliContext& ctx) {
  Result<Settings> s = ctx.LoadSettings();
  if (!s.ok()) return s.status();
  return s->db_path;
}

std::string ImportLine(const kb::ImportReport& r) {
  std::ostringstream o;
  o << r.source << " " << r.version << ": "
    << (r.already_imported ? "déjà importé (snapshot " : "snapshot ") << r.snapshot_id
    << (r.already_imported ? ")" : "");
  int64_t rows = 0;
  for (const kb::ImportedFile& f : r.files) rows += f.rows;
  if (!r.already_imported) {
    o << ", " << r.files.size() << " fichiers, " << rows << " lignes/pages, " << r.issues.size()
      << " signalements, " << r.seconds << " s";
  }
  for (const std::string& m : r.missing_files) o << "\n  absent : " << m;
  size_t shown = 0;
  for (const kb::ImportIssue& i : r.issues) {
    if (++shown > 20) break;
    o << "\n  " << i.file << ":" << i.line << " " << i.reason;
  }
  return o.str();
}

Status RunImport(CliContext& ctx, const KbArgs& a) {
  if (a.bdpm.empty() && a.thesaurus.empty()) {
    return Status::Error(ErrorCode::kUsage, {"--bdpm DIR ou --thesaurus DIR"});
  }
  Result<std::string> path = KbPath(ctx);
  if (!path.ok()) return path.status();
  nlohmann::json reports = nlohmann::json::array();
  std::string human;
  auto run = [&](const Result<kb::ImportReport>& r) -> Status {
    if (!r.ok()) return r.status();
    reports.push_back(r->ToJson());
    human += ImportLine(*r) + "\n";
    return Status::Ok();
  };
  for (const std::string& d : a.bdpm)
    VIGIE_RETURN_IF_ERROR(run(kb::ImportBdpm(*ctx.env, *path, d)));
  for (const std::string& d : a.thesaurus) {
    VIGIE_RETURN_IF_ERROR(run(kb::ImportThesaurus(*ctx.env, *path, d)));
  }
  ctx.Emit({{"kb", *path}, {"imports", reports}}, human);
  return Status::Ok();
}

// Subfolders of data/<sub> in name order (dated folders sort by date).
Result<std::vector<std::string>> SubDirs(Env& env, const std::string& dir) {
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  std::vector<std::string> out;
  for (const std::string& n : *names) {
    if (n != "doc" && env.IsDirectory(JoinPath(dir, n))) out.push_back(JoinPath(dir, n));
  }
  return out;
}

// Every BDPM snapshot folder (bdpm/*, then the day-dated CIP folders of
// bdpm-daily-cip/* when present) and every thesaurus version of the data dir.
Status RunImportAll(CliContext& ctx) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  std::string data = settings->data_dir.empty() ? "../shared/data" : settings->data_dir;
  KbArgs a;
  Result<std::vector<std::string>> bdpm = SubDirs(*ctx.env, JoinPath(data, "bdpm"));
  if (!bdpm.ok()) return bdpm.status();
  Result<std::vector<std::string>> th = SubDirs(*ctx.env, JoinPath(data, "ansm-thesaurus"));
  if (!th.ok()) return th.status();
  a.bdpm = std::move(bdpm).value();
  if (std::string daily = JoinPath(data, "bdpm-daily-cip"); ctx.env->IsDirectory(daily)) {
    Result<std::vector<std::string>> days = SubDirs(*ctx.env, daily);
    if (!days.ok()) return days.status();
    a.bdpm.insert(a.bdpm.end(), days->begin(), days->end());
  }
  a.thesaurus = std::move(th).value();
  return RunImport(ctx, a);
}

Status RunStats(CliContext& ctx) {
  Result<std::string> path = KbPath(ctx);
  if (!path.ok()) return path.status();
  auto kb = kb::KnowledgeBase::Open(*path);
  if (!kb.ok()) return kb.status();
  Result<nlohmann::json> stats = (*kb)->Stats();
  if (!stats.ok()) return stats.status();
  std::ostringstream o;
  for (const auto& s : (*stats)["bdpm"]) {
    o << "BDPM " << s["version"].get<std::string>() << " : " << s["specialties"] << " spécialités, "
      << s["presentations"] << " présentations, " << s["compositions"] << " compositions, "
      << s["substances"] << " substances, " << s["generic_groups"] << " groupes génériques\n";
  }
  for (const auto& s : (*stats)["thesaurus"]) {
    o << "Thésaurus " << s["version"].get<std::string>() << " : " << s["entries"]
      << " interactions " << s["entries_by_level"].dump() << ", " << s["classes"] << " classes, "
      << s["memberships"] << " appartenances, " << s["unparsed"] << " non analysées\n";
  }
  ctx.Emit(*stats, o.str());
  return Status::Ok();
}

Status RunInteractions(CliContext& ctx, const KbArgs& a) {
  Result<std::string> path = KbPath(ctx);
  if (!path.ok()) return path.status();
  auto kb = kb::KnowledgeBase::Open(*path);
  if (!kb.ok()) return kb.status();
  Result<nlohmann::json> all = (*kb)->Interactions(a.version);
  if (!all.ok()) return all.status();
  std::ostringstream o;
  for (const auto& e : *all) {
    o << e["a"].get<std::string>() << " + " << e["b"].get<std::string>() << " : "
      << e["levels"].dump() << " (p. " << e["page"] << ")\n";
  }
  ctx.Emit(*all, o.str());
  return Status::Ok();
}

Result<std::vector<std::string>> ReadList(Env& env, const std::string& path) {
  Result<std::string> text = env.ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<std::string> out;
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    // Up to four names per line, TAB-separated (keeps the file under 600 lines).
    std::istringstream names(line);
    for (std::string name; std::getline(names, name, '\t');) {
      if (!name.empty()) out.push_back(name);
    }
  }
  return out;
}

Status RunCoverage(CliContext& ctx, const KbArgs& a) {
  Result<std::string> path = KbPath(ctx);
  if (!path.ok()) return path.status();
  auto kb = kb::KnowledgeBase::Open(*path);
  if (!kb.ok()) return kb.status();
  std::vector<std::string> listed;
  if (a.write_no_entry.empty()) {
    Result<std::vector<std::string>> list = ReadList(*ctx.env, a.no_entry_list);
    if (!list.ok()) return list.status();
    listed = std::move(list).value();
  }
  std::vector<std::string> absent;
  Result<nlohmann::json> cov = (*kb)->Coverage(listed, &absent);
  if (!cov.ok()) return cov.status();
  if (!a.write_no_entry.empty()) {
    std::string out =
        "# Substances (noms de base, repliés) absentes du texte et des index de toutes les\n"
        "# versions importées du thésaurus ANSM des interactions médicamenteuses.\n"
        "# Généré et vérifié par : vigie kb coverage --write-no-entry FICHIER\n"
        "# Format : jusqu'à 4 noms par ligne, séparés par une tabulation.\n"
        "# Versions : ";
    for (const kb::SnapshotInfo& s : (*kb)->snapshots()) {
      if (s.source == "thesaurus") out += s.version + " ";
    }
    out += "\n";
    for (size_t i = 0; i < absent.size(); ++i) {
      out += absent[i] + (i % 4 == 3 || i + 1 == absent.size() ? "\n" : "\t");
    }
    VIGIE_RETURN_IF_ERROR(ctx.env->WriteFile(a.write_no_entry, out));
    cov = (*kb)->Coverage(absent, nullptr);  // coverage with the list just written
    if (!cov.ok()) return cov.status();
  }
  std::ostringstream o;
  o << "Couverture : " << (*cov)["coverage_pct"].get<double>() << " % (" << (*cov)["covered"]
    << " / " << (*cov)["with_composition"] << " spécialités commercialisées avec composition)";
  ctx.Emit(*cov, o.str());
  return Status::Ok();
}

Status RunFind(CliContext& ctx, const KbArgs& a) {
  Result<std::string> path = KbPath(ctx);
  if (!path.ok()) return path.status();
  auto index = kb::LoadDrugIndex(*path, a.as_of);
  if (!index.ok()) return index.status();
  nlohmann::json out = nlohmann::json::array();
  std::ostringstream o;
  for (const kb::DrugCandidate& c : (*index)->Search(a.query, a.k)) {
    out.push_back(c.ToJson());
    o << c.drug->cis << "  " << c.drug->denomination << "  (" << c.score << ")\n";
  }
  if (out.empty()) o << ctx.T("Aucun médicament trouvé.", "No drug found.");
  ctx.Emit({{"query", a.query},
            {"snapshots", (*index)->catalog().snapshot_versions},
            {"candidates", out}},
           o.str());
  return Status::Ok();
}

}  // namespace

void RegisterKbCommands(CommandRegistry& registry) {
  auto args = std::make_shared<KbArgs>();
  CLI::App* kb = registry.Add(nullptr, "kb", "Base de connaissances (BDPM, thésaurus ANSM)",
                              "Knowledge base (BDPM, ANSM thesaurus)", nullptr);
  CLI::App* imp = registry.Add(
      kb, "import", "Importe des dossiers BDPM et des versions du thésaurus (instantanés)",
      "Import BDPM folders and thesaurus versions (snapshots)",
      [args](CliContext& ctx) { return RunImport(ctx, *args); });
  imp->add_option("--bdpm", args->bdpm, registry.T("Dossier BDPM", "BDPM folder"));
  imp->add_option("--thesaurus", args->thesaurus,
                  registry.T("Dossier d'une version du thésaurus", "Thesaurus version folder"));
  registry.Add(kb, "import-all",
               "Importe tous les instantanés BDPM et toutes les versions du thésaurus de --data",
               "Import every BDPM snapshot and thesaurus version of --data", RunImportAll);
  registry.Add(kb, "stats", "Comptes par instantané", "Counts per snapshot", RunStats);
  CLI::App* inter =
      registry.Add(kb, "interactions", "Toutes les interactions d'une version du thésaurus",
                   "Every interaction of one thesaurus version",
                   [args](CliContext& ctx) { return RunInteractions(ctx, *args); });
  inter->add_option("--version", args->version, "YYYY-MM")->required();
  CLI::App* cov =
      registry.Add(kb, "coverage", "Couverture du vocabulaire des substances par le thésaurus",
                   "Substance vocabulary coverage by the thesaurus",
                   [args](CliContext& ctx) { return RunCoverage(ctx, *args); });
  cov->add_option("--no-entry-list", args->no_entry_list,
                  registry.T("Liste des substances sans entrée (défaut : ",
                             "List of substances without entry (default: ") +
                      kNoEntryList + ")");
  cov->add_option("--write-no-entry", args->write_no_entry,
                  registry.T("Écrit la liste vérifiée des substances sans entrée",
                             "Write the verified list of substances without entry"));
  CLI::App* drug = registry.Add(nullptr, "drug", "Médicaments", "Drugs", nullptr);
  CLI::App* find = registry.Add(drug, "find", "Trouve un médicament (nom, DCI, CIS, CIP7, CIP13)",
                                "Find a drug (name, INN, CIS, CIP7, CIP13)",
                                [args](CliContext& ctx) { return RunFind(ctx, *args); });
  find->add_option("query", args->query, registry.T("Texte ou code", "Text or code"))->required();
  find->add_option("-k", args->k, registry.T("Nombre de candidats", "Number of candidates"));
  find->add_option("--as-of", args->as_of,
                   registry.T("Instantané BDPM (date du dossier)", "BDPM snapshot (folder date)"));
}

}  // namespace vigie::cli
