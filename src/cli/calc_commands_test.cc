// `vigie calc` and `vigie exam` end to end in-process (MemEnv): JSON output,
// exit codes (3 for an input error), and the repository's exam rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

TEST(CalcCommandsTest, ListJson) {
  MemEnv env;
  CliRun r = Vigie({"calc", "--list", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_GE(json::parse(r.out)["calculators"].size(), 20u);
}

TEST(CalcCommandsTest, EvaluateWithKeyValues) {
  MemEnv env;
  // 70 / 1.75^2 = 22.86 -> 22.9
  CliRun r = Vigie({"calc", "bmi", "weight_kg=70", "height_cm=175", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["value"].get<double>(), 22.9);
  CliRun human = Vigie(
      {"calc", "cha2ds2-vasc", "age=76", "sex=F", "hypertension=oui", "diabetes=non",
       "congestive_heart_failure=non", "stroke_tia_thromboembolism=non", "vascular_disease=non"},
      env);
  ASSERT_EQ(human.code, 0) << human.err;
  EXPECT_NE(human.out.find("cha2ds2-vasc = 4 points"), std::string::npos) << human.out;
}

TEST(CalcCommandsTest, OutOfRangeExitsThreeAndNamesTheInput) {
  MemEnv env;
  CliRun r = Vigie({"calc", "bmi", "weight_kg=70", "height_cm=999", "--json", "--lang", "en"}, env);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(json::parse(r.out)["error"]["code"], "out_of_range");
  EXPECT_NE(r.err.find("height_cm"), std::string::npos);
  EXPECT_EQ(Vigie({"calc", "bmi", "weight_kg"}, env).code, 2);  // not key=value: usage
}

std::string ReadDisk(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CalcCommandsTest, ExamRuleFromTheContentFolder) {
  MemEnv env;
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  ASSERT_TRUE(env.CreateDirs("/content/exam-rules").ok());
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(src) / "data" / "exam-rules")) {
    ASSERT_TRUE(
        env.WriteFile("/content/exam-rules/" + e.path().filename().string(), ReadDisk(e.path()))
            .ok());
  }
  env.SetVar("VIGIE_CONTENT", "/content");
  CliRun r = Vigie({"exam", "low-back-pain", "duration_weeks=3", "red_flag=true", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["indicated"], true);
  CliRun list = Vigie({"exam", "--list", "--json"}, env);
  EXPECT_GE(json::parse(list.out)["rules"].size(), 6u);
  MemEnv empty;
  empty.SetVar("VIGIE_CONTENT", "/none");
  EXPECT_EQ(Vigie({"exam", "low-back-pain"}, empty).code, 3);  // folder not found
}

TEST(CalcCommandsTest, DoseForThisPatient) {
  MemEnv env;
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  ASSERT_TRUE(env.CreateDirs("/content/posology").ok());
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(src) / "data" / "posology")) {
    ASSERT_TRUE(
        env.WriteFile("/content/posology/" + e.path().filename().string(), ReadDisk(e.path()))
            .ok());
  }
  env.SetVar("VIGIE_CONTENT", "/content");
  // Child 20 kg: paracetamol 15 mg/kg per intake = 300 mg, 80 mg/kg/day = 1600 mg
  CliRun r = Vigie(
      {"dose", "--substance", "paracetamol", "age=6", "sex=F", "weight_kg=20", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["limits"]["per_intake_max"], 300);
  EXPECT_EQ(j["limits"]["per_day_max"], 1600);
  EXPECT_EQ(Vigie({"dose", "--substance", "paracetamol", "weight_kg=9999"}, env).code, 3);
  // FOSFOMYCINE BIOGARAN (CIS 66806921, RCP 4.2, 29/07/2020): not recommended
  // when creatinine clearance < 10 mL/min. CG (140-80) x 45 x 1.04 / 400 = 7.02.
  CliRun renal = Vigie({"dose", "--substance", "fosfomycine", "age=80", "sex=F", "weight_kg=45",
                        "creatinine_umol_l=400", "creatinine_date=2026-11-20", "--json"},
                       env);
  ASSERT_EQ(renal.code, 0) << renal.err;
  json f = json::parse(renal.out);
  EXPECT_EQ(f["status"], "not_recommended");
  EXPECT_EQ(f["rule"]["source"]["cis"], "66806921");
  EXPECT_EQ(f["renal"][0]["estimator"], "cockcroft-gault");
  EXPECT_NEAR(f["renal"][0]["value"].get<double>(), 7.02, 0.01);
  EXPECT_EQ(f["renal"][0]["date"], "2026-11-20");
  EXPECT_NE(f["renal"][0]["formula"].get<std::string>().find("actual body weight"),
            std::string::npos);
  CliRun none = Vigie({"dose", "--substance", "lévothyroxine", "age=50", "--json"}, env);
  ASSERT_EQ(none.code, 0) << none.err;
  EXPECT_EQ(json::parse(none.out)["status"], "no_rule");  // never "ok"
  EXPECT_EQ(Vigie({"dose", "age=6"}, env).code, 2);       // --substance required
}

}  // namespace
}  // namespace vigie::cli
