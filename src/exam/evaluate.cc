// Evaluation of an exam rule: exclusion criteria first ("not applicable"),
// then the ordered steps (first match wins), then `otherwise`.
// Thread-safe: pure functions.
#include <exception>

#include "exam/conditions.h"
#include "vigie/exam/rules.h"

namespace vigie::exam {
namespace {

using nlohmann::json;

ExamResult Make(const ExamRule& rule, const Step& step, const EvalContext& ctx) {
  ExamResult r;
  r.rule = rule.id;
  r.indicated = step.verdict;
  r.exam = rule.exam;
  r.reason = step.reason;
  r.source = rule.source;
  r.calculators = ctx.calculators;
  return r;
}

Result<ExamResult> EvaluateUnchecked(const ExamRule& rule, const json& inputs) {
  VIGIE_RETURN_IF_ERROR(CheckInputs(rule, inputs));
  EvalContext ctx{rule, inputs};
  for (const std::vector<Step>* steps : {&rule.exclusions, &rule.steps}) {
    for (const Step& step : *steps) {
      Result<bool> hit = EvaluateCondition(step.when, ctx);
      if (!hit.ok()) return hit.status();
      if (*hit) return Make(rule, step, ctx);
    }
  }
  return Make(rule, rule.otherwise, ctx);
}

json Text(const LocalText& t) { return {{"fr", t.fr}, {"en", t.en}}; }

}  // namespace

Result<ExamResult> EvaluateExam(const ExamRule& rule, const json& inputs) {
  try {
    return EvaluateUnchecked(rule, inputs);
  } catch (const std::exception& e) {  // never escapes the module
    return Status::Error(ErrorCode::kInvalidArgument, {e.what()});
  }
}

// An unknown id is not echoed (no patient data in error messages).
Result<ExamResult> EvaluateExam(const RuleSet& rules, std::string_view id, const json& inputs) {
  const ExamRule* rule = rules.Find(id);
  if (rule == nullptr) return Status::Error(ErrorCode::kNotFound, {"règle / rule (GET /v1/exam)"});
  return EvaluateExam(*rule, inputs);
}

json ToJson(const ExamResult& r) {
  json indicated = r.indicated == Verdict::kNotApplicable
                       ? json("not applicable")
                       : json(r.indicated == Verdict::kIndicated);
  return {{"rule", r.rule},           {"indicated", indicated}, {"exam", Text(r.exam)},
          {"reason", Text(r.reason)}, {"source", r.source},     {"calculators", r.calculators}};
}

json ListJson(const RuleSet& rules) {
  json list = json::array();
  for (const ExamRule& rule : rules.rules) {
    json inputs = json::array();
    for (const ExamInput& in : rule.inputs) {
      json j = {{"name", in.name},
                {"type", in.boolean ? "boolean" : "number"},
                {"label", Text(in.label)}};
      if (!in.boolean) {
        j["min"] = in.min;
        j["max"] = in.max;
        j["unit"] = in.unit;
      }
      inputs.push_back(j);
    }
    json exclusions = json::array();
    for (const Step& s : rule.exclusions) exclusions.push_back(Text(s.reason));
    list.push_back({{"id", rule.id},
                    {"name", Text(rule.name)},
                    {"exam", Text(rule.exam)},
                    {"inputs", inputs},
                    {"exclusions", exclusions},
                    {"source", rule.source}});
  }
  return list;
}

}  // namespace vigie::exam
