// Tests of unit parsing and conversion, creatinine factor.
#include "vigie/core/units.h"

#include <gtest/gtest.h>

namespace vigie::units {
namespace {

TEST(UnitsTest, MassConversions) {
  EXPECT_DOUBLE_EQ(*Convert(1, "g", "mg"), 1000);
  EXPECT_DOUBLE_EQ(*Convert(500, "µg", "mg"), 0.5);
  EXPECT_DOUBLE_EQ(*Convert(500, "mcg", "mg"), 0.5);
  EXPECT_DOUBLE_EQ(*Convert(2.5, "mg", "µg"), 2500);
  EXPECT_DOUBLE_EQ(*Convert(1, "L", "mL"), 1000);
}

TEST(UnitsTest, SpelledOutAndCaseInsensitive) {
  EXPECT_EQ(ParseUnit("Milligrammes")->symbol, "mg");
  EXPECT_EQ(ParseUnit("ML")->symbol, "mL");
  EXPECT_EQ(ParseUnit("UI")->dimension, Dimension::kInternationalUnit);
}

TEST(UnitsTest, MixingDimensionsIsAnError) {
  Result<double> r = Convert(1, "mg", "mL");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(ParseUnit("furlong").ok());
}

TEST(UnitsTest, CreatinineFactorIs88Point4) {
  // 1 mg/dL creatinine = 88.4 µmol/L (KDIGO 2012, conversion table).
  EXPECT_DOUBLE_EQ(CreatinineMgDlToUmolL(1.0), 88.4);
  EXPECT_NEAR(CreatinineUmolLToMgDl(130), 1.4706, 1e-4);
}

}  // namespace
}  // namespace vigie::units
