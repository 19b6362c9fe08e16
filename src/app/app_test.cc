// Tests of the wired App: system routes, readiness, patient normalisation, audit.
#include "vigie/app/app.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "app_test_util.h"
#include "vigie/api/openapi.h"
#include "vigie/privacy/tokens.h"

namespace vigie::app {
namespace {

using nlohmann::json;

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Settings s;
    s.audit_log = "/audit.jsonl";
    s.db_path = "/nonexistent/vigie.db";  // no knowledge base in these tests
    token_ = privacy::CreateToken(env_, s.tokens_file, api::Role::kClinician, "test").value();
    // The de-identifier's committed dictionaries, copied into the in-memory Env.
    const char* src = std::getenv("VIGIE_SOURCE_DIR");
    ASSERT_NE(src, nullptr);
    auto posix = NewPosixEnv();
    s.deid_dict_dir = "/deid";
    for (const char* f :
         {"first_names.txt", "last_names.txt", "cities.txt", "hospitals.txt", "stopwords.txt"}) {
      Result<std::string> text = posix->ReadFile(std::string(src) + "/data/deid/" + f);
      ASSERT_TRUE(text.ok()) << f;
      ASSERT_TRUE(env_.WriteFile(std::string("/deid/") + f, *text).ok());
    }
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
    req.headers["authorization"] = "Bearer " + token_;
    req.request_id = "rq";
    return app_->router().Dispatch(req);
  }
  MemEnv env_;
  std::string token_;
  std::unique_ptr<App> app_;
};

TEST_F(AppTest, HealthAndVersion) {
  EXPECT_EQ(json::parse(Call("GET", "/healthz").body)["status"], "ok");
  EXPECT_EQ(json::parse(Call("GET", "/v1/version").body)["version"], std::string(Version()));
}

TEST_F(AppTest, ReadinessReflectsChecks) {
  // This App has no knowledge base file: the kb check says so, the service is not ready.
  api::HttpResponse res = Call("GET", "/readyz");
  EXPECT_EQ(res.status, 503);
  json body = json::parse(res.body);
  EXPECT_EQ(body["status"], "not_ready");
  EXPECT_NE(body["checks"]["kb"].get<std::string>().find("pas encore prêt"), std::string::npos);
  app_->AddReadinessCheck(
      {"extra", [] { return Status::Error(ErrorCode::kNotReady, {"composant"}); }});
  body = json::parse(Call("GET", "/readyz").body);
  EXPECT_NE(body["checks"]["extra"].get<std::string>().find("composant"), std::string::npos);
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

  std::string audit = AuditWithoutChain(*env_.ReadFile("/audit.jsonl"));
  EXPECT_NE(audit.find("\"patient.normalize\""), std::string::npos);
  EXPECT_NE(audit.find("\"out_of_range\""), std::string::npos);
  EXPECT_EQ(audit.find("999"), std::string::npos);  // no field value in the audit trail
}

TEST_F(AppTest, TokensAreRequiredOnClinicianRoutes) {
  token_.clear();
  api::HttpResponse none = Call("POST", "/v1/patient/normalize", R"({"age": 81})");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(json::parse(none.body)["error"]["code"], "unauthenticated");
  token_ = "vg_00000000_0000000000000000000000000000000000000000";
  EXPECT_EQ(Call("POST", "/v1/patient/normalize", R"({"age": 81})").status, 401);
  EXPECT_EQ(Call("GET", "/healthz").status, 401);  // a wrong token is refused everywhere
  token_ = privacy::CreateToken(env_, Settings().tokens_file, api::Role::kPublic, "kiosk").value();
  env_.AdvanceMicros(2'000'000);  // tokens created while serving are picked up within a second
  EXPECT_EQ(Call("GET", "/healthz").status, 200);
  api::HttpResponse pub = Call("POST", "/v1/deid", R"({"text": "M. Quenouille"})");
  EXPECT_EQ(pub.status, 403);
  EXPECT_EQ(json::parse(pub.body)["error"]["code"], "forbidden");
}

TEST_F(AppTest, DeidMasksAndAuditsOnlyCounts) {
  api::HttpResponse res = Call(
      "POST", "/v1/deid",
      R"({"text": "Mme Zoé QUENOUILLE, née le 02/03/1950, tél 06 12 34 56 78.", "names": ["Zoé"]})");
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  std::string text = body["text"];
  EXPECT_EQ(text.find("QUENOUILLE"), std::string::npos);
  EXPECT_EQ(text.find("1950"), std::string::npos);
  EXPECT_NE(text.find("[TEL]"), std::string::npos);
  EXPECT_EQ(body["entities"][0]["start"], 4);
  std::string audit = AuditWithoutChain(*env_.ReadFile("/audit.jsonl"));
  EXPECT_NE(audit.find("\"deid.run\""), std::string::npos);
  EXPECT_EQ(audit.find("QUENOUILLE"), std::string::npos);
  EXPECT_EQ(audit.find("Zo"), std::string::npos);
  api::HttpResponse pseudo =
      Call("POST", "/v1/deid", R"({"text": "M. Quenouille", "mode": "pseudo"})");
  ASSERT_EQ(pseudo.status, 200) << pseudo.body;
  EXPECT_EQ(json::parse(pseudo.body)["text"].get<std::string>().find("Quenouille"),
            std::string::npos);
}

TEST(AppCreateTest, RateLimitPerToken) {
  MemEnv env;
  Settings s;
  s.rate_limit_per_minute = 3;
  std::string token = privacy::CreateToken(env, s.tokens_file, api::Role::kClinician, "").value();
  auto app = App::Create(env, s);
  ASSERT_TRUE(app.ok());
  api::HttpRequest req;
  req.method = "GET";
  req.path = "/v1/version";
  req.headers["authorization"] = "Bearer " + token;
  for (int i = 0; i < 3; ++i) EXPECT_EQ((*app)->router().Dispatch(req).status, 200);
  api::HttpResponse limited = (*app)->router().Dispatch(req);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(json::parse(limited.body)["error"]["code"], "rate_limited");
  env.AdvanceMicros(60'000'000);  // the in-memory clock: a minute later the budget is back
  EXPECT_EQ((*app)->router().Dispatch(req).status, 200);
}

TEST(AppCreateTest, BadDevRoleIsAConfigError) {
  MemEnv env;
  Settings s;
  s.server_role = "superuser";
  EXPECT_EQ(App::Create(env, s).status().code(), ErrorCode::kConfigError);
}

}  // namespace
}  // namespace vigie::app
