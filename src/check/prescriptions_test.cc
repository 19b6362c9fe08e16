// The 50 real test prescriptions of tests/check/prescriptions.jsonl (expected
// findings quoted from the ANSM thesaurus with their page, written before the
// engine) run against the real KB built from ../shared/data (BDPM 2026-01 +
// 2026-07, thesaurus 2020-10 + 2023-09) and the real posology rules of data/.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "check/case_test_util.h"
#include "check/internal.h"

namespace vigie::check {
namespace {

using nlohmann::json;
using testing::RunCheck;

class PrescriptionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    path_ = kb::testing::ScratchDir("check_prescriptions") + "/kb.sqlite";
    auto k = testing::BuildKnowledge(data, path_, {"2026-01", "2026-07"}, {"2020-10", "2023-09"});
    if (k == nullptr) return;
    knowledge_ = new std::shared_ptr<const CheckKnowledge>(k);
    cases_ = testing::ReadCases(kb::testing::SourceDir() + "/tests/check/prescriptions.jsonl");
  }
  static void TearDownTestSuite() { delete knowledge_; }
  void SetUp() override {
    if (knowledge_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static json Run(const json& request) { return RunCheck(**knowledge_, request); }
  static inline std::shared_ptr<const CheckKnowledge>* knowledge_ = nullptr;
  static inline std::vector<json> cases_;
  static inline std::string path_;
};

TEST_F(PrescriptionsTest, AtLeastThirtyCases) { EXPECT_GE(cases_.size(), 30u); }

TEST_F(PrescriptionsTest, EveryCaseGivesItsExpectedFindings) {
  for (const json& c : cases_) {
    SCOPED_TRACE(c["id"].get<std::string>() + " — " + c["source"].get<std::string>());
    testing::ExpectCase(c, Run(c["request"]));
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
