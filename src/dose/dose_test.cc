// Posology cases on the real data/posology files. Each expected figure was
// worked out from the source fact (../shared/clinical/posology.md, cited in
// the data) before running; the arithmetic is in the comments.
#include "vigie/dose/posology.h"

#include <gtest/gtest.h>

#include "dose/test_book.h"

namespace vigie::dose {
namespace {

using nlohmann::json;
using namespace testing_util;  // NOLINT(google-build-using-namespace): test helpers

const json kAdult70 = {{"age", 40},
                       {"sex", "M"},
                       {"weight_kg", 70},
                       {"creatinine_umol_l", 80},
                       {"hepatic_impairment", "none"}};

TEST(PosologyData, AtLeastTwelveSubstancesEachWithSources) {
  EXPECT_GE(Book().substances.size(), 12u);
  for (const Substance& s : Book().substances) {
    for (const PosologyRule& r : s.rules)
      EXPECT_FALSE(r.source.value("document", "").empty()) << r.id;
  }
}

TEST(Paracetamol, Adult70kgUpTo4gPerDayInterval4h) {
  json d = Dose("paracétamol", kAdult70);  // CrCl 100 x 70 x 1.23 / 80 = 107.6: no renal band
  EXPECT_EQ(d["status"], "ok");
  EXPECT_EQ(d["rule"]["id"], "paracetamol-oral-50kg-and-over");
  EXPECT_EQ(d["limits"]["per_day_max"], 4000);
  EXPECT_EQ(d["limits"]["per_day_usual_max"], 3000);
  EXPECT_EQ(d["limits"]["min_interval_h"], 4);
  EXPECT_NEAR(d["renal"][0]["value"].get<double>(), 107.6, 0.05);
}

TEST(Paracetamol, Adult45kgIs60mgPerKgPerDay) {
  json p = kAdult70;
  p["weight_kg"] = 45;
  EXPECT_EQ(Dose("paracetamol", p)["limits"]["per_day_max"], 2700);  // 60 x 45 = 2700 < 3000
}

TEST(Paracetamol, HepaticImpairmentCapsAt3g) {
  json p = kAdult70;
  p["hepatic_impairment"] = "child_pugh_b";
  EXPECT_EQ(Dose("paracetamol", p)["limits"]["per_day_max"], 3000);  // 60 x 70 = 4200 -> cap 3000
}

TEST(Paracetamol, UnknownHepaticStatusAppliesTheRestrictedRuleAndSaysSo) {
  json p = kAdult70;
  p.erase("hepatic_impairment");
  json d = Dose("paracetamol", p);
  EXPECT_EQ(d["rule"]["id"], "paracetamol-oral-adult-restricted");
  EXPECT_EQ(d["limits"]["per_day_max"], 3000);
  EXPECT_EQ(d["status"], "incomplete");
}

TEST(Paracetamol, Child20kgWeightBased) {
  json child = {{"age", 6}, {"sex", "F"}, {"weight_kg", 20}};
  json d = Dose("paracetamol", child);
  EXPECT_EQ(d["limits"]["per_intake_max"], 300);  // 15 mg/kg x 20
  EXPECT_EQ(d["limits"]["per_day_max"], 1600);    // 80 mg/kg x 20
  // 500 mg four times a day: 500 > 300 per intake; 2000 > 1600 per day
  std::vector<std::string> c = Codes("paracetamol", child, 500, 4);
  EXPECT_EQ(std::count(c.begin(), c.end(), "dose.mg_per_kg_above_max"), 2);
}

TEST(Paracetamol, AdultMaxPerDayExceeded) {
  EXPECT_TRUE(
      Has(Codes("paracetamol", kAdult70, 1, 6, "d", "g"), "dose.per_day_above_max"));  // 6 g > 4 g
  EXPECT_TRUE(Codes("paracetamol", kAdult70, 1, 4, "d", "g").empty());  // 4 g, every 6 h
  std::vector<std::string> c = Codes("paracetamol", kAdult70, 500, 8);  // every 3 h
  EXPECT_TRUE(Has(c, "dose.interval_too_short"));
}

TEST(Paracetamol, RenalBandByCockcroftGault) {
  // CG (140-80) x 60 x 1.23 / 600 = 7.38 mL/min < 10: interval >= 8 h, <= 3 g/day
  json p = {{"age", 80},
            {"sex", "M"},
            {"weight_kg", 60},
            {"creatinine_umol_l", 600},
            {"hepatic_impairment", "none"}};
  json d = Dose("paracetamol", p);
  EXPECT_EQ(d["limits"]["min_interval_h"], 8);
  EXPECT_EQ(d["limits"]["per_day_max"], 3000);
  std::vector<std::string> c = Codes("paracetamol", p, 1000, 4);  // every 6 h, 4 g/day
  EXPECT_TRUE(Has(c, "dose.interval_too_short"));
  EXPECT_TRUE(Has(c, "dose.per_day_above_max"));
}

TEST(Ibuprofen, AdultOtcMaxPerDay) {
  EXPECT_TRUE(Has(Codes("ibuprofène", kAdult70, 400, 4), "dose.per_day_above_max"));  // 1600 > 1200
  EXPECT_TRUE(
      Has(Codes("ibuprofène", kAdult70, 600, 2), "dose.per_intake_above_max"));  // 600 > 400
}

TEST(Ibuprofen, ChildPerIntakeByWeight) {
  EXPECT_EQ(
      Dose("ibuprofene", {{"age", 4}, {"sex", "M"}, {"weight_kg", 15}})["limits"]["per_intake_max"],
      150);
}

TEST(Ibuprofen, PregnancyByTerm) {
  json base = {{"age", 30},
               {"sex", "F"},
               {"weight_kg", 65},
               {"pregnant", true},
               {"hepatic_impairment", "none"}};
  json late = base;
  late["gestational_age_weeks"] = 30;  // >= 24 SA: contra-indicated
  EXPECT_EQ(Dose("ibuprofene", late)["status"], "contraindicated");
  EXPECT_TRUE(Has(Codes("ibuprofene", late, 200, 3), "pregnancy.contraindicated"));
  json early = base;
  early["gestational_age_weeks"] = 20;
  EXPECT_FALSE(Has(Codes("ibuprofene", early, 200, 3), "pregnancy.contraindicated"));
  json d = Dose("ibuprofene", base);  // term unknown: not evaluated, never "ok"
  EXPECT_EQ(d["status"], "incomplete");
}

TEST(Ibuprofen, SevereHepaticFailure) {
  json p = kAdult70;
  p["hepatic_impairment"] = "child_pugh_c";
  EXPECT_TRUE(Has(Codes("ibuprofene", p, 200, 3), "hepatic.contraindicated"));
}

TEST(Metformin, LabEgfrBands) {
  json p = {{"age", 60}, {"sex", "M"}, {"weight_kg", 80}, {"egfr", 50}};
  json d = Dose("metformine", p);
  EXPECT_EQ(d["limits"]["per_day_max"], 2000);  // eGFR 45-59
  EXPECT_EQ(d["renal"][0]["estimator"], "egfr");
  p["egfr"] = 25;
  EXPECT_EQ(Dose("metformine", p)["status"], "contraindicated");  // < 30
}

TEST(Metformin, ComputesCkdEpiWhenNoLabEgfr) {
  // F 60 y, Scr 0.8 mg/dL -> CKD-EPI 2021 84.3 (formula_test_vectors.csv): band 60-89, 3 g
  json d = Dose("metformine", {{"age", 60},
                               {"sex", "F"},
                               {"weight_kg", 70},
                               {"creatinine_mg_dl", 0.8},
                               {"creatinine_date", "2026-11-01"}});
  EXPECT_NEAR(d["renal"][0]["value"].get<double>(), 84.3, 0.05);
  EXPECT_EQ(d["renal"][0]["calculator"], "ckd-epi-2021");
  EXPECT_EQ(d["renal"][0]["date"], "2026-11-01");
  EXPECT_EQ(d["limits"]["per_day_max"], 3000);
}

const json kFrail = {{"age", 90}, {"sex", "F"}, {"weight_kg", 40}, {"creatinine_umol_l", 100}};

TEST(RenalEstimator, EachRuleUsesItsOwn) {
  // Same patient: CG (140-90) x 40 x 1.04 / 100 = 20.8 mL/min; CKD-EPI 2021 = 46.2.
  json met = Dose("metformine", kFrail);  // eGFR rule: 45-59 -> 2 g, not contra-indicated
  EXPECT_EQ(met["limits"]["per_day_max"], 2000);
  EXPECT_NE(met["status"], "contraindicated");
  EXPECT_EQ(Dose("dabigatran", kFrail)["status"], "contraindicated");  // CG < 30
}

TEST(Apixaban, DoseReductionCriteria) {
  EXPECT_EQ(Dose("apixaban", {{"age", 82}, {"weight_kg", 58}})["limits"]["per_intake_max"],
            2.5);  // age + weight
  EXPECT_EQ(Dose("apixaban", {{"age", 82},
                              {"weight_kg", 70},
                              {"creatinine_umol_l", 140}})["limits"]["per_intake_max"],
            2.5);
  EXPECT_EQ(Dose("apixaban", {{"age", 82},
                              {"weight_kg", 70},
                              {"creatinine_umol_l", 100}})["limits"]["per_intake_max"],
            5);
  EXPECT_EQ(Dose("apixaban", {{"age", 79},
                              {"weight_kg", 60},
                              {"creatinine_umol_l", 132}})["limits"]["per_intake_max"],
            5);
  Result<json> undecided = DoseForPatient(Book(), "apixaban", P({{"age", 82}, {"weight_kg", 70}}));
  ASSERT_FALSE(undecided.ok());  // one criterion met, creatinine decides
  EXPECT_EQ(undecided.status().Message(Lang::kEn), "Missing input: creatinine_umol_l");
}

TEST(Codeine, ContraindicatedUnder12) {
  EXPECT_EQ(Dose("codeine", {{"age", 10}, {"weight_kg", 30}})["status"], "contraindicated");
  EXPECT_TRUE(Has(Codes("codeine", kAdult70, 60, 5), "dose.per_day_above_max"));  // 300 > 240
}

TEST(Nitrofurantoin, RenalAndDuration) {
  // CG (140-85) x 50 x 1.04 / 80 = 35.75 < 45: contra-indicated
  json old = {{"age", 85}, {"sex", "F"}, {"weight_kg", 50}, {"creatinine_umol_l", 80}};
  EXPECT_EQ(Dose("nitrofurantoine", old)["status"], "contraindicated");
  json young = {
      {"age", 30}, {"sex", "F"}, {"weight_kg", 60}, {"creatinine_umol_l", 60}, {"pregnant", false}};
  EXPECT_TRUE(
      Has(Codes("nitrofurantoine", young, 100, 3, "d", "mg", 10), "dose.duration_above_max"));
  EXPECT_EQ(Dose("nitrofurantoine",
                 {{"age", 8}, {"sex", "F"}, {"weight_kg", 25}})["limits"]["per_day_max"],
            175);  // 7 x 25
}

TEST(Cetirizine, DialysisAndEgfrBand) {
  EXPECT_EQ(
      Dose("cetirizine", {{"age", 60}, {"sex", "M"}, {"dialysis", true}, {"egfr", 8}})["status"],
      "contraindicated");
  json d = Dose("cetirizine", {{"age", 60}, {"sex", "M"}, {"egfr", 20}});
  EXPECT_EQ(d["limits"]["per_day_max"], 2.5);  // 5 mg every 2 days
  EXPECT_EQ(d["limits"]["min_interval_h"], 48);
}

TEST(Valaciclovir, RenalBandCbip) {
  // CG (140-70) x 70 x 1.23 / 150 = 40.2: 30-49 -> 2 g/day; 1 g three times daily = 3 g
  json p = {{"age", 70}, {"sex", "M"}, {"weight_kg", 70}, {"creatinine_umol_l", 150}};
  EXPECT_TRUE(Has(Codes("valaciclovir", p, 1000, 3), "dose.per_day_above_max"));
}

TEST(Colchicine, RenalContraindication) {
  // CG (140-75) x 60 x 1.04 / 150 = 27.0 < 30
  EXPECT_EQ(
      Dose("colchicine",
           {{"age", 75}, {"sex", "F"}, {"weight_kg", 60}, {"creatinine_umol_l", 150}})["status"],
      "contraindicated");
}

TEST(Amoxicillin, RenalBandAndNoChildRule) {
  // CG (140-70) x 60 x 1.23 / 250 = 20.7: 10-30 -> 500 mg every 12 h at most
  json p = {{"age", 70}, {"sex", "M"}, {"weight_kg", 60}, {"creatinine_umol_l", 250}};
  std::vector<std::string> c = Codes("amoxicilline", p, 1000, 3);
  EXPECT_TRUE(Has(c, "dose.per_intake_above_max"));
  EXPECT_TRUE(Has(c, "dose.interval_too_short"));
  EXPECT_EQ(Dose("amoxicilline", {{"age", 5}, {"weight_kg", 18}})["status"],
            "no_rule_for_population");
}

TEST(Enoxaparin, InternationalUnits) {
  EXPECT_TRUE(Has(Codes("enoxaparine", kAdult70, 4000, 2, "d", "UI"),
                  "dose.per_day_above_max"));  // 8000 > 4000
  EXPECT_TRUE(Codes("enoxaparine", kAdult70, 4000, 1, "d", "UI").empty());
}

TEST(NoRule, SaysSoAndNeverOk) {
  json d = Dose("lévothyroxine", kAdult70);  // not in data/posology
  EXPECT_EQ(d["status"], "no_rule");
  EXPECT_EQ(d["message"]["en"], "No posology rule in the knowledge base");
  EXPECT_EQ(Codes("levothyroxine", kAdult70, 0.1, 1), std::vector<std::string>{"dose.no_rule"});
}

// A test fixture, not shipped data: the weekly-drug check with a weekly
// maximum (the shipped méthotrexate rule has no verified weekly maximum; see
// rcp_rules_test.cc for the real rule).
TEST(WeeklyDrug, TakenDailyIsCritical) {
  const char* fixture =
      R"({"substance": "weeklyfixture", "rules": [{"id": "w", "route": "oral", "when": [],
    "limits": {"per_week_max": 25, "weekly_only": true}, "text": {"fr": "x", "en": "x"},
    "source": {"document": "test fixture", "version": "0", "section": "0"}}]})";
  Result<PosologyBook> book = ParsePosology(fixture);
  ASSERT_TRUE(book.ok()) << book.status().Message(Lang::kEn);
  PrescriptionLine line{"weeklyfixture", "", 10, "mg", 1, 1, "d", std::nullopt};
  Result<std::vector<Finding>> daily = CheckLine(*book, Patient{}, line);
  ASSERT_TRUE(daily.ok());
  ASSERT_EQ(daily->size(), 2u);  // 70 mg/week > 25, and daily intake of a weekly drug
  EXPECT_EQ((*daily)[1].code, "dose.weekly_drug_taken_daily");
  EXPECT_EQ((*daily)[1].severity, "critical");
  line.period_unit = "wk";
  EXPECT_TRUE(CheckLine(*book, Patient{}, line)->empty());
}

