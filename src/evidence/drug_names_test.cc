// Brand -> DCI query expansion from a real imported KB (BDPM 2026-01).
// Expectations written from the sources before the code:
// - BDPM 2026-01 CIS_bdpm.txt: CIS 68583940 "GLUCOPHAGE 500 mg, comprimé
//   pelliculé"; CIS_COMPO_bdpm.txt: its SA is "CHLORHYDRATE DE METFORMINE",
//   its FT "METFORMINE BASE" -> the DCI is metformine.
// - CIS 60234100 "DOLIPRANE 1000 mg, comprimé": SA "PARACÉTAMOL".
// - PubMedQA corpus.jsonl: exactly three abstracts contain "metformin"
//   (15125825, 21593045, 21801416) and none contains "glucophage".
#include "vigie/evidence/drug_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "evidence/test_util.h"
#include "kb/test_data.h"
#include "vigie/core/env.h"
#include "vigie/evidence/search.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::evidence {
namespace {

class DrugNamesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    path_ = new std::string(kb::testing::ScratchDir("evidence_drug_names") + "/kb.sqlite");
    auto env = NewPosixEnv();
    ASSERT_TRUE(kb::ImportBdpm(*env, *path_, data + "/bdpm/2026-01").ok());
  }
  static void TearDownTestSuite() {
    delete path_;
    path_ = nullptr;
  }
  static std::string* path_;
};
std::string* DrugNamesTest::path_ = nullptr;

TEST_F(DrugNamesTest, BrandsOfTheKbResolveToTheirDci) {
  VIGIE_REQUIRE_DATA(data);
  Lexicon lexicon;
  auto added = AddBrandNamesFromKb(lexicon, *path_);
  ASSERT_TRUE(added.ok()) << added.status().Message(Lang::kEn);
  EXPECT_GT(*added, 1000u);  // thousands of brands in a BDPM snapshot
  auto glucophage = lexicon.DrugNames("glucophage");
  EXPECT_NE(std::find(glucophage.begin(), glucophage.end(), "metformine"), glucophage.end());
  auto doliprane = lexicon.DrugNames("doliprane");
  EXPECT_NE(std::find(doliprane.begin(), doliprane.end(), "paracetamol"), doliprane.end());
  // A DCI is not a brand, and an ordinary word is not expanded.
  EXPECT_TRUE(lexicon.DrugNames("metformine").empty());
  EXPECT_TRUE(lexicon.DrugNames("acide").empty());
}

TEST_F(DrugNamesTest, BrandQuestionFindsTheAbstractsOfItsDci) {
  VIGIE_REQUIRE_DATA(data);
  Lexicon lexicon = testing::RepoLexicon();
  // Without the KB the brand is unknown to the English corpus.
  auto before = Search(testing::CorpusIndex(), &lexicon, {"glucophage", 10, true});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());
  ASSERT_TRUE(AddBrandNamesFromKb(lexicon, *path_).ok());
  auto after = Search(testing::CorpusIndex(), &lexicon, {"glucophage", 10, true});
  ASSERT_TRUE(after.ok());
  std::set<std::string> ids;
  for (const Hit& h : *after) ids.insert(h.passage.doc_id);
  EXPECT_EQ(ids, (std::set<std::string>{"15125825", "21593045", "21801416"}));
}

TEST_F(DrugNamesTest, MissingKbIsAClearError) {
  Lexicon lexicon;
  auto added = AddBrandNamesFromKb(lexicon, "/nonexistent/kb.sqlite");
  EXPECT_FALSE(added.ok());
  EXPECT_EQ(lexicon.size(), 0u);
}

}  // namespace
}  // namespace vigie::evidence
