// Exam rules: the loader's checks, and the real data/exam-rules files on
// hand-built situations (each expected verdict worked out from the published
// rule before running), including every rule's exclusion criteria.
#include "vigie/exam/rules.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "calc/shared_csv_test_util.h"

namespace vigie::exam {
namespace {

using nlohmann::json;

RuleSet LoadRealRules() {
  RuleSet all;
  std::filesystem::path dir = std::filesystem::path(testing::SourceDir()) / "data" / "exam-rules";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    Result<RuleSet> one = ParseExamRules(testing::ReadFileOrEmpty(entry.path().string()));
    EXPECT_TRUE(one.ok()) << entry.path() << ": " << one.status().Message(Lang::kEn);
    if (one.ok()) {
      EXPECT_TRUE(MergeRuleSets(all, std::move(one).value()).ok());
    }
  }
  return all;
}

const RuleSet& Rules() {
  static const RuleSet kRules = LoadRealRules();
  return kRules;
}

json Verdict(const std::string& rule, const json& inputs) {
  Result<ExamResult> r = EvaluateExam(Rules(), rule, inputs);
  EXPECT_TRUE(r.ok()) << rule << " " << inputs.dump() << ": " << r.status().Message(Lang::kEn);
  return r.ok() ? ToJson(*r)["indicated"] : json("error");
}

TEST(ExamRulesTest, RealDataLoadsWithSourcesAndExclusions) {
  ASSERT_GE(Rules().rules.size(), 6u);
  for (const ExamRule& r : Rules().rules) {
    EXPECT_FALSE(r.exclusions.empty()) << r.id;
    EXPECT_FALSE(r.source.value("document", "").empty()) << r.id;
    EXPECT_FALSE(r.source.value("version", "").empty()) << r.id;
  }
  EXPECT_EQ(ListJson(Rules()).size(), Rules().rules.size());
}

TEST(ExamRulesTest, LoaderRejectsRuleWithoutSourceOrWithUndeclaredInput) {
  const char* no_source =
      R"({"id":"x","name":{"fr":"x","en":"x"},"exam":{"fr":"x","en":"x"},"inputs":[],
    "exclusions":[{"when":{"all":[]},"reason":{"fr":"x","en":"x"}}],"steps":[{"when":{"all":[]},"indicated":true,
    "reason":{"fr":"x","en":"x"}}],"otherwise":{"indicated":false,"reason":{"fr":"x","en":"x"}}})";
  EXPECT_EQ(ParseExamRules(no_source).status().code(), ErrorCode::kDataError);
  json rule = json::parse(no_source);
  rule["source"] = {{"document", "d"}, {"version", "v"}, {"section", "s"}};
  EXPECT_TRUE(ParseExamRules(rule.dump()).ok());
  rule["steps"][0]["when"] = {{"input", "nope"}, {"is", true}};
  EXPECT_EQ(ParseExamRules(rule.dump()).status().code(), ErrorCode::kDataError);
  rule["steps"][0]["when"] = {{"calc", "no-such-calc"}, {"gt", 1}};
  EXPECT_EQ(ParseExamRules(rule.dump()).status().code(), ErrorCode::kDataError);
  rule["steps"][0]["when"] = json{{"all", json::array()}};
  rule["exclusions"] = json::array();
  EXPECT_EQ(ParseExamRules(rule.dump()).status().code(), ErrorCode::kDataError);
  EXPECT_EQ(ParseExamRules("{not json").status().code(), ErrorCode::kMalformedJson);
  EXPECT_EQ(ParseExamRules("[1,2]").status().code(), ErrorCode::kDataError);
}

json AnkleAdult() {
  return {{"age", 30},
          {"pregnant", false},
          {"isolated_skin_injury", false},
          {"injury_over_10_days", false},
          {"returning_for_reassessment", false},
          {"malleolar_pain", true},
          {"lateral_malleolus_tenderness", false},
          {"medial_malleolus_tenderness", false},
          {"midfoot_pain", false},
          {"unable_to_bear_weight", false}};
}

