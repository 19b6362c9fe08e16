// Tests of ISO date parsing and day arithmetic.
#include "vigie/core/date.h"

#include <gtest/gtest.h>

namespace vigie {
namespace {

TEST(DateTest, ParsesAndRoundTrips) {
  Result<Date> d = ParseIsoDate("2026-11-20");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToIso(), "2026-11-20");
  EXPECT_EQ(Date::FromDaysSinceEpoch(d->DaysSinceEpoch()), *d);
}

TEST(DateTest, EpochAndLeapYears) {
  EXPECT_EQ((Date{1970, 1, 1}).DaysSinceEpoch(), 0);
  EXPECT_EQ(DaysBetween(Date{2024, 2, 28}, Date{2024, 3, 1}), 2);
  EXPECT_EQ(DaysBetween(Date{2023, 2, 28}, Date{2023, 3, 1}), 1);
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").ok());
}

TEST(DateTest, RejectsMalformed) {
  for (const char* bad : {"2026-13-01", "2026-1-01", "20261101", "2026-11-31", "", "abcd-ef-gh"}) {
    Result<Date> r = ParseIsoDate(bad, "creatinine_date");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().Message(Lang::kFr).find("creatinine_date"), std::string::npos);
  }
}

}  // namespace
}  // namespace vigie
