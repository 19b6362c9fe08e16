// Validation of calculator inputs against their declarations: one name among
// the alternatives, type, range (in the unit given), conversion to the
// canonical unit. Thread-safe: pure functions.
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "calc/calculator.h"
#include "vigie/core/date.h"
#include "vigie/core/patient.h"
#include "vigie/core/units.h"

namespace vigie::calc {
namespace {

using nlohmann::json;

std::string Short(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Names under which `spec` may be given, canonical first.
std::vector<AlternativeInput> NamesOf(const InputSpec& spec) {
  std::vector<AlternativeInput> names{{spec.name, spec.unit, 1, 0}};
  names.insert(names.end(), spec.alternatives.begin(), spec.alternatives.end());
  return names;
}

std::string NameList(const InputSpec& spec) {
  std::string out;
  for (const AlternativeInput& a : NamesOf(spec)) out += (out.empty() ? "" : " / ") + a.name;
  return out;
}

Result<Inputs::Value> ReadNumber(const InputSpec& spec, const AlternativeInput& as, const json& v) {
  if (!v.is_number()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {as.name + " (nombre attendu / number expected)"});
  }
  double given = v.get<double>();
  if (!std::isfinite(given)) return Status::Error(ErrorCode::kInvalidArgument, {as.name});
  // The range in the unit given, so the message speaks the caller's unit.
  double lo = (spec.min - as.offset) / as.factor;
  double hi = (spec.max - as.offset) / as.factor;
  double canonical = given * as.factor + as.offset;
  if (as.factor != 1 || as.offset != 0) canonical = std::round(canonical * 1e6) / 1e6;
  bool in_range = (given >= lo && given <= hi) || (canonical >= spec.min && canonical <= spec.max);
  if (!in_range) {
    std::string name = as.name + (as.unit.empty() ? "" : " (" + as.unit + ")");
    return Status::Error(ErrorCode::kOutOfRange, {name, Short(lo), Short(hi)});
  }
  if (spec.type == InputType::kInteger && given != std::floor(given)) {
    return Status::Error(ErrorCode::kInvalidArgument, {as.name + " (entier / whole number)"});
  }
  return Inputs::Value{canonical, "", as.name, given};
}

Result<Inputs::Value> ReadOther(const InputSpec& spec, const std::string& name, const json& v) {
  switch (spec.type) {
    case InputType::kBoolean:
      if (!v.is_boolean())
        return Status::Error(ErrorCode::kInvalidArgument, {name + " (true/false)"});
      return Inputs::Value{v.get<bool>() ? 1.0 : 0.0, "", name, 0};
    case InputType::kSex: {
      std::string s = v.is_string() ? v.get<std::string>() : "";
      if (s == "M" || s == "m" || s == "H" || s == "h") return Inputs::Value{0, "M", name, 0};
      if (s == "F" || s == "f") return Inputs::Value{0, "F", name, 0};
      return Status::Error(ErrorCode::kInvalidArgument, {name + " (M/F)"});
    }
    case InputType::kChoice: {
      std::string s = v.is_string() ? v.get<std::string>() : "";
      for (const std::string& c : spec.choices) {
        if (c == s) return Inputs::Value{0, s, name, 0};
      }
      std::string all;
      for (const std::string& c : spec.choices) all += (all.empty() ? "" : ", ") + c;
      return Status::Error(ErrorCode::kInvalidArgument, {name + " (" + all + ")"});
    }
    default: {  // date
      if (!v.is_string())
        return Status::Error(ErrorCode::kInvalidArgument, {name + " (YYYY-MM-DD)"});
      Result<Date> d = ParseIsoDate(v.get<std::string>(), name);
      if (!d.ok()) return d.status();
      return Inputs::Value{0, d->ToIso(), name, 0};
    }
  }
}

Status ReadOne(const InputSpec& spec, const json& j, Inputs& in) {
  const AlternativeInput* found = nullptr;
  std::vector<AlternativeInput> names = NamesOf(spec);
  for (const AlternativeInput& a : names) {
    auto it = j.find(a.name);
    if (it == j.end() || it->is_null()) continue;
    if (found != nullptr) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           {NameList(spec) + " : une seule valeur / only one of them"});
    }
    found = &a;
  }
  if (found == nullptr) {
    if (spec.type == InputType::kChoice && !spec.choices.empty()) {
      in.Set(spec.name, Inputs::Value{0, spec.choices.front(), "(default)", 0});
      return Status::Ok();
    }
    if (spec.required) return Status::Error(ErrorCode::kMissingInput, {NameList(spec)});
    return Status::Ok();
  }
  const json& v = j.at(found->name);
  bool numeric = spec.type == InputType::kNumber || spec.type == InputType::kInteger;
  Result<Inputs::Value> value =
      numeric ? ReadNumber(spec, *found, v) : ReadOther(spec, found->name, v);
  if (!value.ok()) return value.status();
  in.Set(spec.name, std::move(value).value());
  return Status::Ok();
}

