// /v1/calc and /v1/exam through the real router (in-process, MemEnv). The exam
// rules are the repository's data/exam-rules files, copied into the MemEnv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app_test_util.h"
#include "vigie/app/app.h"

namespace vigie::app {
namespace {

using nlohmann::json;

std::string ReadDisk(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CalcRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* src = std::getenv("VIGIE_SOURCE_DIR");
    ASSERT_NE(src, nullptr);
    for (const char* sub : {"exam-rules", "posology"}) {
      std::filesystem::path dir = std::filesystem::path(src) / "data" / sub;
      ASSERT_TRUE(env_.CreateDirs(std::string("/content/") + sub).ok());
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        ASSERT_TRUE(
            env_.WriteFile(std::string("/content/") + sub + "/" + e.path().filename().string(),
                           ReadDisk(e.path()))
                .ok());
      }
    }
    Settings s;
    s.server_role =
        "clinician";  // local-development authenticator: these tests are about the routes
    s.audit_log = "/audit.jsonl";
    s.content_dir = "/content";
    auto created = App::Create(env_, s);
    ASSERT_TRUE(created.ok()) << created.status().Message(Lang::kEn);
    app_ = std::move(created).value();
  }
  api::HttpResponse Call(const std::string& method, const std::string& path,
                         const std::string& body = "") {
    api::HttpRequest req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.headers["content-type"] = "application/json";
    req.request_id = "rq";
    return app_->router().Dispatch(req);
  }
  MemEnv env_;
  std::unique_ptr<App> app_;
};

TEST_F(CalcRoutesTest, ListsTheRegistry) {
  api::HttpResponse res = Call("GET", "/v1/calc");
  ASSERT_EQ(res.status, 200);
  EXPECT_GE(json::parse(res.body)["calculators"].size(), 20u);
}

TEST_F(CalcRoutesTest, EvaluatesAPatientObject) {
  // (140-80) x 60 x 1.04 / 106 = 35.3 mL/min
  api::HttpResponse res = Call("POST", "/v1/calc/cockcroft-gault",
                               R"({"age_years":80,"sex":"F","weight_kg":60,"creatinine_umol_l":106,
                                   "creatinine_date":"2026-11-02","allergies":[]})");
  ASSERT_EQ(res.status, 200) << res.body;
  json j = json::parse(res.body);
  EXPECT_DOUBLE_EQ(j["value"].get<double>(), 35.3);
  EXPECT_EQ(j["unit"], "mL/min");
  EXPECT_NE(j["formula"].get<std::string>().find("2026-11-02"), std::string::npos);
  std::string audit = AuditWithoutChain(*env_.ReadFile("/audit.jsonl"));
  EXPECT_NE(audit.find("calc.evaluate"), std::string::npos);
  EXPECT_EQ(audit.find("106"), std::string::npos);  // no input value in the audit log
}

TEST_F(CalcRoutesTest, OutOfRangeIs400NamingTheInput) {
  api::HttpResponse res = Call("POST", "/v1/calc/bmi", R"({"weight_kg":70,"height_cm":999})");
  EXPECT_EQ(res.status, 400);
  json j = json::parse(res.body);
  EXPECT_EQ(j["error"]["code"], "out_of_range");
  EXPECT_NE(j["error"]["message"].get<std::string>().find("height_cm"), std::string::npos);
  EXPECT_EQ(Call("POST", "/v1/calc/nope", "{}").status, 404);
}

TEST_F(CalcRoutesTest, ExamRuleVerdicts) {
  api::HttpResponse res =
      Call("POST", "/v1/exam/low-back-pain", R"({"duration_weeks":2,"red_flag":false})");
  ASSERT_EQ(res.status, 200) << res.body;
  json j = json::parse(res.body);
  EXPECT_EQ(j["indicated"], false);
  EXPECT_FALSE(j["source"]["document"].get<std::string>().empty());
  json na = json::parse(Call("POST", "/v1/exam/low-back-pain", R"({"duration_weeks":30})").body);
  EXPECT_EQ(na["indicated"], "not applicable");
  EXPECT_GE(json::parse(Call("GET", "/v1/exam").body)["rules"].size(), 6u);
}

TEST_F(CalcRoutesTest, DoseForAPatient) {
  // Metformin, lab eGFR 50 (45-59 band): 2 g/day at most.
  api::HttpResponse res = Call(
      "POST", "/v1/dose", R"({"substance":"metformine","patient":{"age":60,"sex":"M","egfr":50}})");
  ASSERT_EQ(res.status, 200) << res.body;
  json j = json::parse(res.body);
  EXPECT_EQ(j["limits"]["per_day_max"], 2000);
  EXPECT_FALSE(j["rule"]["source"]["document"].get<std::string>().empty());
  json none = json::parse(
      Call("POST", "/v1/dose", R"({"substance":"lévothyroxine","patient":{"age":60}})").body);
  EXPECT_EQ(none["status"], "no_rule");
  EXPECT_EQ(Call("POST", "/v1/dose", R"({"patient":{}})").status, 400);
}

TEST(CalcRoutesNoContentTest, ExamRoutesSayNotReadyWithoutRules) {
  MemEnv env;
  Settings s;
  s.server_role = "clinician";  // local-development authenticator: these tests are about the routes
  s.audit_log = "/audit.jsonl";
  s.content_dir = "/nowhere";
  auto app = App::Create(env, s);
  ASSERT_TRUE(app.ok());
  api::HttpRequest req;
  req.method = "POST";
  req.path = "/v1/exam/low-back-pain";
  req.body = "{}";
  req.headers["content-type"] = "application/json";
  EXPECT_EQ((*app)->router().Dispatch(req).status, 503);
}

}  // namespace
}  // namespace vigie::app
