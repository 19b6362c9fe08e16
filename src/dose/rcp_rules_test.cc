// Posology rules read in the official RCP texts (BDPM affichageDoc pages and
// ANSM ecodex pages; URL, section and "Mis à jour le" date in each comment).
// Every expected figure below was written from the quoted RCP sentence before
// the rule data existed (see git history: this file was committed first).
// Renal estimates are worked by hand: Cockcroft-Gault in µmol/L,
// (140 - age) x weight x 1.23 (M) or 1.04 (F) / creatinine.
#include <gtest/gtest.h>

#include "dose/test_book.h"
#include "vigie/dose/posology.h"

namespace vigie::dose {
namespace {

using nlohmann::json;
using namespace testing_util;  // NOLINT(google-build-using-namespace): test helpers

// M 40 y, 70 kg, creatinine 80: CG 100 x 70 x 1.23 / 80 = 107.6 mL/min.
const json kMan = {{"age", 40},
                   {"sex", "M"},
                   {"weight_kg", 70},
                   {"creatinine_umol_l", 80},
                   {"hepatic_impairment", "none"}};
// F 30 y, 60 kg, creatinine 70, not pregnant: CG 110 x 60 x 1.04 / 70 = 98.1 mL/min.
const json kWoman = {{"age", 30},
                     {"sex", "F"},
                     {"weight_kg", 60},
                     {"creatinine_umol_l", 70},
                     {"pregnant", false},
                     {"breastfeeding", false},
                     {"hepatic_impairment", "none"}};

TEST(PosologyData, AtLeastTwentyFiveSubstances) {
  EXPECT_GE(Book().substances.size(), 25u);  // issue 5: at least 25 substances
}

// Every rule read in an official RCP names the CIS, the section, the text's
// date and the URL of the official page.
TEST(PosologyData, RcpRulesCiteCisDateAndUrl) {
  int rcp = 0;
  for (const Substance& s : Book().substances) {
    for (const PosologyRule& r : s.rules) {
      if (!r.source.contains("cis")) continue;
      ++rcp;
      EXPECT_EQ(r.source["cis"].get<std::string>().size(), 8u) << r.id;
      const std::string url = r.source.value("url", "");
      bool official =
          url.starts_with("https://base-donnees-publique.medicaments.gouv.fr/affichageDoc.php") ||
          url.starts_with("https://agence-prd.ansm.sante.fr/php/ecodex/rcp/");
      EXPECT_TRUE(official) << r.id << " " << url;
      EXPECT_NE(r.source.value("version", "").find("Mis à jour le"), std::string::npos) << r.id;
    }
  }
  EXPECT_GE(rcp, 12);
}

// TRAMADOL ALMUS 50 mg gélule, CIS 67105161, ANSM mis à jour le 26/06/2023,
// https://base-donnees-publique.medicaments.gouv.fr/affichageDoc.php?specid=67105161&typedoc=R
// 4.1 "indiqué chez les adultes et les adolescents âgés de 12 ans et plus";
// 4.2 "la dose totale journalière ne doit pas excéder 400 mg", "doses de 50 à
// 100 mg toutes les 4 à 6 h". TRAMADOL HCS 50 mg, CIS 60712486, 05/08/2022,
// specid=60712486, 4.2: "Chez les patients âgés de plus de 75 ans [...]
// l'intervalle posologique devra être allongé, si nécessaire".
TEST(Tramadol, AdultMaxPerDayAndInterval) {
  json d = Dose("tramadol", kMan);
  EXPECT_EQ(d["status"], "ok");
  EXPECT_EQ(d["limits"]["per_day_max"], 400);
  EXPECT_EQ(d["limits"]["min_interval_h"], 4);
  EXPECT_TRUE(Has(Codes("tramadol", kMan, 100, 5), "dose.per_day_above_max"));  // 500 > 400
  EXPECT_TRUE(Has(Codes("tramadol", kMan, 50, 8), "dose.interval_too_short"));  // every 3 h
  EXPECT_TRUE(Codes("tramadol", kMan, 100, 4).empty());                         // 400, every 6 h
}

TEST(Tramadol, OlderThan75LengthenInterval) {
  json old = kMan;
  old["age"] = 80;  // CG 60 x 70 x 1.23 / 80 = 64.6: no renal band shipped
  json d = Dose("tramadol", old);
  EXPECT_TRUE(HasBand(d, "age", "caution"));
  EXPECT_EQ(d["status"], "caution");
  json at75 = kMan;
  at75["age"] = 75;  // "plus de 75 ans": 75 itself is not concerned
  EXPECT_FALSE(HasBand(Dose("tramadol", at75), "general", "caution"));
}

TEST(Tramadol, NoRuleUnder12) {
  EXPECT_EQ(Dose("tramadol", {{"age", 10}, {"sex", "M"}, {"weight_kg", 30}})["status"],
            "no_rule_for_population");
}

// ESCITALOPRAM EVOLUGEN PHARMA 20 mg, CIS 67286345, 14/03/2024, specid=67286345,
// 4.2: "La sécurité à des posologies supérieures à 20 mg par jour n'a pas été
// démontrée", "jusqu'à 20 mg par jour, posologie maximale".
TEST(Escitalopram, MaxTwentyMgPerDay) {
  EXPECT_EQ(Dose("escitalopram", kWoman)["limits"]["per_day_max"], 20);
  EXPECT_TRUE(Has(Codes("escitalopram", kWoman, 30, 1), "dose.per_day_above_max"));
  EXPECT_TRUE(Codes("escitalopram", kWoman, 20, 1).empty());
}

// FOSFOMYCINE BIOGARAN 3 g, CIS 66806921, 29/07/2020, specid=66806921, 4.2:
// "Cystite aiguë non compliquée chez les femmes adultes et adolescentes
// (> 12 ans) : administration unique de 3 g de fosfomycine"; "n'est pas
// recommandée chez les patients présentant une insuffisance rénale (clairance
// de la créatinine < 10 ml/min)"; "chez les enfants âgés de moins de 12 ans
// n'ont pas été établies".
TEST(Fosfomycin, SingleThreeGramDose) {
  EXPECT_TRUE(Codes("fosfomycine", kWoman, 3, 1, "d", "g", 1).empty());
  EXPECT_TRUE(Has(Codes("fosfomycine", kWoman, 3, 2, "d", "g"), "dose.per_day_above_max"));
  EXPECT_TRUE(Has(Codes("fosfomycine", kWoman, 3, 1, "d", "g", 3), "dose.duration_above_max"));
  EXPECT_TRUE(Has(Codes("fosfomycine", kWoman, 6, 1, "d", "g", 1), "dose.per_intake_above_max"));
}

TEST(Fosfomycin, CrClUnder10NotRecommended) {
  // CG (140 - 80) x 45 x 1.04 / 400 = 7.02 mL/min < 10
  json p = {{"age", 80}, {"sex", "F"}, {"weight_kg", 45}, {"creatinine_umol_l", 400}};
  json d = Dose("fosfomycine", p);
  EXPECT_EQ(d["status"], "not_recommended");
  EXPECT_EQ(d["renal"][0]["estimator"], "cockcroft-gault");
  EXPECT_TRUE(Has(Codes("fosfomycine", p, 3, 1, "d", "g", 1), "renal.not_recommended"));
}

TEST(Fosfomycin, NoRuleForMenOrGirlsUnder12) {
  EXPECT_EQ(Dose("fosfomycine", kMan)["status"], "no_rule_for_population");
  EXPECT_EQ(
      Dose("fosfomycine trometamol", {{"age", 10}, {"sex", "F"}, {"weight_kg", 30}})["status"],
      "no_rule_for_population");
}

// ZOLPIDEM BIOGARAN 10 mg, CIS 62969974, 28/05/2024, specid=62969974, 4.2:
// "en une seule prise", "La dose journalière recommandée pour les adultes est
// de 10 mg", "Dans tous les cas, la posologie ne doit pas dépasser 10 mg par
// jour"; "moins de 18 ans [...] le zolpidem n'est pas recommandé".
TEST(Zolpidem, TenMgOnceAMax) {
  json d = Dose("zolpidem", kMan);
  EXPECT_EQ(d["limits"]["per_intake_max"], 10);
  EXPECT_EQ(d["limits"]["per_day_max"], 10);
  EXPECT_TRUE(Codes("zolpidem", kMan, 10, 1).empty());
  std::vector<std::string> c = Codes("zolpidem", kMan, 10, 2);
  EXPECT_TRUE(Has(c, "dose.per_day_above_max"));
  EXPECT_TRUE(Has(Codes("zolpidem", kMan, 20, 1), "dose.per_intake_above_max"));
}

TEST(Zolpidem, NotRecommendedUnder18) {
  json d = Dose("zolpidem", {{"age", 16}, {"sex", "F"}, {"weight_kg", 55}});
  EXPECT_EQ(d["status"], "not_recommended");
  EXPECT_TRUE(HasBand(d, "age", "not_recommended"));
}

// MOTILIUM 10 mg, CIS 63679194, 25/11/2024, specid=63679194, 4.2: "la durée
// maximale du traitement ne doit pas dépasser une semaine"; "Adultes et
// adolescents (à partir de 12 ans et de 35 kg) : Un comprimé à 10 mg, jusqu'à
// 3 fois par jour, la dose maximale étant de 30 mg par jour"; "contre-indiqué
// en cas d'insuffisance hépatique modérée ou sévère".
TEST(Domperidone, ThirtyMgPerDayOneWeek) {
  json d = Dose("dompéridone", kMan);
  EXPECT_EQ(d["limits"]["per_intake_max"], 10);
  EXPECT_EQ(d["limits"]["per_day_max"], 30);
  EXPECT_EQ(d["limits"]["max_duration_days"], 7);
  EXPECT_TRUE(Has(Codes("domperidone", kMan, 10, 4), "dose.per_day_above_max"));  // 40 > 30
  EXPECT_TRUE(Has(Codes("domperidone", kMan, 20, 1), "dose.per_intake_above_max"));
  EXPECT_TRUE(Has(Codes("domperidone", kMan, 10, 3, "d", "mg", 10), "dose.duration_above_max"));
}

TEST(Domperidone, ModerateHepaticImpairmentContraindicated) {
  json p = kMan;
  p["hepatic_impairment"] = "child_pugh_b";
  EXPECT_EQ(Dose("domperidone", p)["status"], "contraindicated");
  p["hepatic_impairment"] = "child_pugh_a";  // "légère": no dose change
  EXPECT_NE(Dose("domperidone", p)["status"], "contraindicated");
}

TEST(Domperidone, NoRuleUnder35kg) {
  EXPECT_EQ(Dose("domperidone", {{"age", 13}, {"sex", "F"}, {"weight_kg", 33}})["status"],
            "no_rule_for_population");
}

// HYDROXYZINE BLUEFISH 25 mg, CIS 64110908, ANSM mis à jour le 14/12/2020,
// https://agence-prd.ansm.sante.fr/php/ecodex/rcp/R0365718.htm, 4.2: "Chez
// l'adulte de plus de 40 kg, la dose maximale quotidienne est de 100 mg par
// jour"; prurit: "Chez l'adulte et l'adolescent ayant un poids corporel
// supérieur à 40 kg, la dose maximale journalière est de 100 mg par jour".
TEST(Hydroxyzine, HundredMgPerDayAbove40kg) {
  EXPECT_EQ(Dose("hydroxyzine", kWoman)["limits"]["per_day_max"], 100);
  EXPECT_TRUE(Codes("hydroxyzine", kWoman, 25, 4).empty());
  EXPECT_TRUE(Has(Codes("hydroxyzine", kWoman, 50, 3), "dose.per_day_above_max"));  // 150
  EXPECT_EQ(Dose("hydroxyzine", {{"age", 30}, {"sex", "F"}, {"weight_kg", 40}})["status"],
            "no_rule_for_population");  // 40 kg is not "plus de 40 kg"
}

// METHOTREXATE BELLON 2,5 mg, CIS 60695745 (autorisation abrogée), ANSM mis à
// jour le 07/02/2012, https://agence-prd.ansm.sante.fr/php/ecodex/rcp/R0204905.htm,
// 4.2: "le danger d'une prise quotidienne", "7,5 à 15 mg [...] par semaine,
// en prise unique".
TEST(Methotrexate, WeeklyDrugTakenDailyIsCritical) {
  EXPECT_TRUE(Has(Codes("méthotrexate", kWoman, 10, 1), "dose.weekly_drug_taken_daily"));
  EXPECT_TRUE(Codes("methotrexate", kWoman, 10, 1, "wk").empty());
  EXPECT_EQ(Dose("methotrexate", kWoman)["limits"]["weekly_only"], true);
}

// SELEXID 200 mg, CIS 60670489, 19/09/2022, specid=60670489, 4.2: "Chez la
// femme adulte : Cystites aiguës non compliquées 400 mg x 2/jour pendant
// 5 jours ; Cystites à risque de complication [...] 400 mg x 2/jour pendant
// 7 jours".
TEST(Pivmecillinam, FourHundredTwiceDailySevenDaysAtMost) {
  json d = Dose("pivmécillinam", kWoman);
  EXPECT_EQ(d["limits"]["per_intake_max"], 400);
  EXPECT_EQ(d["limits"]["per_day_max"], 800);
  EXPECT_EQ(d["limits"]["max_duration_days"], 7);
  EXPECT_TRUE(Codes("pivmecillinam", kWoman, 400, 2, "d", "mg", 5).empty());
  EXPECT_TRUE(Has(Codes("pivmecillinam", kWoman, 400, 3), "dose.per_day_above_max"));
  EXPECT_TRUE(
      Has(Codes("pivmecillinam", kWoman, 400, 2, "d", "mg", 10), "dose.duration_above_max"));
  EXPECT_EQ(Dose("pivmecillinam", kMan)["status"], "no_rule_for_population");
}

// AMLODIPINE SUN 5 mg, CIS 65157330 (autorisation abrogée), 10/02/2023,
// specid=65157330, 4.2 Adultes: "posologie initiale habituelle est de 5 mg
// [...] une fois par jour, qui peut être augmentée jusqu'à une posologie
// maximale de 10 mg".
TEST(Amlodipine, TenMgMax) {
  EXPECT_EQ(Dose("amlodipine", kMan)["limits"]["per_day_max"], 10);
  EXPECT_TRUE(Codes("amlodipine", kMan, 10, 1).empty());
  EXPECT_TRUE(Has(Codes("amlodipine", kMan, 15, 1), "dose.per_day_above_max"));
}

// LEVOCETIRIZINE TEVA 5 mg, CIS 61119097, 05/04/2024, specid=61119097, 4.2:
// "Adultes et adolescents âgés de 12 ans et plus : 5 mg par jour"; by DFGe
// (mL/min): 30 - < 60 "1 comprimé tous les 2 jours", 15 - < 30 "1 comprimé
// tous les 3 jours", < 15 (dialyse) "Contre-indiqué".
TEST(Levocetirizine, FiveMgAndEgfrBands) {
  EXPECT_EQ(Dose("lévocétirizine", kMan)["limits"]["per_day_max"], 5);
  json mod = {{"age", 70}, {"sex", "F"}, {"weight_kg", 60}, {"egfr", 45}};
  json d = Dose("levocetirizine", mod);
  EXPECT_EQ(d["renal"][0]["estimator"], "egfr");
  EXPECT_EQ(d["limits"]["per_day_max"], 2.5);  // 5 mg every 2 days
  EXPECT_EQ(d["limits"]["min_interval_h"], 48);
  std::vector<std::string> c = Codes("levocetirizine", mod, 5, 1);
  EXPECT_TRUE(Has(c, "dose.per_day_above_max"));
  EXPECT_TRUE(Has(c, "dose.interval_too_short"));
  // 5 mg every 2 days complies: only the renal band itself is reported (info).
  EXPECT_EQ(Codes("levocetirizine", mod, 5, 1, "d", "mg", std::nullopt, 2),
            std::vector<std::string>{"renal.dose"});
  json sev = mod;
  sev["egfr"] = 20;
  EXPECT_EQ(Dose("levocetirizine", sev)["limits"]["min_interval_h"], 72);  // every 3 days
  EXPECT_EQ(Codes("levocetirizine", sev, 5, 1, "d", "mg", std::nullopt, 3),
            std::vector<std::string>{"renal.dose"});
  json esrd = mod;
  esrd["egfr"] = 10;
  esrd["dialysis"] = true;
  EXPECT_EQ(Dose("levocetirizine", esrd)["status"], "contraindicated");
}

// DICLOFENAC BIOGARAN LP 75 mg, CIS 62815360, 16/09/2024, specid=62815360,
// 4.2 "Adulte et enfant à partir de 15 ans [...] La dose quotidienne maximale
// de 150 mg ne doit pas être dépassée."
TEST(Diclofenac, HundredFiftyMgPerDay) {
  EXPECT_TRUE(Codes("diclofénac", kMan, 50, 3).empty());
  EXPECT_TRUE(Has(Codes("diclofenac", kMan, 75, 3), "dose.per_day_above_max"));  // 225
  EXPECT_EQ(Dose("diclofenac", {{"age", 14}, {"sex", "M"}, {"weight_kg", 50}})["status"],
            "no_rule_for_population");
}

// SPASFON LYOC 160 mg, CIS 64970338, ANSM mis à jour le 14/04/2014,
// https://agence-prd.ansm.sante.fr/php/ecodex/rcp/R0240937.htm, 4.2: "Réservé
// à l'adulte. [...] 1 lyophilisat oral [...] en respectant un intervalle
// minimum de 2 heures entre chaque prise sans dépasser 3 lyophilisats oraux
// par jour."
TEST(Phloroglucinol, ThreeTimes160mgTwoHoursApart) {
  json d = Dose("phloroglucinol", kWoman);
  EXPECT_EQ(d["limits"]["per_intake_max"], 160);
  EXPECT_EQ(d["limits"]["per_day_max"], 480);
  EXPECT_EQ(d["limits"]["min_interval_h"], 2);
  EXPECT_TRUE(Codes("phloroglucinol", kWoman, 160, 3).empty());
  EXPECT_TRUE(Has(Codes("phloroglucinol", kWoman, 160, 4), "dose.per_day_above_max"));
  EXPECT_TRUE(Has(Codes("phloroglucinol", kWoman, 80, 1, "h"), "dose.interval_too_short"));
}

// FURADANTINE 50 mg, CIS 62013296, 20/06/2023, specid=62013296, 4.2: "Femme
// adulte 300 mg (6 gélules) par jour, en 3 prises journalières" (confirms the
// shipped adult rule of ../shared/clinical/posology.md).
TEST(Nitrofurantoin, AdultWomanThreeHundredMgInThreeIntakes) {
  EXPECT_TRUE(Has(Codes("nitrofurantoine", kWoman, 100, 4, "d", "mg", 5),
                  "dose.per_day_above_max"));  // 400 > 300
  EXPECT_TRUE(Has(Codes("nitrofurantoine", kWoman, 150, 2, "d", "mg", 5),
                  "dose.per_intake_above_max"));  // 150 > 100
  EXPECT_TRUE(Codes("nitrofurantoine", kWoman, 100, 3, "d", "mg", 5).empty());
}

}  // namespace
}  // namespace vigie::dose
