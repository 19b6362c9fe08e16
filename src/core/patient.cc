// Patient <-> JSON with validation. Thread-safe: pure functions.
#include "vigie/core/patient.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>
#include <string_view>

#include "vigie/core/units.h"

namespace vigie {
namespace {

using nlohmann::json;

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Result<double> ReadNumber(const json& j, const std::string& field, Bounds bounds) {
  if (!j.is_number()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {field + " (nombre attendu / number expected)"});
  }
  double v = j.get<double>();
  if (!(v >= bounds.min && v <= bounds.max)) {
    return Status::Error(ErrorCode::kOutOfRange,
                         {field, FormatNumber(bounds.min), FormatNumber(bounds.max)});
  }
  return v;
}

Result<bool> ReadBool(const json& j, const std::string& field) {
  if (!j.is_boolean()) {
    return Status::Error(ErrorCode::kInvalidArgument, {field + " (true/false)"});
  }
  return j.get<bool>();
}

Result<std::vector<std::string>> ReadStrings(const json& j, const std::string& field) {
  if (!j.is_array()) {
    return Status::Error(ErrorCode::kInvalidArgument, {field + " (liste / list)"});
  }
  std::vector<std::string> out;
  for (const json& item : j) {
    if (!item.is_string()) {
      return Status::Error(ErrorCode::kInvalidArgument, {field + " (texte / text)"});
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<Date> ReadDate(const json& j, const std::string& field) {
  if (!j.is_string()) return Status::Error(ErrorCode::kInvalidArgument, {field});
  return ParseIsoDate(j.get<std::string>(), field);
}

// Assigns a Result to an optional member or returns its error.
#define VIGIE_ASSIGN_OR_RETURN(target, expr) \
  do {                                       \
    auto r_ = (expr);                        \
    if (!r_.ok()) return r_.status();        \
    (target) = std::move(r_).value();        \
  } while (false)

Status ReadField(const std::string& key, const json& v, Patient& p) {
  if (v.is_null()) return Status::Ok();  // explicit null = not given
  if (key == "age_years" || key == "age") {
    VIGIE_ASSIGN_OR_RETURN(p.age_years, ReadNumber(v, key, kAgeYearsBounds));
  } else if (key == "age_months") {
    VIGIE_ASSIGN_OR_RETURN(p.age_months, ReadNumber(v, key, kAgeMonthsBounds));
  } else if (key == "sex") {
    std::string s = v.is_string() ? v.get<std::string>() : "";
    if (s == "M" || s == "m" || s == "H" || s == "h") {
      p.sex = Sex::kMale;
    } else if (s == "F" || s == "f") {
      p.sex = Sex::kFemale;
    } else {
      return Status::Error(ErrorCode::kInvalidArgument, {"sex (M/F)"});
    }
  } else if (key == "weight_kg") {
    VIGIE_ASSIGN_OR_RETURN(p.weight_kg, ReadNumber(v, key, kWeightKgBounds));
  } else if (key == "height_cm") {
    VIGIE_ASSIGN_OR_RETURN(p.height_cm, ReadNumber(v, key, kHeightCmBounds));
  } else if (key == "creatinine_umol_l") {
    VIGIE_ASSIGN_OR_RETURN(p.creatinine_umol_l, ReadNumber(v, key, kCreatinineUmolBounds));
  } else if (key == "creatinine_mg_dl") {
    double mg_dl = 0;
    VIGIE_ASSIGN_OR_RETURN(mg_dl, ReadNumber(v, key, kCreatinineMgDlBounds));
    p.creatinine_umol_l = units::CreatinineMgDlToUmolL(mg_dl);
  } else if (key == "creatinine_date") {
    VIGIE_ASSIGN_OR_RETURN(p.creatinine_date, ReadDate(v, key));
  } else if (key == "egfr") {
    VIGIE_ASSIGN_OR_RETURN(p.egfr, ReadNumber(v, key, kEgfrBounds));
  } else if (key == "egfr_date") {
    VIGIE_ASSIGN_OR_RETURN(p.egfr_date, ReadDate(v, key));
  } else if (key == "dialysis") {
    VIGIE_ASSIGN_OR_RETURN(p.dialysis, ReadBool(v, key));
  } else if (key == "hepatic_impairment") {
    std::string s = v.is_string() ? v.get<std::string>() : "";
    if (s == "none") {
      p.hepatic_impairment = HepaticImpairment::kNone;
    } else if (s == "child_pugh_a") {
      p.hepatic_impairment = HepaticImpairment::kChildPughA;
    } else if (s == "child_pugh_b") {
      p.hepatic_impairment = HepaticImpairment::kChildPughB;
    } else if (s == "child_pugh_c") {
      p.hepatic_impairment = HepaticImpairment::kChildPughC;
    } else {
      return Status::Error(ErrorCode::kInvalidArgument,
                           {"hepatic_impairment (none, child_pugh_a, child_pugh_b, child_pugh_c)"});
    }
  } else if (key == "pregnant") {
    VIGIE_ASSIGN_OR_RETURN(p.pregnant, ReadBool(v, key));
  } else if (key == "gestational_age_weeks") {
    VIGIE_ASSIGN_OR_RETURN(p.gestational_age_weeks, ReadNumber(v, key, kGestationalWeeksBounds));
  } else if (key == "breastfeeding") {
    VIGIE_ASSIGN_OR_RETURN(p.breastfeeding, ReadBool(v, key));
  } else if (key == "allergies") {
    VIGIE_ASSIGN_OR_RETURN(p.allergies, ReadStrings(v, key));
  } else if (key == "conditions") {
    VIGIE_ASSIGN_OR_RETURN(p.conditions, ReadStrings(v, key));
  } else {
    return Status::Error(ErrorCode::kUnknownField, {"patient." + key});
  }
  return Status::Ok();
}

#undef VIGIE_ASSIGN_OR_RETURN

std::string_view HepaticName(HepaticImpairment h) {
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

}  // namespace

bool IsPatientJsonField(std::string_view name) {
  static constexpr std::string_view kFields[] = {"age",
                                                 "age_years",
                                                 "age_months",
                                                 "sex",
                                                 "weight_kg",
                                                 "height_cm",
                                                 "creatinine_umol_l",
                                                 "creatinine_mg_dl",
                                                 "creatinine_date",
                                                 "egfr",
                                                 "egfr_date",
                                                 "dialysis",
                                                 "hepatic_impairment",
                                                 "pregnant",
                                                 "gestational_age_weeks",
                                                 "breastfeeding",
                                                 "allergies",
                                                 "conditions"};
  for (std::string_view f : kFields) {
    if (f == name) return true;
  }
  return false;
}

std::optional<double> Patient::AgeYears() const {
  if (age_years) return age_years;
  if (age_months) return *age_months / 12.0;
  return std::nullopt;
}

Result<Patient> PatientFromJson(const json& j) {
  if (!j.is_object()) {
    return Status::Error(ErrorCode::kInvalidArgument, {"patient (objet JSON / JSON object)"});
  }
  if (j.contains("creatinine_umol_l") && j.contains("creatinine_mg_dl") &&
      !j["creatinine_umol_l"].is_null() && !j["creatinine_mg_dl"].is_null()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {"creatinine_umol_l / creatinine_mg_dl : une seule des deux / only one"});
  }
  Patient p;
  for (const auto& [key, value] : j.items()) {
    VIGIE_RETURN_IF_ERROR(ReadField(key, value, p));
  }
  if (p.gestational_age_weeks && p.pregnant == false) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {"gestational_age_weeks avec pregnant=false / with pregnant=false"});
  }
  return p;
}

json PatientToJson(const Patient& p) {
  json j = json::object();
  auto put = [&](const char* key, const auto& opt) {
    if (opt) j[key] = *opt;
  };
  put("age_years", p.age_years);
  put("age_months", p.age_months);
  if (p.sex) j["sex"] = *p.sex == Sex::kMale ? "M" : "F";
  put("weight_kg", p.weight_kg);
  put("height_cm", p.height_cm);
  put("creatinine_umol_l", p.creatinine_umol_l);
  if (p.creatinine_date) j["creatinine_date"] = p.creatinine_date->ToIso();
  put("egfr", p.egfr);
  if (p.egfr_date) j["egfr_date"] = p.egfr_date->ToIso();
  put("dialysis", p.dialysis);
  if (p.hepatic_impairment) j["hepatic_impairment"] = HepaticName(*p.hepatic_impairment);
  put("pregnant", p.pregnant);
  put("gestational_age_weeks", p.gestational_age_weeks);
  put("breastfeeding", p.breastfeeding);
  j["allergies"] = p.allergies;
  j["conditions"] = p.conditions;
  return j;
}

}  // namespace vigie
