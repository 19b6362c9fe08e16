// The JSON, summary line and Markdown renderings of a diff, and the table of
// change kinds. Thread-safety: pure functions and an immutable table.
#include <algorithm>
#include <sstream>

#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {

const std::vector<KindInfo>& Kinds() {
  static const std::vector<KindInfo> kKinds = {
      {"level_changed", "niveaux modifiés", "levels changed"},
      {"text_changed", "textes modifiés", "texts changed"},
      {"renamed", "protagonistes renommés ou regroupés", "protagonists renamed or merged"},
      {"added", "interactions ajoutées", "interactions added"},
      {"removed", "interactions retirées", "interactions removed"},
      {"member_added", "entrées dans une classe", "class members added"},
      {"member_removed", "sorties d'une classe", "class members removed"},
      {"specialty_added", "spécialités ajoutées", "specialties added"},
      {"specialty_withdrawn", "spécialités retirées", "specialties withdrawn"},
      {"amm_status_changed", "statuts d'AMM modifiés", "marketing authorisation status changes"},
      {"marketing_status_changed", "états de commercialisation modifiés",
       "marketing status changes"},
      {"bdm_status_changed", "statuts BDM modifiés (alerte, warning)", "BDM status changes"},
      {"presentation_added", "présentations ajoutées", "presentations added"},
      {"presentation_withdrawn", "présentations retirées", "presentations withdrawn"},
      {"presentation_status_changed", "statuts administratifs de présentation modifiés",
       "presentation status changes"},
      {"price_changed", "prix modifiés", "price changes"},
      {"reimbursement_changed", "taux de remboursement modifiés", "reimbursement rate changes"},
      {"prescription_condition_added", "conditions de prescription ajoutées",
       "prescribing conditions added"},
      {"prescription_condition_removed", "conditions de prescription retirées",
       "prescribing conditions removed"},
      {"has_opinion_added", "avis HAS (SMR/ASMR) ajoutés", "HAS opinions (SMR/ASMR) added"},
      {"has_opinion_removed", "avis HAS (SMR/ASMR) retirés", "HAS opinions (SMR/ASMR) removed"},
      {"has_opinion_changed", "avis HAS (SMR/ASMR) modifiés", "HAS opinions (SMR/ASMR) changed"},
      {"generic_group_joined", "entrées dans un groupe générique", "generic group entries"},
      {"generic_group_left", "sorties d'un groupe générique", "generic group exits"},
      {"generic_group_changed", "groupes génériques modifiés", "generic group changes"},
      {"availability_added", "ruptures ou tensions signalées", "shortages or tensions reported"},
      {"availability_removed", "ruptures ou tensions levées", "shortages or tensions cleared"},
      {"availability_changed", "statuts de disponibilité modifiés", "availability status changes"},
      {"mitm_added", "MITM ajoutés", "MITM added"},
      {"mitm_removed", "MITM retirés", "MITM removed"},
      {"mitm_changed", "MITM modifiés (ATC)", "MITM changes (ATC)"},
      {"safety_info_added", "informations de sécurité ajoutées", "safety information added"},
      {"safety_info_removed", "informations de sécurité retirées", "safety information removed"},
  };
  return kKinds;
}

size_t KindRank(std::string_view kind) {
  const auto& kinds = Kinds();
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].kind == kind) return i;
  }
  return kinds.size();
}

bool NameMatches(std::string_view name, std::string_view query) {
  if (query.empty()) return false;
  std::string hay = " " + std::string(name) + " ", needle = " " + std::string(query) + " ";
  return hay.find(needle) != std::string::npos;
}

std::map<std::string, int> CountByKind(const std::vector<Change>& changes) {
  std::map<std::string, int> out;
  for (const Change& c : changes) ++out[c.kind];
  return out;
}

nlohmann::json Change::ToJson() const {
  using nlohmann::json;
  auto page = [](int p) { return p > 0 ? json(p) : json(nullptr); };
  json j = {{"source", source}, {"kind", kind}, {"a", a}, {"b", b}};
  if (source == "thesaurus") {
    j["from_levels"] = from_levels;
    j["to_levels"] = to_levels;
    j["from_conditions"] = from_conditions;
    j["to_conditions"] = to_conditions;
    j["from_page"] = page(from_page);
    j["to_page"] = page(to_page);
    if (!origin.empty()) j["origin"] = origin;
    if (!via_class.empty()) j["via_class"] = via_class;
  } else {
    j["file"] = file;
    j["cis"] = cis;
    j["cip13"] = cip13;
    j["field"] = field;
  }
  j["before"] = before;
  j["after"] = after;
  if (!diff.empty()) {
    json d = json::array();
    for (const DiffPiece& p : diff) d.push_back({{"op", std::string(1, p.op)}, {"text", p.text}});
    j["diff"] = std::move(d);
  }
  return j;
}

std::string SummaryText(const std::vector<Change>& changes, Lang lang) {
  std::map<std::string, int> counts = CountByKind(changes);
  std::ostringstream o;
  o << changes.size() << (lang == Lang::kEn ? " changes" : " changements");
  bool first = true;
  for (const KindInfo& k : Kinds()) {
    auto it = counts.find(std::string(k.kind));
    if (it == counts.end()) continue;
    o << (first ? " : " : ", ") << it->second << " " << (lang == Lang::kEn ? k.en : k.fr);
    first = false;
  }
  return o.str();
}

std::string DiffResult::SummaryLine(Lang lang) const {
  std::ostringstream o;
  for (size_t i = 0; i < sources.size(); ++i) o << (i ? "+" : "") << sources[i];
  o << " " << from << " → " << to;
  if (!substance.empty()) o << " (" << substance << ")";
  o << " : " << SummaryText(changes, lang);
  return o.str();
}

nlohmann::json DiffResult::ToJson(Lang lang) const {
  nlohmann::json changes_json = nlohmann::json::array();
  for (const Change& c : changes) changes_json.push_back(c.ToJson());
  nlohmann::json by_kind = nlohmann::json::object();
  for (const auto& [kind, n] : CountByKind(changes)) by_kind[kind] = n;
  // Each kind's label in the request's language (the UI's group headings).
  nlohmann::json labels = nlohmann::json::object();
  for (const KindInfo& k : Kinds()) {
    if (by_kind.contains(k.kind)) labels[std::string(k.kind)] = lang == Lang::kEn ? k.en : k.fr;
  }
  nlohmann::json out = {{"from", from},
                        {"to", to},
                        {"sources", sources},
                        {"substance", substance},
                        {"changes", std::move(changes_json)},
                        {"summary",
                         {{"total", changes.size()},
                          {"by_kind", std::move(by_kind)},
                          {"labels", std::move(labels)},
                          {"line", SummaryLine(lang)}}}};
  if (std::find(sources.begin(), sources.end(), "bdpm") != sources.end()) {
    nlohmann::json nc = nlohmann::json::array();
    for (const FileNote& n : bdpm_not_compared)
      nc.push_back({{"file", n.file}, {"reason", n.reason}});
    out["bdpm_files"] = {{"compared", bdpm_compared}, {"not_compared", std::move(nc)}};
  }
  return out;
}

}  // namespace vigie::watch