// A test fixture, not shipped data (no source needed a weekly mg/kg limit
// yet): 1 mg/kg/week for a 30 kg child gives 30 mg/week (1 x 30), capped by the
// absolute 50 mg/week; 5 mg daily = 35 mg/week > 30 -> a mg/kg finding;
// for a 60 kg adult the cap wins: 60 -> 50 mg/week, and 35 mg/week is within.
TEST(WeeklyPerKg, LimitUsesTheWeightAndTheAbsoluteCap) {
  const char* fixture =
      R"({"substance": "wkfixture", "rules": [{"id": "w", "route": "oral", "when": [],
    "limits": {"per_week_max_per_kg": 1, "per_week_max": 50}, "text": {"fr": "x", "en": "x"},
    "source": {"document": "test fixture", "version": "0", "section": "4.2"}}]})";
  Result<PosologyBook> book = ParsePosology(fixture);
  ASSERT_TRUE(book.ok()) << book.status().Message(Lang::kEn);
  Result<json> child = DoseForPatient(*book, "wkfixture", P({{"age", 9}, {"weight_kg", 30}}));
  ASSERT_TRUE(child.ok());
  EXPECT_EQ((*child)["limits"]["per_week_max"], 30);
  Result<json> adult = DoseForPatient(*book, "wkfixture", P({{"age", 40}, {"weight_kg", 60}}));
  ASSERT_TRUE(adult.ok());
  EXPECT_EQ((*adult)["limits"]["per_week_max"], 50);
  PrescriptionLine line{"wkfixture", "", 5, "mg", 1, 1, "d", std::nullopt};
  Result<std::vector<Finding>> f = CheckLine(*book, P({{"age", 9}, {"weight_kg", 30}}), line);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].code, "dose.mg_per_kg_above_max");
  EXPECT_TRUE(CheckLine(*book, P({{"age", 40}, {"weight_kg", 60}}), line)->empty());
}

