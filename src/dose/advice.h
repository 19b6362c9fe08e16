// Private to dose: the evaluation of a substance's rules for one patient,
// shared by DoseForPatient (JSON) and CheckLine (findings).
// Thread-safety: values; pure functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/dose/posology.h"

namespace vigie::dose {

struct BandHit {
  std::string kind;  // "renal", "hepatic", "pregnancy", "breastfeeding", "age", "general"
  const Band* band;
};

struct Advice {
  const Substance* substance = nullptr;
  const PosologyRule* rule = nullptr;              // null: no rule for this population
  Limits limits;                                   // absolute, for this patient
  nlohmann::json basis = nlohmann::json::array();  // how per-kg limits became absolute
  std::vector<BandHit> hits;
  nlohmann::json renal;              // estimate used, or why none
  std::vector<std::string> unknown;  // what could not be evaluated
  std::string status;  // ok, incomplete, caution, not_recommended, contraindicated, no_rule...
};

// Population clauses of `when` (all must hold). kMissingInput names the
// patient field a clause needs.
Result<bool> Matches(const nlohmann::json& when, const Patient& p);

// Load-time check of a `when` list: known clause kinds, numeric bounds,
// "at_least" a whole number 0-100 with an "of" list. kDataError otherwise.
Status ValidateWhen(const nlohmann::json& when, const std::string& where);

// The renal estimate a band asks for: Cockcroft-Gault from the patient, or the
// lab's eGFR if given, else CKD-EPI 2021. kMissingInput if not computable.
Result<nlohmann::json> RenalEstimate(const std::string& estimator, const Patient& p);
// The same, computed once per patient and estimator on a thread (the last
// one is kept); the reference is valid until the next call on the thread.
const Result<nlohmann::json>& RenalEstimateOnce(const std::string& estimator, const Patient& p);

// `detail`: fill Advice::renal (the estimates used, for DoseForPatient); a
// line check needs only the bands hit.
Result<Advice> Advise(const PosologyBook& book, std::string_view substance, const Patient& p,
                      std::string_view indication, bool detail = true);

}  // namespace vigie::dose
