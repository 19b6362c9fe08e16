// The 45 real test prescriptions of tests/check/prescriptions.jsonl (expected
// findings quoted from the ANSM thesaurus with their page, written before the
// engine) run against the real KB built from ../shared/data (BDPM 2026-01 +
// 2026-07, thesaurus 2020-10 + 2023-09) and the real posology rules of data/.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/internal.h"
#include "kb/test_data.h"
#include "vigie/check/check.h"
#include "vigie/kb/import.h"

namespace vigie::check {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class PrescriptionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    std::string path = kb::testing::ScratchDir("check_prescriptions") + "/kb.sqlite";
    auto env = NewPosixEnv();
    for (const char* v : {"2026-01", "2026-07"}) {
      ASSERT_TRUE(kb::ImportBdpm(*env, path, data + "/bdpm/" + v).ok());
    }
    for (const char* v : {"2020-10", "2023-09"}) {
      ASSERT_TRUE(kb::ImportThesaurus(*env, path, data + "/ansm-thesaurus/" + v).ok());
    }
    auto kb = kb::KnowledgeBase::Open(path);
    ASSERT_TRUE(kb.ok());
    auto index = kb::LoadDrugIndex(path);
    ASSERT_TRUE(index.ok());
    std::string root = std::getenv("VIGIE_SOURCE_DIR") ? std::getenv("VIGIE_SOURCE_DIR") : ".";
    std::vector<ContentFile> files;
    for (const char* sub : {"posology", "check"}) {
      for (const auto& f : std::filesystem::directory_iterator(root + "/data/" + sub)) {
        files.emplace_back(std::string(sub) + "/" + f.path().filename().string(),
                           ReadFile(f.path().string()));
      }
    }
    auto content = ParseCheckContent(files);
    ASSERT_TRUE(content.ok()) << content.status().Message(Lang::kEn);
    auto k = CheckKnowledge::Load(**kb, path, *index, *content);
    ASSERT_TRUE(k.ok()) << k.status().Message(Lang::kEn);
    knowledge_ = new std::shared_ptr<const CheckKnowledge>(*k);
    path_ = path;
    std::ifstream in(root + "/tests/check/prescriptions.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) cases_.push_back(json::parse(line));
    }
  }
  static void TearDownTestSuite() { delete knowledge_; }
  void SetUp() override {
    if (knowledge_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static json Run(const json& request) {
    auto req = RequestFromJson(request);
    EXPECT_TRUE(req.ok()) << req.status().Message(Lang::kEn);
    if (!req.ok()) return json::object();
    auto out = Check(**knowledge_, *req);
    EXPECT_TRUE(out.ok()) << out.status().Message(Lang::kEn);
    return out.ok() ? *out : json::object();
  }
  static inline std::shared_ptr<const CheckKnowledge>* knowledge_ = nullptr;
  static inline std::vector<json> cases_;
  static inline std::string path_;
};

bool Matches(const json& f, const json& m) {
  if (f["kind"] != m["kind"]) return false;
  if (m.contains("lines") && f["lines"] != m["lines"]) return false;
  if (m.contains("level") && f["level"] != m["level"]) return false;
  if (m.contains("match") && f.value("match", "") != m["match"]) return false;
  if (m.contains("version") && f["source"].value("version", "") != m["version"]) return false;
  if (m.contains("resolved") && f.value("resolved", json()) != m["resolved"]) return false;
  if (m.contains("pages")) {
    bool page = false;
    for (const json& p : m["pages"]) page = page || f["source"].value("page", 0) == p;
    if (!page) return false;
  }
  if (m.contains("levels")) {
    std::vector<std::string> got;
    for (const json& l : f["levels"]) got.push_back(l["level"]);
    if (json(got) != m["levels"]) return false;
  }
  return true;
}

TEST_F(PrescriptionsTest, AtLeastThirtyCases) { EXPECT_GE(cases_.size(), 30u); }

TEST_F(PrescriptionsTest, EveryCaseGivesItsExpectedFindings) {
  for (const json& c : cases_) {
    SCOPED_TRACE(c["id"].get<std::string>() + " — " + c["source"].get<std::string>());
    json out = Run(c["request"]);
    if (!out.contains("findings")) continue;
    for (const json& m : c["expect"]) {
      bool hit = false;
      for (const json& f : out["findings"]) hit = hit || Matches(f, m);
      EXPECT_TRUE(hit) << "expected " << m.dump() << "\ngot " << out["findings"].dump(1)
                       << "\nlines " << out["lines"].dump() << "\nunresolved "
                       << out["unresolved"].dump();
    }
    for (const json& m : c["absent"]) {
      for (const json& f : out["findings"])
        EXPECT_FALSE(Matches(f, m)) << "unexpected " << f.dump();
    }
    std::vector<size_t> unresolved;
    for (const json& u : out["unresolved"]) unresolved.push_back(u["index"]);
    EXPECT_EQ(json(unresolved), c["unresolved"]) << out["unresolved"].dump();
    for (const json& w : c["not_evaluated"]) {
      EXPECT_NE(out["not_evaluated"].dump().find(w.get<std::string>()), std::string::npos)
          << out["not_evaluated"].dump();
    }
    for (const json& f : out["findings"]) {
      EXPECT_FALSE(f["source"].value("document", "").empty()) << f.dump();
    }
  }
}

TEST_F(PrescriptionsTest, FindingsAreSortedBySeverityAndCarryKbIds) {
  json out = Run(cases_.at(3)["request"]);
  ASSERT_TRUE(out.contains("kb"));
  EXPECT_EQ(out["kb"]["thesaurus"], "2023-09");
  EXPECT_EQ(out["kb"]["bdpm"], "2026-01+2026-07");
  EXPECT_TRUE(out["kb"]["hash"].get<std::string>().starts_with("fnv1a64:"));
  auto rank = [](const std::string& l) {
    return l == "CI" || l == "contraindicated" ? 0
           : l == "ASDEC" || l == "warning"    ? 1
           : l == "PE"                         ? 2
                                               : 3;
  };
  int last = 0;
  for (const json& f : out["findings"]) {
    EXPECT_GE(rank(f["level"]), last) << out["findings"].dump(1);
    last = rank(f["level"]);
  }
}

// kb.hash covers the KB snapshots and the authored data/ the check read
// (DESIGN.md "Snapshots"): other content, other hash; kb.data names it.
TEST_F(PrescriptionsTest, KbHashCoversTheAuthoredData) {
  json out = Run(cases_.at(0)["request"]);
  ASSERT_TRUE(out.contains("kb"));
  EXPECT_EQ(out["kb"]["data"], (*knowledge_)->content_hash());
  EXPECT_EQ((*knowledge_)->content_hash().size(), 16u);
  auto kb = kb::KnowledgeBase::Open(path_);
  ASSERT_TRUE(kb.ok());
  auto index = kb::LoadDrugIndex(path_);
  ASSERT_TRUE(index.ok());
  CheckContent other;
  other.posology = nullptr;
  other.hash = "0123456789abcdef";
  auto k = CheckKnowledge::Load(**kb, path_, *index, other);
  ASSERT_TRUE(k.ok());
  EXPECT_NE((*k)->hash(), (*knowledge_)->hash());
}

// Messages follow --lang / Accept-Language (French first, English on demand);
// the texts quoted from the sources (risk, conduct of the thesaurus) stay as
// published.
TEST_F(PrescriptionsTest, MessagesInFrenchOrEnglish) {
  json request;
  for (const json& c : cases_) {
    if (c["id"] == "allergie-croisee-penicilline-cefpodoxime") request = c["request"];
  }
  ASSERT_FALSE(request.is_null());
  for (Lang lang : {Lang::kFr, Lang::kEn}) {
    auto req = RequestFromJson(request, lang);
    ASSERT_TRUE(req.ok());
    auto out = Check(**knowledge_, *req);
    ASSERT_TRUE(out.ok());
    ASSERT_FALSE((*out)["findings"].empty());
    std::string message = (*out)["findings"][0]["message"];
    std::string conduct = (*out)["findings"][0]["conduct"];
    if (lang == Lang::kFr) {
      EXPECT_TRUE(message.starts_with("Allergie croisée possible")) << message;
      EXPECT_NE(conduct.find("surveillance médicale stricte"), std::string::npos) << conduct;
    } else {
      EXPECT_TRUE(message.starts_with("Possible cross-allergy")) << message;
      EXPECT_NE(conduct.find("strict medical supervision"), std::string::npos) << conduct;
    }
  }
}

TEST_F(PrescriptionsTest, UnknownThesaurusVersionIsAnError) {
  auto req = RequestFromJson(
      json::parse(R"({"thesaurus_version":"1999-01","lines":[{"drug":"paracétamol"}]})"));
  ASSERT_TRUE(req.ok());
  auto out = Check(**knowledge_, *req);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace vigie::check
