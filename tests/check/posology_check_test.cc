// The posology rules read in official RCPs (data/posology) run through the real
// prescription check: tests/check/posology_prescriptions.jsonl (expected
// findings written from the RCP text before the run), a KB built from the real
// BDPM 2026-01 and thesaurus 2023-09 (../shared/data), the real posology files.
// Only the public check API is used. Skipped when the official data is absent.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

class PosologyCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    std::string path = kb::testing::ScratchDir("posology_check") + "/kb.sqlite";
    auto env = NewPosixEnv();
    ASSERT_TRUE(kb::ImportBdpm(*env, path, data + "/bdpm/2026-01").ok());
    ASSERT_TRUE(kb::ImportThesaurus(*env, path, data + "/ansm-thesaurus/2023-09").ok());
    auto kb = kb::KnowledgeBase::Open(path);
    ASSERT_TRUE(kb.ok());
    auto index = kb::LoadDrugIndex(path);
    ASSERT_TRUE(index.ok());
    auto book = std::make_shared<dose::PosologyBook>();
    std::string root = kb::testing::SourceDir();
    for (const auto& f : std::filesystem::directory_iterator(root + "/data/posology")) {
      auto b = dose::ParsePosology(ReadFile(f.path().string()));
      ASSERT_TRUE(b.ok()) << f.path();
      ASSERT_TRUE(dose::MergeBooks(*book, std::move(b).value()).ok());
    }
    CheckContent content;  // the posology rules only (no allergy table, no hash needed here)
    content.posology = book;
    auto k = CheckKnowledge::Load(**kb, path, *index, content);
    ASSERT_TRUE(k.ok()) << k.status().Message(Lang::kEn);
    knowledge_ = new std::shared_ptr<const CheckKnowledge>(*k);
    std::ifstream in(root + "/tests/check/posology_prescriptions.jsonl");
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
};

bool Matches(const json& f, const json& m) {
  if (f["kind"] != m["kind"]) return false;
  if (m.contains("lines") && f["lines"] != m["lines"]) return false;
  if (m.contains("level") && f["level"] != m["level"]) return false;
  if (m.contains("code") && f.value("code", "") != m["code"]) return false;
  return true;
}

TEST_F(PosologyCheckTest, OneCaseAtLeastPerRcpSubstance) { EXPECT_GE(cases_.size(), 12u); }

TEST_F(PosologyCheckTest, EveryCaseGivesItsExpectedFindings) {
  for (const json& c : cases_) {
    SCOPED_TRACE(c["id"].get<std::string>() + " — " + c["source"].get<std::string>());
    json out = Run(c["request"]);
    ASSERT_TRUE(out.contains("findings"));
    EXPECT_TRUE(out["unresolved"].empty()) << out["unresolved"].dump();
    for (const json& m : c["expect"]) {
      bool hit = false;
      for (const json& f : out["findings"]) hit = hit || Matches(f, m);
      EXPECT_TRUE(hit) << "expected " << m.dump() << "\ngot " << out["findings"].dump(1)
                       << "\nnot evaluated " << out["not_evaluated"].dump();
    }
    for (const json& m : c["absent"]) {
      for (const json& f : out["findings"])
        EXPECT_FALSE(Matches(f, m)) << "unexpected " << f.dump();
    }
    for (const json& f : out["findings"]) {
      if (f["kind"] == "dose" || f["kind"] == "renal" || f["kind"] == "hepatic") {
        EXPECT_FALSE(f["source"].dump().empty()) << f.dump();
      }
    }
  }
}

// A substance with no rule in data/posology is not silently passed: the dose
// check says it was not evaluated and names the substance (issue 4: "never
// pass silently"). Warfarine has no posology file; paracétamol has one.
TEST_F(PosologyCheckTest, ASubstanceWithoutRuleIsReportedNotEvaluated) {
  json request = {{"patient", {{"age_years", 60}, {"sex", "M"}, {"weight_kg", 80}}},
                  {"lines",
                   {{{"drug", "warfarine 5 mg"},
                     {"dose", {{"value", 5}, {"unit", "mg"}}},
                     {"timing", {{"frequency", 1}, {"period", 1}, {"period_unit", "d"}}}},
                    {{"drug", "paracétamol 500 mg"},
                     {"dose", {{"value", 500}, {"unit", "mg"}}},
                     {"timing", {{"frequency", 3}, {"period", 1}, {"period_unit", "d"}}}}}}};
  json out = Run(request);
  ASSERT_TRUE(out.contains("not_evaluated"));
  size_t warfarine = 0, paracetamol = 0;
  for (const json& n : out["not_evaluated"]) {
    if (n.value("check", "") != "dose" || n.value("missing", "") != "posology_rule") continue;
    if (n["lines"] == json({0})) ++warfarine;
    if (n["lines"] == json({1})) ++paracetamol;
    EXPECT_NE(n.value("message", "").find("WARFARINE"), std::string::npos) << n.dump();
  }
  EXPECT_EQ(warfarine, 1u) << out["not_evaluated"].dump();
  EXPECT_EQ(paracetamol, 0u) << out["not_evaluated"].dump();
}

}  // namespace
}  // namespace vigie::check
