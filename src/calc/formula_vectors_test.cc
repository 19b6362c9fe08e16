// Every vector of ../shared/clinical/formula_test_vectors.csv through the
// registry, compared at the printed precision. The CSV's free-text inputs are
// mapped to registry inputs by the table below (one row per CSV row); the
// expected values are read from the CSV, never written here.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "calc/decision_vectors_test_util.h"
#include "calc/shared_csv_test_util.h"
#include "vigie/calc/registry.h"

namespace vigie::calc {
namespace {

using nlohmann::json;
using testing::Mapped;

// Key: formula + " | " + inputs, as printed in the CSV.
const std::map<std::string, Mapped>& Table() {
  static const std::map<std::string, Mapped> kTable = [] {
    std::map<std::string, Mapped> t = {
        {"CKD-EPI 2021 creatinine | female, 60 y, Scr 0.8 mg/dL",
         {"ckd-epi-2021", {{"sex", "F"}, {"age", 60}, {"creatinine_mg_dl", 0.8}}}},
        {"CKD-EPI 2021 creatinine | male, 60 y, Scr 0.8 mg/dL",
         {"ckd-epi-2021", {{"sex", "M"}, {"age", 60}, {"creatinine_mg_dl", 0.8}}}},
        {"CKD-EPI 2021 creatinine | male, 55 y, Scr 1.2 mg/dL",
         {"ckd-epi-2021", {{"sex", "M"}, {"age", 55}, {"creatinine_mg_dl", 1.2}}}},
        {"CKD-EPI 2021 creatinine | female, 50 y, Scr 1.0 mg/dL",
         {"ckd-epi-2021", {{"sex", "F"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
        {"CKD-EPI 2021 creatinine | male, 70 y, Scr 2.0 mg/dL",
         {"ckd-epi-2021", {{"sex", "M"}, {"age", 70}, {"creatinine_mg_dl", 2.0}}}},
        {"CKD-EPI 2021 creatinine | female, 32 y, Scr 42 umol/L (=0.475 mg/dL, /88.4)",
         {"ckd-epi-2021", {{"sex", "F"}, {"age", 32}, {"creatinine_umol_l", 42}}}},
        {"Cockcroft-Gault CrCl | female, 40 y, 70 kg, Scr 0.8 mg/dL",
         {"cockcroft-gault",
          {{"sex", "F"}, {"age", 40}, {"weight_kg", 70}, {"creatinine_mg_dl", 0.8}}}},
        {"Cockcroft-Gault CrCl | male, 40 y, 70 kg, Scr 0.8 mg/dL",
         {"cockcroft-gault",
          {{"sex", "M"}, {"age", 40}, {"weight_kg", 70}, {"creatinine_mg_dl", 0.8}}}},
        {"Cockcroft-Gault CrCl | female, 80 y, 60 kg, Scr 1.2 mg/dL",
         {"cockcroft-gault",
          {{"sex", "F"}, {"age", 80}, {"weight_kg", 60}, {"creatinine_mg_dl", 1.2}}}},
        {"Cockcroft-Gault CrCl | male, 65 y, 80 kg, Scr 1.0 mg/dL",
         {"cockcroft-gault",
          {{"sex", "M"}, {"age", 65}, {"weight_kg", 80}, {"creatinine_mg_dl", 1.0}}}},
        {"Cockcroft-Gault CrCl (umol/L form, K=1.23 M / 1.04 F) | female, 80 y, 60 kg, Scr 106 "
         "umol/L",
         {"cockcroft-gault",
          {{"sex", "F"}, {"age", 80}, {"weight_kg", 60}, {"creatinine_umol_l", 106}}}},
        {"MDRD (IDMS, 175) | male, 50 y, Scr 1.0 mg/dL",
         {"mdrd", {{"sex", "M"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
        {"MDRD (IDMS, 175) | female, 50 y, Scr 1.0 mg/dL",
         {"mdrd", {{"sex", "F"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
        {"MDRD (IDMS, 175) | male, 70 y, Scr 2.0 mg/dL",
         {"mdrd", {{"sex", "M"}, {"age", 70}, {"creatinine_mg_dl", 2.0}}}},
        {"MDRD (IDMS, 175) | male, 51 y, Scr 1.87 mg/dL",
         {"mdrd", {{"sex", "M"}, {"age", 51}, {"creatinine_mg_dl", 1.87}}}},
        {"BSA Mosteller | 70 kg, 170 cm",
         {"bsa-mosteller", {{"weight_kg", 70}, {"height_cm", 170}}}},
        {"BSA DuBois | 70 kg, 170 cm", {"bsa-dubois", {{"weight_kg", 70}, {"height_cm", 170}}}},
        {"BSA Mosteller | 80 kg, 180 cm",
         {"bsa-mosteller", {{"weight_kg", 80}, {"height_cm", 180}}}},
        {"BSA DuBois | 80 kg, 180 cm", {"bsa-dubois", {{"weight_kg", 80}, {"height_cm", 180}}}},
        {"BSA Mosteller | 60 kg, 160 cm",
         {"bsa-mosteller", {{"weight_kg", 60}, {"height_cm", 160}}}},
        {"BSA DuBois | 60 kg, 160 cm", {"bsa-dubois", {{"weight_kg", 60}, {"height_cm", 160}}}},
        {"BSA Mosteller | 20 kg, 110 cm",
         {"bsa-mosteller", {{"weight_kg", 20}, {"height_cm", 110}}}},
        {"BSA DuBois | 20 kg, 110 cm", {"bsa-dubois", {{"weight_kg", 20}, {"height_cm", 110}}}},
        {"Ideal body weight (Devine) | male, 170 cm",
         {"ibw-devine", {{"sex", "M"}, {"height_cm", 170}}}},
        {"Ideal body weight (Devine) | female, 160 cm",
         {"ibw-devine", {{"sex", "F"}, {"height_cm", 160}}}},
        {"Ideal body weight (Devine) | male, 180 cm",
         {"ibw-devine", {{"sex", "M"}, {"height_cm", 180}}}},
        {"Ideal body weight (Devine) | female, 152.4 cm",
         {"ibw-devine", {{"sex", "F"}, {"height_cm", 152.4}}}},
        {"Corrected calcium (Payne) | Ca 8.0 mg/dL, albumin 2.0 g/dL",
         {"corrected-calcium", {{"calcium_mg_dl", 8.0}, {"albumin_g_dl", 2.0}}}},
        {"Corrected calcium (Payne) | Ca 9.0 mg/dL, albumin 4.0 g/dL",
         {"corrected-calcium", {{"calcium_mg_dl", 9.0}, {"albumin_g_dl", 4.0}}}},
        {"Corrected calcium (Payne) | Ca 7.6 mg/dL, albumin 2.8 g/dL",
         {"corrected-calcium", {{"calcium_mg_dl", 7.6}, {"albumin_g_dl", 2.8}}}},
        {"Corrected calcium (SI) | Ca 2.0 mmol/L, albumin 20 g/L",
         {"corrected-calcium", {{"calcium_mmol_l", 2.0}, {"albumin_g_l", 20}}}},
        {"Corrected calcium (SI) | Ca 2.2 mmol/L, albumin 30 g/L",
         {"corrected-calcium", {{"calcium_mmol_l", 2.2}, {"albumin_g_l", 30}}}},
        {"BMI | 70 kg, 1.75 m", {"bmi", {{"weight_kg", 70}, {"height_cm", 175}}}},
        {"BMI | 100 kg, 1.8 m", {"bmi", {{"weight_kg", 100}, {"height_cm", 180}}}},
        {"BMI | 50 kg, 1.65 m", {"bmi", {{"weight_kg", 50}, {"height_cm", 165}}}},
        {"qSOFA | RR 26, SBP 98, GCS 15",
         {"qsofa", {{"respiratory_rate", 26}, {"sbp_mmhg", 98}, {"gcs", 15}}}},
        {"qSOFA | RR 20, SBP 120, GCS 14",
         {"qsofa", {{"respiratory_rate", 20}, {"sbp_mmhg", 120}, {"gcs", 14}}}},
        {"qSOFA | RR 22, SBP 100, GCS 14",
         {"qsofa", {{"respiratory_rate", 22}, {"sbp_mmhg", 100}, {"gcs", 14}}}},
        {"qSOFA | RR 21, SBP 101, GCS 15",
         {"qsofa", {{"respiratory_rate", 21}, {"sbp_mmhg", 101}, {"gcs", 15}}}},
        {"CURB-65 | age 70, urea 8 mmol/L, RR 32, BP 85/50, confused",
         {"curb-65",
          {{"age", 70},
           {"urea_mmol_l", 8},
           {"respiratory_rate", 32},
           {"sbp_mmhg", 85},
           {"dbp_mmhg", 50},
           {"confusion", true}}}},
        {"CURB-65 | age 50, urea 5 mmol/L, RR 18, BP 120/80, oriented",
         {"curb-65",
          {{"age", 50},
           {"urea_mmol_l", 5},
           {"respiratory_rate", 18},
           {"sbp_mmhg", 120},
           {"dbp_mmhg", 80},
           {"confusion", false}}}},
        {"CURB-65 | age 66, urea 7.0 mmol/L, RR 30, BP 110/61",
         {"curb-65",
          {{"age", 66},
           {"urea_mmol_l", 7.0},
           {"respiratory_rate", 30},
           {"sbp_mmhg", 110},
           {"dbp_mmhg", 61},
           {"confusion", false}}}},
        {"Glasgow | E4 V5 M6", {"gcs", {{"eye", 4}, {"verbal", 5}, {"motor", 6}}}},
        {"Glasgow | E2 V3 M4 (pain/inappropriate words/withdrawal)",
         {"gcs", {{"eye", 2}, {"verbal", 3}, {"motor", 4}}}},
        {"Glasgow | E1 V1 M1", {"gcs", {{"eye", 1}, {"verbal", 1}, {"motor", 1}}}},
    };
    for (const auto& [key, row] : testing::DecisionRows()) t[key] = row;
    return t;
  }();
  return kTable;
}

TEST(FormulaVectorsTest, EveryCsvRowMatchesAtPrintedPrecision) {
  std::string csv = testing::ReadSharedClinical("formula_test_vectors.csv");
  ASSERT_FALSE(csv.empty()) << "../shared/clinical/formula_test_vectors.csv not found";
  std::map<std::string, int> passed;
  std::set<std::string> seen;
  for (const auto& row : testing::CsvRecords(csv)) {
    std::string key = row.at("formula") + " | " + row.at("inputs");
    seen.insert(key);
    auto it = Table().find(key);
    ASSERT_NE(it, Table().end()) << "CSV row not mapped: " << key;
    if (it->second.calc_id.empty()) continue;
    Result<CalcResult> r = Evaluate(it->second.calc_id, it->second.inputs);
    ASSERT_TRUE(r.ok()) << key << ": " << r.status().Message(Lang::kEn);
    const std::string& expected = row.at("expected");
    if (row.at("unit") == "decision") {
      EXPECT_EQ(r->value, testing::DecisionValue(expected)) << key << " -> " << expected;
    } else {
      EXPECT_TRUE(testing::MatchesAtPrintedPrecision(r->value, expected))
          << key << ": got " << r->value << ", expected " << expected;
      EXPECT_EQ(r->unit, row.at("unit")) << key;
    }
    ++passed[it->second.calc_id];
  }
  EXPECT_EQ(seen.size(), Table().size()) << "a mapped row is no longer in the CSV";
  EXPECT_EQ(seen.size(), 61u);
  for (const auto& [id, n] : passed) std::printf("  %-18s %d CSV vectors\n", id.c_str(), n);
}

}  // namespace
}  // namespace vigie::calc
