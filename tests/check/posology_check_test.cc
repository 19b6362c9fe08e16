// The posology rules read in official RCPs (data/posology) run through the real
// prescription check: tests/check/posology_prescriptions.jsonl (expected
// findings written from the RCP text before the run), a KB built from the real
// BDPM 2026-01 and thesaurus 2023-09 (../shared/data), the real data/ files.
// Only the public check API is used. Skipped when the official data is absent.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "check/case_test_util.h"

namespace vigie::check {
namespace {

using nlohmann::json;

class PosologyCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    std::string path = kb::testing::ScratchDir("posology_check") + "/kb.sqlite";
    auto k = testing::BuildKnowledge(data, path, {"2026-01"}, {"2023-09"});
    if (k == nullptr) return;
    knowledge_ = new std::shared_ptr<const CheckKnowledge>(k);
    cases_ =
        testing::ReadCases(kb::testing::SourceDir() + "/tests/check/posology_prescriptions.jsonl");
  }
  static void TearDownTestSuite() { delete knowledge_; }
  void SetUp() override {
    if (knowledge_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static json Run(const json& request) { return testing::RunCheck(**knowledge_, request); }
  static inline std::shared_ptr<const CheckKnowledge>* knowledge_ = nullptr;
  static inline std::vector<json> cases_;
};

TEST_F(PosologyCheckTest, OneCaseAtLeastPerRcpSubstance) { EXPECT_GE(cases_.size(), 12u); }

TEST_F(PosologyCheckTest, EveryCaseGivesItsExpectedFindings) {
  for (const json& c : cases_) {
    SCOPED_TRACE(c["id"].get<std::string>() + " — " + c["source"].get<std::string>());
    testing::ExpectCase(c, Run(c["request"]));
  }
}

// A substance with no rule in data/posology is not silently passed: the dose
// check says it was not evaluated and names the substance (issue 4: "never
// pass silently"). Warfarine has no posology file; paracétamol has one.
TEST_F(PosologyCheckTest, ASubstanceWithoutRuleIsReportedNotEvaluated) {
  json request = {{"patient", {{"age_years", 60}, {"sex", "M"}, {"weight_kg", 80}}},
                  {"lines",
                   {{{"drug", "warfarine 5 mg"},
                     {"dose", {{"value", 5}, {"unit", "mg"}}},
                     {"timing", {{"frequency", 1}, {"period", 1}, {"period_unit", "d"}}}},
                    {{"drug", "paracétamol 500 mg"},
                     {"dose", {{"value", 500}, {"unit", "mg"}}},
                     {"timing", {{"frequency", 3}, {"period", 1}, {"period_unit", "d"}}}}}}};
  json out = Run(request);
  ASSERT_TRUE(out.contains("not_evaluated"));
  size_t warfarine = 0, paracetamol = 0;
  for (const json& n : out["not_evaluated"]) {
    if (n.value("check", "") != "dose" || n.value("missing", "") != "posology_rule") continue;
    if (n["lines"] == json({0})) ++warfarine;
    if (n["lines"] == json({1})) ++paracetamol;
    EXPECT_NE(n.value("message", "").find("WARFARINE"), std::string::npos) << n.dump();
  }
  EXPECT_EQ(warfarine, 1u) << out["not_evaluated"].dump();
  EXPECT_EQ(paracetamol, 0u) << out["not_evaluated"].dump();
}

}  // namespace
}  // namespace vigie::check
