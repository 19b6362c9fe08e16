// FHIR R4 Bundle -> request mapping (LOINC/UCUM units, newest observation,
// codings), OperationOutcome, and the CDS Hooks adapters (prefetch 412,
// indicator per DESIGN.md, summary length, feedback validation), on synthetic
// resources shaped like the FHIR R4 and CDS Hooks 2.0 specification examples.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "vigie/check/cds_hooks.h"
#include "vigie/check/check.h"
#include "vigie/check/fhir.h"

namespace vigie::check {
namespace {

using nlohmann::json;

json Obs(const char* loinc, double value, const char* unit, const char* date) {
  return {{"resource",
           {{"resourceType", "Observation"},
            {"code", {{"coding", {{{"system", "http://loinc.org"}, {"code", loinc}}}}}},
            {"effectiveDateTime", date},
            {"valueQuantity", {{"value", value}, {"unit", unit}, {"code", unit}}}}}};
}

json Bundle() {
  return {
      {"resourceType", "Bundle"},
      {"type", "collection"},
      {"entry",
       {{{"resource",
          {{"resourceType", "Patient"}, {"gender", "female"}, {"birthDate", "1945-12-01"}}}},
        Obs("29463-7", 52000, "g", "2026-11-01"),
        Obs("2160-0", 1.2, "mg/dL", "2026-10-01"),
        Obs("14682-9", 130, "umol/L", "2026-11-20"),
        {{"resource",
          {{"resourceType", "AllergyIntolerance"},
           {"code", {{"coding", {{{"system", "http://www.whocc.no/atc"}, {"code", "J01C"}}}}}}}}},
        {{"resource",
          {{"resourceType", "MedicationRequest"},
           {"id", "m1"},
           {"medicationCodeableConcept",
            {{"coding",
              {{{"system", "https://smt.esante.gouv.fr/terminologie-bdpm"},
                {"code", "64755969"}}}}}},
           {"dosageInstruction",
            {{{"doseAndRate", {{{"doseQuantity", {{"value", 75}, {"code", "mg"}}}}}},
              {"timing",
               {{"repeat", {{"frequency", 1}, {"period", 1}, {"periodUnit", "d"}}}}}}}}}}}}}};
}

TEST(FhirTest, BundleBecomesAVigieRequest) {
  auto r = FhirBundleToRequest(Bundle(), Date{2026, 11, 29});
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  const json& p = (*r)["patient"];
  EXPECT_EQ(p["sex"], "F");
  EXPECT_EQ(p["age_years"], 80);
  EXPECT_DOUBLE_EQ(p["weight_kg"].get<double>(), 52);
  EXPECT_EQ(p["creatinine_umol_l"], 130);  // the newest creatinine (2026-11-20) wins
  EXPECT_EQ(p["creatinine_date"], "2026-11-20");
  EXPECT_EQ(p["allergies"], json({"J01C"}));
  const json& line = (*r)["lines"][0];
  EXPECT_EQ(line["cis"], "64755969");
  EXPECT_EQ(line["dose"]["value"], 75);
  EXPECT_EQ(line["timing"]["period_unit"], "d");
  EXPECT_EQ((*r)["fhir_ids"], json({"m1"}));
  r->erase("fhir_ids");
  EXPECT_TRUE(RequestFromJson(*r).ok());
}

json Coded(const char* system, const char* code, const char* display) {
  json b = Bundle();
  b["entry"][5]["resource"]["medicationCodeableConcept"] = {
      {"coding", {{{"system", system}, {"code", code}, {"display", display}}}}};
  return b;
}

// The systems of the ANS terminology server (terminologie-bdpm, -cip_ucd,
// -atc), Interop'Santé's UCD and HL7's WHO ATC; an unknown system (such as
// the made-up ".../codeCIS" of an earlier version) is not read as a code.
TEST(FhirTest, CodeSystemsAreThePublishedOnes) {
  Date today{2026, 11, 29};
  auto cip = FhirBundleToRequest(
      Coded("https://smt.esante.gouv.fr/terminologie-cip_ucd", "3400930000000", "X"), today);
  ASSERT_TRUE(cip.ok());
  EXPECT_EQ((*cip)["lines"][0]["cip13"], "3400930000000");
  auto ucd = FhirBundleToRequest(
      Coded("https://smt.esante.gouv.fr/terminologie-cip_ucd", "3400892360690", "TAREG 160MG CPR"),
      today);
  ASSERT_TRUE(ucd.ok());
  EXPECT_FALSE((*ucd)["lines"][0].contains("cip13"));
  EXPECT_EQ((*ucd)["lines"][0]["drug"], "TAREG 160MG CPR");
  auto ucd2 = FhirBundleToRequest(
      Coded("http://data.esante.gouv.fr/ansm/medicament/UCD", "3400892360690", "TAREG 160MG CPR"),
      today);
  ASSERT_TRUE(ucd2.ok());
  EXPECT_EQ((*ucd2)["lines"][0]["drug"], "TAREG 160MG CPR");
  auto old = FhirBundleToRequest(
      Coded("https://data.esante.gouv.fr/ansm/medicament/codeCIS", "64755969", "KARDEGIC"), today);
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE((*old)["lines"][0].contains("cis"));
  json b = Bundle();
  b["entry"][4]["resource"]["code"]["coding"][0]["system"] =
      "https://smt.esante.gouv.fr/terminologie-atc";
  auto atc = FhirBundleToRequest(b, today);
  ASSERT_TRUE(atc.ok());
  EXPECT_EQ((*atc)["patient"]["allergies"], json({"J01C"}));
}

// The CDS Hooks specification's R4 examples carry the dose in two layouts
// besides R4's doseAndRate array: doseAndRate as one object (order-select)
// and doseQuantity on the Dosage itself (order-sign). Both are read.
TEST(FhirTest, DoseLayoutsOfTheCdsHooksExamplesAreRead) {
  json dose = {
      {"value", 5}, {"unit", "mL"}, {"system", "http://unitsofmeasure.org"}, {"code", "mL"}};
  for (int layout = 0; layout < 2; ++layout) {
    json b = Bundle();
    json& d = b["entry"][5]["resource"]["dosageInstruction"][0];
    d.erase("doseAndRate");
    if (layout == 0) {
      d["doseAndRate"] = {{"doseQuantity", dose}};
    } else {
      d["doseQuantity"] = dose;
    }
    auto r = FhirBundleToRequest(b, Date{2026, 11, 29});
    ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
    EXPECT_EQ((*r)["lines"][0]["dose"], json({{"value", 5}, {"unit", "mL"}})) << layout;
  }
  json b = Bundle();
  b["entry"][5]["resource"]["dosageInstruction"][0]["doseQuantity"] = {{"unit", "mL"}};
  b["entry"][5]["resource"]["dosageInstruction"][0].erase("doseAndRate");
  EXPECT_FALSE(FhirBundleToRequest(b, Date{2026, 11, 29}).ok());  // no value: an error, not a guess
}

TEST(FhirTest, ErrorsNameTheResourceAndBecomeOperationOutcome) {
  json b = Bundle();
  b["entry"][5]["resource"]["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"].erase(
      "value");
  auto r = FhirBundleToRequest(b, Date{2026, 11, 29});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().Message(Lang::kEn).find("Bundle.entry[5].MedicationRequest"),
            std::string::npos);
  json oo = OperationOutcome(r.status(), Lang::kEn);
  EXPECT_EQ(oo["resourceType"], "OperationOutcome");
  EXPECT_EQ(oo["issue"][0]["code"], "invalid");
  json none = {{"resourceType", "Bundle"}, {"entry", json::array()}};
  EXPECT_EQ(FhirBundleToRequest(none, Date{2026, 11, 29}).status().code(),
            ErrorCode::kMissingInput);
  EXPECT_FALSE(FhirBundleToRequest(json::array(), Date{2026, 11, 29}).ok());
}

TEST(CdsHooksTest, PrefetchMissingIs412AndCardsFollowDesignSeverity) {
  json orders = {{"resourceType", "Bundle"}, {"entry", {Bundle()["entry"][5]}}};
  json req = {{"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
              {"hook", "order-sign"},
              {"context", {{"patientId", "p"}, {"draftOrders", orders}}}};
  auto missing = CdsRequestToBundle(req);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().http_status(), 412);
  req["prefetch"] = {{"patient", Bundle()["entry"][0]["resource"]}};
  auto bundle = CdsRequestToBundle(req);
  ASSERT_TRUE(bundle.ok());
  EXPECT_EQ((*bundle)["entry"].size(), 2u);
  req["hook"] = "patient-view";
  EXPECT_FALSE(CdsRequestToBundle(req).ok());

  json out = {
      {"findings",
       {{{"level", "APEC"}, {"message", std::string(300, 'x')}, {"source", {{"document", "d"}}}},
        {{"level", "contraindicated"}, {"message", "m"}, {"source", {{"document", "d"}}}},
        {{"level", "ASDEC"},
         {"message", "m"},
         {"source",
          {{"document", "ANSM — Thésaurus des interactions médicamenteuses"},
           {"version", "2023-09"},
           {"page", 4}}}}}},
      {"unresolved", json::array()}};
  json cards = CdsCards(out, "seed", Lang::kFr)["cards"];
  ASSERT_EQ(cards.size(), 3u);
  EXPECT_EQ(cards[0]["indicator"], "info");
  EXPECT_LT(cards[0]["summary"].get<std::string>().size(), 140u);
  EXPECT_EQ(cards[1]["indicator"], "critical");
  EXPECT_EQ(cards[2]["indicator"], "warning");
  EXPECT_EQ(cards[2]["source"]["label"],
            "ANSM — Thésaurus des interactions médicamenteuses (2023-09)");
  EXPECT_NE(cards[0]["uuid"], cards[1]["uuid"]);
}

// "Missing patient fields make the checks that need them say 'not evaluated:
// missing X', never pass silently" (issue 4): through CDS Hooks, on a card.
TEST(CdsHooksTest, ChecksNotDoneAreSaidOnACard) {
  json out = {{"findings", json::array()},
              {"unresolved", json::array()},
              {"not_evaluated",
               {{{"check", "allergy"}, {"message", "Non évalué : allergies non renseignées"}},
                {{"check", "renal"}, {"message", "Non évalué : fonction rénale non renseignée"}}}}};
  json cards = CdsCards(out, "seed", Lang::kFr)["cards"];
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0]["indicator"], "info");
  EXPECT_LT(cards[0]["summary"].get<std::string>().size(), 140u);
  EXPECT_TRUE(cards[0]["summary"].get<std::string>().starts_with("2 vérification(s) non faite(s)"));
  EXPECT_NE(cards[0]["detail"].get<std::string>().find("- Non évalué : fonction rénale"),
            std::string::npos);
  out["not_evaluated"] = json::array();
  EXPECT_TRUE(CdsCards(out, "seed", Lang::kFr)["cards"].empty());  // spec: no guidance, no card
}

TEST(CdsHooksTest, FeedbackIsValidated) {
  EXPECT_FALSE(CdsFeedback(json::parse(R"({"feedback":[{"card":"u","outcome":"maybe"}]})")).ok());
  auto ok = CdsFeedback(json::parse(
      R"({"feedback":[{"card":"u","outcome":"overridden","overrideReason":{"reason":{"code":"r1"},"userComment":"x"}}]})"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0][2], "r1");
  EXPECT_EQ(CdsDiscovery()["services"][0]["id"], kCdsServiceId);
}

}  // namespace
}  // namespace vigie::check
