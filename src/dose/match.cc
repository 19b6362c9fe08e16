// Population clauses and renal estimates for posology rules.
// Clauses (all must hold; min inclusive, max exclusive; min_excl for a source
// that says "plus de N", max_incl for "N ou moins"):
//   {"age_years": {"min", "max"}}  {"weight_kg": {...}}  {"sex": "F"}
//   {"hepatic_impairment": ["child_pugh_b", ...]}  {"conditions_any": [...]}
//   {"any": [clauses...]}
// Thread-safe: pure functions (the calculator registry is read-only).
#include <optional>

#include "dose/advice.h"
#include "vigie/calc/registry.h"
#include "vigie/core/text.h"

namespace vigie::dose {
namespace {

using nlohmann::json;

Result<bool> InRange(const json& range, std::optional<double> value, const std::string& field) {
  if (!value) return Status::Error(ErrorCode::kMissingInput, {field});
  if (range.contains("min") && *value < range["min"].get<double>()) return false;
  if (range.contains("min_excl") && *value <= range["min_excl"].get<double>()) return false;
  if (range.contains("max") && *value >= range["max"].get<double>()) return false;
  if (range.contains("max_incl") && *value > range["max_incl"].get<double>()) return false;
  return true;
}

Result<bool> Clause(const json& c, const Patient& p);

// {"at_least": n, "of": [clauses]}: decided as soon as the known clauses
// settle it; otherwise the first missing field is reported.
Result<bool> AtLeast(const json& c, const Patient& p) {
  int needed = c["at_least"].get<int>();
  int yes = 0;
  int unknown = 0;
  Status first_missing;
  for (const json& sub : c["of"]) {
    Result<bool> r = Clause(sub, p);
    if (!r.ok()) {
      if (r.status().code() != ErrorCode::kMissingInput) return r;
      if (unknown++ == 0) first_missing = r.status();
    } else if (*r) {
      ++yes;
    }
  }
  if (yes >= needed) return true;
  if (yes + unknown < needed) return false;
  return first_missing;
}

std::string HepaticName(HepaticImpairment h) {
  switch (h) {
    case HepaticImpairment::kNone:
      return "none";
    case HepaticImpairment::kChildPughA:
      return "child_pugh_a";
    case HepaticImpairment::kChildPughB:
      return "child_pugh_b";
    case HepaticImpairment::kChildPughC:
      return "child_pugh_c";
  }
  return "none";
}

// A condition entry matches a patient condition equal to it (folded), or, for
// a CIM-10 code prefix such as "F10.2", any code starting with it.
bool HasCondition(const Patient& p, const json& wanted) {
  for (const json& w : wanted) {
    std::string want = text::Fold(w.get<std::string>());
    for (const std::string& c : p.conditions) {
      std::string have = text::Fold(c);
      if (have == want ||
          (want.size() >= 3 && have.rfind(want, 0) == 0 && want[1] >= '0' && want[1] <= '9')) {
        return true;
      }
    }
  }
  return false;
}

Result<bool> Clause(const json& c, const Patient& p) {
  if (c.contains("any")) {
    for (const json& sub : c["any"]) {
      Result<bool> r = Clause(sub, p);
      if (!r.ok()) return r;
      if (*r) return true;
    }
    return false;
  }
  if (c.contains("at_least")) return AtLeast(c, p);
  if (c.contains("creatinine_umol_l"))
    return InRange(c["creatinine_umol_l"], p.creatinine_umol_l, "creatinine_umol_l");
  if (c.contains("age_years")) return InRange(c["age_years"], p.AgeYears(), "age_years");
  if (c.contains("weight_kg")) return InRange(c["weight_kg"], p.weight_kg, "weight_kg");
  if (c.contains("sex")) {
    if (!p.sex) return Status::Error(ErrorCode::kMissingInput, {"sex"});
    return (*p.sex == Sex::kFemale) == (c["sex"] == "F");
  }
  if (c.contains("hepatic_impairment")) {
    if (!p.hepatic_impairment)
      return Status::Error(ErrorCode::kMissingInput, {"hepatic_impairment"});
    for (const json& h : c["hepatic_impairment"]) {
      if (h == HepaticName(*p.hepatic_impairment)) return true;
    }
    return false;
  }
  if (c.contains("conditions_any")) return HasCondition(p, c["conditions_any"]);
  return Status::Error(ErrorCode::kDataError, {"posology", "clause " + c.dump()});
}

Status BadClause(const std::string& where, const json& c) {
  return Status::Error(ErrorCode::kDataError, {"posology/" + where, "clause " + c.dump()});
}

Status ValidateClause(const json& c, const std::string& where) {
  if (!c.is_object() || c.size() != (c.contains("of") ? 2u : 1u)) return BadClause(where, c);
  if (c.contains("any"))
    return c["any"].is_array() ? ValidateWhen(c["any"], where) : BadClause(where, c);
  if (c.contains("at_least")) {
    const json& n = c["at_least"];
    bool whole = n.is_number_integer() && n.get<int64_t>() >= 0 && n.get<int64_t>() <= 100;
    return whole && c["of"].is_array() ? ValidateWhen(c["of"], where) : BadClause(where, c);
  }
  for (const char* key : {"age_years", "weight_kg", "creatinine_umol_l"}) {
    if (!c.contains(key)) continue;
    if (!c[key].is_object()) return BadClause(where, c);
    for (const auto& bound : c[key].items()) {
      bool known = bound.key() == "min" || bound.key() == "min_excl" || bound.key() == "max" ||
                   bound.key() == "max_incl";
      if (!known || !bound.value().is_number()) return BadClause(where, c);
    }
    return Status::Ok();
  }
  if (c.contains("sex"))
    return c["sex"] == "M" || c["sex"] == "F" ? Status::Ok() : BadClause(where, c);
  for (const char* key : {"hepatic_impairment", "conditions_any"}) {
    if (!c.contains(key)) continue;
    if (!c[key].is_array()) return BadClause(where, c);
    for (const json& x : c[key]) {
      if (!x.is_string()) return BadClause(where, c);
    }
    return Status::Ok();
  }
  return BadClause(where, c);
}

}  // namespace

Status ValidateWhen(const json& when, const std::string& where) {
  if (!when.is_array())
    return Status::Error(ErrorCode::kDataError, {"posology/" + where, "when: liste / list"});
  for (const json& c : when) VIGIE_RETURN_IF_ERROR(ValidateClause(c, where));
  return Status::Ok();
}

Result<bool> Matches(const json& when, const Patient& p) {
  for (const json& c : when) {
    Result<bool> r = Clause(c, p);
    if (!r.ok() || !*r) return r;
  }
  return true;
}

namespace {

// What an estimate reads of the patient (and which estimator).
struct RenalInputs {
  std::string estimator;
  std::optional<double> age, weight, creatinine, egfr;
  std::optional<Sex> sex;
  std::optional<Date> creatinine_date, egfr_date;
  bool operator==(const RenalInputs&) const = default;
};

}  // namespace

const Result<json>& RenalEstimateOnce(const std::string& estimator, const Patient& p) {
  // The last estimate of each estimator on this thread: every line of a
  // prescription check asks it again for the same patient, and the
  // calculator is most of a line's dose check (docs/benchmarks/check.md).
  thread_local std::optional<RenalInputs> last[2];
  thread_local std::optional<Result<json>> value[2];
  RenalInputs in{estimator, p.AgeYears(), p.weight_kg,       p.creatinine_umol_l,
                 p.egfr,    p.sex,        p.creatinine_date, p.egfr_date};
  size_t slot = estimator == "egfr" ? 1 : 0;
  if (!last[slot] || !(*last[slot] == in)) {
    value[slot] = RenalEstimate(estimator, p);
    last[slot] = in;
  }
  return *value[slot];
}

Result<json> RenalEstimate(const std::string& estimator, const Patient& p) {
  if (estimator == "egfr" && p.egfr) {
    json j = {{"estimator", "egfr"},
              {"formula", "DFG estimé du laboratoire / laboratory eGFR"},
              {"value", *p.egfr},
              {"unit", "mL/min/1.73m2"}};
    j["date"] = p.egfr_date ? json(p.egfr_date->ToIso()) : json("non fournie / not given");
    return j;
  }
  json in = json::object();
  if (p.AgeYears()) in["age"] = *p.AgeYears();
  if (p.sex) in["sex"] = *p.sex == Sex::kFemale ? "F" : "M";
  if (p.weight_kg) in["weight_kg"] = *p.weight_kg;
  if (p.creatinine_umol_l) in["creatinine_umol_l"] = *p.creatinine_umol_l;
  if (p.creatinine_date) in["creatinine_date"] = p.creatinine_date->ToIso();
  std::string id = estimator == "egfr" ? "ckd-epi-2021" : "cockcroft-gault";
  Result<calc::CalcResult> r = calc::Evaluate(id, in);
  if (!r.ok()) return r.status();
  json j = {{"estimator", estimator}, {"calculator", id}, {"formula", r->formula},
            {"value", r->value},      {"unit", r->unit},  {"source", r->source}};
  j["date"] =
      p.creatinine_date ? json(p.creatinine_date->ToIso()) : json("non fournie / not given");
  return j;
}

}  // namespace vigie::dose
