// The dose for one patient: the first rule whose population matches, its
// limits made absolute (mg/kg x weight, capped), then renal, hepatic,
// pregnancy and age bands. Anything that could not be evaluated is listed,
// never assumed fine. Thread-safe: pure functions.
#include <algorithm>
#include <cstdio>
#include <string>

#include "dose/advice.h"

namespace vigie::dose {
namespace {

using nlohmann::json;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void TightenMax(std::optional<double>& target, std::optional<double> bound) {
  if (bound) target = target ? std::min(*target, *bound) : *bound;
}

void Tighten(Limits& l, const Limits& band) {
  TightenMax(l.per_intake_max, band.per_intake_max);
  TightenMax(l.per_day_max, band.per_day_max);
  TightenMax(l.per_day_usual_max, band.per_day_max);
  TightenMax(l.per_week_max, band.per_week_max);
  TightenMax(l.max_duration_days, band.max_duration_days);
  if (band.min_interval_h)
    l.min_interval_h = std::max(l.min_interval_h.value_or(0), *band.min_interval_h);
}

Result<Limits> Absolute(const PosologyRule& rule, const Patient& p, json& basis) {
  Limits l = rule.limits;
  if (!l.per_intake_max_per_kg && !l.per_day_max_per_kg && !l.per_week_max_per_kg) return l;
  if (!p.weight_kg) return Status::Error(ErrorCode::kMissingInput, {"weight_kg"});
  double w = *p.weight_kg;
  if (l.per_intake_max_per_kg) {
    TightenMax(l.per_intake_max, *l.per_intake_max_per_kg * w);
    basis.push_back(Num(*l.per_intake_max_per_kg) + " " + rule.unit + "/kg/prise x " + Num(w) +
                    " kg");
  }
  if (l.per_day_max_per_kg) {
    TightenMax(l.per_day_max, *l.per_day_max_per_kg * w);
    basis.push_back(Num(*l.per_day_max_per_kg) + " " + rule.unit + "/kg/j x " + Num(w) + " kg");
  }
  if (l.per_week_max_per_kg) {
    TightenMax(l.per_week_max, *l.per_week_max_per_kg * w);
    basis.push_back(Num(*l.per_week_max_per_kg) + " " + rule.unit + "/kg/sem x " + Num(w) + " kg");
  }
  return l;
}

bool InBand(const Band& b, double v) { return (!b.min || v >= *b.min) && (!b.max || v < *b.max); }

void RenalBands(const Substance& s, const Patient& p, Advice& a, bool detail) {
  a.renal = json::array();
  for (const char* name : {"cockcroft-gault", "egfr"}) {
    std::string estimator = name;
    std::vector<const Band*> bands;
    for (const Band& b : s.renal) {
      if (b.estimator == estimator) bands.push_back(&b);
    }
    if (bands.empty()) continue;
    if (p.dialysis == true) {
      for (const Band* b : bands) {
        if (b->dialysis) a.hits.push_back({"renal", b});
      }
    }
    const Result<json>& est = RenalEstimateOnce(estimator, p);
    if (!est.ok()) {
      a.unknown.push_back("renal (" + estimator + "): " + est.status().Message(Lang::kEn));
      if (detail) {
        a.renal.push_back({{"estimator", estimator},
                           {"status", "not_evaluable"},
                           {"reason", est.status().Message(Lang::kFr)}});
      }
      continue;
    }
    double value = est->at("value").get<double>();
    for (const Band* b : bands) {
      if (!b->dialysis && InBand(*b, value)) a.hits.push_back({"renal", b});
    }
    if (detail) a.renal.push_back(*est);
  }
}

void PregnancyBands(const Substance& s, const Patient& p, Advice& a) {
  if (s.pregnancy.empty() || p.sex == Sex::kMale || p.pregnant == false) return;
  if (!p.pregnant) {
    a.unknown.push_back("pregnant");
    return;
  }
  if (!p.gestational_age_weeks) {
    a.unknown.push_back("gestational_age_weeks");
    return;
  }
  for (const Band& b : s.pregnancy) {
    double ga = *p.gestational_age_weeks;
    if ((!b.from_weeks || ga >= *b.from_weeks) && (!b.to_weeks || ga < *b.to_weeks))
      a.hits.push_back({"pregnancy", &b});
  }
}

// Every breastfeeding band applies to a breastfeeding patient; unknown status
// of a woman is listed, never assumed "not breastfeeding".
void BreastfeedingBands(const Substance& s, const Patient& p, Advice& a) {
  if (s.breastfeeding.empty() || p.sex == Sex::kMale || p.breastfeeding == false) return;
  if (!p.breastfeeding) {
    a.unknown.push_back("breastfeeding");
    return;
  }
  for (const Band& b : s.breastfeeding) a.hits.push_back({"breastfeeding", &b});
}

// A band whose population is stated by age alone ("moins de 12 ans", "plus
// de 75 ans") is an age limit (finding kind "age" in the check).
bool AgeOnly(const json& when) {
  if (!when.is_array() || when.empty()) return false;
  for (const json& clause : when) {
    if (!clause.is_object() || clause.empty()) return false;
    for (const auto& [key, value] : clause.items()) {
      if (key != "age_years") return false;
    }
  }
  return true;
}

void ClauseBands(const std::vector<Band>& bands, const char* kind, const Patient& p, Advice& a) {
  for (const Band& b : bands) {
    Result<bool> m = Matches(b.when, p);
    const char* k = std::string_view(kind) == "general" && AgeOnly(b.when) ? "age" : kind;
    if (!m.ok()) {
      a.unknown.push_back(std::string(k) + ": " + m.status().Message(Lang::kEn));
    } else if (*m) {
      a.hits.push_back({k, &b});
    }
  }
}

std::string Status(const Advice& a) {
  auto any = [&](const char* action) {
    return std::any_of(a.hits.begin(), a.hits.end(),
                       [&](const BandHit& h) { return h.band->action == action; });
  };
  if (any("contraindicated")) return "contraindicated";
  if (any("not_recommended")) return "not_recommended";
  if (!a.unknown.empty()) return "incomplete";
  return any("caution") ? "caution" : "ok";
}

// Rules are listed most restrictive first. A rule whose choice needs a field
// other than age, weight, sex or creatinine (hepatic status, conditions...) not
// given is applied (the safer choice) and the gap is listed.
Result<const PosologyRule*> ChooseRule(const Substance& s, const Patient& p,
                                       std::string_view indication,
                                       std::vector<std::string>& unknown) {
  for (const PosologyRule& r : s.rules) {
    if (!r.indication.empty() && !indication.empty() && r.indication != indication) continue;
    Result<bool> m = Matches(r.when, p);
    if (!m.ok()) {
      const std::string& field = m.status().args().empty() ? "" : m.status().args()[0];
      bool essential = field == "age_years" || field == "weight_kg" || field == "sex" ||
                       field == "creatinine_umol_l";
      if (m.status().code() != ErrorCode::kMissingInput || essential) return m.status();
      unknown.push_back(field + " (" + r.id + ": applied as the more restrictive rule)");
      return &r;
    }
    if (*m) return &r;
  }
  return static_cast<const PosologyRule*>(nullptr);
}

}  // namespace

Result<Advice> Advise(const PosologyBook& book, std::string_view substance, const Patient& p,
                      std::string_view indication, bool detail) {
  Advice a;
  a.substance = book.Find(substance);
  if (a.substance == nullptr) {
    a.status = "no_rule";
    return a;
  }
  Result<const PosologyRule*> rule = ChooseRule(*a.substance, p, indication, a.unknown);
  if (!rule.ok()) return rule.status();
  a.rule = *rule;
  if (a.rule != nullptr) {
    Result<Limits> limits = Absolute(*a.rule, p, a.basis);
    if (!limits.ok()) return limits.status();
    a.limits = *limits;
  }
  ClauseBands(a.substance->contraindications, "general", p, a);
  RenalBands(*a.substance, p, a, detail);
  ClauseBands(a.substance->hepatic, "hepatic", p, a);
  PregnancyBands(*a.substance, p, a);
  BreastfeedingBands(*a.substance, p, a);
  for (const BandHit& h : a.hits) {
    if (h.band->action == "dose") Tighten(a.limits, h.band->limits);
  }
  a.status = Status(a);
  // A contra-indication or a "not recommended" for this population is the
  // answer even when no dose rule covers it (zolpidem under 18).
  if (a.rule == nullptr && a.status != "contraindicated" && a.status != "not_recommended")
    a.status = "no_rule_for_population";
  return a;
}

}  // namespace vigie::dose
