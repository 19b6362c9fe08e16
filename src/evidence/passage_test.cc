// Tests of sentence splitting and passage windows (code-point offsets).
#include "vigie/evidence/passage.h"

#include <gtest/gtest.h>

#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

std::vector<std::string> Sentences(const std::string& t) {
  std::vector<std::string> out;
  for (const Span& s : SentenceByteSpans(t)) out.push_back(t.substr(s.start, s.end - s.start));
  return out;
}

TEST(SentenceTest, SplitsOnPunctuationNotOnAbbreviationsOrDecimals) {
  EXPECT_EQ(Sentences("Smith et al. found 2.5 mg. Doses e.g. 3 mg were used. Next one!"),
            (std::vector<std::string>{"Smith et al. found 2.5 mg.", "Doses e.g. 3 mg were used.",
                                      "Next one!"}));
  EXPECT_EQ(Sentences("Line one\nÉtude deux. Troisième phrase."),
            (std::vector<std::string>{"Line one", "Étude deux.", "Troisième phrase."}));
}

TEST(PassageTest, WindowsKeepDocIdAndCodePointOffsets) {
  Document doc;
  doc.id = "42";
  doc.text = "Première phrase. Deuxième phrase. Troisième phrase. Quatrième phrase. Fin.";
  auto passages = MakePassages(doc, {2, 2, 1000});
  ASSERT_EQ(passages.size(), 3u);
  for (const Passage& p : passages) {
    EXPECT_EQ(p.doc_id, "42");
    EXPECT_EQ(text::SubstrCodePoints(doc.text, p.start, p.end), p.text);
  }
  EXPECT_EQ(passages[1].text, "Troisième phrase. Quatrième phrase.");
  EXPECT_EQ(passages[1].start, 34u);
  EXPECT_EQ(passages[2].text, "Fin.");
}

TEST(PassageTest, OverlappingWindowsAndEmptyDocument) {
  Document doc;
  doc.id = "x";
  doc.text = "A one. B two. C three. D four.";
  auto passages = MakePassages(doc, {3, 2, 1000});
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(passages[0].text, "A one. B two. C three.");
  EXPECT_EQ(passages[1].text, "C three. D four.");
  doc.text = "  \n ";
  EXPECT_TRUE(MakePassages(doc).empty());
}

}  // namespace
}  // namespace vigie::evidence
