// Tests of the triage engine. Thread-safety: single-threaded test.
#include <gtest/gtest.h>
#include "triage/test_data.h"
namespace vigie::triage {
namespace {
TEST(TriageTest, Placeholder) { EXPECT_TRUE(Triage(testing::Shipped(), "x", Lang::kFr).ok()); }
}  // namespace
}  // namespace vigie::triage
