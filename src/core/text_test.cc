#include "vigie/core/text.h"

#include <gtest/gtest.h>

namespace vigie::text {
namespace {

TEST(TextTest, FoldRemovesAccentsCaseAndLigatures) {
  EXPECT_EQ(Fold("Œdème Aigu"), "oedeme aigu");
  EXPECT_EQ(Fold("ÉPINÉPHRINE"), "epinephrine");
  EXPECT_EQ(Fold("Cæcum"), "caecum");
  EXPECT_EQ(Fold("l’acide"), "l'acide");
  EXPECT_EQ(Fold("PARACÉTAMOL"), Fold("paracetamol"));
}

TEST(TextTest, FoldHandlesDecomposedInput) {
  // "é" written as e + U+0301 folds the same as the precomposed form.
  EXPECT_EQ(Fold("e\xCC\x81"), "e");
}

TEST(TextTest, FoldWithOriginMapsBackToCodePoints) {
  FoldedText f = FoldWithOrigin("Œil à");
  EXPECT_EQ(f.text, "oeil a");
  ASSERT_EQ(f.origin.size(), f.text.size());
  EXPECT_EQ(f.origin[0], 0u);  // 'o' from Œ
  EXPECT_EQ(f.origin[1], 0u);  // 'e' from Œ
  EXPECT_EQ(f.origin[2], 1u);  // 'i'
  EXPECT_EQ(f.origin[5], 4u);  // 'a' from à
}

TEST(TextTest, CodePointOffsets) {
  std::string s = "né à Lyon";
  EXPECT_EQ(CodePointCount(s), 9u);
  EXPECT_EQ(ByteToCodePoint(s, 3), 2u);  // after "né"
  EXPECT_EQ(CodePointToByte(s, 2), 3u);
  EXPECT_EQ(SubstrCodePoints(s, 5, 9), "Lyon");
}

TEST(TextTest, InvalidUtf8IsDetectedAndNeverCrashes) {
  std::string bad = "ab\xC3";
  EXPECT_FALSE(IsValidUtf8(bad));
  EXPECT_TRUE(IsValidUtf8("héllo"));
  EXPECT_FALSE(Nfc(bad).ok());
  EXPECT_EQ(CodePointCount(bad), 3u);
  EXPECT_EQ(Fold(bad), "ab\xEF\xBF\xBD");
}

TEST(TextTest, NfcComposes) {
  Result<std::string> r = Nfc("e\xCC\x81");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "é");
}

TEST(TextTest, Windows1252Decoding) {
  // 0x92 is the right single quotation mark, 0xE9 is é, 0x80 the euro sign.
  EXPECT_EQ(Windows1252ToUtf8("l\x92"
                              "caf\xE9 \x80"),
            "l’café €");
}

TEST(TextTest, Trim) {
  EXPECT_EQ(Trim("  a b \r\n"), "a b");
  EXPECT_EQ(Trim("   "), "");
}

}  // namespace
}  // namespace vigie::text
