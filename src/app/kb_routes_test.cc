// The drug routes through the real router, on a KB imported from the real
// BDPM 2026-01 + 2026-07 snapshots. Thread-safety: single-threaded test.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "app_test_util.h"
#include "kb/test_data.h"
#include "vigie/app/app.h"
#include "vigie/kb/import.h"

namespace vigie::app {
namespace {

using nlohmann::json;

class KbRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    kb_path_ = kb::testing::ScratchDir("kb_routes") + "/kb.sqlite";
    auto posix = NewPosixEnv();
    for (const char* v : {"2026-01", "2026-07"}) {
      ASSERT_TRUE(kb::ImportBdpm(*posix, kb_path_, data + "/bdpm/" + v).ok());
    }
  }
  void SetUp() override {
    if (kb_path_.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
    Settings s;
    s.server_role =
        "clinician";  // local-development authenticator: these tests are about the routes
    s.audit_log = "/audit.jsonl";
    s.db_path = kb_path_;
    auto created = App::Create(env_, s);
    ASSERT_TRUE(created.ok());
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
  static inline std::string kb_path_;
  MemEnv env_;
  std::unique_ptr<App> app_;
};

TEST_F(KbRoutesTest, SearchReturnsRankedCandidatesWithTheirFields) {
  api::HttpResponse res =
      Call("POST", "/v1/drugs/search", R"({"query": "doliprane 1000", "k": 3})");
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  ASSERT_EQ(body["candidates"].size(), 3u);
  const json& top = body["candidates"][0];
  EXPECT_EQ(top["denomination"].get<std::string>().rfind("DOLIPRANE 1000 mg", 0), 0u);
  for (const char* f : {"cis", "form", "routes", "commercialised", "substances", "generic_group",
                        "status", "score"}) {
    EXPECT_TRUE(top.contains(f)) << f;
  }
  EXPECT_EQ(top["substances"][0]["name"], "PARACÉTAMOL");
  EXPECT_EQ(body["snapshots"], json({"2026-01", "2026-07"}));
}

TEST_F(KbRoutesTest, GetByCisAndErrors) {
  api::HttpResponse res = Call("GET", "/v1/drugs/64755969");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(json::parse(res.body)["denomination"].get<std::string>().rfind("KARDEGIC 75 mg", 0),
            0u);
  EXPECT_EQ(Call("GET", "/v1/drugs/00000000").status, 404);
  EXPECT_EQ(Call("POST", "/v1/drugs/search", R"({"k": 3})").status, 400);
  EXPECT_EQ(Call("POST", "/v1/drugs/search", R"({"query": "x", "k": 500})").status, 400);
  EXPECT_EQ(Call("POST", "/v1/drugs/search", R"({"query": "x", "zz": 1})").status, 400);
}

TEST_F(KbRoutesTest, StatusCarriesAmmShortageAndPrescribingConditions) {
  // 2026-01/CIS_CIP_Dispo_Spec.txt: 63918096 (AZACTAM 1 g) "Rupture de stock"
  // from 04/04/2024;
  // CIS_CPD_bdpm.txt: "prescription hospitalière", "liste I"; CIS_bdpm.txt (2026-01
  // and 2026-07): "Autorisation active".
  api::HttpResponse res = Call("GET", "/v1/drugs/63918096");
  ASSERT_EQ(res.status, 200) << res.body;
  json status = json::parse(res.body)["status"];
  EXPECT_EQ(status["amm"], "Autorisation active");
  // The row: status "Rupture de stock", since 04/04/2024.
  ASSERT_EQ(status["availability"].size(), 1u);
  std::string shortage = status["availability"][0];
  EXPECT_EQ(shortage.rfind("Rupture de stock", 0), 0u) << shortage;
  EXPECT_NE(shortage.find("04/04/2024"), std::string::npos) << shortage;
  std::vector<std::string> cpd = status["prescribing_conditions"];
  std::sort(cpd.begin(), cpd.end());
  EXPECT_EQ(cpd, (std::vector<std::string>{"liste I", "prescription hospitalière"}));
}

TEST_F(KbRoutesTest, DrugRoutesAreAuditedWithoutTheQuery) {
  // Issue 7: who, when, which endpoint, outcome, counts; never the request text.
  ASSERT_EQ(Call("POST", "/v1/drugs/search", R"({"query": "kardegic 75", "k": 2})").status, 200);
  ASSERT_EQ(Call("GET", "/v1/drugs/64755969").status, 200);
  ASSERT_EQ(Call("GET", "/v1/drugs/00000000").status, 404);
  ASSERT_EQ(Call("POST", "/v1/drugs/search", R"({"k": 3})").status, 400);
  std::string audit = AuditWithoutChain(*env_.ReadFile("/audit.jsonl"));
  std::vector<json> events;
  std::istringstream lines(audit);
  for (std::string line; std::getline(lines, line);) events.push_back(json::parse(line));
  ASSERT_EQ(events.size(), 4u) << audit;
  std::vector<std::string> actions, outcomes;
  for (const json& e : events) {
    actions.push_back(e.value("action", ""));
    outcomes.push_back(e.value("outcome", ""));
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"drugs.search", "drugs.get", "drugs.get", "drugs.search"}));
  EXPECT_EQ(outcomes, (std::vector<std::string>{"ok", "ok", "not_found", "missing_input"}));
  EXPECT_EQ(audit.find("kardegic"), std::string::npos);
  EXPECT_EQ(audit.find("KARDEGIC"), std::string::npos);
  EXPECT_EQ(audit.find("64755969"), std::string::npos);
}

// The versions the UI states on every page and offers on "Évolutions": the two
// BDPM snapshots imported above, in version order, no thesaurus version.
TEST_F(KbRoutesTest, SnapshotsListTheImportedVersions) {
  api::HttpResponse res = Call("GET", "/v1/kb/snapshots");
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  EXPECT_EQ(body["bdpm"], json({"2026-01", "2026-07"}));
  EXPECT_EQ(body["thesaurus"], json::array());
  ASSERT_EQ(body["snapshots"].size(), 2u);
  EXPECT_EQ(body["snapshots"][0]["source"], "bdpm");
  EXPECT_FALSE(body["snapshots"][0]["imported_at"].get<std::string>().empty());
  EXPECT_FALSE(body["vigie"].get<std::string>().empty());
}

TEST(KbRoutesNoKb, MissingKbIsNotReady) {
  MemEnv env;
  Settings s;
  s.server_role = "clinician";  // local-development authenticator: these tests are about the routes
  s.audit_log = "/audit.jsonl";
  s.db_path = "/nonexistent/vigie-kb.sqlite";
  auto app = App::Create(env, s);
  ASSERT_TRUE(app.ok());
  api::HttpRequest req;
  req.method = "GET";
  req.path = "/v1/drugs/64755969";
  req.request_id = "rq";
  EXPECT_EQ((*app)->router().Dispatch(req).status, 503);
  req.path = "/v1/kb/snapshots";
  EXPECT_EQ((*app)->router().Dispatch(req).status, 503);
}

}  // namespace
}  // namespace vigie::app
