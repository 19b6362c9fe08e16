#include "vigie/app/app.h"

#include <gtest/gtest.h>

#include "vigie/api/openapi.h"

namespace vigie::app {
namespace {

using nlohmann::json;

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Settings s;
    s.audit_log = "/audit.jsonl";
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

TEST_F(AppTest, HealthAndVersion) {
  EXPECT_EQ(json::parse(Call("GET", "/healthz").body)["status"], "ok");
  EXPECT_EQ(json::parse(Call("GET", "/v1/version").body)["version"], std::string(Version()));
}

TEST_F(AppTest, ReadinessReflectsChecks) {
  EXPECT_EQ(Call("GET", "/readyz").status, 200);
  app_->AddReadinessCheck(
      {"kb", [] { return Status::Error(ErrorCode::kNotReady, {"base de connaissances"}); }});
  api::HttpResponse res = Call("GET", "/readyz");
  EXPECT_EQ(res.status, 503);
  EXPECT_EQ(json::parse(res.body)["status"], "not_ready");
  EXPECT_NE(json::parse(res.body)["checks"]["kb"].get<std::string>().find("pas encore prêt"),
            std::string::npos);
}

TEST_F(AppTest, OpenApiListsEveryRegisteredRoute) {
  json doc = api::BuildOpenApi(app_->router(), "x");
  for (const api::Route& r : app_->router().routes()) {
    std::string method = r.method == "GET" ? "get" : "post";
    EXPECT_TRUE(doc["paths"][r.path].contains(method)) << r.path;
  }
  EXPECT_TRUE(doc["paths"].contains("/v1/patient/normalize"));
}

TEST_F(AppTest, PatientNormalizeValidatesAndAuditsWithoutValues) {
  api::HttpResponse ok =
      Call("POST", "/v1/patient/normalize", R"({"age": 81, "sex": "F", "creatinine_mg_dl": 1.0})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  json body = json::parse(ok.body);
  EXPECT_DOUBLE_EQ(body["patient"]["creatinine_umol_l"].get<double>(), 88.4);
  EXPECT_EQ(body["patient"]["age_years"], 81);

  api::HttpResponse bad = Call("POST", "/v1/patient/normalize", R"({"weight_kg": 999})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["code"], "out_of_range");

  std::string audit = *env_.ReadFile("/audit.jsonl");
  EXPECT_NE(audit.find("\"patient.normalize\""), std::string::npos);
  EXPECT_NE(audit.find("\"out_of_range\""), std::string::npos);
  EXPECT_EQ(audit.find("999"), std::string::npos);  // no field value in the audit trail
}

TEST(AppCreateTest, BadDevRoleIsAConfigError) {
  MemEnv env;
  Settings s;
  s.server_role = "superuser";
  EXPECT_EQ(App::Create(env, s).status().code(), ErrorCode::kConfigError);
}

}  // namespace
}  // namespace vigie::app
