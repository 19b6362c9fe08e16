// Parsing and validation of exam decision rules (data/exam-rules/*.json).
// Everything a rule refers to is checked at load time, so evaluation only
// meets input errors. Thread-safe: pure functions.
#include <exception>
#include <set>

#include "exam/conditions.h"
#include "vigie/calc/registry.h"
#include "vigie/exam/rules.h"

namespace vigie::exam {
namespace {

using nlohmann::json;

Status Bad(const std::string& where, const std::string& what) {
  return Status::Error(ErrorCode::kDataError, {"exam-rules/" + where, what});
}

Result<LocalText> ReadText(const json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("fr") || !j.contains("en") || !j["fr"].is_string() ||
      !j["en"].is_string()) {
    return Bad(where, "texte {fr, en} attendu / {fr, en} text expected");
  }
  return LocalText{j["fr"].get<std::string>(), j["en"].get<std::string>()};
}

Status CheckSource(const json& s, const std::string& where) {
  for (const char* key : {"document", "version", "section"}) {
    if (!s.is_object() || !s.contains(key) || !s[key].is_string() ||
        s[key].get<std::string>().empty()) {
      return Bad(where, std::string("source.") + key + " manquant / missing");
    }
  }
  return Status::Ok();
}

Result<ExamInput> ReadInput(const json& j, const std::string& where) {
  ExamInput in;
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string())
    return Bad(where, "input.name");
  in.name = j["name"].get<std::string>();
  std::string type = j.value("type", "");
  if (type != "boolean" && type != "number") return Bad(where, in.name + ": type boolean|number");
  in.boolean = type == "boolean";
  if (!in.boolean) {
    if (!j.contains("min") || !j.contains("max") || !j["min"].is_number() ||
        !j["max"].is_number()) {
      return Bad(where, in.name + ": min/max");
    }
    in.min = j["min"].get<double>();
    in.max = j["max"].get<double>();
    in.unit = j.value("unit", "");
  }
  Result<LocalText> label = ReadText(j.value("label", json()), where + "." + in.name);
  if (!label.ok()) return label.status();
  in.label = *label;
  return in;
}

Result<Verdict> ReadVerdict(const json& j, const std::string& where) {
  if (j.is_boolean()) return j.get<bool>() ? Verdict::kIndicated : Verdict::kNotIndicated;
  if (j == "not applicable") return Verdict::kNotApplicable;
  return Bad(where, "indicated: true|false|\"not applicable\"");
}

Result<Step> ReadStep(const json& j, const ConditionScope& scope, const std::string& where,
                      bool exclusion) {
  if (!j.is_object()) return Bad(where, "objet attendu / object expected");
  Step step;
  step.when = j.value("when", json());
  if (!exclusion || j.contains("when"))
    VIGIE_RETURN_IF_ERROR(ValidateCondition(step.when, scope, where));
  if (exclusion) {
    step.verdict = Verdict::kNotApplicable;
  } else {
    Result<Verdict> v = ReadVerdict(j.value("indicated", json()), where);
    if (!v.ok()) return v.status();
    step.verdict = *v;
  }
  Result<LocalText> reason = ReadText(j.value("reason", json()), where + ".reason");
  if (!reason.ok()) return reason.status();
  step.reason = *reason;
  return step;
}

Result<std::vector<Step>> ReadSteps(const json& j, const ConditionScope& scope,
                                    const std::string& where, bool exclusion) {
  if (!j.is_array() || j.empty()) return Bad(where, "liste non vide / non-empty list");
  std::vector<Step> out;
  for (size_t i = 0; i < j.size(); ++i) {
    Result<Step> s = ReadStep(j[i], scope, where + "[" + std::to_string(i) + "]", exclusion);
    if (!s.ok()) return s.status();
    out.push_back(*s);
  }
  return out;
}

Status ReadHeader(const json& j, ExamRule& rule) {
  Result<LocalText> name = ReadText(j.value("name", json()), rule.id + ".name");
  if (!name.ok()) return name.status();
  rule.name = *name;
  Result<LocalText> exam = ReadText(j.value("exam", json()), rule.id + ".exam");
  if (!exam.ok()) return exam.status();
  rule.exam = *exam;
  rule.source = j.value("source", json());
  return CheckSource(rule.source, rule.id);
}

Result<ExamRule> ReadRule(const json& j) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return Bad("?", "id");
  ExamRule rule;
  rule.id = j["id"].get<std::string>();
  VIGIE_RETURN_IF_ERROR(ReadHeader(j, rule));
  ConditionScope scope;
  for (const json& in : j.value("inputs", json::array())) {
    Result<ExamInput> input = ReadInput(in, rule.id);
    if (!input.ok()) return input.status();
    scope.inputs[input->name] = input->boolean;
    rule.inputs.push_back(*input);
  }
  Result<std::vector<Step>> exclusions =
      ReadSteps(j.value("exclusions", json()), scope, rule.id + ".exclusions", true);
  if (!exclusions.ok()) return exclusions.status();
  rule.exclusions = *exclusions;
  Result<std::vector<Step>> steps =
      ReadSteps(j.value("steps", json()), scope, rule.id + ".steps", false);
  if (!steps.ok()) return steps.status();
  rule.steps = *steps;
  json otherwise = j.value("otherwise", json());
  if (otherwise.is_object()) otherwise["when"] = json{{"all", json::array()}};
  Result<Step> last = ReadStep(otherwise, scope, rule.id + ".otherwise", false);
  if (!last.ok()) return last.status();
  rule.otherwise = *last;
  return rule;
}

Result<RuleSet> ParseUnchecked(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Error(ErrorCode::kMalformedJson, {"exam-rules"});
  json list = doc.is_object() && doc.contains("rules") ? doc["rules"] : json::array({doc});
  if (!list.is_array()) return Bad("?", "rules: liste / list");
  RuleSet set;
  for (const json& j : list) {
    Result<ExamRule> rule = ReadRule(j);
    if (!rule.ok()) return rule.status();
    RuleSet one;
    one.rules.push_back(std::move(rule).value());
    VIGIE_RETURN_IF_ERROR(MergeRuleSets(set, std::move(one)));
  }
  return set;
}

}  // namespace

const ExamRule* RuleSet::Find(std::string_view id) const {
  for (const ExamRule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Status MergeRuleSets(RuleSet& into, RuleSet more) {
  for (ExamRule& r : more.rules) {
    if (into.Find(r.id) != nullptr) return Bad(r.id, "identifiant en double / duplicate id");
    into.rules.push_back(std::move(r));
  }
  return Status::Ok();
}

Result<RuleSet> ParseExamRules(std::string_view json_text) {
  try {
    return ParseUnchecked(json_text);
  } catch (const std::exception& e) {  // nlohmann type errors stay inside the module
    return Bad("?", e.what());
  }
}

}  // namespace vigie::exam
