// Tests of the lexicon files and lookups.
#include "vigie/evidence/lexicon.h"

#include <gtest/gtest.h>

#include "evidence/test_util.h"

namespace vigie::evidence {
namespace {

TEST(LexiconTest, RepositoryFilesLoadBothDirections) {
  const Lexicon& lex = testing::RepoLexicon();
  EXPECT_GT(lex.size(), 10000u);
  auto en = lex.Translate("rein");
  EXPECT_NE(std::find(en.begin(), en.end(), "kidney"), en.end());
  auto fr = lex.Translate("kidney");
  EXPECT_NE(std::find(fr.begin(), fr.end(), "rein"), fr.end());
  auto phrase = lex.Translate("insuffisance renale");
  EXPECT_NE(std::find(phrase.begin(), phrase.end(), "renal failure"), phrase.end());
  EXPECT_GE(lex.max_phrase_words(), 3u);
}

TEST(LexiconTest, MorphologyCandidates) {
  Lexicon lex;
  ASSERT_TRUE(lex.AddTsv("ite\titis\n# comment\nose\tosis\n", "m.tsv", "suffixes").ok());
  auto c = lex.MorphCandidates("appendicite");
  EXPECT_NE(std::find(c.begin(), c.end(), "appendicitis"), c.end());
  EXPECT_TRUE(lex.MorphCandidates("ose").empty());  // too short to carry a stem
}

// *synonyms.tsv: English synonyms (both directions, one word each side), not
// translations; the repository's clinical file is loaded that way.
TEST(LexiconTest, SynonymFilesGiveEnglishSynonymsNotTranslations) {
  Lexicon lex;
  ASSERT_TRUE(
      lex.AddTsv("Cardiac\theart\tsrc\nheart attack\tinfarction\tsrc\n", "s.tsv", "synonyms").ok());
  EXPECT_EQ(lex.Synonyms("cardiac"), std::vector<std::string>{"heart"});
  EXPECT_EQ(lex.Synonyms("heart"), std::vector<std::string>{"cardiac"});
  EXPECT_TRUE(lex.Synonyms("infarction").empty());  // phrases are left out
  EXPECT_TRUE(lex.Translate("cardiac").empty());
  auto repo = testing::RepoLexicon().Synonyms("hepatic");
  EXPECT_NE(std::find(repo.begin(), repo.end(), "liver"), repo.end());
  auto tr = testing::RepoLexicon().Translate("hepatic");
  EXPECT_EQ(std::find(tr.begin(), tr.end(), "liver"), tr.end());  // not a translation
}

TEST(LexiconTest, MalformedLineIsAnError) {
  Lexicon lex;
  Status s = lex.AddTsv("rein\tkidney\nonlyone\n", "bad.tsv", "pairs");
  EXPECT_EQ(s.code(), ErrorCode::kDataError);
  EXPECT_NE(s.Message(Lang::kEn).find("bad.tsv:2"), std::string::npos);
}

}  // namespace
}  // namespace vigie::evidence
