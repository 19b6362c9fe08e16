// Validation and evaluation of exam-rule conditions. Thread-safe: pure
// functions over the request (the calculator registry is read-only).
#include "exam/conditions.h"

#include <cstdio>

#include "vigie/calc/registry.h"
#include "vigie/core/patient.h"

namespace vigie::exam {
namespace {

using nlohmann::json;

const char* const kOps[] = {"gt", "ge", "lt", "le", "eq"};

Status Bad(const std::string& where, const std::string& what) {
  return Status::Error(ErrorCode::kDataError, {"exam-rules/" + where, what});
}

const char* OpOf(const json& c) {
  for (const char* op : kOps) {
    if (c.contains(op)) return op;
  }
  return nullptr;
}

Status ValidateOperand(const json& v, const std::string& where) {
  if (v.is_number()) return Status::Ok();
  if (v.is_object() && v.contains("calc") && v["calc"].is_string() &&
      calc::FindCalculator(v["calc"].get<std::string>()) != nullptr) {
    return Status::Ok();
  }
  return Bad(where, "opérande : nombre ou {calc: id connu} / operand: number or {calc: known id}");
}

Status ValidateList(const json& list, const ConditionScope& scope, const std::string& where) {
  if (!list.is_array()) return Bad(where, "liste de conditions / list of conditions");
  for (const json& c : list) VIGIE_RETURN_IF_ERROR(ValidateCondition(c, scope, where));
  return Status::Ok();
}

std::string Short(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The value of a declared input; "age" also accepts age_years / age_months.
Result<json> InputValue(const std::string& name, const json& inputs) {
  auto get = [&](const char* key) -> const json* {
    auto it = inputs.find(key);
    return it == inputs.end() || it->is_null() ? nullptr : &*it;
  };
  if (const json* v = get(name.c_str())) return *v;
  if (name == "age") {
    if (const json* v = get("age_years")) return *v;
    if (const json* v = get("age_months"); v != nullptr && v->is_number())
      return json(v->get<double>() / 12);
  }
  return Status::Error(ErrorCode::kMissingInput, {name});
}

Result<double> CalcValue(const std::string& id, EvalContext& ctx) {
  if (ctx.calculators.contains(id)) return ctx.calculators[id].get<double>();
  const calc::CalculatorInfo* info = calc::FindCalculator(id);
  json subset = json::object();
  for (const auto& item : ctx.inputs.items()) {
    bool used = false;
    for (const calc::InputSpec& s : info->inputs) {
      used = used || s.name == item.key();
      for (const calc::AlternativeInput& a : s.alternatives) used = used || a.name == item.key();
    }
    if (used) subset[item.key()] = item.value();
  }
  Result<calc::CalcResult> r = calc::Evaluate(id, subset);
  if (!r.ok()) return r.status();
  ctx.calculators[id] = r->value;
  return r->value;
}

Result<double> Operand(const json& c, const char* key, EvalContext& ctx) {
  const json& v = c[key];
  if (v.is_number()) return v.get<double>();
  if (v.is_object()) return CalcValue(v["calc"].get<std::string>(), ctx);
  Result<json> in = InputValue(v.get<std::string>(), ctx.inputs);  // key == "input"
  if (!in.ok()) return in.status();
  return in->get<double>();
}

Result<bool> Compare(const json& c, EvalContext& ctx) {
  const char* op = OpOf(c);
  Result<double> left =
      c.contains("calc") ? CalcValue(c["calc"].get<std::string>(), ctx) : Operand(c, "input", ctx);
  if (!left.ok()) return left.status();
  Result<double> right = Operand(c, op, ctx);
  if (!right.ok()) return right.status();
  std::string o = op;
  if (o == "gt") return *left > *right;
  if (o == "ge") return *left >= *right;
  if (o == "lt") return *left < *right;
  if (o == "le") return *left <= *right;
  return *left == *right;
}

Result<bool> EvaluateList(const json& list, EvalContext& ctx, bool any) {
  for (const json& c : list) {
    Result<bool> r = EvaluateCondition(c, ctx);
    if (!r.ok()) return r.status();
    if (*r == any) return any;  // short-circuit: later inputs are not needed
  }
  return !any;
}

}  // namespace

Status ValidateCondition(const json& c, const ConditionScope& scope, const std::string& where) {
  if (!c.is_object() || c.size() == 0) return Bad(where, "condition : objet / object");
  if (c.contains("all")) return ValidateList(c["all"], scope, where);
  if (c.contains("any")) return ValidateList(c["any"], scope, where);
  if (c.contains("not")) return ValidateCondition(c["not"], scope, where);
  if (c.contains("missing")) {
    bool ok = c["missing"].is_string() && scope.inputs.count(c["missing"].get<std::string>());
    return ok ? Status::Ok() : Bad(where, "missing: entrée déclarée / declared input");
  }
  if (c.contains("calc")) {
    if (!c["calc"].is_string() || calc::FindCalculator(c["calc"].get<std::string>()) == nullptr) {
      return Bad(where, "calc inconnu / unknown calc");
    }
    const char* op = OpOf(c);
    return op == nullptr ? Bad(where, "opérateur / operator") : ValidateOperand(c[op], where);
  }
  if (!c.contains("input") || !c["input"].is_string())
    return Bad(where, "condition inconnue / unknown condition");
  auto it = scope.inputs.find(c["input"].get<std::string>());
  if (it == scope.inputs.end())
    return Bad(where, "entrée non déclarée / undeclared input " + c["input"].dump());
  if (c.contains("is")) {
    return it->second && c["is"].is_boolean() ? Status::Ok()
                                              : Bad(where, it->first + ": is true|false");
  }
  const char* op = OpOf(c);
  if (op == nullptr || it->second) return Bad(where, it->first + ": opérateur / operator");
  return ValidateOperand(c[op], where);
}

void CollectCalcIds(const json& c, std::set<std::string>& ids) {
  if (c.is_object()) {
    if (c.contains("calc") && c["calc"].is_string()) ids.insert(c["calc"].get<std::string>());
    for (const auto& item : c.items()) CollectCalcIds(item.value(), ids);
  } else if (c.is_array()) {
    for (const json& x : c) CollectCalcIds(x, ids);
  }
}

Result<bool> EvaluateCondition(const json& c, EvalContext& ctx) {
  if (c.contains("all")) return EvaluateList(c["all"], ctx, false);
  if (c.contains("any")) return EvaluateList(c["any"], ctx, true);
  if (c.contains("not")) {
    Result<bool> r = EvaluateCondition(c["not"], ctx);
    if (!r.ok()) return r.status();
    return !*r;
  }
  if (c.contains("missing")) return !InputValue(c["missing"].get<std::string>(), ctx.inputs).ok();
  if (c.contains("is")) {
    Result<json> v = InputValue(c["input"].get<std::string>(), ctx.inputs);
    if (!v.ok()) return v.status();
    return v->get<bool>() == c["is"].get<bool>();
  }
  return Compare(c, ctx);
}

Status CheckInputs(const ExamRule& rule, const json& inputs) {
  if (!inputs.is_object())
    return Status::Error(ErrorCode::kInvalidArgument, {"inputs (objet JSON / JSON object)"});
  std::set<std::string> calc_ids;
  for (const Step& s : rule.exclusions) CollectCalcIds(s.when, calc_ids);
  for (const Step& s : rule.steps) CollectCalcIds(s.when, calc_ids);
  for (const auto& item : inputs.items()) {
    const std::string& key = item.key();
    bool known = false;
    for (const ExamInput& in : rule.inputs) known = known || in.name == key;
    for (const std::string& id : calc_ids) {
      for (const calc::InputSpec& s : calc::FindCalculator(id)->inputs) {
        known = known || s.name == key;
        for (const calc::AlternativeInput& a : s.alternatives) known = known || a.name == key;
      }
    }
    if (!known && !IsPatientJsonField(key)) return Status::Error(ErrorCode::kUnknownField, {key});
  }
  for (const ExamInput& in : rule.inputs) {
    Result<json> v = InputValue(in.name, inputs);
    if (!v.ok()) continue;  // needed only if a condition reaches it
    if (in.boolean && !v->is_boolean())
      return Status::Error(ErrorCode::kInvalidArgument, {in.name + " (true/false)"});
    if (in.boolean) continue;
    if (!v->is_number())
      return Status::Error(ErrorCode::kInvalidArgument, {in.name + " (nombre / number)"});
    double x = v->get<double>();
    if (!(x >= in.min && x <= in.max)) {
      return Status::Error(
          ErrorCode::kOutOfRange,
          {in.name + (in.unit.empty() ? "" : " (" + in.unit + ")"), Short(in.min), Short(in.max)});
    }
  }
  return Status::Ok();
}

}  // namespace vigie::exam
