// "The right exam": published decision rules (Ottawa, Canadian CT head and
// C-spine, Wells/PERC/D-dimer, low back pain red flags...) kept as data in
// data/exam-rules/*.json, each with its source, and their evaluator.
// A rule is: declared inputs, exclusion criteria (-> "not applicable"), then
// ordered steps, first match wins, then `otherwise`. Conditions may use
// calculators of the registry (vigie/calc/registry.h), e.g. the Wells score.
// The caller reads the files and passes their text in (engines do no I/O).
// Thread-safety: RuleSet is immutable after parsing; EvaluateExam is pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"

namespace vigie::exam {

struct LocalText {
  std::string fr;
  std::string en;
};

enum class Verdict { kIndicated, kNotIndicated, kNotApplicable };

struct ExamInput {
  std::string name;
  bool boolean = true;  // else a number within [min, max]
  std::string unit;
  double min = 0;
  double max = 0;
  LocalText label;
};

// One clause: when `when` holds (a condition, see docs/exam-rules.md),
// the verdict is `verdict` for `reason`.
struct Step {
  nlohmann::json when;
  Verdict verdict = Verdict::kNotIndicated;
  LocalText reason;
};

struct ExamRule {
  std::string id;
  LocalText name;
  LocalText exam;
  nlohmann::json source;  // {"document", "version", "section", "verification"}
  std::vector<ExamInput> inputs;
  std::vector<Step> exclusions;  // verdict kNotApplicable
  std::vector<Step> steps;
  Step otherwise;
};

struct RuleSet {
  std::vector<ExamRule> rules;
  const ExamRule* Find(std::string_view id) const;
};

struct ExamResult {
  std::string rule;
  Verdict indicated = Verdict::kNotIndicated;
  LocalText exam;
  LocalText reason;
  nlohmann::json source;
  nlohmann::json calculators;  // {"wells-pe": 4.5, ...} values the rule used
};

// Parses one data file: a rule object or {"rules": [...]}. Every rule must
// have id, exam, source (document, version, section), declared inputs, at
// least one exclusion criterion, and conditions that name declared inputs
// or known calculators. Errors: kDataError naming the rule and the problem.
Result<RuleSet> ParseExamRules(std::string_view json_text);

// Appends `more` to `into`; a duplicate rule id is a kDataError.
Status MergeRuleSets(RuleSet& into, RuleSet more);

// Evaluates `rule` on a JSON object of inputs (a Patient object is accepted).
// Errors: kMissingInput when a condition reached needs an input not given,
// kOutOfRange / kInvalidArgument for bad values, kUnknownField. Never throws.
Result<ExamResult> EvaluateExam(const ExamRule& rule, const nlohmann::json& inputs);
Result<ExamResult> EvaluateExam(const RuleSet& rules, std::string_view id,
                                const nlohmann::json& inputs);

// {"rule", "indicated": true|false|"not applicable", "exam": {fr,en},
//  "reason": {fr,en}, "source", "calculators"}.
nlohmann::json ToJson(const ExamResult& result);

// [{"id", "name", "exam", "inputs", "source"}] for the CLI, API and UI.
nlohmann::json ListJson(const RuleSet& rules);

}  // namespace vigie::exam