bool IsDeclared(const CalculatorInfo& info, const std::string& key) {
  for (const InputSpec& spec : info.inputs) {
    for (const AlternativeInput& a : NamesOf(spec)) {
      if (a.name == key) return true;
    }
  }
  return false;
}

}  // namespace

Result<Inputs> ReadInputs(const CalculatorInfo& info, const json& j) {
  if (!j.is_object()) {
    return Status::Error(ErrorCode::kInvalidArgument, {"inputs (objet JSON / JSON object)"});
  }
  for (const auto& item : j.items()) {
    if (!IsDeclared(info, item.key()) && !IsPatientJsonField(item.key())) {
      return Status::Error(ErrorCode::kUnknownField, {item.key()});
    }
  }
  Inputs in;
  for (const InputSpec& spec : info.inputs) VIGIE_RETURN_IF_ERROR(ReadOne(spec, j, in));
  return in;
}

InputSpec Num(std::string name, std::string unit, double min, double max, std::string fr,
              std::string en) {
  InputSpec s;
  s.name = std::move(name);
  s.type = InputType::kNumber;
  s.unit = std::move(unit);
  s.min = min;
  s.max = max;
  s.label_fr = std::move(fr);
  s.label_en = std::move(en);
  return s;
}

InputSpec Int(std::string name, double min, double max, std::string fr, std::string en) {
  InputSpec s = Num(std::move(name), "", min, max, std::move(fr), std::move(en));
  s.type = InputType::kInteger;
  return s;
}

InputSpec Flag(std::string name, std::string fr, std::string en) {
  InputSpec s = Num(std::move(name), "", 0, 1, std::move(fr), std::move(en));
  s.type = InputType::kBoolean;
  return s;
}

InputSpec Optional(InputSpec spec) {
  spec.required = false;
  return spec;
}

InputSpec AgeInput(double min_years) {
  InputSpec s = Num("age", "years", min_years, kAgeYearsBounds.max, "Âge", "Age");
  s.alternatives = {{"age_years", "years", 1, 0}, {"age_months", "months", 1.0 / 12, 0}};
  return s;
}

InputSpec SexInput() {
  InputSpec s = Num("sex", "", 0, 0, "Sexe (M/F)", "Sex (M/F)");
  s.type = InputType::kSex;
  return s;
}

InputSpec WeightInput() {
  return Num("weight_kg", "kg", kWeightKgBounds.min, kWeightKgBounds.max, "Poids", "Weight");
}

InputSpec HeightInput() {
  return Num("height_cm", "cm", kHeightCmBounds.min, kHeightCmBounds.max, "Taille", "Height");
}

InputSpec CreatinineInput() {
  InputSpec s = Num("creatinine_umol_l", "µmol/L", kCreatinineUmolBounds.min,
                    kCreatinineUmolBounds.max, "Créatininémie", "Serum creatinine");
  s.alternatives = {{"creatinine_mg_dl", "mg/dL", units::kCreatinineUmolPerMgDl, 0}};
  return s;
}

InputSpec CreatinineDateInput() {
  InputSpec s = Num("creatinine_date", "", 0, 0, "Date de la créatininémie", "Creatinine date");
  s.type = InputType::kDate;
  s.required = false;
  return s;
}

double SumItems(const Inputs& in, const std::vector<std::pair<std::string, double>>& items) {
  double total = 0;
  for (const auto& [name, points] : items) {
    if (in.Has(name) && in.Bool(name)) total += points;
  }
  return total;
}

std::string Fixed(double value, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace vigie::calc
