// The one Patient type shared by every module and every API (DESIGN.md,
// "Conventions"). JSON field names are the struct's names. Thread-safe: value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vigie/core/date.h"
#include "vigie/core/status.h"

namespace vigie {

enum class Sex { kMale, kFemale };
enum class HepaticImpairment { kNone, kChildPughA, kChildPughB, kChildPughC };

struct Patient {
  std::optional<double> age_years;   // "age" accepted as alias on input
  std::optional<double> age_months;  // infants
  std::optional<Sex> sex;
  std::optional<double> weight_kg;
  std::optional<double> height_cm;
  std::optional<double> creatinine_umol_l;  // given directly or from creatinine_mg_dl
  std::optional<Date> creatinine_date;
  std::optional<double> egfr;  // mL/min/1.73 m2, as given by the lab
  std::optional<Date> egfr_date;
  std::optional<bool> dialysis;
  std::optional<HepaticImpairment> hepatic_impairment;
  std::optional<bool> pregnant;
  std::optional<double> gestational_age_weeks;
  std::optional<bool> breastfeeding;
  std::vector<std::string> allergies;   // names, DCI, drug names or ATC codes
  std::vector<std::string> conditions;  // text or CIM-10 codes

  // Age in years, from age_years or age_months / 12.
  std::optional<double> AgeYears() const;
};

// Plausibility bounds used by PatientFromJson (inclusive).
struct Bounds {
  double min;
  double max;
};
inline constexpr Bounds kAgeYearsBounds{0, 130};
inline constexpr Bounds kAgeMonthsBounds{0, 1560};
inline constexpr Bounds kWeightKgBounds{0.3, 400};
inline constexpr Bounds kHeightCmBounds{20, 260};
inline constexpr Bounds kCreatinineUmolBounds{5, 3000};
inline constexpr Bounds kCreatinineMgDlBounds{0.05, 34};
inline constexpr Bounds kEgfrBounds{0, 250};
inline constexpr Bounds kGestationalWeeksBounds{0, 45};

// Reads a Patient from a JSON object. Unknown fields, wrong types and
// out-of-range values give an error naming the field (never silently dropped).
Result<Patient> PatientFromJson(const nlohmann::json& j);

// True if `name` is a field PatientFromJson accepts (including the aliases
// "age" and "creatinine_mg_dl"), so that engines taking a Patient object mixed
// with their own inputs can tell the two apart.
bool IsPatientJsonField(std::string_view name);

// Writes the Patient with the canonical field names (creatinine in µmol/L).
nlohmann::json PatientToJson(const Patient& p);

}  // namespace vigie
