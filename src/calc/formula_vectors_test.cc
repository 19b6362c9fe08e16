// Every vector of ../shared/clinical/formula_test_vectors.csv through the
// registry, compared at the printed precision. The CSV's free-text inputs are
// mapped to registry inputs by the table below (one row per CSV row); the
// expected values are read from the CSV, never written here.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "calc/shared_csv_test_util.h"
#include "vigie/calc/registry.h"

namespace vigie::calc {
namespace {

using nlohmann::json;

struct Mapped {
  std::string calc_id;
  json inputs;
};

json Flags(std::initializer_list<const char*> names, json base) {
  for (const char* n : names) base[n] = true;
  return base;
}

const json kAnkleNone = {{"malleolar_pain", false}, {"lateral_malleolus_tenderness", false},
                         {"medial_malleolus_tenderness", false}, {"midfoot_pain", false},
                         {"fifth_metatarsal_tenderness", false}, {"navicular_tenderness", false},
                         {"unable_to_bear_weight", false}};
const json kHeadNone = {{"age", 30}, {"gcs_below_15_at_2h", false},
                        {"suspected_open_or_depressed_fracture", false},
                        {"basal_skull_fracture_signs", false}, {"vomiting_2_or_more", false},
                        {"retrograde_amnesia_30min", false}, {"dangerous_mechanism", false}};
const json kSpineNone = {{"age", 35}, {"dangerous_mechanism", false}, {"paresthesias", false},
                         {"simple_rear_end_mvc", false}, {"sitting_in_ed", false},
                         {"ambulatory_any_time", false}, {"delayed_neck_pain", false},
                         {"no_midline_tenderness", false}};

json With(json base, const json& extra) {
  base.update(extra);
  return base;
}

// Key: formula + " | " + inputs, as printed in the CSV.
const std::map<std::string, Mapped>& Table() {
  static const std::map<std::string, Mapped> kTable = {
      {"CKD-EPI 2021 creatinine | female, 60 y, Scr 0.8 mg/dL", {"ckd-epi-2021", {{"sex", "F"}, {"age", 60}, {"creatinine_mg_dl", 0.8}}}},
      {"CKD-EPI 2021 creatinine | male, 60 y, Scr 0.8 mg/dL", {"ckd-epi-2021", {{"sex", "M"}, {"age", 60}, {"creatinine_mg_dl", 0.8}}}},
      {"CKD-EPI 2021 creatinine | male, 55 y, Scr 1.2 mg/dL", {"ckd-epi-2021", {{"sex", "M"}, {"age", 55}, {"creatinine_mg_dl", 1.2}}}},
      {"CKD-EPI 2021 creatinine | female, 50 y, Scr 1.0 mg/dL", {"ckd-epi-2021", {{"sex", "F"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
      {"CKD-EPI 2021 creatinine | male, 70 y, Scr 2.0 mg/dL", {"ckd-epi-2021", {{"sex", "M"}, {"age", 70}, {"creatinine_mg_dl", 2.0}}}},
      {"CKD-EPI 2021 creatinine | female, 32 y, Scr 42 umol/L (=0.475 mg/dL, /88.4)", {"ckd-epi-2021", {{"sex", "F"}, {"age", 32}, {"creatinine_umol_l", 42}}}},
      {"Cockcroft-Gault CrCl | female, 40 y, 70 kg, Scr 0.8 mg/dL", {"cockcroft-gault", {{"sex", "F"}, {"age", 40}, {"weight_kg", 70}, {"creatinine_mg_dl", 0.8}}}},
      {"Cockcroft-Gault CrCl | male, 40 y, 70 kg, Scr 0.8 mg/dL", {"cockcroft-gault", {{"sex", "M"}, {"age", 40}, {"weight_kg", 70}, {"creatinine_mg_dl", 0.8}}}},
      {"Cockcroft-Gault CrCl | female, 80 y, 60 kg, Scr 1.2 mg/dL", {"cockcroft-gault", {{"sex", "F"}, {"age", 80}, {"weight_kg", 60}, {"creatinine_mg_dl", 1.2}}}},
      {"Cockcroft-Gault CrCl | male, 65 y, 80 kg, Scr 1.0 mg/dL", {"cockcroft-gault", {{"sex", "M"}, {"age", 65}, {"weight_kg", 80}, {"creatinine_mg_dl", 1.0}}}},
      {"Cockcroft-Gault CrCl (umol/L form, K=1.23 M / 1.04 F) | female, 80 y, 60 kg, Scr 106 umol/L", {"cockcroft-gault", {{"sex", "F"}, {"age", 80}, {"weight_kg", 60}, {"creatinine_umol_l", 106}}}},
      {"MDRD (IDMS, 175) | male, 50 y, Scr 1.0 mg/dL", {"mdrd", {{"sex", "M"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
      {"MDRD (IDMS, 175) | female, 50 y, Scr 1.0 mg/dL", {"mdrd", {{"sex", "F"}, {"age", 50}, {"creatinine_mg_dl", 1.0}}}},
      {"MDRD (IDMS, 175) | male, 70 y, Scr 2.0 mg/dL", {"mdrd", {{"sex", "M"}, {"age", 70}, {"creatinine_mg_dl", 2.0}}}},
      {"MDRD (IDMS, 175) | male, 51 y, Scr 1.87 mg/dL", {"mdrd", {{"sex", "M"}, {"age", 51}, {"creatinine_mg_dl", 1.87}}}},
      {"BSA Mosteller | 70 kg, 170 cm", {"bsa-mosteller", {{"weight_kg", 70}, {"height_cm", 170}}}},
      {"BSA DuBois | 70 kg, 170 cm", {"bsa-dubois", {{"weight_kg", 70}, {"height_cm", 170}}}},
      {"BSA Mosteller | 80 kg, 180 cm", {"bsa-mosteller", {{"weight_kg", 80}, {"height_cm", 180}}}},
      {"BSA DuBois | 80 kg, 180 cm", {"bsa-dubois", {{"weight_kg", 80}, {"height_cm", 180}}}},
      {"BSA Mosteller | 60 kg, 160 cm", {"bsa-mosteller", {{"weight_kg", 60}, {"height_cm", 160}}}},
      {"BSA DuBois | 60 kg, 160 cm", {"bsa-dubois", {{"weight_kg", 60}, {"height_cm", 160}}}},
      {"BSA Mosteller | 20 kg, 110 cm", {"bsa-mosteller", {{"weight_kg", 20}, {"height_cm", 110}}}},
      {"BSA DuBois | 20 kg, 110 cm", {"bsa-dubois", {{"weight_kg", 20}, {"height_cm", 110}}}},
      {"Ideal body weight (Devine) | male, 170 cm", {"ibw-devine", {{"sex", "M"}, {"height_cm", 170}}}},
      {"Ideal body weight (Devine) | female, 160 cm", {"ibw-devine", {{"sex", "F"}, {"height_cm", 160}}}},
      {"Ideal body weight (Devine) | male, 180 cm", {"ibw-devine", {{"sex", "M"}, {"height_cm", 180}}}},
      {"Ideal body weight (Devine) | female, 152.4 cm", {"ibw-devine", {{"sex", "F"}, {"height_cm", 152.4}}}},
      {"Corrected calcium (Payne) | Ca 8.0 mg/dL, albumin 2.0 g/dL", {"corrected-calcium", {{"calcium_mg_dl", 8.0}, {"albumin_g_dl", 2.0}}}},
      {"Corrected calcium (Payne) | Ca 9.0 mg/dL, albumin 4.0 g/dL", {"corrected-calcium", {{"calcium_mg_dl", 9.0}, {"albumin_g_dl", 4.0}}}},
      {"Corrected calcium (Payne) | Ca 7.6 mg/dL, albumin 2.8 g/dL", {"corrected-calcium", {{"calcium_mg_dl", 7.6}, {"albumin_g_dl", 2.8}}}},
      {"Corrected calcium (SI) | Ca 2.0 mmol/L, albumin 20 g/L", {"corrected-calcium", {{"calcium_mmol_l", 2.0}, {"albumin_g_l", 20}}}},
      {"Corrected calcium (SI) | Ca 2.2 mmol/L, albumin 30 g/L", {"corrected-calcium", {{"calcium_mmol_l", 2.2}, {"albumin_g_l", 30}}}},
      {"BMI | 70 kg, 1.75 m", {"bmi", {{"weight_kg", 70}, {"height_cm", 175}}}},
      {"BMI | 100 kg, 1.8 m", {"bmi", {{"weight_kg", 100}, {"height_cm", 180}}}},
      {"BMI | 50 kg, 1.65 m", {"bmi", {{"weight_kg", 50}, {"height_cm", 165}}}},
      {"qSOFA | RR 26, SBP 98, GCS 15", {"qsofa", {{"respiratory_rate", 26}, {"sbp_mmhg", 98}, {"gcs", 15}}}},
      {"qSOFA | RR 20, SBP 120, GCS 14", {"qsofa", {{"respiratory_rate", 20}, {"sbp_mmhg", 120}, {"gcs", 14}}}},
      {"qSOFA | RR 22, SBP 100, GCS 14", {"qsofa", {{"respiratory_rate", 22}, {"sbp_mmhg", 100}, {"gcs", 14}}}},
      {"qSOFA | RR 21, SBP 101, GCS 15", {"qsofa", {{"respiratory_rate", 21}, {"sbp_mmhg", 101}, {"gcs", 15}}}},
      {"Ottawa ankle - ankle series | malleolar pain + tenderness posterior edge/tip lateral malleolus, bears weight", {"ottawa-ankle", Flags({"malleolar_pain", "lateral_malleolus_tenderness"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | malleolar pain, no bone tenderness, bore weight 4 steps immediately and in ED", {"ottawa-ankle", Flags({"malleolar_pain"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | malleolar pain, no bone tenderness, unable to bear weight 4 steps", {"ottawa-ankle", Flags({"malleolar_pain", "unable_to_bear_weight"}, kAnkleNone)}},
      {"Ottawa ankle - foot series | midfoot pain + tenderness at base of 5th metatarsal", {"ottawa-ankle", Flags({"midfoot_pain", "fifth_metatarsal_tenderness"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | no pain in malleolar zone (isolated lateral ligament pain), bears weight", {"ottawa-ankle", kAnkleNone}},
      {"Canadian CT head rule | age 70, GCS 15 at 2h, no other factor", {"canadian-ct-head", With(kHeadNone, {{"age", 70}})}},
      {"Canadian CT head rule | age 30, GCS 15, vomited twice", {"canadian-ct-head", Flags({"vomiting_2_or_more"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15, retrograde amnesia 45 min", {"canadian-ct-head", Flags({"retrograde_amnesia_30min"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15, fell from 5 stairs", {"canadian-ct-head", Flags({"dangerous_mechanism"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15 at 2h, no risk factor", {"canadian-ct-head", kHeadNone}},
      // Exclusion criteria are the exam rules' job (exam_vectors_test.cc).
      {"Canadian CT head rule | patient on anticoagulant", {"", json()}},
      {"Canadian C-spine rule | age 70, low-energy fall", {"canadian-c-spine", With(kSpineNone, {{"age", 70}})}},
      {"Canadian C-spine rule | age 35, paresthesias in extremities", {"canadian-c-spine", Flags({"paresthesias"}, kSpineNone)}},
      {"Canadian C-spine rule | age 35, simple rear-end MVC, no high-risk factor, rotates 45 deg both sides", {"canadian-c-spine", With(Flags({"simple_rear_end_mvc"}, kSpineNone), {{"can_rotate_45", true}})}},
      {"Canadian C-spine rule | age 35, simple rear-end MVC, cannot rotate 45 deg left", {"canadian-c-spine", With(Flags({"simple_rear_end_mvc"}, kSpineNone), {{"can_rotate_45", false}})}},
      {"Canadian C-spine rule | age 35, no high-risk factor, NO low-risk factor (midline tenderness, not ambulatory, supine)", {"canadian-c-spine", kSpineNone}},
      {"CURB-65 | age 70, urea 8 mmol/L, RR 32, BP 85/50, confused", {"curb-65", {{"age", 70}, {"urea_mmol_l", 8}, {"respiratory_rate", 32}, {"sbp_mmhg", 85}, {"dbp_mmhg", 50}, {"confusion", true}}}},
      {"CURB-65 | age 50, urea 5 mmol/L, RR 18, BP 120/80, oriented", {"curb-65", {{"age", 50}, {"urea_mmol_l", 5}, {"respiratory_rate", 18}, {"sbp_mmhg", 120}, {"dbp_mmhg", 80}, {"confusion", false}}}},
      {"CURB-65 | age 66, urea 7.0 mmol/L, RR 30, BP 110/61", {"curb-65", {{"age", 66}, {"urea_mmol_l", 7.0}, {"respiratory_rate", 30}, {"sbp_mmhg", 110}, {"dbp_mmhg", 61}, {"confusion", false}}}},
      {"Glasgow | E4 V5 M6", {"gcs", {{"eye", 4}, {"verbal", 5}, {"motor", 6}}}},
      {"Glasgow | E2 V3 M4 (pain/inappropriate words/withdrawal)", {"gcs", {{"eye", 2}, {"verbal", 3}, {"motor", 4}}}},
      {"Glasgow | E1 V1 M1", {"gcs", {{"eye", 1}, {"verbal", 1}, {"motor", 1}}}},
  };
  return kTable;
}

// "No X-ray", "No imaging", "Rule negative..." -> 0; other decisions -> 1.
double DecisionValue(const std::string& expected) {
  return (expected.rfind("No ", 0) == 0 || expected.rfind("Rule negative", 0) == 0) ? 0 : 1;
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
      EXPECT_EQ(r->value, DecisionValue(expected)) << key << " -> " << expected;
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
