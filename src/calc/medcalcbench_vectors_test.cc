// The 140 MedCalc-Bench v1.0 score cases of
// ../shared/clinical/score_vectors_medcalcbench.csv (Khandekar et al. 2024,
// CC BY-SA 4.0) through the registry. MedCalc-Bench's input names are mapped
// to Vigie's below; two MedCalc-Bench conventions are applied here, in the
// adapter, not in the calculators: an item absent from a case is "not
// present", and several MedCalc-Bench items that the original score counts
// once are OR-ed (e.g. stroke / TIA / thromboembolism). Expected values come
// from the CSV.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "calc/shared_csv_test_util.h"
#include "vigie/calc/registry.h"

namespace vigie::calc {
namespace {

using nlohmann::json;

bool B(const json& m, const char* key) { return m.contains(key) && m.at(key).get<bool>(); }
double V(const json& m, const char* key) { return m.at(key).at(0).get<double>(); }
std::string U(const json& m, const char* key) { return m.at(key).at(1).get<std::string>(); }

void PutAge(const json& m, json& out) {
  if (U(m, "age") == "months") {
    out["age_months"] = V(m, "age");
  } else {
    out["age"] = V(m, "age");
  }
}

json Cha2ds2(const json& m) {
  json o = {
      {"sex", m.at("sex") == "Female" ? "F" : "M"},
      {"congestive_heart_failure", B(m, "Congestive Heart Faliure")},
      {"hypertension", B(m, "Hypertension history")},
      {"diabetes", B(m, "Diabetes history")},
      {"stroke_tia_thromboembolism", B(m, "Stroke") || B(m, "Transient Ischemic Attacks History") ||
                                         B(m, "Thromboembolism history")},
      {"vascular_disease", B(m, "Vascular disease history")}};
  PutAge(m, o);
  return o;
}

json HasBled(const json& m) {
  json o = {{"hypertension", B(m, "Hypertension history")},
            {"abnormal_renal_function", B(m, "Renal disease criteria for the HAS-BLED rule")},
            {"abnormal_liver_function", B(m, "Liver disease criteria for the HAS-BLED rule")},
            {"stroke", B(m, "Stroke")},
            {"bleeding", B(m, "Prior major bleeding or predisposition to bleeding")},
            {"labile_inr", B(m, "Labile international normalized ratio")},
            {"drugs", B(m, "Medication usage predisposing to bleeding")},
            // README: MedCalc-Bench counts alcohol at >= 8 drinks/week.
            {"alcohol", m.value("Number of Alcoholic Drinks Per Week", 0.0) >= 8}};
  PutAge(m, o);
  return o;
}

json WellsPe(const json& m) {
  return {{"dvt_signs", B(m, "Clinical signs and symptoms of Deep Vein Thrombosis")},
          {"pe_most_likely", B(m, "Pulmonary Embolism is #1 diagnosis OR equally likely")},
          {"heart_rate_bpm", V(m, "Heart Rate or Pulse")},
          {"immobilization_or_surgery",
           B(m, "Immobilization for at least 3 days") || B(m, "Surgery in the previous 4 weeks")},
          {"previous_dvt_pe", B(m, "Previously Documented Pulmonary Embolism") ||
                                  B(m, "Previously documented Deep Vein Thrombosis")},
          {"hemoptysis", B(m, "Hemoptysis")},
          {"malignancy", B(m, "Malignancy with treatment within 6 months or palliative")}};
}

json WellsDvt(const json& m) {
  return {
      {"active_cancer", B(m, "Active cancer")},
      {"paralysis_paresis_cast",
       B(m, "Paralysis, paresis, or recent plaster immobilization of the lower extremity")},
      {"bedridden_or_major_surgery",
       B(m, "Bedridden recently >3 days or major surgery within 12 weeks") ||
           B(m, "Major surgery within 12 weeks")},
      {"localized_tenderness", B(m, "Localized tenderness along the deep venous system")},
      {"entire_leg_swollen", B(m, "Entire Leg Swollen")},
      {"calf_swelling_3cm", B(m, "Calf swelling >3 centimeters compared to the other leg")},
      {"pitting_edema", B(m, "Pitting edema, confined to symptomatic leg")},
      {"collateral_superficial_veins", B(m, "Collateral (nonvaricose) superficial veins present")},
      {"previous_dvt", B(m, "Previously documented Deep Vein Thrombosis")},
      {"alternative_diagnosis_likely",
       B(m, "Alternative diagnosis to Deep Vein Thrombosis as likely or more likely")}};
}

json Perc(const json& m) {
  json o = {{"heart_rate_bpm", V(m, "Heart Rate or Pulse")},
            {"sao2_percent", V(m, "O₂ saturation percentage")},
            {"unilateral_leg_swelling", B(m, "Unilateral Leg Swelling")},
            {"hemoptysis", B(m, "Hemoptysis")},
            {"recent_surgery_trauma", B(m, "Recent surgery or trauma")},
            {"previous_dvt_pe", B(m, "Previously Documented Pulmonary Embolism") ||
                                    B(m, "Previously documented Deep Vein Thrombosis")},
            {"hormone_use", B(m, "Hormone use")}};
  PutAge(m, o);
  return o;
}

json Curb65(const json& m) {
  json o = {{"confusion", B(m, "Confusion")},
            {"respiratory_rate", V(m, "respiratory rate")},
            {"sbp_mmhg", V(m, "Systolic Blood Pressure")},
            {"dbp_mmhg", V(m, "Diastolic Blood Pressure")}};
  const char* bun = "Blood Urea Nitrogen (BUN)";
  o[U(m, bun) == "mg/dL" ? "bun_mg_dl" : "urea_mmol_l"] = V(m, bun);
  PutAge(m, o);
  return o;
}

json Centor(const json& m) {
  json o = {{"cough_absent", B(m, "Cough Absent")},
            {"tender_anterior_nodes", B(m, "Tender/swollen anterior cervical lymph nodes")},
            {"tonsillar_exudate", B(m, "Exudate or swelling on tonsils")}};
  o[U(m, "Temperature") == "degrees celsius" ? "temperature_c" : "temperature_f"] =
      V(m, "Temperature");
  PutAge(m, o);
  return o;
}

struct Adapter {
  std::string id;
  std::function<json(const json&)> map;
};

const std::map<std::string, Adapter>& Adapters() {
  static const std::map<std::string, Adapter> kAdapters = {
      {"CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk", {"cha2ds2-vasc", Cha2ds2}},
      {"HAS-BLED Score for Major Bleeding Risk", {"has-bled", HasBled}},
      {"Wells' Criteria for Pulmonary Embolism", {"wells-pe", WellsPe}},
      {"Wells' Criteria for DVT", {"wells-dvt", WellsDvt}},
      {"PERC Rule for Pulmonary Embolism", {"perc", Perc}},
      {"CURB-65 Score for Pneumonia Severity", {"curb-65", Curb65}},
      {"Centor Score (Modified/McIsaac) for Strep Pharyngitis", {"centor-mcisaac", Centor}},
  };
  return kAdapters;
}

TEST(MedCalcBenchVectorsTest, All140CasesMatch) {
  std::string csv = testing::ReadSharedClinical("score_vectors_medcalcbench.csv");
  ASSERT_FALSE(csv.empty()) << "../shared/clinical/score_vectors_medcalcbench.csv not found";
  std::map<std::string, int> passed;
  int rows = 0;
  for (const auto& row : testing::CsvRecords(csv)) {
    ++rows;
    auto it = Adapters().find(row.at("calculator"));
    ASSERT_NE(it, Adapters().end()) << row.at("calculator");
    json inputs = it->second.map(json::parse(row.at("inputs_json")));
    Result<CalcResult> r = Evaluate(it->second.id, inputs);
    ASSERT_TRUE(r.ok()) << it->second.id << ": " << r.status().Message(Lang::kEn) << " "
                        << inputs.dump();
    bool match = testing::MatchesAtPrintedPrecision(r->value, row.at("expected"));
    EXPECT_TRUE(match) << it->second.id << " " << row.at("inputs_json") << ": got " << r->value
                       << ", expected " << row.at("expected");
    if (match) ++passed[it->second.id];
  }
  EXPECT_EQ(rows, 140);
  for (const auto& [id, n] : passed) {
    EXPECT_EQ(n, 20) << id;
    std::printf("  %-16s %d/20 MedCalc-Bench vectors\n", id.c_str(), n);
  }
  EXPECT_EQ(passed.size(), 7u);
}

}  // namespace
}  // namespace vigie::calc