TEST(ExamSituations, OttawaAnkle) {
  EXPECT_EQ(Verdict("ottawa-ankle", AnkleAdult()), false);
  json a = AnkleAdult();
  a["medial_malleolus_tenderness"] = true;
  EXPECT_EQ(Verdict("ottawa-ankle", a), true);
  a["age"] = 15;  // child: rule derived in adults
  EXPECT_EQ(Verdict("ottawa-ankle", a), "not applicable");
  json b = AnkleAdult();
  b["injury_over_10_days"] = true;
  EXPECT_EQ(Verdict("ottawa-ankle", b), "not applicable");
}

// Stiell IG et al., JAMA 2001;286:1841-8 (Canadian C-spine rule, figure):
// for alert (GCS 15) and stable trauma patients; any high-risk factor (age
// >= 65, dangerous mechanism, paresthesias) -> radiography; a low-risk factor
// allowing range-of-motion assessment and able to rotate 45 degrees left and
// right -> no radiography. Written from the figure before running.
json NeckAlertStable() {
  return {{"gcs", 15},
          {"unstable_vital_signs", false},
          {"age", 40},
          {"dangerous_mechanism", false},
          {"paresthesias", false},
          {"simple_rear_end_mvc", true},
          {"sitting_in_ed", false},
          {"ambulatory_any_time", true},
          {"delayed_neck_pain", false},
          {"no_midline_tenderness", true},
          {"can_rotate_45", true}};
}

TEST(ExamSituations, CanadianCSpineWithExclusions) {
  EXPECT_EQ(Verdict("canadian-c-spine", NeckAlertStable()), false);
  json old = NeckAlertStable();
  old["age"] = 70;  // high-risk factor
  EXPECT_EQ(Verdict("canadian-c-spine", old), true);
  json stiff = NeckAlertStable();
  stiff["can_rotate_45"] = false;
  EXPECT_EQ(Verdict("canadian-c-spine", stiff), true);
  json confused = NeckAlertStable();
  confused["gcs"] = 14;  // not alert: outside the rule
  EXPECT_EQ(Verdict("canadian-c-spine", confused), "not applicable");
  json unstable = NeckAlertStable();
  unstable["unstable_vital_signs"] = true;
  EXPECT_EQ(Verdict("canadian-c-spine", unstable), "not applicable");
}

TEST(ExamSituations, CanadianCtHeadExclusions) {
  json base = {{"anticoagulant_or_bleeding_disorder", false},
               {"seizure_after_injury", false},
               {"age", 30},
               {"gcs", 15},
               {"loc_amnesia_or_disorientation", true}};
  json seizure = base;
  seizure["seizure_after_injury"] = true;
  EXPECT_EQ(Verdict("canadian-ct-head", seizure), "not applicable");
  json gcs12 = base;
  gcs12["gcs"] = 12;
  EXPECT_EQ(Verdict("canadian-ct-head", gcs12), "not applicable");
  json minimal = base;
  minimal["loc_amnesia_or_disorientation"] = false;
  EXPECT_EQ(Verdict("canadian-ct-head", minimal), "not applicable");
  json teen = base;
  teen["age"] = 15;
  EXPECT_EQ(Verdict("canadian-ct-head", teen), "not applicable");
  // Past the exclusions the rule needs its items: the error names the first one reached.
  Result<ExamResult> r = EvaluateExam(Rules(), "canadian-ct-head", base);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().Message(Lang::kEn), "Missing input: gcs_below_15_at_2h");
}

json PeBase() {
  return {{"hemodynamic_instability", false},
          {"pregnant", false},
          {"dvt_signs", false},
          {"pe_most_likely", false},
          {"heart_rate_bpm", 80},
          {"immobilization_or_surgery", false},
          {"previous_dvt_pe", false},
          {"hemoptysis", false},
          {"malignancy", false},
          {"low_clinical_probability", false}};
}

