// DoseForPatient (the advice as JSON) and CheckLine (a prescription line
// against the advice: per intake, per day, per week, interval, duration,
// mg/kg, weekly drugs, and the renal/hepatic/pregnancy/age bands).
// Thread-safe: pure functions.
#include <cstdio>
#include <exception>

#include "dose/advice.h"
#include "vigie/core/units.h"

namespace vigie::dose {
namespace {

using nlohmann::json;

const char* const kNoRuleFr = "Aucune règle de posologie dans la base de connaissances";
const char* const kNoRuleEn = "No posology rule in the knowledge base";

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

json LimitsJson(const Limits& l, const std::string& unit) {
  json j = {{"unit", unit}};
  std::pair<const char*, const std::optional<double>*> fields[] = {
      {"per_intake_min", &l.per_intake_min},
      {"per_intake_max", &l.per_intake_max},
      {"per_day_max", &l.per_day_max},
      {"per_day_usual_max", &l.per_day_usual_max},
      {"per_week_max", &l.per_week_max},
      {"min_interval_h", &l.min_interval_h},
      {"max_duration_days", &l.max_duration_days}};
  for (const auto& [key, value] : fields) {
    if (*value) j[key] = **value;
  }
  if (l.weekly_only) j["weekly_only"] = true;
  return j;
}

json BandJson(const BandHit& h) {
  return {{"kind", h.kind},
          {"action", h.band->action},
          {"text", {{"fr", h.band->text.fr}, {"en", h.band->text.en}}},
          {"source", h.band->source}};
}

std::string Severity(const std::string& action) {
  if (action == "contraindicated") return "critical";
  return action == "not_recommended" ? "warning" : "info";
}

json AdviceJson(const Advice& a, std::string_view substance) {
  json j = {{"substance", a.substance ? a.substance->name : std::string(substance)},
            {"status", a.status}};
  if (a.substance == nullptr) {
    j["message"] = {{"fr", kNoRuleFr}, {"en", kNoRuleEn}};
    return j;
  }
  if (a.rule != nullptr) {
    j["rule"] = {{"id", a.rule->id},
                 {"route", a.rule->route},
                 {"indication", a.rule->indication},
                 {"text", {{"fr", a.rule->text.fr}, {"en", a.rule->text.en}}},
                 {"source", a.rule->source}};
    j["limits"] = LimitsJson(a.limits, a.rule->unit);
    j["limits"]["basis"] = a.basis;
  } else {
    j["message"] = {
        {"fr",
         "Aucune règle de posologie pour ce patient (âge, poids) dans la base de connaissances"},
        {"en", "No posology rule for this patient (age, weight) in the knowledge base"}};
  }
  j["renal"] = a.renal;
  j["bands"] = json::array();
  for (const BandHit& h : a.hits) j["bands"].push_back(BandJson(h));
  j["not_evaluated"] = a.unknown;
  return j;
}

Finding Make(std::string code, std::string severity, std::string fr, std::string en, json source) {
  return {std::move(code), std::move(severity), {std::move(fr), std::move(en)}, std::move(source)};
}

Result<double> PeriodHours(const PrescriptionLine& line) {
  double per = line.period_unit == "h"    ? 1
               : line.period_unit == "d"  ? 24
               : line.period_unit == "wk" ? 168
                                          : 0;
  if (per == 0) return Status::Error(ErrorCode::kInvalidArgument, {"period_unit (h, d, wk)"});
  if (!(line.period > 0) || !(line.frequency > 0)) {
    return Status::Error(ErrorCode::kInvalidArgument, {"frequency / period (> 0)"});
  }
  return line.period * per;
}

void CheckAmounts(const Advice& a, double dose, double period_h, const PrescriptionLine& line,
                  std::vector<Finding>& out) {
  const Limits& l = a.limits;
  const json& src = a.rule->source;
  const std::string& u = a.rule->unit;
  double per_day = dose * line.frequency * 24 / period_h;
  double interval = period_h / line.frequency;
  bool per_kg = a.rule->limits.per_day_max_per_kg || a.rule->limits.per_intake_max_per_kg;
  if (l.per_intake_max && dose > *l.per_intake_max + 1e-9) {
    out.push_back(Make(
        per_kg ? "dose.mg_per_kg_above_max" : "dose.per_intake_above_max", "warning",
        "Dose par prise " + Num(dose) + " " + u + " > maximum " + Num(*l.per_intake_max) + " " + u,
        "Dose per intake " + Num(dose) + " " + u + " > maximum " + Num(*l.per_intake_max) + " " + u,
        src));
  }
  if (l.per_day_max && per_day > *l.per_day_max + 1e-9) {
    out.push_back(Make(
        per_kg ? "dose.mg_per_kg_above_max" : "dose.per_day_above_max", "warning",
        "Dose par jour " + Num(per_day) + " " + u + " > maximum " + Num(*l.per_day_max) + " " + u,
        "Daily dose " + Num(per_day) + " " + u + " > maximum " + Num(*l.per_day_max) + " " + u,
        src));
  }
  if (l.per_week_max && per_day * 7 > *l.per_week_max + 1e-9) {
    out.push_back(Make(
        a.rule->limits.per_week_max_per_kg ? "dose.mg_per_kg_above_max" : "dose.per_week_above_max",
        "warning", "Dose par semaine > maximum " + Num(*l.per_week_max) + " " + u,
        "Weekly dose > maximum " + Num(*l.per_week_max) + " " + u, src));
  }
  if (l.weekly_only && line.frequency * 168 / period_h > 1 + 1e-9) {
    out.push_back(Make("dose.weekly_drug_taken_daily", "critical",
                       "Médicament à prise hebdomadaire prescrit plus d'une fois par semaine",
                       "Once-weekly drug prescribed more than once a week", src));
  }
  if (l.min_interval_h && interval < *l.min_interval_h - 1e-9) {
    out.push_back(
        Make("dose.interval_too_short", "warning",
             "Intervalle " + Num(interval) + " h < minimum " + Num(*l.min_interval_h) + " h",
             "Interval " + Num(interval) + " h < minimum " + Num(*l.min_interval_h) + " h", src));
  }
  if (l.max_duration_days && line.duration_days && *line.duration_days > *l.max_duration_days) {
    out.push_back(Make("dose.duration_above_max", "warning",
                       "Durée > " + Num(*l.max_duration_days) + " jours",
                       "Duration > " + Num(*l.max_duration_days) + " days", src));
  }
}

// The bands of this patient (renal, hepatic, pregnancy, breastfeeding, age,
// general cautions) and what could not be evaluated: they hold whatever the
// dose.
std::vector<Finding> BandFindings(const Advice& a) {
  std::vector<Finding> out;
  for (const BandHit& h : a.hits) {
    out.push_back(Make(h.kind + "." + h.band->action, Severity(h.band->action), h.band->text.fr,
                       h.band->text.en, h.band->source));
  }
  for (const std::string& u : a.unknown) {
    out.push_back(
        Make("dose.not_evaluated", "info", "Non évalué : " + u, "Not evaluated: " + u, json()));
  }
  return out;
}

Result<std::vector<Finding>> CheckUnchecked(const PosologyBook& book, const Patient& patient,
                                            const PrescriptionLine& line) {
  Result<Advice> advice = Advise(book, line.substance, patient, line.indication, /*detail=*/false);
  if (!advice.ok()) return advice.status();
  const Advice& a = *advice;
  if (a.substance == nullptr) {
    return std::vector<Finding>{Make("dose.no_rule", "info",
                                     std::string(kNoRuleFr) + " : " + line.substance,
                                     std::string(kNoRuleEn) + ": " + line.substance, json())};
  }
  std::vector<Finding> out = BandFindings(a);
  if (a.rule == nullptr) {
    out.push_back(Make("dose.no_rule_for_population", "info",
                       "Aucune règle de posologie pour ce patient",
                       "No posology rule for this patient", json()));
    return out;
  }
  Result<double> period_h = PeriodHours(line);
  Result<double> dose = a.rule->unit == "UI"
                            ? (line.dose_unit == "UI"
                                   ? Result<double>(line.dose_value)
                                   : Status::Error(ErrorCode::kInvalidArgument, {"dose_unit (UI)"}))
                            : units::Convert(line.dose_value, line.dose_unit, a.rule->unit);
  // A dose or rhythm the rule cannot compare: the amounts are not checked
  // (said), the bands above still stand.
  for (const Result<double>* r : {&period_h, &dose}) {
    if (!r->ok()) {
      out.push_back(Make("dose.not_evaluated", "info",
                         "Dose non vérifiée : " + r->status().Message(Lang::kFr),
                         "Dose not checked: " + r->status().Message(Lang::kEn), json()));
      return out;
    }
  }
  CheckAmounts(a, *dose, *period_h, line, out);
  return out;
}

}  // namespace

Result<std::vector<Finding>> CheckPatientBands(const PosologyBook& book, const Patient& patient,
                                               std::string_view substance,
                                               std::string_view indication) {
  try {
    Result<Advice> advice = Advise(book, substance, patient, indication, /*detail=*/false);
    if (!advice.ok()) return advice.status();
    if (advice->substance == nullptr) return std::vector<Finding>{};
    return BandFindings(*advice);
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

Result<json> DoseForPatient(const PosologyBook& book, std::string_view substance,
                            const Patient& patient, std::string_view indication) {
  try {
    Result<Advice> a = Advise(book, substance, patient, indication);
    if (!a.ok()) return a.status();
    return AdviceJson(*a, substance);
  } catch (const std::exception& e) {  // malformed data reached at evaluation: never escapes
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

Result<std::vector<Finding>> CheckLine(const PosologyBook& book, const Patient& patient,
                                       const PrescriptionLine& line) {
  try {
    return CheckUnchecked(book, patient, line);
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

json ToJson(const Finding& f) {
  return {{"code", f.code},
          {"severity", f.severity},
          {"message", {{"fr", f.message.fr}, {"en", f.message.en}}},
          {"source", f.source}};
}

}  // namespace vigie::dose
