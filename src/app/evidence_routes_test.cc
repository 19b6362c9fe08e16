// Tests of POST /v1/search and POST /v1/ask through the router, over an index
// of the PubMed XML fixture written to a temporary folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vigie/app/app.h"
#include "vigie/evidence/index.h"

namespace vigie::app {
namespace {

using nlohmann::json;

std::string Fixture(const std::string& name) {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  std::ifstream in(std::string(src != nullptr ? src : ".") + "/src/evidence/testdata/" + name);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class EvidenceRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vigie-evidence-routes-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    auto index = evidence::EvidenceIndex::OpenWritable(dir_.string());
    ASSERT_TRUE(index.ok());
    auto docs = evidence::ReadPubmedXml(Fixture("pubmed_sample.xml"), "pubmed_sample.xml");
    ASSERT_TRUE(docs.ok());
    for (const auto& d : *docs) ASSERT_TRUE((*index)->AddDocument(d).ok());
    ASSERT_TRUE((*index)->Commit().ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  api::HttpResponse Call(const std::string& path, const std::string& body,
                         const std::string& index_dir) {
    Settings s;
    s.server_role =
        "clinician";  // local-development authenticator: these tests are about the routes
    s.audit_log = "/audit.jsonl";
    s.evidence_index_dir = index_dir;
    auto created = App::Create(env_, s);
    EXPECT_TRUE(created.ok());
    app_ = std::move(created).value();
    api::HttpRequest req;
    req.method = "POST";
    req.path = path;
    req.body = body;
    req.headers["content-type"] = "application/json";
    req.request_id = "rq";
    return app_->router().Dispatch(req);
  }

  std::filesystem::path dir_;
  MemEnv env_;
  std::unique_ptr<App> app_;
};

TEST_F(EvidenceRoutesTest, SearchReturnsHitsWithDocIdAndOffsets) {
  api::HttpResponse res =
      Call("/v1/search", R"({"q": "otitis media amoxicillin", "k": 5})", dir_.string());
  ASSERT_EQ(res.status, 200) << res.body;
  json body = json::parse(res.body);
  ASSERT_FALSE(body["hits"].empty());
  EXPECT_EQ(body["hits"][0]["doc_id"], "90000001");
  EXPECT_LT(body["hits"][0]["start"].get<int>(), body["hits"][0]["end"].get<int>());
}

TEST_F(EvidenceRoutesTest, AskCitesThePassageOrAbstains) {
  json answer = json::parse(
      Call("/v1/ask", R"({"q": "Amoxicillin cure rate in acute otitis media"})", dir_.string())
          .body);
  ASSERT_FALSE(answer["abstained"].get<bool>()) << answer.dump();
  EXPECT_EQ(answer["citations"][0]["doc_id"], "90000001");
  std::string text;
  for (const json& sentence : answer["answer"]) text += sentence["text"].get<std::string>();
  EXPECT_NE(text.find("cure rate of 92%"), std::string::npos) << answer.dump();
  json none = json::parse(
      Call("/v1/ask", R"({"q": "Quelle est la capitale de l'Australie ?"})", dir_.string()).body);
  EXPECT_TRUE(none["abstained"].get<bool>());
  EXPECT_EQ(none["message"], "Aucune donnée trouvée dans le corpus");
}

TEST_F(EvidenceRoutesTest, BadRequestsAndMissingIndex) {
  EXPECT_EQ(Call("/v1/search", R"({"k": 5})", dir_.string()).status, 400);
  EXPECT_EQ(Call("/v1/search", R"({"q": "x", "k": 500})", dir_.string()).status, 400);
  EXPECT_EQ(Call("/v1/search", R"({"q": "x", "extra": 1})", dir_.string()).status, 400);
  EXPECT_EQ(Call("/v1/ask", R"({"q": "otitis"})", (dir_ / "missing").string()).status, 503);
}

}  // namespace
}  // namespace vigie::app