// A test fixture, not shipped data (no RCP 4.6 breastfeeding sentence was
// read yet): a breastfeeding band applies to a breastfeeding woman, is
// "not evaluated" when the status is unknown, and never applies to a man.
TEST(Breastfeeding, BandsFollowThePatientStatus) {
  const char* fixture =
      R"({"substance": "bffixture", "rules": [{"id": "b", "route": "oral", "when": [],
    "limits": {"per_day_max": 10}, "text": {"fr": "x", "en": "x"},
    "source": {"document": "test fixture", "version": "0", "section": "4.2"}}],
    "breastfeeding": [{"action": "not_recommended", "text": {"fr": "allaitement", "en": "bf"},
    "source": {"document": "test fixture", "version": "0", "section": "4.6"}}]})";
  Result<PosologyBook> book = ParsePosology(fixture);
  ASSERT_TRUE(book.ok()) << book.status().Message(Lang::kEn);
  auto status = [&](const json& p) {
    Result<json> d = DoseForPatient(*book, "bffixture", P(p));
    EXPECT_TRUE(d.ok());
    return d.ok() ? (*d)["status"].get<std::string>() : "";
  };
  EXPECT_EQ(status({{"age", 30}, {"sex", "F"}, {"breastfeeding", true}}), "not_recommended");
  EXPECT_EQ(status({{"age", 30}, {"sex", "F"}, {"breastfeeding", false}}), "ok");
  EXPECT_EQ(status({{"age", 30}, {"sex", "F"}}), "incomplete");
  EXPECT_EQ(status({{"age", 30}, {"sex", "M"}}), "ok");
  PrescriptionLine line{"bffixture", "", 5, "mg", 1, 1, "d", std::nullopt};
  Result<std::vector<Finding>> f =
      CheckLine(*book, P({{"age", 30}, {"sex", "F"}, {"breastfeeding", true}}), line);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].code, "breastfeeding.not_recommended");
}

