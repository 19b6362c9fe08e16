// Parsing of posology data files (data/posology/*.json) with their checks:
// every rule and band carries a source; unknown keys are errors (a typo in a
// limit must not silently drop it). Thread-safe: pure functions.
#include <exception>
#include <set>

#include "dose/advice.h"
#include "vigie/core/text.h"
#include "vigie/dose/posology.h"

namespace vigie::dose {
namespace {

using nlohmann::json;

Status Bad(const std::string& where, const std::string& what) {
  return Status::Error(ErrorCode::kDataError, {"posology/" + where, what});
}

Status CheckKeys(const json& j, const std::set<std::string>& allowed, const std::string& where) {
  if (!j.is_object()) return Bad(where, "objet attendu / object expected");
  for (const auto& item : j.items()) {
    if (!allowed.count(item.key())) return Bad(where, "clé inconnue / unknown key " + item.key());
  }
  return Status::Ok();
}

Result<Text> ReadText(const json& j, const std::string& where) {
  if (!j.is_object() || !j.value("fr", json()).is_string() || !j.value("en", json()).is_string()) {
    return Bad(where, "text {fr, en}");
  }
  return Text{j["fr"].get<std::string>(), j["en"].get<std::string>()};
}

Status CheckSource(const json& s, const std::string& where) {
  for (const char* key : {"document", "version", "section"}) {
    if (!s.is_object() || !s.value(key, json()).is_string() || s[key].get<std::string>().empty()) {
      return Bad(where, std::string("source.") + key + " manquant / missing");
    }
  }
  return Status::Ok();
}

Result<Limits> ReadLimits(const json& j, const std::string& where) {
  Limits l;
  if (j.is_null()) return l;
  static const std::set<std::string> kKeys = {
      "per_intake_min",    "per_intake_max",      "per_intake_max_per_kg",
      "per_day_max",       "per_day_usual_max",   "per_day_max_per_kg",
      "per_week_max",      "per_week_max_per_kg", "min_interval_h",
      "max_duration_days", "weekly_only"};
  VIGIE_RETURN_IF_ERROR(CheckKeys(j, kKeys, where + ".limits"));
  std::pair<const char*, std::optional<double>*> fields[] = {
      {"per_intake_min", &l.per_intake_min},
      {"per_intake_max", &l.per_intake_max},
      {"per_intake_max_per_kg", &l.per_intake_max_per_kg},
      {"per_day_max", &l.per_day_max},
      {"per_day_usual_max", &l.per_day_usual_max},
      {"per_day_max_per_kg", &l.per_day_max_per_kg},
      {"per_week_max", &l.per_week_max},
      {"per_week_max_per_kg", &l.per_week_max_per_kg},
      {"min_interval_h", &l.min_interval_h},
      {"max_duration_days", &l.max_duration_days}};
  for (auto& [key, target] : fields) {
    if (!j.contains(key)) continue;
    if (!j[key].is_number() || j[key].get<double>() < 0)
      return Bad(where, std::string(key) + " >= 0");
    *target = j[key].get<double>();
  }
  l.weekly_only = j.value("weekly_only", false);
  return l;
}

std::optional<double> OptNumber(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

Result<Band> ReadBand(const json& j, const std::string& where) {
  static const std::set<std::string> kKeys = {"when",     "action",     "limits",   "text",
                                              "source",   "estimator",  "min",      "max",
                                              "dialysis", "from_weeks", "to_weeks", "child_pugh"};
  VIGIE_RETURN_IF_ERROR(CheckKeys(j, kKeys, where));
  Band b;
  b.when = j.value("when", json::array());
  if (j.contains("child_pugh")) b.when = json::array({{{"hepatic_impairment", j["child_pugh"]}}});
  VIGIE_RETURN_IF_ERROR(ValidateWhen(b.when, where));
  b.action = j.value("action", "contraindicated");
  static const std::set<std::string> kActions = {"dose", "contraindicated", "not_recommended",
                                                 "caution"};
  if (!kActions.count(b.action))
    return Bad(where, "action: dose|contraindicated|not_recommended|caution");
  Result<Limits> limits = ReadLimits(j.value("limits", json()), where);
  if (!limits.ok()) return limits.status();
  b.limits = *limits;
  Result<Text> text = ReadText(j.value("text", json()), where + ".text");
  if (!text.ok()) return text.status();
  b.text = *text;
  b.source = j.value("source", json());
  VIGIE_RETURN_IF_ERROR(CheckSource(b.source, where));
  b.estimator = j.value("estimator", "");
  b.min = OptNumber(j, "min");
  b.max = OptNumber(j, "max");
  b.dialysis = j.value("dialysis", false);
  b.from_weeks = OptNumber(j, "from_weeks");
  b.to_weeks = OptNumber(j, "to_weeks");
  return b;
}

Result<std::vector<Band>> ReadBands(const json& j, const std::string& where, bool renal) {
  std::vector<Band> out;
  if (j.is_null()) return out;
  if (!j.is_array()) return Bad(where, "liste / list");
  for (size_t i = 0; i < j.size(); ++i) {
    Result<Band> b = ReadBand(j[i], where + "[" + std::to_string(i) + "]");
    if (!b.ok()) return b.status();
    if (renal && b->estimator != "cockcroft-gault" && b->estimator != "egfr") {
      return Bad(where, "estimator: cockcroft-gault|egfr (as the source states)");
    }
    out.push_back(*b);
  }
  return out;
}

Result<PosologyRule> ReadRule(const json& j, const std::string& where) {
  static const std::set<std::string> kKeys = {"id",   "route",  "indication", "when",
                                              "unit", "limits", "text",       "source"};
  VIGIE_RETURN_IF_ERROR(CheckKeys(j, kKeys, where));
  PosologyRule r;
  r.id = j.value("id", "");
  r.route = j.value("route", "");
  if (r.id.empty() || r.route.empty()) return Bad(where, "id, route");
  r.indication = j.value("indication", "");
  r.when = j.value("when", json::array());
  VIGIE_RETURN_IF_ERROR(ValidateWhen(r.when, r.id));
  r.unit = j.value("unit", "mg");
  Result<Limits> limits = ReadLimits(j.value("limits", json()), r.id);
  if (!limits.ok()) return limits.status();
  r.limits = *limits;
  Result<Text> text = ReadText(j.value("text", json()), r.id + ".text");
  if (!text.ok()) return text.status();
  r.text = *text;
  r.source = j.value("source", json());
  VIGIE_RETURN_IF_ERROR(CheckSource(r.source, r.id));
  return r;
}

Status ReadBandLists(const json& j, Substance& s) {
  std::pair<const char*, std::vector<Band>*> lists[] = {{"contraindications", &s.contraindications},
                                                        {"renal", &s.renal},
                                                        {"hepatic", &s.hepatic},
                                                        {"pregnancy", &s.pregnancy},
                                                        {"breastfeeding", &s.breastfeeding}};
  for (auto& [key, target] : lists) {
    Result<std::vector<Band>> bands =
        ReadBands(j.value(key, json()), s.name + "." + key, std::string(key) == "renal");
    if (!bands.ok()) return bands.status();
    *target = *bands;
  }
  return Status::Ok();
}

Result<Substance> ReadSubstance(const json& j) {
  static const std::set<std::string> kKeys = {"substance",         "aliases",       "rules",
                                              "contraindications", "renal",         "hepatic",
                                              "pregnancy",         "breastfeeding", "comment"};
  VIGIE_RETURN_IF_ERROR(CheckKeys(j, kKeys, "?"));
  Substance s;
  s.name = j.value("substance", "");
  if (s.name.empty()) return Bad("?", "substance");
  for (const json& a : j.value("aliases", json::array())) s.aliases.push_back(a.get<std::string>());
  s.folded_keys.push_back(text::Fold(s.name));
  for (const std::string& a : s.aliases) s.folded_keys.push_back(text::Fold(a));
  const json& rules = j.value("rules", json::array());
  for (size_t i = 0; i < rules.size(); ++i) {
    Result<PosologyRule> r = ReadRule(rules[i], s.name + ".rules[" + std::to_string(i) + "]");
    if (!r.ok()) return r.status();
    s.rules.push_back(*r);
  }
  VIGIE_RETURN_IF_ERROR(ReadBandLists(j, s));
  return s;
}

Result<PosologyBook> ParseUnchecked(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Error(ErrorCode::kMalformedJson, {"posology"});
  json list =
      doc.is_object() && doc.contains("substances") ? doc["substances"] : json::array({doc});
  PosologyBook book;
  for (const json& j : list) {
    Result<Substance> s = ReadSubstance(j);
    if (!s.ok()) return s.status();
    PosologyBook one;
    one.substances.push_back(std::move(s).value());
    VIGIE_RETURN_IF_ERROR(MergeBooks(book, std::move(one)));
  }
  return book;
}

}  // namespace

const Substance* PosologyBook::Find(std::string_view name) const {
  std::string key = text::Fold(name);
  for (const Substance& s : substances) {
    if (!s.folded_keys.empty()) {
      for (const std::string& k : s.folded_keys) {
        if (k == key) return &s;
      }
      continue;
    }
    if (text::Fold(s.name) == key) return &s;  // built by hand, not parsed
    for (const std::string& a : s.aliases) {
      if (text::Fold(a) == key) return &s;
    }
  }
  return nullptr;
}

Status MergeBooks(PosologyBook& into, PosologyBook more) {
  for (Substance& s : more.substances) {
    if (into.Find(s.name) != nullptr)
      return Bad(s.name, "substance en double / duplicate substance");
    into.substances.push_back(std::move(s));
  }
  return Status::Ok();
}

Result<PosologyBook> ParsePosology(std::string_view json_text) {
  try {
    return ParseUnchecked(json_text);
  } catch (const std::exception& e) {  // nlohmann type errors never escape
    return Bad("?", e.what());
  }
}

}  // namespace vigie::dose
