// The decision-rule rows of ../shared/clinical/formula_test_vectors.csv through
// the exam rules of data/exam-rules (expected verdicts read from the CSV), and
// agreement between each exam rule and the calculator of the same rule.
#include <gtest/gtest.h>

#include <filesystem>

#include "calc/decision_vectors_test_util.h"
#include "calc/shared_csv_test_util.h"
#include "vigie/calc/registry.h"
#include "vigie/exam/rules.h"

namespace vigie::exam {
namespace {

using nlohmann::json;

Result<RuleSet> LoadRule(const std::string& id) {
  std::string path = testing::SourceDir() + "/data/exam-rules/" + id + ".json";
  return ParseExamRules(testing::ReadFileOrEmpty(path));
}

// Applicability inputs that keep each rule in its population (adult, alert,
// minor head injury...), so the CSV rows test the rule itself.
json InPopulation(const std::string& rule) {
  if (rule == "ottawa-ankle") {
    return {{"age", 30},
            {"pregnant", false},
            {"isolated_skin_injury", false},
            {"injury_over_10_days", false},
            {"returning_for_reassessment", false}};
  }
  if (rule == "canadian-ct-head") {
    return {{"anticoagulant_or_bleeding_disorder", false},
            {"seizure_after_injury", false},
            {"gcs", 15},
            {"loc_amnesia_or_disorientation", true}};
  }
  return {{"gcs", 15}, {"unstable_vital_signs", false}};
}

TEST(ExamVectorsTest, CsvDecisionRowsAndAgreementWithCalculators) {
  std::string csv = testing::ReadSharedClinical("formula_test_vectors.csv");
  ASSERT_FALSE(csv.empty());
  int checked = 0;
  for (const auto& row : testing::CsvRecords(csv)) {
    if (row.at("unit") != "decision") continue;
    std::string key = row.at("formula") + " | " + row.at("inputs");
    auto it = testing::DecisionRows().find(key);
    ASSERT_NE(it, testing::DecisionRows().end()) << key;
    std::string rule_id = it->second.calc_id.empty() ? "canadian-ct-head" : it->second.calc_id;
    Result<RuleSet> rules = LoadRule(rule_id);
    ASSERT_TRUE(rules.ok()) << rules.status().Message(Lang::kEn);
    json inputs = InPopulation(rule_id);
    inputs.update(it->second.inputs);
    Result<ExamResult> r = EvaluateExam(*rules, rule_id, inputs);
    ASSERT_TRUE(r.ok()) << key << ": " << r.status().Message(Lang::kEn);
    json verdict = ToJson(*r)["indicated"];
    const std::string& expected = row.at("expected");
    if (expected == "Rule not applicable") {
      EXPECT_EQ(verdict, "not applicable") << key;
    } else {
      EXPECT_EQ(verdict, testing::DecisionValue(expected) == 1) << key << " -> " << expected;
      Result<calc::CalcResult> c = calc::Evaluate(rule_id, it->second.inputs);
      ASSERT_TRUE(c.ok()) << key;
      EXPECT_EQ(c->value == 1, verdict == true) << "calc and exam rule disagree: " << key;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 16);
}

}  // namespace
}  // namespace vigie::exam
