// End-to-end: the real `vigie serve` on a KB imported from the real BDPM and
// thesaurus 2023-09, spoken to over real HTTP: POST /v1/check in Vigie JSON
// and as a FHIR R4 Bundle, malformed bodies (400 / OperationOutcome), CDS
// Hooks discovery, order-select cards, 412 on missing prefetch, feedback in
// the audit log without clinical text. Thread-safety: single-threaded test.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "kb/test_data.h"
#include "process.h"
#include "vigie/kb/import.h"

namespace vigie {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

class CheckE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string data = kb::testing::DataDir();
    if (data.empty()) return;
    dir_ = kb::testing::ScratchDir("check_e2e");
    std::string db = dir_ + "/kb.sqlite";
    auto env = NewPosixEnv();
    for (const char* v : {"2026-01", "2026-07"})
      ASSERT_TRUE(kb::ImportBdpm(*env, db, data + "/bdpm/" + v).ok());
    ASSERT_TRUE(kb::ImportThesaurus(*env, db, data + "/ansm-thesaurus/2023-09").ok());
    audit_ = dir_ + "/audit.jsonl";
    auto child = testing::ChildProcess::Start({std::getenv("VIGIE_BIN"), "--db", db, "serve",
                                               "--port", "0", "--audit-log", audit_, "--access-log",
                                               dir_ + "/access.jsonl", "--json"});
    ASSERT_TRUE(child.has_value());
    server_ = new testing::ChildProcess(std::move(*child));
    std::string doc;
    while (doc.find('}') == std::string::npos) {
      auto line = server_->ReadLine(milliseconds(20000));
      ASSERT_TRUE(line.has_value()) << "the server printed no URL";
      doc += *line;
    }
    std::string url = json::parse(doc)["url"];
    port_ = std::stoi(url.substr(url.rfind(':') + 1));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (server_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static httplib::Result Post(const std::string& path, const std::string& body) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c.Post(path, body, "application/json");
  }
  static inline testing::ChildProcess* server_ = nullptr;
  static inline int port_ = 0;
  static inline std::string dir_, audit_;
};

// 2023-09 p64 / p158: COLCHICINE + MACROLIDES (SAUF SPIRAMYCINE), CONTRE-INDICATION.
const char* kColchicine = R"({"patient": {"age_years": 70, "sex": "M", "allergies": []},
  "lines": [{"drug": "colchicine 1 mg", "dose": {"value": 1, "unit": "mg"}, "per_day": 1},
            {"drug": "clarithromycine 500 mg", "dose": {"value": 500, "unit": "mg"}, "per_day": 2}]})";

bool HasCi(const json& findings, int page_a, int page_b) {
  for (const json& f : findings) {
    int page = f["source"].value("page", 0);
    if (f["kind"] == "interaction" && f["level"] == "CI" && (page == page_a || page == page_b))
      return true;
  }
  return false;
}

TEST_F(CheckE2eTest, VigieJsonOverHttp) {
  auto res = Post("/v1/check", kColchicine);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json out = json::parse(res->body);
  EXPECT_TRUE(HasCi(out["findings"], 64, 158)) << out["findings"].dump();
  EXPECT_EQ(out["kb"]["thesaurus"], "2023-09");
}

