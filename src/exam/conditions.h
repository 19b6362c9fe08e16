// Conditions of exam rules: validation at load time and evaluation against
// a request's inputs. Grammar (docs/exam-rules.md):
//   {"all": [c...]} | {"any": [c...]} | {"not": c} | {"missing": "input"}
//   {"input": name, "is": true|false}
//   {"input"|"calc": name, "gt"|"ge"|"lt"|"le"|"eq": number | {"calc": id}}
// Thread-safety: pure functions; EvalContext is per evaluation.
#pragma once

#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"
#include "vigie/exam/rules.h"

namespace vigie::exam {

struct ConditionScope {
  std::map<std::string, bool> inputs;  // declared input -> is boolean
};

Status ValidateCondition(const nlohmann::json& c, const ConditionScope& scope,
                         const std::string& where);

// Calculator ids referenced anywhere in `c`.
void CollectCalcIds(const nlohmann::json& c, std::set<std::string>& ids);

struct EvalContext {
  const ExamRule& rule;
  const nlohmann::json& inputs;
  nlohmann::json calculators = nlohmann::json::object();  // id -> value, filled lazily
};

// Errors: kMissingInput (an input the condition needs), input errors of the
// calculators it calls.
Result<bool> EvaluateCondition(const nlohmann::json& c, EvalContext& ctx);

// Checks types and ranges of the declared inputs present, and that every
// field is declared, a Patient field, or an input of a calculator used.
Status CheckInputs(const ExamRule& rule, const nlohmann::json& inputs);

}  // namespace vigie::exam
