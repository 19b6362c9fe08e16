// GET /v1/changes through the real router on a KB imported from the real
// thesaurus versions 2020-10 and 2023-09: the response shape the "Évolutions"
// page relies on, the méthotrexate + triméthoprime split (2020-10 p.162 CI ->
// 2023-09 p.166 CI - ASDEC, read in the PDFs), errors, and the OpenAPI entry.
// Thread-safety: single-threaded test.
#include <gtest/gtest.h>

#include "kb/test_data.h"
#include "vigie/app/app.h"
#include "vigie/kb/import.h"

namespace vigie::app {
namespace {

using nlohmann::json;

class WatchRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    kb_path_ = kb::testing::ScratchDir("watch_routes") + "/kb.sqlite";
    auto posix = NewPosixEnv();
    for (const char* v : {"2020-10", "2023-09"}) {
      ASSERT_TRUE(kb::ImportThesaurus(*posix, kb_path_, data + "/ansm-thesaurus/" + v).ok());
    }
  }
  void SetUp() override {
    if (kb_path_.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
    Settings s;
    s.server_role =
        "clinician";  // local-development authenticator: these tests are about the route
    s.audit_log = "/audit.jsonl";
    s.db_path = kb_path_;
    auto created = App::Create(env_, s);
    ASSERT_TRUE(created.ok());
    app_ = std::move(created).value();
  }
  api::HttpResponse Get(std::map<std::string, std::string> query) {
    api::HttpRequest req;
    req.method = "GET";
    req.path = "/v1/changes";
    req.query = std::move(query);
    req.request_id = "rq";
    return app_->router().Dispatch(req);
  }
  static inline std::string kb_path_;
  MemEnv env_;
  std::unique_ptr<App> app_;
};

TEST_F(WatchRoutesTest, ChangesForASubstanceHaveTheDocumentedShape) {
  api::HttpResponse res =
      Get({{"from", "2020-10"}, {"to", "2023-09"}, {"substance", "méthotrexate"}});
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  ASSERT_TRUE(body["changes"].is_array());
  for (const char* f : {"total", "by_kind", "line"}) EXPECT_TRUE(body["summary"].contains(f)) << f;
  EXPECT_EQ(body["summary"]["total"], body["changes"].size());
  EXPECT_EQ(body["sources"], json({"thesaurus"}));
  // One label per kind counted, in the request's language (French here).
  ASSERT_EQ(body["summary"]["labels"].size(), body["summary"]["by_kind"].size());
  EXPECT_EQ(body["summary"]["labels"]["level_changed"], "niveaux modifiés");
  bool found = false;
  for (const json& c : body["changes"]) {
    for (const char* f : {"kind", "a", "b", "from_levels", "to_levels", "from_page", "to_page",
                          "before", "after"}) {
      EXPECT_TRUE(c.contains(f)) << f;
    }
    if (c["kind"] == "level_changed" && c["b"] == "TRIMETHOPRIME") {
      found = true;
      EXPECT_EQ(c["from_levels"], json({"CI"}));
      EXPECT_EQ(c["to_levels"], json({"CI", "ASDEC"}));
      EXPECT_EQ(c["from_page"], 162);
      EXPECT_EQ(c["to_page"], 166);
    }
  }
  EXPECT_TRUE(found) << res.body.substr(0, 2000);
}

TEST_F(WatchRoutesTest, ErrorsAreClear) {
  EXPECT_EQ(Get({{"to", "2023-09"}}).status, 400);
  EXPECT_EQ(Get({{"from", "2020-10"}, {"to", "2021-01"}, {"source", "thesaurus"}}).status, 404);
  EXPECT_EQ(Get({{"from", "2020-10"}, {"to", "2023-09"}, {"source", "x"}}).status, 400);
  EXPECT_EQ(Get({{"from", "2020-10"}, {"to", "2023-09"}, {"zz", "1"}}).status, 400);
}

TEST_F(WatchRoutesTest, OpenApiDocumentsTheRouteForClinicians) {
  const api::Route* route = nullptr;
  for (const api::Route& r : app_->router().routes()) {
    if (r.path == "/v1/changes") route = &r;
  }
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->role, api::Role::kClinician);
  EXPECT_EQ(route->method, "GET");
  for (const char* f : {"changes", "summary"}) {
    EXPECT_TRUE(route->response_schema["properties"].contains(f)) << f;
  }
}

}  // namespace
}  // namespace vigie::app
