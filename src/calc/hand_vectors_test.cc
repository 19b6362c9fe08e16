// Hand-computed vectors, at least three per calculator, each with its
// arithmetic written down (computed before the code, from the published
// formula). Complements the CSV vectors (formula_vectors_test.cc,
// medcalcbench_vectors_test.cc).
#include <gtest/gtest.h>

#include <string>

#include "vigie/calc/registry.h"

namespace vigie::calc {
namespace {

using nlohmann::json;

double Eval(const std::string& id, const json& inputs) {
  Result<CalcResult> r = Evaluate(id, inputs);
  EXPECT_TRUE(r.ok()) << id << " " << inputs.dump() << ": " << r.status().Message(Lang::kEn);
  return r.ok() ? r->value : -1e9;
}

TEST(HandVectors, CockcroftGault) {
  // (140-50) x 72 / (72 x 1.0) = 90.0
  EXPECT_NEAR(Eval("cockcroft-gault",
                   {{"sex", "M"}, {"age", 50}, {"weight_kg", 72}, {"creatinine_mg_dl", 1.0}}),
              90.0, 0.05);
  // 90 x 0.85 = 76.5
  EXPECT_NEAR(Eval("cockcroft-gault",
                   {{"sex", "F"}, {"age", 50}, {"weight_kg", 72}, {"creatinine_mg_dl", 1.0}}),
              76.5, 0.05);
  // SI form: (140-60) x 70 x 1.23 / 100 = 68.88
  EXPECT_NEAR(Eval("cockcroft-gault",
                   {{"sex", "M"}, {"age", 60}, {"weight_kg", 70}, {"creatinine_umol_l", 100}}),
              68.88, 0.005);
  // ideal: IBW = 50 + 2.3 x (180/2.54 - 60) = 74.992; 80 x 74.992 / 72 = 83.32
  EXPECT_NEAR(Eval("cockcroft-gault", {{"sex", "M"},
                                       {"age", 60},
                                       {"weight_kg", 100},
                                       {"height_cm", 180},
                                       {"creatinine_mg_dl", 1.0},
                                       {"weight_convention", "ideal"}}),
              83.3, 0.05);
  // adjusted (BMI 30.9 >= 25): 74.992 + 0.4 x (100 - 74.992) = 84.995; x 80 / 72 = 94.44
  EXPECT_NEAR(Eval("cockcroft-gault", {{"sex", "M"},
                                       {"age", 60},
                                       {"weight_kg", 100},
                                       {"height_cm", 180},
                                       {"creatinine_mg_dl", 1.0},
                                       {"weight_convention", "adjusted"}}),
              94.4, 0.05);
}

TEST(HandVectors, CkdEpi2021) {
  // Scr/k = 0.9/0.9 = 1: 142 x 0.9938^40 = 142 x 0.77977 = 110.73
  EXPECT_NEAR(Eval("ckd-epi-2021", {{"sex", "M"}, {"age", 40}, {"creatinine_mg_dl", 0.9}}), 110.7,
              0.05);
  // same in umol/L: 0.9 x 88.4 = 79.56
  EXPECT_NEAR(Eval("ckd-epi-2021", {{"sex", "M"}, {"age", 40}, {"creatinine_umol_l", 79.56}}),
              110.7, 0.05);
  // F, 0.7/0.7 = 1: 110.73 x 1.012 = 112.05
  EXPECT_NEAR(Eval("ckd-epi-2021", {{"sex", "F"}, {"age", 40}, {"creatinine_mg_dl", 0.7}}), 112.1,
              0.05);
  // M 80, 3.0/0.9 = 3.333^-1.2 = 0.23582; 0.9938^80 = 0.60804; 142 x 0.23582 x 0.60804 = 20.36
  EXPECT_NEAR(Eval("ckd-epi-2021", {{"sex", "M"}, {"age", 80}, {"creatinine_mg_dl", 3.0}}), 20.4,
              0.05);
}

TEST(HandVectors, Mdrd) {
  // 175 x 1^-1.154 x 60^-0.203 = 175 x 0.43554 = 76.22
  EXPECT_NEAR(Eval("mdrd", {{"sex", "M"}, {"age", 60}, {"creatinine_mg_dl", 1.0}}), 76.2, 0.05);
  // x 0.742 = 56.56
  EXPECT_NEAR(Eval("mdrd", {{"sex", "F"}, {"age", 60}, {"creatinine_mg_dl", 1.0}}), 56.6, 0.05);
  // 175 x 2^-1.154 (0.44938) x 40^-0.203 (0.47292) = 37.19
  EXPECT_NEAR(Eval("mdrd", {{"sex", "M"}, {"age", 40}, {"creatinine_mg_dl", 2.0}}), 37.2, 0.05);
}

TEST(HandVectors, BmiAndBsa) {
  EXPECT_NEAR(Eval("bmi", {{"weight_kg", 80}, {"height_cm", 180}}), 24.7,
              0.05);  // 80 / 3.24 = 24.69
  EXPECT_NEAR(Eval("bmi", {{"weight_kg", 45}, {"height_cm", 150}}), 20.0, 0.05);  // 45 / 2.25 = 20
  EXPECT_NEAR(Eval("bmi", {{"weight_kg", 120}, {"height_cm", 170}}), 41.5,
              0.05);  // 120 / 2.89 = 41.52
  EXPECT_NEAR(Eval("bsa-mosteller", {{"weight_kg", 64}, {"height_cm", 225}}), 2.0,
              5e-4);  // sqrt(14400/3600)
  EXPECT_NEAR(Eval("bsa-mosteller", {{"weight_kg", 36}, {"height_cm", 100}}), 1.0,
              5e-4);  // sqrt(3600/3600)
  EXPECT_NEAR(Eval("bsa-mosteller", {{"weight_kg", 90}, {"height_cm", 160}}), 2.0,
              5e-4);  // sqrt(14400/3600)
  // 0.007184 x 100^(0.425+0.725) = 0.007184 x 199.53 = 1.4334
  EXPECT_NEAR(Eval("bsa-dubois", {{"weight_kg", 100}, {"height_cm", 100}}), 1.433, 5e-4);
  // 0.007184 x 70^0.425 (6.0838) x 175^0.725 (42.286) = 1.8481
  EXPECT_NEAR(Eval("bsa-dubois", {{"weight_kg", 70}, {"height_cm", 175}}), 1.848, 5e-4);
  // 0.007184 x 50^0.425 (5.2728) x 150^0.725 (37.814) = 1.4325
  EXPECT_NEAR(Eval("bsa-dubois", {{"weight_kg", 50}, {"height_cm", 150}}), 1.4325, 5e-5);
}

TEST(HandVectors, IbwDevine) {
  EXPECT_NEAR(Eval("ibw-devine", {{"sex", "M"}, {"height_cm", 152.4}}), 50.0,
              0.05);  // 60 in exactly
  // 45.5 + 2.3 x (66.929 - 60) = 61.44
  EXPECT_NEAR(Eval("ibw-devine", {{"sex", "F"}, {"height_cm", 170}}), 61.4, 0.05);
  // 50 + 2.3 x (74.803 - 60) = 84.05
  EXPECT_NEAR(Eval("ibw-devine", {{"sex", "M"}, {"height_cm", 190}}), 84.05, 0.005);
}

TEST(HandVectors, CorrectedCalcium) {
  // 2.10 + 0.02 x (40 - 25) = 2.40
  EXPECT_NEAR(Eval("corrected-calcium", {{"calcium_mmol_l", 2.10}, {"albumin_g_l", 25}}), 2.40,
              0.005);
  EXPECT_NEAR(Eval("corrected-calcium", {{"calcium_mmol_l", 2.50}, {"albumin_g_l", 40}}), 2.50,
              0.005);
  // albumin 3.0 g/dL = 30 g/L: 2.00 + 0.02 x 10 = 2.20
  EXPECT_NEAR(Eval("corrected-calcium", {{"calcium_mmol_l", 2.00}, {"albumin_g_dl", 3.0}}), 2.20,
              0.005);
  // 8.4 + 0.8 x (4 - 3.0) = 9.2 mg/dL
  EXPECT_NEAR(Eval("corrected-calcium", {{"calcium_mg_dl", 8.4}, {"albumin_g_dl", 3.0}}), 9.2,
              0.005);
}

json Cha(double age, const char* sex) {
  return {{"age", age},
          {"sex", sex},
          {"congestive_heart_failure", false},
          {"hypertension", false},
          {"diabetes", false},
          {"stroke_tia_thromboembolism", false},
          {"vascular_disease", false}};
}

TEST(HandVectors, Cha2ds2Vasc) {
  json a = Cha(76, "F");
  a["hypertension"] = true;
  EXPECT_EQ(Eval("cha2ds2-vasc", a), 4);  // age >= 75 (2) + HTN (1) + female (1)
  EXPECT_EQ(Eval("cha2ds2-vasc", Cha(50, "M")), 0);
  json c = Cha(70, "M");
  c.update({{"congestive_heart_failure", true},
            {"diabetes", true},
            {"stroke_tia_thromboembolism", true},
            {"vascular_disease", true}});
  EXPECT_EQ(Eval("cha2ds2-vasc", c), 6);             // 1 + 1 + 2 + 1 + age 65-74 (1)
  EXPECT_EQ(Eval("cha2ds2-vasc", Cha(64, "F")), 1);  // female only
}

json Bled(double age) {
  return {{"age", age},
          {"hypertension", false},
          {"abnormal_renal_function", false},
          {"abnormal_liver_function", false},
          {"stroke", false},
          {"bleeding", false},
          {"labile_inr", false},
          {"drugs", false},
          {"alcohol", false}};
}

TEST(HandVectors, HasBled) {
  json a = Bled(70);
  a.update({{"hypertension", true}, {"drugs", true}});
  EXPECT_EQ(Eval("has-bled", a), 3);         // age > 65 (1) + H (1) + D (1)
  EXPECT_EQ(Eval("has-bled", Bled(65)), 0);  // elderly is strictly > 65
  json all = Bled(80);
  for (auto& [k, v] : all.items())
    if (v.is_boolean()) v = true;
  EXPECT_EQ(Eval("has-bled", all), 9);
}

json Pe(double hr) {
  return {{"dvt_signs", false},       {"pe_most_likely", false},
          {"heart_rate_bpm", hr},     {"immobilization_or_surgery", false},
          {"previous_dvt_pe", false}, {"hemoptysis", false},
          {"malignancy", false}};
}

TEST(HandVectors, WellsPe) {
  json a = Pe(110);
  a["dvt_signs"] = true;
  EXPECT_DOUBLE_EQ(Eval("wells-pe", a), 4.5);  // 3 + HR > 100 (1.5)
  json b = Pe(100);
  b["pe_most_likely"] = true;
  EXPECT_DOUBLE_EQ(Eval("wells-pe", b), 3.0);  // HR 100 is not > 100
  json all = Pe(130);
  for (auto& [k, v] : all.items())
    if (v.is_boolean()) v = true;
  EXPECT_DOUBLE_EQ(Eval("wells-pe", all), 12.5);  // 3+3+1.5+1.5+1.5+1+1
}

json Dvt() {
  return {{"active_cancer", false},
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

TEST(HandVectors, WellsDvt) {
  json a = Dvt();
  a.update({{"active_cancer", true}, {"entire_leg_swollen", true}, {"calf_swelling_3cm", true}});
  EXPECT_EQ(Eval("wells-dvt", a), 3);
  json b = Dvt();
  b["alternative_diagnosis_likely"] = true;
  EXPECT_EQ(Eval("wells-dvt", b), -2);
  json all = Dvt();
  for (auto& [k, v] : all.items()) v = true;
  EXPECT_EQ(Eval("wells-dvt", all), 7);  // 9 - 2
}

json PercIn(double age, double hr, double sat) {
  return {{"age", age},
          {"heart_rate_bpm", hr},
          {"sao2_percent", sat},
          {"unilateral_leg_swelling", false},
          {"hemoptysis", false},
          {"recent_surgery_trauma", false},
          {"previous_dvt_pe", false},
          {"hormone_use", false}};
}

TEST(HandVectors, Perc) {
  EXPECT_EQ(Eval("perc", PercIn(49, 99, 95)), 0);  // thresholds >= 50, >= 100, < 95 not met
  EXPECT_EQ(Eval("perc", PercIn(50, 99, 95)), 1);
  json c = PercIn(60, 100, 94);
  c["hormone_use"] = true;
  EXPECT_EQ(Eval("perc", c), 4);
}

TEST(HandVectors, Curb65) {
  json a = {{"age", 64},      {"urea_mmol_l", 7.0}, {"respiratory_rate", 29},
            {"sbp_mmhg", 90}, {"dbp_mmhg", 61},     {"confusion", false}};
  EXPECT_EQ(Eval("curb-65", a), 0);  // every threshold just missed
  json b = {{"age", 65},      {"urea_mmol_l", 7.1}, {"respiratory_rate", 30},
            {"sbp_mmhg", 89}, {"dbp_mmhg", 70},     {"confusion", true}};
  EXPECT_EQ(Eval("curb-65", b), 5);
  // BUN 20 mg/dL x 10 / 28.014 = 7.14 mmol/L > 7
  json c = {{"age", 40},       {"bun_mg_dl", 20}, {"respiratory_rate", 16},
            {"sbp_mmhg", 120}, {"dbp_mmhg", 80},  {"confusion", false}};
  EXPECT_EQ(Eval("curb-65", c), 1);
  // French lab: urée 0.43 g/L x 1000 / 60.06 = 7.16 mmol/L > 7
  c.erase("bun_mg_dl");
  c["urea_g_l"] = 0.43;
  EXPECT_EQ(Eval("curb-65", c), 1);
}

TEST(HandVectors, Qsofa) {
  EXPECT_EQ(
      Eval("qsofa", {{"respiratory_rate", 22}, {"sbp_mmhg", 101}, {"altered_mentation", true}}), 2);
  EXPECT_EQ(Eval("qsofa", {{"respiratory_rate", 21}, {"sbp_mmhg", 100}, {"gcs", 15}}), 1);
  EXPECT_EQ(Eval("qsofa", {{"respiratory_rate", 30}, {"sbp_mmhg", 80}, {"gcs", 13}}), 3);
}

TEST(HandVectors, Gcs) {
  EXPECT_EQ(Eval("gcs", {{"eye", 4}, {"verbal", 1}, {"motor", 1}}), 6);
  EXPECT_EQ(Eval("gcs", {{"eye", 3}, {"verbal", 4}, {"motor", 5}}), 12);
  EXPECT_EQ(Eval("gcs", {{"eye", 1}, {"verbal", 5}, {"motor", 6}}), 12);
}

TEST(HandVectors, CentorMcIsaac) {
  json a = {{"age", 10},
            {"temperature_c", 38.5},
            {"cough_absent", true},
            {"tender_anterior_nodes", true},
            {"tonsillar_exudate", true}};
  EXPECT_EQ(Eval("centor-mcisaac", a), 5);  // 4 criteria + age 3-14
  json b = {{"age", 50},
            {"temperature_c", 38.1},
            {"cough_absent", false},
            {"tender_anterior_nodes", false},
            {"tonsillar_exudate", false}};
  EXPECT_EQ(Eval("centor-mcisaac", b), 0);  // fever 1, age >= 45 -1
  // 101 F = (101 - 32) x 5/9 = 38.33 C > 38; cough absent 1 -> 2
  json c = {{"age", 30},
            {"temperature_f", 101},
            {"cough_absent", true},
            {"tender_anterior_nodes", false},
            {"tonsillar_exudate", false}};
  EXPECT_EQ(Eval("centor-mcisaac", c), 2);
}

TEST(HandVectors, DDimerAgeAdjusted) {
  EXPECT_EQ(Eval("d-dimer-age-adjusted", {{"age", 40}}), 500);  // <= 50: 500 µg/L
  EXPECT_EQ(Eval("d-dimer-age-adjusted", {{"age", 50}}), 500);
  EXPECT_EQ(Eval("d-dimer-age-adjusted", {{"age", 75}}), 750);  // 75 x 10
}

}  // namespace
}  // namespace vigie::calc