TEST(ExamSituations, PulmonaryEmbolism) {
  json likely = PeBase();
  likely.update({{"dvt_signs", true}, {"heart_rate_bpm", 110}});  // Wells 3 + 1.5 = 4.5 > 4
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", likely), true);
  json perc_neg = PeBase();
  perc_neg.update({{"low_clinical_probability", true},
                   {"age", 30},
                   {"sao2_percent", 98},
                   {"unilateral_leg_swelling", false},
                   {"recent_surgery_trauma", false},
                   {"hormone_use", false}});
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", perc_neg), false);  // PERC 0 at low probability
  json no_dd = PeBase();
  Result<ExamResult> r = EvaluateExam(Rules(), "pe-wells-perc-ddimer", no_dd);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ToJson(*r)["indicated"], false);
  EXPECT_NE(r->reason.en.find("D-dimer first"), std::string::npos);
  // Age 75: threshold 750 µg/L. 700 -> below, PE excluded; 750 -> CT.
  json old = PeBase();
  old.update({{"age", 75}, {"d_dimer_ug_l", 700}});
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", old), false);
  old["d_dimer_ug_l"] = 750;
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", old), true);
  // Age 40: threshold 500. 600 -> CT (an age-adjusted 75-year-old at 600 would not be).
  json young = PeBase();
  young.update({{"age", 40}, {"d_dimer_ug_l", 600}});
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", young), true);
  json shock = PeBase();
  shock["hemodynamic_instability"] = true;
  EXPECT_EQ(Verdict("pe-wells-perc-ddimer", shock), "not applicable");
}

json DvtBase() {
  return {{"pregnant", false},
          {"anticoagulated", false},
          {"active_cancer", false},
          {"paralysis_paresis_cast", false},
          {"bedridden_or_major_surgery", false},
          {"localized_tenderness", false},
          {"entire_leg_swollen", false},
          {"calf_swelling_3cm", false},
          {"pitting_edema", false},
          {"collateral_superficial_veins", false},
          {"previous_dvt", false},
          {"alternative_diagnosis_likely", false}};
}

TEST(ExamSituations, DeepVeinThrombosis) {
  json likely = DvtBase();
  likely.update({{"active_cancer", true}, {"entire_leg_swollen", true}});  // Wells 2
  EXPECT_EQ(Verdict("dvt-wells", likely), true);
  json unlikely = DvtBase();
  unlikely["d_dimer_positive"] = false;
  EXPECT_EQ(Verdict("dvt-wells", unlikely), false);
  unlikely["d_dimer_positive"] = true;
  EXPECT_EQ(Verdict("dvt-wells", unlikely), true);
  json pregnant = DvtBase();
  pregnant["pregnant"] = true;
  EXPECT_EQ(Verdict("dvt-wells", pregnant), "not applicable");
}

TEST(ExamSituations, LowBackPain) {
  EXPECT_EQ(Verdict("low-back-pain", {{"duration_weeks", 2}, {"red_flag", false}}), false);
  EXPECT_EQ(Verdict("low-back-pain", {{"duration_weeks", 2}, {"red_flag", true}}), true);
  EXPECT_EQ(Verdict("low-back-pain", {{"duration_weeks", 20}, {"red_flag", false}}),
            "not applicable");
}

TEST(ExamSituations, InputErrorsAreNamed) {
  Result<ExamResult> r =
      EvaluateExam(Rules(), "low-back-pain", {{"duration_weeks", -1}, {"red_flag", false}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kOutOfRange);
  EXPECT_EQ(EvaluateExam(Rules(), "low-back-pain", {{"duration_weeks", 2}, {"redflag", true}})
                .status()
                .code(),
            ErrorCode::kUnknownField);
  EXPECT_EQ(EvaluateExam(Rules(), "low-back-pain", {{"duration_weeks", 2}, {"red_flag", "yes"}})
                .status()
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(EvaluateExam(Rules(), "nope", json::object()).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace vigie::exam
