// Request parsing (every bad field named, nothing dropped), per-intake/day/week
// amounts, and condition reading on condition texts quoted from the ANSM
// thesaurus 2023-09 (p4 ASA + oral anticoagulants, p5 ASA + methotrexate,
// p25 NSAIDs + methotrexate). Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "check/internal.h"

namespace vigie::check {
namespace {

using nlohmann::json;

Status Parse(const char* text) {
  auto r = RequestFromJson(json::parse(text));
  return r.ok() ? Status::Ok() : r.status();
}

TEST(RequestTest, BadInputsAreNamed) {
  EXPECT_EQ(Parse(R"({"lines":[]})").code(), ErrorCode::kMissingInput);
  EXPECT_EQ(Parse(R"([1,2])").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Parse(R"({"lines":[{"drug":"x","colour":1}]})").code(), ErrorCode::kUnknownField);
  Status s =
      Parse(R"({"lines":[{"drug":"x","timing":{"frequency":1,"period":1,"period_unit":"mo"}}]})");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(s.Message(Lang::kEn).find("lines[0].timing.period_unit"), std::string::npos);
  EXPECT_EQ(Parse(R"({"lines":[{"drug":"x","dose":{"value":-1,"unit":"mg"}}]})").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Parse(R"({"lines":[{"dose":{"value":1}}]})").code(), ErrorCode::kMissingInput);
  EXPECT_EQ(Parse(R"({"min_level":"LOW","lines":[{"drug":"x"}]})").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Parse(R"({"patient":{"age_years":"old"},"lines":[{"drug":"x"}]})").code(),
            ErrorCode::kInvalidArgument);
}

TEST(RequestTest, AmountsPerIntakeDayAndWeek) {
  auto r = RequestFromJson(json::parse(
      R"({"lines":[{"drug":"a","dose":{"value":1,"unit":"g"},"per_day":3},
                   {"drug":"b","dose":{"value":10,"unit":"mg"},"timing":{"frequency":1,"period":1,"period_unit":"wk"}},
                   {"drug":"c","dose":{"value":500,"unit":"mg"},"timing":{"frequency":1,"period":8,"period_unit":"h"}}]})"));
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  Amounts a = AmountsOf(r->lines[0]);
  EXPECT_DOUBLE_EQ(*a.per_intake_mg, 1000);
  EXPECT_DOUBLE_EQ(*a.per_day_mg, 3000);
  Amounts b = AmountsOf(r->lines[1]);
  EXPECT_DOUBLE_EQ(*b.per_week_mg, 10);
  Amounts c = AmountsOf(r->lines[2]);
  EXPECT_DOUBLE_EQ(*c.per_day_mg, 1500);
  EXPECT_FALSE(AmountsOf(Line{"x", "", "", Dose{5, "UI"}, Timing{}, "", {}}).per_intake_mg);
}

TEST(ConditionTest, AspirinDoseRangesAndUlcerHistory) {
  // 2023-09 p4, ACIDE ACETYLSALICYLIQUE + ANTICOAGULANTS ORAUX, level ASDEC.
  auto alts = ParseCondition(
      "- des doses antalgiques ou antipyrétiques (>=500 mg par prise et/ou <3g par jour) en "
      "l'absence d’antécédent d’ulcère gastro-duodénal\n- des doses antiagrégantes (de 50 mg à 375 "
      "mg "
      "par jour) et en cas d’antécédent d’ulcère gastro-duodénal.");
  ASSERT_EQ(alts.size(), 2u);
  EXPECT_EQ(alts[0].aspirin_doses, unsigned{kAnalgesic});
  EXPECT_EQ(alts[1].aspirin_doses, unsigned{kAntiplatelet});
  EXPECT_TRUE(alts[1].undecidable);
}

TEST(ConditionTest, WeeklyMethotrexateThresholdsWithHeaders) {
  // 2023-09 p5, ACIDE ACETYLSALICYLIQUE + METHOTREXATE (CI - PE), PE text.
  auto alts = ParseCondition(
      "Avec le méthotrexate utilisé à des doses > 20 mg/semaine : - précaution d'emploi avec des "
      "doses "
      "antiagrégantes plaquettaires d'acide acétylsalicylique. Avec le méthotrexate utilisé à des "
      "doses =< "
      "20 mg/semaine : - précaution d'emploi avec l'acide acétylsalicylique utilisé à doses "
      "antalgiques, "
      "antipyrétiques ou anti-inflammatoires.");
  ASSERT_EQ(alts.size(), 2u);
  EXPECT_EQ(alts[0].mtx_gt, 20);
  EXPECT_EQ(alts[0].aspirin_doses, unsigned{kAntiplatelet});
  EXPECT_EQ(alts[1].mtx_le, 20);
  EXPECT_EQ(alts[1].aspirin_doses, unsigned{kAnalgesic | kAntiInflammatory});
  // p25 NSAIDs + METHOTREXATE, PE: "inférieures ou égales à 20 mg par semaine".
  auto pe = ParseCondition(
      "- avec le méthotrexate utilisé à faibles doses (inférieures ou égales à 20 mg par semaine)");
  ASSERT_EQ(pe.size(), 1u);
  EXPECT_EQ(pe[0].mtx_le, 20);
  EXPECT_FALSE(pe[0].mtx_gt);
}

TEST(ConditionTest, NameKeysDropQualifiers) {
  EXPECT_EQ(NameKey("MACROLIDES (SAUF SPIRAMYCINE)"), "macrolides");
  EXPECT_EQ(NameKey("INHIBITEURS DE L’ENZYME DE CONVERSION"),
            "inhibiteurs de l'enzyme de conversion");
}

}  // namespace
}  // namespace vigie::check
