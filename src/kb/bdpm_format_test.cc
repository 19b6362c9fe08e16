// Unit tests of BDPM decoding and line splitting on synthetic lines.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "vigie/kb/bdpm.h"

namespace vigie::kb {
namespace {

TEST(DecodeBdpmBytes, RepairsC1CodePointsThroughWindows1252) {
  // "D" U+0092 "INDIGO": a Windows-1252 apostrophe once decoded as Latin-1.
  DecodedText d = DecodeBdpmBytes("CARMIN D\xC2\x92INDIGO");
  EXPECT_EQ(d.utf8, "CARMIN D\xE2\x80\x99INDIGO");  // ’ U+2019
  EXPECT_EQ(d.encoding, SourceEncoding::kUtf8RepairedC1);
  EXPECT_EQ(d.repaired_c1, 1u);
}

TEST(DecodeBdpmBytes, KeepsCleanUtf8) {
  DecodedText d = DecodeBdpmBytes("comprim\xC3\xA9 \xE2\x80\x99");
  EXPECT_EQ(d.utf8, "comprim\xC3\xA9 \xE2\x80\x99");
  EXPECT_EQ(d.encoding, SourceEncoding::kUtf8);
}

TEST(DecodeBdpmBytes, DecodesWindows1252WhenNotUtf8) {
  DecodedText d = DecodeBdpmBytes("comprim\xE9 d\x92un");
  EXPECT_EQ(d.utf8, "comprim\xC3\xA9 d\xE2\x80\x99un");
  EXPECT_EQ(d.encoding, SourceEncoding::kWindows1252);
}

TEST(ParseBdpmLine, StripsCrAndTrailingTabs) {
  const BdpmFileSpec* spec = FindBdpmSpec("CIS_GENER_bdpm.txt");
  ASSERT_NE(spec, nullptr);
  std::string reason;
  auto f = ParseBdpmLine("1\tCIMETIDINE 200 mg\t65383183\t0\t1\t\r", *spec, &reason);
  ASSERT_TRUE(f.has_value()) << reason;
  ASSERT_EQ(f->size(), 5u);
  EXPECT_EQ((*f)[2], "65383183");
  EXPECT_EQ((*f)[4], "1");
}

TEST(ParseBdpmLine, ReportsWrongColumnCount) {
  const BdpmFileSpec* spec = FindBdpmSpec("CIS_CPD_bdpm.txt");
  std::string reason;
  EXPECT_FALSE(ParseBdpmLine("60004505", *spec, &reason).has_value());
  EXPECT_NE(reason.find("colonnes 1"), std::string::npos) << reason;
  EXPECT_FALSE(ParseBdpmLine("60004505\ta\tb", *spec, &reason).has_value());
}

TEST(ParseBdpmLine, ReportsInvalidCis) {
  const BdpmFileSpec* spec = FindBdpmSpec("CIS_CPD_bdpm.txt");
  std::string reason;
  EXPECT_FALSE(ParseBdpmLine("6000450X\tliste I", *spec, &reason).has_value());
  EXPECT_NE(reason.find("CIS"), std::string::npos);
}

TEST(FindBdpmSpec, MatchesInfoImportantesByPrefix) {
  const BdpmFileSpec* spec = FindBdpmSpec("CIS_InfoImportantes_20220602145935_bdpm.txt");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->table, "bdpm_info_importante");
  EXPECT_EQ(FindBdpmSpec("README.md"), nullptr);
}

}  // namespace
}  // namespace vigie::kb
