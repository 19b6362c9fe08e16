// Tests of Status, Result and the error table.
#include "vigie/core/status.h"

#include <gtest/gtest.h>

#include <set>

namespace vigie {
namespace {

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.http_status(), 200);
  EXPECT_EQ(s.exit_code(), 0);
}

TEST(StatusTest, MessageFillsPlaceholdersInBothLanguages) {
  Status s = Status::Error(ErrorCode::kOutOfRange, {"weight_kg", "0.3", "400"});
  EXPECT_EQ(s.Message(Lang::kFr), "Valeur hors limites pour weight_kg : attendue entre 0.3 et 400");
  EXPECT_EQ(s.Message(Lang::kEn), "Value out of range for weight_kg: expected between 0.3 and 400");
  EXPECT_EQ(s.http_status(), 400);
  EXPECT_EQ(s.exit_code(), 3);
  EXPECT_EQ(s.wire_code(), "out_of_range");
}

TEST(StatusTest, WireCodesAreUniqueAndExitCodesValid) {
  std::set<std::string_view> seen;
  for (const ErrorInfo& info : AllErrors()) {
    EXPECT_TRUE(seen.insert(info.wire).second) << info.wire;
    EXPECT_TRUE(info.exit_code == 0 || (info.exit_code >= 2 && info.exit_code <= 4)) << info.wire;
    EXPECT_FALSE(info.message_fr.empty());
    EXPECT_FALSE(info.message_en.empty());
  }
}

TEST(StatusTest, ResultCarriesValueOrError) {
  Result<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad(Status::Error(ErrorCode::kNotFound, {"x"}));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kNotFound);
}

TEST(StatusTest, LangFromLocale) {
  EXPECT_EQ(LangFromLocale("en_GB.UTF-8"), Lang::kEn);
  EXPECT_EQ(LangFromLocale("en"), Lang::kEn);
  EXPECT_EQ(LangFromLocale("fr_FR.UTF-8"), Lang::kFr);
  EXPECT_EQ(LangFromLocale("C.UTF-8"), Lang::kFr);
  EXPECT_EQ(LangFromLocale(""), Lang::kFr);
  EXPECT_EQ(LangFromLocale("eng"), Lang::kFr);
}

}  // namespace
}  // namespace vigie
