// Tests of POST /v1/triage through the real route table: public role, wire
// form, errors, and that the text is stored or logged nowhere (every file the
// in-memory Env holds is searched). Thread-safety: single-threaded test.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "vigie/app/app.h"

namespace vigie::app {
namespace {

using nlohmann::json;

class TriageRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Settings s;
    s.audit_log = "/var/audit.jsonl";
    s.server_role = "public";
    auto created = App::Create(env_, s);
    ASSERT_TRUE(created.ok()) << created.status().Message(Lang::kEn);
    app_ = std::move(created).value();
  }
  api::HttpResponse Post(const std::string& path, const std::string& body, Lang lang = Lang::kFr) {
    api::HttpRequest req;
    req.method = "POST";
    req.path = path;
    req.body = body;
    req.headers["content-type"] = "application/json";
    req.request_id = "rq-triage";
    req.lang = lang;
    return app_->router().Dispatch(req);
  }
  // Every byte of every file in the in-memory file system.
  std::string AllFiles(const std::string& dir = "") {
    std::string all;
    Result<std::vector<std::string>> names = env_.ListDir(dir);
    if (!names.ok()) return all;
    for (const std::string& name : *names) {
      std::string path = dir + "/" + name;
      if (env_.IsDirectory(path)) {
        all += AllFiles(path);
      } else if (Result<std::string> data = env_.ReadFile(path); data.ok()) {
        all += path + "\n" + *data + "\n";
      }
    }
    return all;
  }
  MemEnv env_;
  std::unique_ptr<App> app_;
};

TEST_F(TriageRouteTest, PublicRoleGetsTheTriage) {
  api::HttpResponse res = Post("/v1/triage", R"({"text": "J'ai mal dans la poitrine, ça serre"})");
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  EXPECT_EQ(body["level"], "emergency");
  EXPECT_EQ(body["call"], "15");
  EXPECT_EQ(body["red_flags"][0]["id"], "chest_pain");
  EXPECT_EQ(body["red_flags"][0]["text_span"], json::array({5, 25}));  // "mal dans la poitrine"
  EXPECT_EQ(body["stored"], false);
  EXPECT_FALSE(body["disclaimer"].get<std::string>().empty());
  // The public role reaches triage but not clinician routes.
  EXPECT_EQ(Post("/v1/patient/normalize", R"({"age": 40})").status, 403);
}

TEST_F(TriageRouteTest, LanguageFromBodyOrRequest) {
  json en = json::parse(Post("/v1/triage", R"({"text": "I can't breathe", "lang": "en"})").body);
  EXPECT_EQ(en["message"].get<std::string>().rfind("Call 15", 0), 0u);
  json en2 = json::parse(Post("/v1/triage", R"({"text": "rhume"})", Lang::kEn).body);
  EXPECT_EQ(en2["level"], "consult");
  EXPECT_EQ(en2["message"].get<std::string>().rfind("I cannot make a diagnosis", 0), 0u);
  EXPECT_TRUE(en2["call"].is_null());
}

TEST_F(TriageRouteTest, EmptyTextIsAClear400) {
  for (const char* body : {R"({"text": ""})", R"({"text": "   "})", R"({})"}) {
    api::HttpResponse res = Post("/v1/triage", body);
    EXPECT_EQ(res.status, 400) << body;
    EXPECT_EQ(json::parse(res.body)["error"]["code"], "missing_input") << body;
  }
  EXPECT_EQ(json::parse(Post("/v1/triage", R"({"text": 3})").body)["error"]["code"],
            "invalid_argument");
  EXPECT_EQ(json::parse(Post("/v1/triage", R"({"text": "x", "age": 3})").body)["error"]["code"],
            "unknown_field");
}

TEST_F(TriageRouteTest, TooLongTextIsAClear400) {
  json body = {{"text", std::string(20001, 'a')}};
  api::HttpResponse res = Post("/v1/triage", body.dump());
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(json::parse(res.body)["error"]["code"], "text_too_long");
}

TEST_F(TriageRouteTest, TextIsNeverStoredOrLogged) {
  const std::string secret = "Zéphyrine Quintal-Brodeur a une douleur thoracique depuis 8h12";
  api::HttpResponse ok = Post("/v1/triage", json({{"text", secret}}).dump());
  ASSERT_EQ(ok.status, 200);
  api::HttpResponse bad = Post("/v1/triage", json({{"text", secret}, {"x", secret}}).dump());
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.find("Zéphyrine"), std::string::npos);  // errors do not echo the text
  std::string files = AllFiles();
  ASSERT_NE(files.find("\"triage\""), std::string::npos);  // the audit event exists...
  // (its attributes, such as the level, are encrypted at rest since the privacy module)
  for (const char* part : {"Zéphyrine", "Quintal", "thoracique", "8h12"}) {
    EXPECT_EQ(files.find(part), std::string::npos) << part;  // ...without the text
  }
  EXPECT_EQ(ok.body.find("Zéphyrine"), std::string::npos);  // nor does the answer echo it
}

}  // namespace
}  // namespace vigie::app
