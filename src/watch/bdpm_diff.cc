// DiffBdpm: changes between two BDPM snapshots, file by file, for the files
// both snapshots have. Each watched file is keyed (CIS, CIP13, CIS + text...);
// a key only in the newer snapshot is an addition, only in the older one a
// withdrawal, and a watched column whose value differs is a change of that
// field. Thread-safety: pure function.
#include <set>

#include "vigie/core/text.h"
#include "vigie/kb/bdpm.h"
#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

struct WatchedField {
  std::string_view column;
  std::string_view kind;
};

struct WatchedFile {
  std::string_view table;
  std::vector<std::string_view> key;  // columns forming the row's identity
  std::string_view label;             // column shown as the value of an added/removed row
  std::string_view added, removed;    // kinds
  std::vector<WatchedField> fields;
};

// The one table of what the watch compares in each official file.
const std::vector<WatchedFile>& WatchedFiles() {
  static const std::vector<WatchedFile> kFiles = {
      {"bdpm_specialite",
       {"cis"},
       "denomination",
       "specialty_added",
       "specialty_withdrawn",
       {{"statut_amm", "amm_status_changed"},
        {"etat_commercialisation", "marketing_status_changed"},
        {"statut_bdm", "bdm_status_changed"}}},
      {"bdpm_presentation",
       {"cip13"},
       "libelle",
       "presentation_added",
       "presentation_withdrawn",
       {{"statut_admin", "presentation_status_changed"},
        {"etat_commercialisation", "marketing_status_changed"},
        {"taux_remboursement", "reimbursement_changed"},
        {"prix", "price_changed"}}},
      {"bdpm_cpd",
       {"cis", "condition"},
       "condition",
       "prescription_condition_added",
       "prescription_condition_removed",
       {}},
      {"bdpm_smr",
       {"cis", "dossier_has", "motif", "date_avis"},
       "valeur",
       "has_opinion_added",
       "has_opinion_removed",
       {{"valeur", "has_opinion_changed"}}},
      {"bdpm_asmr",
       {"cis", "dossier_has", "motif", "date_avis"},
       "valeur",
       "has_opinion_added",
       "has_opinion_removed",
       {{"valeur", "has_opinion_changed"}}},
      {"bdpm_generique",
       {"cis"},
       "libelle",
       "generic_group_joined",
       "generic_group_left",
       {{"groupe", "generic_group_changed"}, {"type", "generic_group_changed"}}},
      {"bdpm_dispo",
       {"cis", "cip13"},
       "statut",
       "availability_added",
       "availability_removed",
       {{"statut", "availability_changed"}}},
      {"bdpm_mitm", {"cis"}, "atc", "mitm_added", "mitm_removed", {{"atc", "mitm_changed"}}},
      {"bdpm_info_importante",
       {"cis", "date_debut", "texte"},
       "texte",
       "safety_info_added",
       "safety_info_removed",
       {}},
  };
  return kFiles;
}

std::string FileName(std::string_view table) {
  for (const kb::BdpmFileSpec& s : kb::BdpmFileSpecs()) {
    if (s.table == table) return std::string(s.file) + (s.prefix ? "*" : "");
  }
  return std::string(table);
}

