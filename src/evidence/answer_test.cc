// Tests of the extractive composer, the verifier and abstention on the real corpus.
#include "vigie/evidence/answer.h"

#include <gtest/gtest.h>

#include "evidence/test_util.h"

namespace vigie::evidence {
namespace {

using testing::CorpusIndex;
using testing::RepoLexicon;

Answer Ask(const std::string& q) {
  auto hits = Search(CorpusIndex(), &RepoLexicon(), {q, 10});
  if (!hits.ok()) return {};
  QueryPlan plan = PlanQuery(q, CorpusIndex(), &RepoLexicon());
  return VerifyAnswer(ComposeAnswer(plan, *hits, q), nullptr);
}

TEST(AnswerTest, QuestionAnsweredByOneAbstractCitesIt) {
  Answer a =
      Ask("Does the in-flight helicopter environment impair oral endotracheal intubation "
          "by flight nurses?");
  ASSERT_FALSE(a.abstained);
  ASSERT_FALSE(a.sentences.empty());
  EXPECT_EQ(a.citations[0].passage.doc_id, "10135926");
  for (const AnswerSentence& s : a.sentences) {
    ASSERT_FALSE(s.citations.empty());
    const std::string& passage = a.citations[s.citations[0]].passage.text;
    EXPECT_NE(passage.find(s.text), std::string::npos) << s.text;
  }
}

TEST(AnswerTest, UnrelatedQuestionAbstainsInTheQuestionsLanguage) {
  Answer en = Ask("What is the recommended dose of ivermectin for canine heartworm prophylaxis?");
  EXPECT_TRUE(en.abstained);
  EXPECT_TRUE(en.citations.empty());
  EXPECT_EQ(en.message, "No evidence found in the corpus");
  Answer fr = Ask("Quelle est la posologie du vaccin contre la fièvre jaune chez le chameau ?");
  EXPECT_TRUE(fr.abstained);
  EXPECT_EQ(fr.message, "Aucune donnée trouvée dans le corpus");
}

TEST(VerifierTest, DropsSentencesAndNumbersNotInTheCitedPassage) {
  Answer a;
  a.citations.push_back({{"1", "", "", "", "", "en", 0, 60,
                          "A dose of 80 mg/kg per day cured 92% of the children."}});
  a.sentences.push_back({"A dose of 80 mg/kg per day cured 92% of the children.", {0}});
  a.sentences.push_back({"A dose of 8 mg/kg per day cured 92% of the children.", {0}});
  a.sentences.push_back({"Amoxicillin is always safe.", {0}});
  VerificationReport report;
  Answer v = VerifyAnswer(a, &report);
  ASSERT_EQ(v.sentences.size(), 1u);
  EXPECT_EQ(v.sentences[0].text, a.sentences[0].text);
  EXPECT_EQ(report.sentences_checked, 3u);
  EXPECT_EQ(report.sentences_dropped, 2u);
  EXPECT_EQ(report.numbers_checked, 2u);
  EXPECT_EQ(report.numbers_dropped, 0u);
}

// Regression: fractions and leading-dot decimals of real abstracts were
// reported as missing numbers (10/19, r = .81).
TEST(VerifierTest, FractionsAndLeadingDotDecimalsAreFound) {
  Answer a;
  std::string text = "On review, 53% (10/19) were diploid (r = .81, P<.005).";
  a.citations.push_back({{"1", "", "", "", "", "en", 0, 10, text}});
  a.sentences.push_back({text, {0}});
  VerificationReport report;
  EXPECT_EQ(VerifyAnswer(a, &report).sentences.size(), 1u);
  EXPECT_EQ(report.numbers_dropped, 0u);
  EXPECT_GE(report.numbers_checked, 4u);
  // But a number glued to other digits in the passage is not a match.
  a.sentences[0].text = "On review, 3% (10/19) were diploid (r = .81, P<.005).";
  EXPECT_TRUE(VerifyAnswer(a, &report).sentences.empty());
}

TEST(VerifierTest, NumberWithUnitMustAppearInACitedPassage) {
  // A generator could cite one passage and borrow another's figure: the sentence
  // stands in passage 0 but its number is checked against the cited text only.
  Answer a;
  a.citations.push_back({{"1", "", "", "", "", "en", 0, 10, "Mortality was 12 % at 30 days."}});
  a.sentences.push_back({"Mortality was 12 % at 30 days.", {0}});
  a.sentences.push_back({"Mortality was 12 % at 30 days.", {7}});  // cites nothing real
  VerificationReport report;
  Answer v = VerifyAnswer(a, &report);
  EXPECT_EQ(v.sentences.size(), 1u);
  EXPECT_EQ(NumbersWithUnits("eGFR 30 mL/min, 1.73 m2 and 95% CI 1,000 cases"),
            (std::vector<std::string>{"30 mL/min", "1.73 m", "95%", "1,000 cases"}));
  EXPECT_EQ(NumbersWithUnits("53% (10/19) and r = .81"),
            (std::vector<std::string>{"53%", "10", "19", "81"}));
  Answer empty = VerifyAnswer(Answer{}, nullptr);
  EXPECT_TRUE(empty.abstained);
}

}  // namespace
}  // namespace vigie::evidence
