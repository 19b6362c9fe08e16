// The registry's contract: the 20 calculators of issue 5 are declared, errors
// name the input and the range, a Patient object is accepted as is, results
// state formula and conventions; plus hand vectors of the decision rules.
#include "vigie/calc/registry.h"

#include <gtest/gtest.h>

#include <set>

namespace vigie::calc {
namespace {

using nlohmann::json;

TEST(RegistryTest, DeclaresTheTwentyCalculatorsOfIssue5) {
  std::set<std::string> ids;
  for (const CalculatorInfo& c : AllCalculators()) {
    ids.insert(c.id);
    EXPECT_FALSE(c.source.empty()) << c.id;
    EXPECT_FALSE(c.formula.empty()) << c.id;
    EXPECT_FALSE(c.name_fr.empty()) << c.id;
  }
  for (const char* id : {"cockcroft-gault",
                         "ckd-epi-2021",
                         "mdrd",
                         "bmi",
                         "bsa-mosteller",
                         "bsa-dubois",
                         "ibw-devine",
                         "corrected-calcium",
                         "cha2ds2-vasc",
                         "has-bled",
                         "wells-pe",
                         "wells-dvt",
                         "perc",
                         "curb-65",
                         "qsofa",
                         "gcs",
                         "centor-mcisaac",
                         "ottawa-ankle",
                         "canadian-ct-head",
                         "canadian-c-spine"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST(RegistryTest, ListJsonDescribesInputsWithUnitsAndRanges) {
  json list = ListJson();
  ASSERT_TRUE(list.is_array());
  const json* cg = nullptr;
  for (const json& c : list) {
    if (c["id"] == "cockcroft-gault") cg = &c;
  }
  ASSERT_NE(cg, nullptr);
  EXPECT_EQ((*cg)["output_unit"], "mL/min");
  const json& creat = (*cg)["inputs"][3];
  EXPECT_EQ(creat["name"], "creatinine_umol_l");
  EXPECT_EQ(creat["unit"], "µmol/L");
  EXPECT_EQ(creat["min"], 5);
  EXPECT_EQ(creat["alternatives"][0]["name"], "creatinine_mg_dl");
}

TEST(RegistryTest, OutOfRangeNamesInputAndRangeInTheUnitGiven) {
  Result<CalcResult> r = Evaluate(
      "cockcroft-gault", {{"sex", "M"}, {"age", 50}, {"weight_kg", 70}, {"creatinine_mg_dl", 50}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kOutOfRange);
  EXPECT_EQ(r.status().exit_code(), 3);
  EXPECT_EQ(r.status().http_status(), 400);
  std::string msg = r.status().Message(Lang::kEn);
  EXPECT_NE(msg.find("creatinine_mg_dl"), std::string::npos) << msg;
  EXPECT_NE(msg.find("33.9"), std::string::npos) << msg;  // 3000 µmol/L / 88.4
}

TEST(RegistryTest, AdultFormulaRefusesAChild) {
  Result<CalcResult> r =
      Evaluate("ckd-epi-2021", {{"sex", "F"}, {"age", 12}, {"creatinine_umol_l", 50}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kOutOfRange);
  EXPECT_NE(r.status().Message(Lang::kFr).find("age"), std::string::npos);
}

TEST(RegistryTest, MissingInputIsNamedWithItsAlternatives) {
  Result<CalcResult> r = Evaluate("ckd-epi-2021", {{"sex", "F"}, {"age", 50}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kMissingInput);
  EXPECT_EQ(r.status().Message(Lang::kEn), "Missing input: creatinine_umol_l / creatinine_mg_dl");
}

TEST(RegistryTest, BothUnitsOfOneInputIsAnError) {
  Result<CalcResult> r = Evaluate(
      "mdrd", {{"sex", "F"}, {"age", 50}, {"creatinine_umol_l", 80}, {"creatinine_mg_dl", 0.9}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
}

TEST(RegistryTest, WrongTypesAndUnknownFieldsAreErrors) {
  EXPECT_EQ(Evaluate("bmi", {{"weight_kg", "70"}, {"height_cm", 170}}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Evaluate("bmi", {{"weight_kg", 70}, {"height_cm", 170}, {"wieght", 1}}).status().code(),
            ErrorCode::kUnknownField);
  EXPECT_EQ(Evaluate("gcs", {{"eye", 2.5}, {"verbal", 3}, {"motor", 4}}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Evaluate("bmi", json::array()).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Evaluate("no-such-calc", json::object()).status().code(), ErrorCode::kNotFound);
}

TEST(RegistryTest, AcceptsAPatientObjectAsIs) {
  json patient = {{"age_years", 80},          {"sex", "F"},
                  {"weight_kg", 60},          {"height_cm", 160},
                  {"creatinine_umol_l", 106}, {"creatinine_date", "2026-11-20"},
                  {"dialysis", false},        {"allergies", {"pénicilline"}},
                  {"conditions", {"I10"}},    {"pregnant", false}};
  Result<CalcResult> r = Evaluate("cockcroft-gault", patient);
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_NEAR(r->value, 35.3, 0.05);  // (140-80) x 60 x 1.04 / 106 = 35.32
  EXPECT_NE(r->formula.find("2026-11-20"), std::string::npos) << r->formula;
  EXPECT_NE(r->formula.find("actual body weight"), std::string::npos) << r->formula;
  EXPECT_EQ(r->inputs_used["age"]["given_as"]["name"], "age_years");
  EXPECT_EQ(r->source, "Cockcroft DW, Gault MH. Nephron 1976;16:31-41");
}

TEST(RegistryTest, AgeInMonthsIsConverted) {
  // 14 months = 1.17 y: McIsaac age band 3-14 not reached; fever 38.4 > 38 -> 1
  json in = {{"age_months", 14},
             {"temperature_c", 38.4},
             {"cough_absent", false},
             {"tender_anterior_nodes", false},
             {"tonsillar_exudate", false}};
  Result<CalcResult> r = Evaluate("centor-mcisaac", in);
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_EQ(r->value, 1);
}

TEST(RegistryTest, ToJsonHasTheIssueShape) {
  Result<CalcResult> r = Evaluate("bmi", {{"weight_kg", 70}, {"height_cm", 175}});
  ASSERT_TRUE(r.ok());
  json j = ToJson(*r);
  EXPECT_EQ(j["id"], "bmi");
  EXPECT_DOUBLE_EQ(j["value"].get<double>(), 22.9);  // 70 / 1.75² = 22.857 -> 22.9
  EXPECT_EQ(j["unit"], "kg/m2");
  EXPECT_EQ(j["interpretation"]["en"], "Adult (WHO): normal range");
  EXPECT_TRUE(j["inputs_used"].contains("weight_kg"));
  EXPECT_FALSE(j["source"].get<std::string>().empty());
}

TEST(RegistryTest, KeyValuesUseDeclaredTypes) {
  Result<json> j = InputsFromKeyValues(
      "cha2ds2-vasc",
      {"age=76", "sex=F", "hypertension=oui", "diabetes=0", "congestive_heart_failure=false",
       "stroke_tia_thromboembolism=non", "vascular_disease=no"});
  ASSERT_TRUE(j.ok()) << j.status().Message(Lang::kEn);
  EXPECT_EQ((*j)["age"], 76);
  EXPECT_EQ((*j)["hypertension"], true);
  EXPECT_EQ(Evaluate("cha2ds2-vasc", *j)->value, 4);
  EXPECT_EQ(InputsFromKeyValues("bmi", {"weight_kg"}).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(InputsFromKeyValues("bmi", {"weight_kg=abc"}).status().code(),
            ErrorCode::kInvalidArgument);
}

json Ankle() {
  return {{"malleolar_pain", false},
          {"lateral_malleolus_tenderness", false},
          {"medial_malleolus_tenderness", false},
          {"midfoot_pain", false},
          {"fifth_metatarsal_tenderness", false},
          {"navicular_tenderness", false},
          {"unable_to_bear_weight", false}};
}

TEST(HandVectors, OttawaAnkle) {
  json a = Ankle();
  a.update({{"midfoot_pain", true}, {"navicular_tenderness", true}});
  EXPECT_EQ(Evaluate("ottawa-ankle", a)->value, 1);  // foot series
  json b = Ankle();
  b["midfoot_pain"] = true;
  EXPECT_EQ(Evaluate("ottawa-ankle", b)->value, 0);  // pain only, bears weight, no tenderness
  json c = Ankle();
  c.update({{"malleolar_pain", true}, {"medial_malleolus_tenderness", true}});
  EXPECT_EQ(Evaluate("ottawa-ankle", c)->value, 1);
  json d = Ankle();
  d["lateral_malleolus_tenderness"] = true;  // tenderness without malleolar-zone pain
  EXPECT_EQ(Evaluate("ottawa-ankle", d)->value, 0);
}

json Head() {
  return {{"age", 40},
          {"gcs_below_15_at_2h", false},
          {"suspected_open_or_depressed_fracture", false},
          {"basal_skull_fracture_signs", false},
          {"vomiting_2_or_more", false},
          {"retrograde_amnesia_30min", false},
          {"dangerous_mechanism", false}};
}

TEST(HandVectors, CanadianCtHead) {
  for (const char* item : {"suspected_open_or_depressed_fracture", "gcs_below_15_at_2h",
                           "basal_skull_fracture_signs"}) {
    json h = Head();
    h[item] = true;
    EXPECT_EQ(Evaluate("canadian-ct-head", h)->value, 1) << item;
  }
  EXPECT_EQ(Evaluate("canadian-ct-head", Head())->value, 0);
  json old = Head();
  old["age"] = 64.9;
  EXPECT_EQ(Evaluate("canadian-ct-head", old)->value, 0);  // age >= 65 only
}

json Spine() {
  return {{"age", 40},
          {"dangerous_mechanism", false},
          {"paresthesias", false},
          {"simple_rear_end_mvc", false},
          {"sitting_in_ed", false},
          {"ambulatory_any_time", false},
          {"delayed_neck_pain", false},
          {"no_midline_tenderness", false}};
}

TEST(HandVectors, CanadianCSpine) {
  json a = Spine();
  a["age"] = 65;
  EXPECT_EQ(Evaluate("canadian-c-spine", a)->value, 1);
  json b = Spine();
  b.update({{"dangerous_mechanism", true}, {"sitting_in_ed", true}, {"can_rotate_45", true}});
  EXPECT_EQ(Evaluate("canadian-c-spine", b)->value, 1);  // high risk wins
  json c = Spine();
  c.update({{"sitting_in_ed", true}, {"can_rotate_45", true}});
  EXPECT_EQ(Evaluate("canadian-c-spine", c)->value, 0);
  json d = Spine();
  d["ambulatory_any_time"] = true;  // rotation needed but not given
  EXPECT_EQ(Evaluate("canadian-c-spine", d).status().code(), ErrorCode::kMissingInput);
}

}  // namespace
}  // namespace vigie::calc