int Column(const kb::BdpmRows& rows, std::string_view name) {
  for (size_t i = 0; i < rows.columns.size(); ++i) {
    if (rows.columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Value(const std::vector<std::string>& row, int col) {
  if (col < 0 || static_cast<size_t>(col) >= row.size()) return {};
  return std::string(text::Trim(row[static_cast<size_t>(col)]));
}

// Key -> row index; a repeated key keeps its first row.
std::map<std::string, size_t> KeyRows(const kb::BdpmRows& rows, const WatchedFile& w) {
  std::vector<int> cols;
  for (std::string_view k : w.key) cols.push_back(Column(rows, k));
  std::map<std::string, size_t> out;
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    std::string key;
    for (int c : cols) key += Value(rows.rows[i], c) + '\t';
    out.try_emplace(key, i);
  }
  return out;
}

// Denomination of each CIS, newer snapshot first.
std::map<std::string, std::string> Denominations(const BdpmSnapshot& from, const BdpmSnapshot& to) {
  std::map<std::string, std::string> out;
  for (const BdpmSnapshot* s : {&to, &from}) {
    auto it = s->find("bdpm_specialite");
    if (it == s->end()) continue;
    int cis = Column(it->second, "cis"), den = Column(it->second, "denomination");
    for (const auto& row : it->second.rows) out.try_emplace(Value(row, cis), Value(row, den));
  }
  return out;
}

Change NewChange(const WatchedFile& w, std::string_view kind, const kb::BdpmRows& rows,
                 const std::vector<std::string>& row,
                 const std::map<std::string, std::string>& names) {
  Change c;
  c.source = "bdpm";
  c.kind = kind;
  c.file = FileName(w.table);
  c.cis = Value(row, Column(rows, "cis"));
  c.cip13 = Value(row, Column(rows, "cip13"));
  auto it = names.find(c.cis);
  if (it != names.end()) c.a = it->second;
  return c;
}

void DiffFile(const WatchedFile& w, const kb::BdpmRows& from, const kb::BdpmRows& to,
              const std::map<std::string, std::string>& names, std::vector<Change>& out) {
  std::map<std::string, size_t> fk = KeyRows(from, w), tk = KeyRows(to, w);
  const int label_from = Column(from, w.label), label_to = Column(to, w.label);
  for (const auto& [key, ti] : tk) {
    const auto& trow = to.rows[ti];
    auto fit = fk.find(key);
    if (fit == fk.end()) {
      Change c = NewChange(w, w.added, to, trow, names);
      c.field = w.label;
      c.after = Value(trow, label_to);
      out.push_back(std::move(c));
      continue;
    }
    const auto& frow = from.rows[fit->second];
    for (const WatchedField& f : w.fields) {
      std::string before = Value(frow, Column(from, f.column));
      std::string after = Value(trow, Column(to, f.column));
      if (before == after) continue;
      Change c = NewChange(w, f.kind, to, trow, names);
      c.field = f.column;
      c.before = std::move(before);
      c.after = std::move(after);
      out.push_back(std::move(c));
    }
  }
  for (const auto& [key, fi] : fk) {
    if (tk.count(key) > 0) continue;
    const auto& frow = from.rows[fi];
    Change c = NewChange(w, w.removed, from, frow, names);
    c.field = w.label;
    c.before = Value(frow, label_from);
    out.push_back(std::move(c));
  }
}

}  // namespace

BdpmDiff DiffBdpm(const BdpmSnapshot& from, const BdpmSnapshot& to) {
  BdpmDiff out;
  std::map<std::string, std::string> names = Denominations(from, to);
  std::set<std::string_view> watched;
  for (const WatchedFile& w : WatchedFiles()) {
    watched.insert(w.table);
    auto f = from.find(std::string(w.table));
    auto t = to.find(std::string(w.table));
    std::string file = FileName(w.table);
    if (f == from.end() || t == to.end()) {
      std::string missing = f == from.end() && t == to.end() ? "absent des deux instantanés"
                            : f == from.end()                ? "absent de l'instantané de départ"
                                                             : "absent de l'instantané d'arrivée";
      out.not_compared.push_back({file, missing});
      continue;
    }
    out.compared.push_back(file);
    DiffFile(w, f->second, t->second, names, out.changes);
  }
  for (const kb::BdpmFileSpec& s : kb::BdpmFileSpecs()) {
    if (watched.count(s.table) == 0) {
      out.not_compared.push_back(
          {FileName(s.table), "non suivi par la veille (compositions, liens vers les avis HAS)"});
    }
  }
  return out;
}

}  // namespace vigie::watch