TEST(PosologyParse, RejectsMissingSourceUnknownKeyAndBadEstimator) {
  EXPECT_EQ(ParsePosology(
                R"({"substance":"x","rules":[{"id":"a","route":"oral","text":{"fr":"","en":""}}]})")
                .status()
                .code(),
            ErrorCode::kDataError);
  EXPECT_EQ(ParsePosology(R"({"substance":"x","rules":[],"renl":[]})").status().code(),
            ErrorCode::kDataError);
  EXPECT_EQ(ParsePosology(
                R"({"substance":"x","renal":[{"estimator":"mdrd","max":30,"text":{"fr":"","en":""},
    "source":{"document":"d","version":"v","section":"s"}}]})")
                .status()
                .code(),
            ErrorCode::kDataError);
  EXPECT_EQ(ParsePosology("{").status().code(), ErrorCode::kMalformedJson);
  const char* bad_clause =
      R"({"substance":"x","rules":[{"id":"a","route":"oral","when":[{"at_least":1e308,"of":[]}],
    "text":{"fr":"","en":""},"source":{"document":"d","version":"v","section":"s"}}]})";
  EXPECT_EQ(ParsePosology(bad_clause).status().code(), ErrorCode::kDataError);
}

}  // namespace
}  // namespace vigie::dose
