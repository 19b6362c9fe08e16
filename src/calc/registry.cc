// The registry: assembles the calculator families once, evaluates by id and
// describes itself as JSON for the CLI, the HTTP API and the UI.
// Thread-safety: the table is a function-local static (initialised once,
// thread-safe in C++11+) and read-only afterwards.
#include "vigie/calc/registry.h"

#include <cmath>
#include <exception>

#include "calc/calculator.h"

namespace vigie::calc {
namespace {

using nlohmann::json;

const std::vector<Calculator>& Table() {
  static const std::vector<Calculator> kTable = [] {
    std::vector<Calculator> all;
    for (auto family : {&RenalCalculators, &BodyCalculators, &ThromboCalculators, &AcuteCalculators,
                        &DecisionRuleCalculators}) {
      std::vector<Calculator> part = family();
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  }();
  return kTable;
}

const Calculator* Find(std::string_view id) {
  for (const Calculator& c : Table()) {
    if (c.info.id == id) return &c;
  }
  return nullptr;
}

std::string_view TypeName(InputType t) {
  switch (t) {
    case InputType::kNumber:
      return "number";
    case InputType::kInteger:
      return "integer";
    case InputType::kBoolean:
      return "boolean";
    case InputType::kSex:
      return "sex";
    case InputType::kChoice:
      return "choice";
    case InputType::kDate:
      return "date";
  }
  return "number";
}

json InputJson(const InputSpec& s) {
  json j = {{"name", s.name},
            {"type", TypeName(s.type)},
            {"required", s.required},
            {"label", {{"fr", s.label_fr}, {"en", s.label_en}}}};
  if (!s.unit.empty()) j["unit"] = s.unit;
  if (s.type == InputType::kNumber || s.type == InputType::kInteger) {
    j["min"] = s.min;
    j["max"] = s.max;
  }
  if (!s.choices.empty()) j["choices"] = s.choices;
  json alts = json::array();
  for (const AlternativeInput& a : s.alternatives) {
    alts.push_back(
        {{"name", a.name}, {"unit", a.unit}, {"factor", a.factor}, {"offset", a.offset}});
  }
  if (!alts.empty()) j["alternatives"] = alts;
  return j;
}

json InputsUsed(const CalculatorInfo& info, const Inputs& in) {
  json used = json::object();
  for (const InputSpec& s : info.inputs) {
    if (!in.Has(s.name)) continue;
    json v;
    if (s.type == InputType::kBoolean) {
      v["value"] = in.Bool(s.name);
    } else if (s.type == InputType::kNumber || s.type == InputType::kInteger) {
      v["value"] = in.Number(s.name);
      if (!s.unit.empty()) v["unit"] = s.unit;
      if (in.GivenAs(s.name) != s.name) {
        v["given_as"] = {{"name", in.GivenAs(s.name)}, {"value", in.GivenNumber(s.name)}};
      }
    } else {
      v["value"] = in.Text(s.name);
    }
    used[s.name] = v;
  }
  return used;
}

Result<CalcResult> EvaluateUnchecked(const Calculator& c, const json& inputs) {
  Result<Inputs> in = ReadInputs(c.info, inputs);
  if (!in.ok()) return in.status();
  Result<Output> out = c.compute(*in);
  if (!out.ok()) return out.status();
  if (!std::isfinite(out->value)) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {c.info.id + " (résultat non défini / undefined result)"});
  }
  CalcResult r;
  r.id = c.info.id;
  r.value = out->value;
  r.decimals = c.info.decimals;
  r.unit = out->unit.empty() ? c.info.output_unit : out->unit;
  r.interpretation_fr = out->interpretation_fr;
  r.interpretation_en = out->interpretation_en;
  r.formula = out->formula.empty() ? c.info.formula : out->formula;
  r.source = c.info.source;
  r.inputs_used = InputsUsed(c.info, *in);
  return r;
}

Result<json> ValueFromText(const InputSpec& spec, const std::string& key, const std::string& text) {
  if (spec.type == InputType::kBoolean) {
    if (text == "true" || text == "oui" || text == "yes" || text == "1") return json(true);
    if (text == "false" || text == "non" || text == "no" || text == "0") return json(false);
    return Status::Error(ErrorCode::kInvalidArgument, {key + " (true/false)"});
  }
  if (spec.type == InputType::kNumber || spec.type == InputType::kInteger) {
    json number = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!number.is_number()) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           {key + " (nombre attendu / number expected)"});
    }
    return number;
  }
  return json(text);
}

