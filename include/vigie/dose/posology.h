// Posology rules (data/posology/*.json, every entry with its source) and their
// evaluation for one patient: the dose range that applies (adult / child by
// age and weight bands, mg or mg/kg with absolute caps), renal bands each
// naming its estimator (Cockcroft-Gault CrCl or eGFR), hepatic (Child-Pugh),
// pregnancy (by gestational age) and age contra-indications; and the check of
// one prescription line against them (used by the prescription check).
// The caller reads the files and passes their text in (engines do no I/O).
// Thread-safety: a PosologyBook is immutable after parsing; the functions are
// pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/patient.h"
#include "vigie/core/status.h"

namespace vigie::dose {

struct Text {
  std::string fr;
  std::string en;
};

// Limits in the rule's unit ("mg" or "UI"); per-kg limits use the patient's
// weight and are then capped by the absolute ones.
struct Limits {
  std::optional<double> per_intake_min, per_intake_max;
  std::optional<double> per_intake_max_per_kg;
  std::optional<double> per_day_max, per_day_usual_max;
  std::optional<double> per_day_max_per_kg;
  std::optional<double> per_week_max;
  std::optional<double> per_week_max_per_kg;
  std::optional<double> min_interval_h;
  std::optional<double> max_duration_days;
  bool weekly_only = false;  // taken once a week (e.g. oral methotrexate)
};

struct Band {
  nlohmann::json when;  // population clauses (see docs/posology.md)
  std::string action;   // "dose", "contraindicated", "not_recommended", "caution"
  Limits limits;        // for action "dose": replaces the corresponding limits
  Text text;
  nlohmann::json source;
  // Renal bands only: estimator and [min, max) in its unit; dialysis match.
  std::string estimator;  // "cockcroft-gault" (mL/min) or "egfr" (mL/min/1.73 m²)
  std::optional<double> min, max;
  bool dialysis = false;
  // Pregnancy bands only: gestational age [from, to) in weeks of amenorrhoea.
  std::optional<double> from_weeks, to_weeks;
};

struct PosologyRule {
  std::string id;
  std::string route;       // "oral", "sc"...
  std::string indication;  // empty: any
  nlohmann::json when;     // population clauses
  std::string unit = "mg";
  Limits limits;
  Text text;  // the regimen as the source writes it
  nlohmann::json source;
};

struct Substance {
  std::string name;  // DCI, French
  std::vector<std::string> aliases;
  // Name and aliases case- and accent-folded, filled by ParsePosology so that
  // a lookup folds only the name asked for (empty: folded on each lookup).
  std::vector<std::string> folded_keys;
  std::vector<PosologyRule> rules;      // first matching rule applies
  std::vector<Band> contraindications;  // population-based (age...)
  std::vector<Band> renal;
  std::vector<Band> hepatic;  // when: {"hepatic_impairment": [...]}
  std::vector<Band> pregnancy;
  std::vector<Band> breastfeeding;  // statements of RCP 4.6 for a breastfeeding patient
};

struct PosologyBook {
  std::vector<Substance> substances;
  // By DCI or alias, ignoring case and accents of the ASCII spelling given.
  const Substance* Find(std::string_view name) const;
};

// Parses one file (a substance object or {"substances": [...]}). Every rule and
// band needs a source {document, version, section}. Errors: kDataError.
Result<PosologyBook> ParsePosology(std::string_view json_text);
Status MergeBooks(PosologyBook& into, PosologyBook more);

// The dose for this patient as JSON: {"substance", "status" ("ok",
// "contraindicated", "no_rule", "no_rule_for_population"), "rule", "limits"
// (absolute, for this patient), "renal", "hepatic", "pregnancy",
// "contraindications", "messages"}. A substance with no rule gives status
// "no_rule" ("no posology rule in the knowledge base"), never "ok".
// Errors: kMissingInput when the patient lacks what a rule needs to be chosen.
Result<nlohmann::json> DoseForPatient(const PosologyBook& book, std::string_view substance,
                                      const Patient& patient, std::string_view indication = "");

// A prescription line as DESIGN.md states it (FHIR Dosage-like).
struct PrescriptionLine {
  std::string substance;
  std::string indication;  // optional
  double dose_value = 0;
  std::string dose_unit = "mg";  // mg, g, µg, UI
  double frequency = 1;          // intakes per period
  double period = 1;
  std::string period_unit = "d";  // h, d, wk
  std::optional<double> duration_days;
};

struct Finding {
  std::string code;      // "dose.per_day_above_max", "renal.contraindicated"...
  std::string severity;  // "critical", "warning", "info" (DESIGN.md)
  Text message;
  nlohmann::json source;
};

// Checks one line against the rules for this patient. An unknown substance
// gives one "dose.no_rule" info finding. The patient's bands (renal, hepatic,
// pregnancy, breastfeeding, age: codes "<kind>.<action>") are reported
// whatever the dose; a dose unit or rhythm the rule cannot compare gives a
// "dose.not_evaluated" finding instead of the amount checks. Errors:
// kMissingInput as DoseForPatient.
Result<std::vector<Finding>> CheckLine(const PosologyBook& book, const Patient& patient,
                                       const PrescriptionLine& line);

// The patient's bands alone, for a line whose dose or timing is not given: a
// contra-indication never depends on the dose being stated. An unknown
// substance gives no finding.
Result<std::vector<Finding>> CheckPatientBands(const PosologyBook& book, const Patient& patient,
                                               std::string_view substance,
                                               std::string_view indication = "");

nlohmann::json ToJson(const Finding& finding);

}  // namespace vigie::dose
