// Tests of the corpus readers on the real PubMedQA corpus and on fixtures.
#include "vigie/evidence/corpus.h"

#include <gtest/gtest.h>

#include "evidence/test_util.h"

namespace vigie::evidence {
namespace {

using testing::CorpusPath;
using testing::Fixture;
using testing::Slurp;

TEST(PubmedQaTest, ReadsTheThousandAbstractsWithTheirPmid) {
  auto docs = ReadPubmedQaJsonl(Slurp(CorpusPath()), CorpusPath());
  ASSERT_TRUE(docs.ok()) << docs.status().Message(Lang::kEn);
  ASSERT_EQ(docs->size(), 1000u);
  EXPECT_EQ((*docs)[0].id, "10135926");
  EXPECT_EQ((*docs)[0].year, "1994");
  EXPECT_EQ((*docs)[0].type, "pubmed_abstract");
  EXPECT_EQ((*docs)[0].lang, "en");
  EXPECT_NE((*docs)[0].text.find("BO-105 helicopter"), std::string::npos);
  // Its MeSH headings, as in the line's "meshes" (10, first and last).
  ASSERT_EQ((*docs)[0].keywords.size(), 10u);
  EXPECT_EQ((*docs)[0].keywords.front(), "Air Ambulances");
  EXPECT_EQ((*docs)[0].keywords.back(), "Treatment Outcome");
  EXPECT_EQ((*docs)[0].text.find("Air Ambulances"), std::string::npos);  // not in the text
}

TEST(PubmedQaTest, MalformedLineNamesFileAndLine) {
  auto docs = ReadPubmedQaJsonl("{\"pmid\": \"1\", \"sections\": [{\"text\": \"A.\"}]}\n{oops\n",
                                "bad.jsonl");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), ErrorCode::kDataError);
  EXPECT_NE(docs.status().Message(Lang::kEn).find("bad.jsonl:2"), std::string::npos);
  EXPECT_NE(docs.status().Message(Lang::kFr).find("Données invalides"), std::string::npos);
}

TEST(PubmedQaTest, MissingPmidAndEmptyTextAreErrors) {
  EXPECT_FALSE(ReadPubmedQaJsonl("{\"sections\": []}", "x").ok());
  EXPECT_FALSE(ReadPubmedQaJsonl("{\"pmid\": \"1\", \"sections\": []}", "x").ok());
  EXPECT_FALSE(ReadPubmedQaJsonl("{\"pmid\": \"1\", \"sections\": 3}", "x").ok());
  auto bad_meshes =
      ReadPubmedQaJsonl("{\"pmid\": \"1\", \"conclusion\": \"A.\", \"meshes\": 3}", "m");
  ASSERT_FALSE(bad_meshes.ok());
  EXPECT_NE(bad_meshes.status().Message(Lang::kEn).find("meshes"), std::string::npos);
  EXPECT_FALSE(ReadPubmedQaJsonl("", "x").ok());
}

TEST(PubmedXmlTest, ReadsArticlesFollowingTheDtd) {
  auto docs = ReadPubmedXml(Fixture("pubmed_sample.xml"), "pubmed_sample.xml");
  ASSERT_TRUE(docs.ok()) << docs.status().Message(Lang::kEn);
  ASSERT_EQ(docs->size(), 2u);
  const Document& a = (*docs)[0];
  EXPECT_EQ(a.id, "90000001");
  EXPECT_EQ(a.year, "2021");
  EXPECT_EQ(a.title, "Amoxicillin dosing in children with acute otitis media.");
  EXPECT_EQ(a.text,
            "Acute otitis media is common in children & infants.\n"
            "A dose of 80 mg/kg per day gave a cure rate of 92% (p<0.05).");
  EXPECT_EQ(a.lang, "en");
  // MeshHeadingList/MeshHeading/DescriptorName (qualifiers are not headings).
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"Amoxicillin", "Child", "Otitis Media"}));
  EXPECT_TRUE((*docs)[1].keywords.empty());
  EXPECT_EQ((*docs)[1].title, "Insuffisance rénale et métformine.");
  EXPECT_EQ((*docs)[1].lang, "fr");
}

TEST(PubmedXmlTest, MalformedXmlGivesClearErrors) {
  EXPECT_EQ(ReadPubmedXml("<html/>", "a.xml").status().code(), ErrorCode::kDataError);
  auto unterminated =
      ReadPubmedXml("<PubmedArticleSet><PubmedArticle><PMID>1</PMID><AbstractText>x", "b.xml");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.status().Message(Lang::kEn).find("unterminated"), std::string::npos);
  auto no_text = ReadPubmedXml(
      "<PubmedArticleSet><PubmedArticle><PMID>7</PMID></PubmedArticle></PubmedArticleSet>", "c");
  ASSERT_FALSE(no_text.ok());
  EXPECT_NE(no_text.status().Message(Lang::kEn).find("PMID 7"), std::string::npos);
}

TEST(PlainTextTest, MarkdownTitleAndFrenchDetected) {
  auto docs = ReadCorpusFile("guides/otite.md", Fixture("otite.md"));
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].id, "otite");
  EXPECT_EQ((*docs)[0].title, "Prise en charge de l'otite");
  EXPECT_EQ((*docs)[0].type, "markdown");
  EXPECT_EQ((*docs)[0].lang, "fr");
}

TEST(PdfTest, ReadsTextAndTitle) {
  auto docs = ReadCorpusFile("notes/metformin_note.pdf", Fixture("metformin_note.pdf"));
  ASSERT_TRUE(docs.ok()) << docs.status().Message(Lang::kEn);
  EXPECT_EQ((*docs)[0].title, "Metformin note");
  EXPECT_NE((*docs)[0].text.find("below 30 mL/min"), std::string::npos);
  EXPECT_EQ(ReadPdf("%PDF-1.4 garbage", "x", "x.pdf").status().code(), ErrorCode::kDataError);
  EXPECT_EQ(ReadPdf("hello", "x", "x.pdf").status().code(), ErrorCode::kDataError);
}

TEST(CorpusFileTest, UnknownExtensionAndBadUtf8) {
  EXPECT_EQ(ReadCorpusFile("a.docx", "x").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ReadCorpusFile("a.txt", "\xff\xfe").status().code(), ErrorCode::kDataError);
}

}  // namespace
}  // namespace vigie::evidence