TEST_F(CheckE2eTest, FhirBundleOverHttp) {
  // 2023-09 p4 / p21: aspirin at anti-inflammatory doses (>= 1 g per intake) + oral anticoagulants:
  // CI.
  json bundle = {
      {"resourceType", "Bundle"},
      {"type", "collection"},
      {"entry",
       {{{"resource",
          {{"resourceType", "Patient"},
           {"id", "p1"},
           {"gender", "female"},
           {"birthDate", "1945-03-01"}}}},
        {{"resource",
          {{"resourceType", "Observation"},
           {"code", {{"coding", {{{"system", "http://loinc.org"}, {"code", "29463-7"}}}}}},
           {"valueQuantity", {{"value", 52}, {"unit", "kg"}, {"code", "kg"}}}}}},
        {{"resource",
          {{"resourceType", "MedicationRequest"},
           {"id", "mr1"},
           {"medicationCodeableConcept", {{"text", "aspirine 1 g"}}},
           {"dosageInstruction",
            {{{"doseAndRate", {{{"doseQuantity", {{"value", 1}, {"unit", "g"}, {"code", "g"}}}}}},
              {"timing",
               {{"repeat", {{"frequency", 3}, {"period", 1}, {"periodUnit", "d"}}}}}}}}}}},
        {{"resource",
          {{"resourceType", "MedicationRequest"},
           {"id", "mr2"},
           {"medicationCodeableConcept", {{"text", "warfarine 5 mg"}}}}}}}}};
  auto res = Post("/v1/check", bundle.dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json out = json::parse(res->body);
  EXPECT_TRUE(HasCi(out["findings"], 4, 21)) << out["findings"].dump();
  EXPECT_EQ(out["fhir_ids"], json({"mr1", "mr2"}));
}

TEST_F(CheckE2eTest, MalformedBodiesGetA400NeverACrash) {
  auto bad = Post("/v1/check", "{\"lines\": [");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto fhir = Post("/v1/check", R"({"resourceType": "Bundle", "entry": [{"resource": 3}]})");
  ASSERT_TRUE(fhir);
  EXPECT_EQ(fhir->status, 400);
  json oo = json::parse(fhir->body);
  EXPECT_EQ(oo["resourceType"], "OperationOutcome");
  EXPECT_EQ(oo["issue"][0]["severity"], "error");
  auto still = Post("/v1/check", kColchicine);
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
}

TEST_F(CheckE2eTest, CdsHooksDiscoveryServiceAndFeedback) {
  httplib::Client c("127.0.0.1", port_);
  auto disc = c.Get("/cds-services");
  ASSERT_TRUE(disc);
  ASSERT_EQ(disc->status, 200);
  json services = json::parse(disc->body)["services"];
  ASSERT_GE(services.size(), 1u);
  EXPECT_EQ(services[0]["id"], "vigie-prescription");
  EXPECT_EQ(services[0]["hook"], "order-select");
  EXPECT_TRUE(services[0]["prefetch"].contains("patient"));

  json med = json::parse(kColchicine)["lines"];
  json orders = {{"resourceType", "Bundle"}, {"entry", json::array()}};
  for (const json& l : med) {
    orders["entry"].push_back({{"resource",
                                {{"resourceType", "MedicationRequest"},
                                 {"status", "draft"},
                                 {"intent", "order"},
                                 {"medicationCodeableConcept", {{"text", l["drug"]}}}}}});
  }
  json hook = {
      {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
      {"hook", "order-select"},
      {"context",
       {{"userId", "Practitioner/example"}, {"patientId", "p1"}, {"draftOrders", orders}}},
      {"prefetch", {{"patient", {{"resourceType", "Patient"}, {"id", "p1"}, {"gender", "male"}}}}}};
  auto res = Post("/cds-services/vigie-prescription", hook.dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json cards = json::parse(res->body)["cards"];
  ASSERT_FALSE(cards.empty());
  const json& card = cards[0];
  EXPECT_EQ(card["indicator"], "critical");
  EXPECT_LT(card["summary"].get<std::string>().size(), 140u);
  EXPECT_EQ(card["source"]["label"], "ANSM — Thésaurus des interactions médicamenteuses (2023-09)");
  EXPECT_FALSE(card["overrideReasons"].empty());
  EXPECT_NE(card["detail"].get<std::string>().find("Source"), std::string::npos);

  json no_prefetch = hook;
  no_prefetch.erase("prefetch");
  auto missing = Post("/cds-services/vigie-prescription", no_prefetch.dump());
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 412);

  json feedback = {{"feedback",
                    {{{"card", card["uuid"]},
                      {"outcome", "overridden"},
                      {"overrideReason",
                       {{"reason", card["overrideReasons"][0]}, {"userComment", "texte libre"}}},
                      {"outcomeTimestamp", "2026-11-29T04:00:00Z"}}}}};
  auto fb = Post("/cds-services/vigie-prescription/feedback", feedback.dump());
  ASSERT_TRUE(fb);
  EXPECT_EQ(fb->status, 200) << fb->body;
  std::ifstream in(audit_);
  std::string audit((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(audit.find("check.cds_feedback"), std::string::npos);
  // (the outcome "overridden" is an attribute, encrypted at rest since the privacy module)
  EXPECT_NE(audit.find("check.run"), std::string::npos);
  EXPECT_EQ(audit.find("colchicine"), std::string::npos) << "no drug name in the audit";
  EXPECT_EQ(audit.find("texte libre"), std::string::npos) << "no free text in the audit";
}

}  // namespace
}  // namespace vigie
