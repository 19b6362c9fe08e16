// WordNet reader: a hand-written fixture in the wndb(5) format, and the real
// files of Debian's wordnet-base when installed. Expectations from the
// WordNet 3.0 data lines: data.noun 09827683 "baby 0 babe 0 infant 0";
// data.adj 02883600 "nephritic 0 renal 0 ... \ 05332802 n 0201" (renal
// pertains to word 1 of noun synset 05332802, "kidney").
#include "vigie/evidence/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "evidence/test_util.h"
#include "vigie/evidence/search.h"

namespace vigie::evidence {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

WordNetFiles Fixture() {
  WordNetFiles f;
  // Header lines start with two spaces (licence text), as in the real files.
  f.data[0] =
      "  1 This software and database is being provided to you\n"
      "00000100 05 n 02 kidney 0 nephros 0 000 | an organ\n"
      "00000200 05 n 02 stitch 0 suture 0 000 | a seam\n"
      "00000300 05 n 01 scan 0 000 | an image\n";
  f.index[0] =
      "  1 This software and database is being provided to you\n"
      "kidney n 1 0 1 0 00000100\n"
      "nephros n 1 0 1 0 00000100\n"
      "stitch n 1 0 1 0 00000200\n"
      "suture n 1 0 1 0 00000200\n"
      "scan n 1 0 1 0 00000300\n";
  f.data[2] = "00000400 00 a 01 renal 0 001 \\ 00000100 n 0101 | of the kidneys\n";
  f.index[2] = "renal a 1 1 \\ 1 0 00000400\n";
  return f;
}

TEST(WordNetTest, SynonymsAndPertainymsFromTheFiles) {
  Lexicon lexicon;
  auto added = AddWordNet(lexicon, Fixture());
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(Has(lexicon.Synonyms("stitch"), "suture"));
  EXPECT_TRUE(Has(lexicon.Synonyms("suture"), "stitch"));
  EXPECT_TRUE(Has(lexicon.Synonyms("renal"), "kidney"));
  EXPECT_TRUE(Has(lexicon.Synonyms("kidney"), "renal"));
  EXPECT_TRUE(lexicon.Synonyms("scan").empty());  // alone in its synset

  WordNetOptions no_pertainyms;
  no_pertainyms.pertainyms = false;
  Lexicon plain;
  ASSERT_TRUE(AddWordNet(plain, Fixture(), no_pertainyms).ok());
  EXPECT_FALSE(Has(plain.Synonyms("renal"), "kidney"));
}

TEST(WordNetTest, MalformedDataLineIsADataError) {
  WordNetFiles f = Fixture();
  f.data[0] += "00000500 05 n zz broken\n";
  Lexicon lexicon;
  auto added = AddWordNet(lexicon, f);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), ErrorCode::kDataError);
  EXPECT_NE(added.status().Message(Lang::kEn).find("data.noun:5"), std::string::npos);
}

TEST(WordNetTest, MissingFolderIsFileNotFound) {
  auto env = NewPosixEnv();
  Lexicon lexicon;
  auto added = LoadWordNet(*env, "/nonexistent/wordnet", lexicon);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), ErrorCode::kFileNotFound);
}

TEST(WordNetTest, RealWordNetExpandsALayWordOverTheCorpus) {
  auto env = NewPosixEnv();
  if (!env->IsDirectory("/usr/share/wordnet")) GTEST_SKIP() << "wordnet-base not installed";
  Lexicon lexicon;
  auto added = LoadWordNet(*env, "/usr/share/wordnet", lexicon);
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(Has(lexicon.Synonyms("baby"), "infant"));
  EXPECT_TRUE(Has(lexicon.Synonyms("renal"), "kidney"));
  // A lay word reaches the corpus's word: "baby" is planned with "infant"
  // (the PubMedQA abstracts use "infant"; the planner keeps known words only).
  QueryPlan plan = PlanQuery("baby", testing::CorpusIndex(), &lexicon);
  ASSERT_FALSE(plan.concepts.empty());
  EXPECT_TRUE(Has(plan.concepts[0], "infant"));
}

}  // namespace
}  // namespace vigie::evidence
