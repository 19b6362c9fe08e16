// KnowledgeBase::LoadDrugs: assembles one Drug per specialty from the BDPM
// tables of the chosen snapshots (newest per table: partial snapshots overlay),
// then carries ATC codes over shared substances. Thread-safety: see kb.h.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "kb/kb_impl.h"
#include "kb/vocabulary.h"

namespace vigie::kb {
namespace {

struct Loader {
  Db& db;
  DrugCatalog& cat;
  std::unordered_map<std::string, size_t> by_cis;
  // (cis index, link number) -> substance index, to attach fractions (ST rows).
  std::map<std::pair<size_t, std::string>, size_t> links;

  // Runs `sql` bound to `snapshot_id`; calls fn(stmt, drug) for rows whose first
  // column is a known CIS.
  template <typename Fn>
  Status ForRows(const std::string& sql, int64_t snapshot_id, Fn fn) {
    if (snapshot_id == 0) return Status::Ok();
    Result<Stmt> st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    st->Bind(1, snapshot_id);
    for (Result<bool> row = st->Step();; row = st->Step()) {
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto it = by_cis.find(std::string(st->Text(0)));
      if (it != by_cis.end()) fn(*st, it->second);
    }
    return Status::Ok();
  }
};

std::vector<std::string> SplitRoutes(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t semi = s.find(';', start);
    std::string_view part = s.substr(start, semi == std::string_view::npos ? semi : semi - start);
    if (!part.empty()) out.emplace_back(part);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return out;
}

Status LoadSpecialties(Loader& l, int64_t snap) {
  if (snap == 0) return Status::Error(ErrorCode::kNotFound, {"snapshot BDPM (CIS_bdpm)"});
  Result<Stmt> st = l.db.Prepare(
      "SELECT cis, denomination, forme, voies, statut_amm, etat_commercialisation "
      "FROM bdpm_specialite WHERE snapshot_id=? ORDER BY line");
  if (!st.ok()) return st.status();
  st->Bind(1, snap);
  for (Result<bool> row = st->Step(); row.ok() && *row; row = st->Step()) {
    Drug d;
    d.cis = st->Text(0);
    d.denomination = st->Text(1);
    d.form = st->Text(2);
    d.routes = SplitRoutes(st->Text(3));
    d.amm_status = st->Text(4);
    d.commercialised = st->Text(5) == "Commercialisée";
    if (l.by_cis.emplace(d.cis, l.cat.drugs.size()).second) l.cat.drugs.push_back(std::move(d));
  }
  return Status::Ok();
}

Status LoadCompositions(Loader& l, int64_t snap) {
  const std::string base =
      "SELECT cis, code_substance, substance, dosage, reference_dosage, numero_liaison "
      "FROM bdpm_composition WHERE snapshot_id=? AND nature";
  VIGIE_RETURN_IF_ERROR(
      l.ForRows(base + "='SA' ORDER BY line", snap, [&](const Stmt& st, size_t i) {
        Drug& d = l.cat.drugs[i];
        std::string code(st.Text(1));
        for (const DrugSubstance& s : d.substances) {
          if (s.code == code) return;  // same substance in another element
        }
        l.links[{i, std::string(st.Text(5))}] = d.substances.size();
        d.substances.push_back({code, std::string(st.Text(2)), std::string(st.Text(3)),
                                std::string(st.Text(4)), "", "", ""});
      }));
  return l.ForRows(base + "<>'SA' ORDER BY line", snap, [&](const Stmt& st, size_t i) {
    auto it = l.links.find({i, std::string(st.Text(5))});
    if (it == l.links.end()) return;
    DrugSubstance& s = l.cat.drugs[i].substances[it->second];
    if (s.fraction.empty()) s.fraction = st.Text(2);
  });
}

Status LoadOthers(Loader& l, const std::vector<SnapshotInfo>& snaps, std::string_view as_of) {
  auto pick = [&](std::string_view t) { return PickSnapshot(snaps, "bdpm", t, as_of); };
  VIGIE_RETURN_IF_ERROR(
      l.ForRows("SELECT cis, cip7, cip13 FROM bdpm_presentation WHERE snapshot_id=? ORDER BY line",
                pick("bdpm_presentation"), [&](const Stmt& st, size_t i) {
                  l.cat.drugs[i].cip7.emplace_back(st.Text(1));
                  l.cat.drugs[i].cip13.emplace_back(st.Text(2));
                }));
  VIGIE_RETURN_IF_ERROR(
      l.ForRows("SELECT cis, groupe, libelle FROM bdpm_generique WHERE snapshot_id=? ORDER BY line",
                pick("bdpm_generique"), [&](const Stmt& st, size_t i) {
                  l.cat.drugs[i].generic_group_id = st.Text(1);
                  l.cat.drugs[i].generic_group = st.Text(2);
                }));
  VIGIE_RETURN_IF_ERROR(
      l.ForRows("SELECT cis, condition FROM bdpm_cpd WHERE snapshot_id=? ORDER BY line",
                pick("bdpm_cpd"), [&](const Stmt& st, size_t i) {
                  l.cat.drugs[i].prescribing_conditions.emplace_back(st.Text(1));
                }));
  VIGIE_RETURN_IF_ERROR(
      l.ForRows("SELECT cis, statut, date_debut FROM bdpm_dispo WHERE snapshot_id=? ORDER BY line",
                pick("bdpm_dispo"), [&](const Stmt& st, size_t i) {
                  l.cat.drugs[i].availability.push_back(std::string(st.Text(1)) + " (depuis le " +
                                                        std::string(st.Text(2)) + ")");
                }));
  return l.ForRows("SELECT cis, atc FROM bdpm_mitm WHERE snapshot_id=?", pick("bdpm_mitm"),
                   [&](const Stmt& st, size_t i) { l.cat.drugs[i].atc = st.Text(1); });
}

// ATC per substance: the most frequent CIS_MITM code among single-substance
// specialties with that substance; then specialties without a code get it when
// they have one substance.
void CarryAtcOver(DrugCatalog& cat) {
  std::unordered_map<std::string, std::map<std::string, int>> votes;
  for (const Drug& d : cat.drugs) {
    if (d.substances.size() == 1 && !d.atc.empty()) ++votes[d.substances[0].code][d.atc];
  }
  for (Drug& d : cat.drugs) {
    for (DrugSubstance& s : d.substances) {
      auto it = votes.find(s.code);
      if (it == votes.end()) continue;
      s.atc = std::max_element(it->second.begin(), it->second.end(), [](auto& a, auto& b) {
                return a.second < b.second;
              })->first;
    }
    if (d.atc.empty() && d.substances.size() == 1) d.atc = d.substances[0].atc;
  }
}

// Every name printed in any imported thesaurus version: names of the text
// (headings, "+ " lines) first, then indexes and class lists; newest first.
Status LoadVocabulary(Db& db, SubstanceVocabulary* vocab) {
  Result<Stmt> st = db.Prepare(
      "SELECT name FROM (SELECT n.name AS name, s.version AS v, "
      "CASE n.origin WHEN 'texte' THEN 0 ELSE 1 END AS o FROM th_name n "
      "JOIN snapshot s ON s.id=n.snapshot_id UNION ALL SELECT m.substance, s.version, 2 "
      "FROM th_class_member m JOIN snapshot s ON s.id=m.snapshot_id) ORDER BY o, v DESC");
  if (!st.ok()) return st.status();
  for (Result<bool> row = st->Step();; row = st->Step()) {
    if (!row.ok()) return row.status();
    if (!*row) break;
    vocab->Add(st->Text(0));
  }
  return Status::Ok();
}

void LinkSubstances(const SubstanceVocabulary& vocab, DrugCatalog& cat) {
  std::unordered_map<std::string, std::string> memo;
  for (Drug& d : cat.drugs) {
    for (DrugSubstance& s : d.substances) {
      std::string key = s.name + "\t" + s.fraction;
      auto it = memo.find(key);
      if (it == memo.end()) it = memo.emplace(key, vocab.Link(s.name, s.fraction)).first;
      s.thesaurus_name = it->second;
    }
  }
}

}  // namespace

Result<std::shared_ptr<DrugCatalog>> KnowledgeBase::LoadDrugs(std::string_view as_of) const {
  auto cat = std::make_shared<DrugCatalog>();
  Loader l{*impl_->db, *cat, {}, {}};
  auto pick = [&](std::string_view t) { return PickSnapshot(snapshots_, "bdpm", t, as_of); };
  VIGIE_RETURN_IF_ERROR(LoadSpecialties(l, pick("bdpm_specialite")));
  VIGIE_RETURN_IF_ERROR(LoadCompositions(l, pick("bdpm_composition")));
  VIGIE_RETURN_IF_ERROR(LoadOthers(l, snapshots_, as_of));
  CarryAtcOver(*cat);
  SubstanceVocabulary vocab;
  VIGIE_RETURN_IF_ERROR(LoadVocabulary(*impl_->db, &vocab));
  LinkSubstances(vocab, *cat);
  for (const SnapshotInfo& s : snapshots_) {
    if (s.source == "bdpm" && VersionAtOrBefore(s.version, as_of)) {
      for (const std::string& t : s.tables) {
        if (PickSnapshot(snapshots_, "bdpm", t, as_of) == s.id) {
          cat->snapshot_versions.push_back(s.version);
          break;
        }
      }
    }
  }
  return cat;
}

Result<std::shared_ptr<const DrugIndex>> LoadDrugIndex(const std::string& kb_path,
                                                       std::string_view as_of) {
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Open(kb_path);
  if (!kb.ok()) return kb.status();
  Result<std::shared_ptr<DrugCatalog>> cat = (*kb)->LoadDrugs(as_of);
  if (!cat.ok()) return cat.status();
  return std::shared_ptr<const DrugIndex>(DrugIndex::Build(std::move(cat).value()));
}

}  // namespace vigie::kb
