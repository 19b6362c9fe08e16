// Tests of the red-flag loader. Thread-safety: single-threaded test.
#include <gtest/gtest.h>
#include "triage/test_data.h"
namespace vigie::triage {
namespace {
TEST(RedFlagParseTest, ShippedFileLoads) { EXPECT_GE(testing::Shipped().flag_count(), 12u); }
}  // namespace
}  // namespace vigie::triage