const InputSpec* SpecFor(const CalculatorInfo& info, const std::string& key) {
  for (const InputSpec& s : info.inputs) {
    if (s.name == key) return &s;
    for (const AlternativeInput& a : s.alternatives) {
      if (a.name == key) return &s;
    }
  }
  return nullptr;
}

}  // namespace

const std::vector<CalculatorInfo>& AllCalculators() {
  static const std::vector<CalculatorInfo> kInfos = [] {
    std::vector<CalculatorInfo> infos;
    for (const Calculator& c : Table()) infos.push_back(c.info);
    return infos;
  }();
  return kInfos;
}

const CalculatorInfo* FindCalculator(std::string_view id) {
  const Calculator* c = Find(id);
  return c == nullptr ? nullptr : &c->info;
}

// An unknown id is not echoed: it arrives in the URL, where anything can be
// typed (no patient data in error messages).
Result<CalcResult> Evaluate(std::string_view id, const json& inputs) {
  const Calculator* c = Find(id);
  if (c == nullptr)
    return Status::Error(ErrorCode::kNotFound, {"calculateur / calculator (GET /v1/calc)"});
  try {
    return EvaluateUnchecked(*c, inputs);
  } catch (const std::exception& e) {  // nlohmann type errors: never escape the module
    return Status::Error(ErrorCode::kInvalidArgument, {e.what()});
  }
}

Result<json> InputsFromKeyValues(std::string_view id, const std::vector<std::string>& args) {
  const CalculatorInfo* info = FindCalculator(id);
  if (info == nullptr)
    return Status::Error(ErrorCode::kNotFound, {"calculateur / calculator (GET /v1/calc)"});
  json out = json::object();
  for (const std::string& arg : args) {
    size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::Error(ErrorCode::kUsage, {arg + " (clé=valeur / key=value)"});
    std::string key = arg.substr(0, eq);
    std::string text = arg.substr(eq + 1);
    const InputSpec* spec = SpecFor(*info, key);
    if (spec == nullptr) {
      out[key] = text;  // Evaluate reports unknown fields; Patient fields are ignored
      continue;
    }
    Result<json> value = ValueFromText(*spec, key, text);
    if (!value.ok()) return value.status();
    out[key] = *value;
  }
  return out;
}

json ListJson() {
  json list = json::array();
  for (const CalculatorInfo& c : AllCalculators()) {
    json inputs = json::array();
    for (const InputSpec& s : c.inputs) inputs.push_back(InputJson(s));
    list.push_back({{"id", c.id},
                    {"name", {{"fr", c.name_fr}, {"en", c.name_en}}},
                    {"inputs", inputs},
                    {"output_unit", c.output_unit},
                    {"decimals", c.decimals},
                    {"formula", c.formula},
                    {"source", c.source}});
  }
  return list;
}

json ToJson(const CalcResult& r) {
  double scale = std::pow(10.0, r.decimals);
  return {{"id", r.id},
          {"value", std::round(r.value * scale) / scale},
          {"unit", r.unit},
          {"interpretation", {{"fr", r.interpretation_fr}, {"en", r.interpretation_en}}},
          {"formula", r.formula},
          {"source", r.source},
          {"inputs_used", r.inputs_used}};
}

}  // namespace vigie::calc
