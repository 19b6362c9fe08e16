// Tests of Patient JSON reading, validation and round trip.
#include "vigie/core/patient.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigie {
namespace {

using nlohmann::json;

TEST(PatientTest, ReadsTheDesignExample) {
  json j = json::parse(R"({"age_years": 81, "sex": "F", "weight_kg": 52, "height_cm": 158,
      "creatinine_umol_l": 130, "creatinine_date": "2026-11-20", "pregnant": false,
      "breastfeeding": false, "allergies": ["pénicillines"], "conditions": []})");
  Result<Patient> p = PatientFromJson(j);
  ASSERT_TRUE(p.ok()) << p.status().Message(Lang::kEn);
  EXPECT_EQ(*p->age_years, 81);
  EXPECT_EQ(*p->sex, Sex::kFemale);
  EXPECT_EQ(*p->creatinine_umol_l, 130);
  EXPECT_EQ(p->creatinine_date->ToIso(), "2026-11-20");
  EXPECT_EQ(p->allergies.at(0), "pénicillines");
}

TEST(PatientTest, AcceptsAliasesAndMgDl) {
  Result<Patient> p = PatientFromJson(json::parse(R"({"age": 40, "creatinine_mg_dl": 1.0})"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p->age_years, 40);
  EXPECT_DOUBLE_EQ(*p->creatinine_umol_l, 88.4);
}

TEST(PatientTest, InfantAgeInMonths) {
  Result<Patient> p = PatientFromJson(json::parse(R"({"age_months": 18})"));
  ASSERT_TRUE(p.ok());
  EXPECT_DOUBLE_EQ(*p->AgeYears(), 1.5);
}

TEST(PatientTest, RejectsUnknownFieldsByName) {
  Result<Patient> p = PatientFromJson(json::parse(R"({"wieght_kg": 70})"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), ErrorCode::kUnknownField);
  EXPECT_EQ(p.status().Message(Lang::kEn), "Unknown field: patient.wieght_kg");
}

TEST(PatientTest, RejectsOutOfRangeAndWrongTypes) {
  Result<Patient> p = PatientFromJson(json::parse(R"({"weight_kg": 4000})"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), ErrorCode::kOutOfRange);
  EXPECT_EQ(PatientFromJson(json::parse(R"({"weight_kg": "70"})")).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_FALSE(PatientFromJson(json::parse(R"({"sex": "X"})")).ok());
  EXPECT_FALSE(PatientFromJson(json::parse(R"({"creatinine_date": "20/11/2026"})")).ok());
  EXPECT_FALSE(PatientFromJson(json::parse(R"([1,2])")).ok());
  EXPECT_FALSE(
      PatientFromJson(json::parse(R"({"creatinine_umol_l": 80, "creatinine_mg_dl": 0.9})")).ok());
}

TEST(PatientTest, RoundTripsThroughJson) {
  json j = json::parse(R"({"age_years": 30, "sex": "M", "hepatic_impairment": "child_pugh_b",
      "dialysis": true, "allergies": ["J01CA04"], "conditions": ["N18.5"]})");
  Result<Patient> p = PatientFromJson(j);
  ASSERT_TRUE(p.ok());
  Result<Patient> again = PatientFromJson(PatientToJson(*p));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(PatientToJson(*again), PatientToJson(*p));
  EXPECT_EQ(PatientToJson(*p)["hepatic_impairment"], "child_pugh_b");
}

}  // namespace
}  // namespace vigie
