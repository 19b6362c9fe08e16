// End-to-end: the real `vigie serve` on a KB imported from the real BDPM and
// thesaurus 2023-09, spoken to over real HTTP: POST /v1/check in Vigie JSON
// and as a FHIR R4 Bundle, malformed bodies (400 / OperationOutcome), CDS
// Hooks discovery, order-select cards, 412 on missing prefetch, feedback in
// the audit log without clinical text; `vigie check FILE --json --lang en`;
// a server configured with a CDS client JWKS refusing unsigned, forged and
// replayed calls. Thread-safety: single-threaded test.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "api/jwt_test_util.h"
#include "cds_spec.h"
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

json SpecExample(const std::string& name) {
  std::ifstream in(std::string(std::getenv("VIGIE_SOURCE_DIR")) + "/tests/cds/" + name);
  return json::parse(in);
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& e : v) s += e + "\n";
  return s;
}

// The lines of kColchicine as CDS Hooks draftOrders (MedicationRequests by text).
json ColchicineDraftOrders() {
  json orders = {{"resourceType", "Bundle"}, {"entry", json::array()}};
  const json rx = json::parse(kColchicine);
  for (const json& l : rx["lines"]) {
    orders["entry"].push_back({{"resource",
                                {{"resourceType", "MedicationRequest"},
                                 {"status", "draft"},
                                 {"intent", "order"},
                                 {"medicationCodeableConcept", {{"text", l["drug"]}}}}}});
  }
  return orders;
}

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

  json orders = ColchicineDraftOrders();
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

// The CDS Hooks specification's own examples (tests/cds/README.md) against
// the real server: discovery and both hooks' R4 requests answered with
// responses that pass the specification's attribute tables (cds_spec.h), the
// amoxicillin/clavulanate order checked (not dropped), the checks that could
// not run said on a card, and both feedback examples accepted and audited.
TEST_F(CheckE2eTest, SpecificationExamplesOverHttp) {
  httplib::Client c("127.0.0.1", port_);
  auto disc = c.Get("/cds-services");
  ASSERT_TRUE(disc);
  json services = json::parse(disc->body);
  EXPECT_EQ(Joined(testing::ValidateCdsDiscovery(services)), "");
  for (const char* name : {"order-select-r4.json", "order-sign-r4.json"}) {
    json req = SpecExample(name);
    ASSERT_EQ(Joined(testing::ValidateCdsRequest(req)), "") << name;
    auto res = Post("/cds-services/vigie-prescription", req.dump());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << name << res->body;
    json out = json::parse(res->body);
    EXPECT_EQ(Joined(testing::ValidateCdsResponse(out)), "") << name;
    bool unresolved = false, not_done = false, bdpm = false;
    for (const json& card : out["cards"]) {
      std::string summary = card["summary"];
      unresolved = unresolved || summary.starts_with("Ligne non reconnue");
      not_done = not_done || summary.find("non faite(s)") != std::string::npos;
      bdpm = bdpm || card["source"]["label"].get<std::string>().starts_with("BDPM");
    }
    // The order is either checked (a BDPM card names its specialty) or said
    // unrecognised; the patient has no weight, renal function or allergies.
    EXPECT_TRUE(bdpm || unresolved) << name << out.dump();
    EXPECT_TRUE(not_done) << name;
  }
  for (const char* name : {"feedback-accepted.json", "feedback-overridden.json"}) {
    json fb = SpecExample(name);
    ASSERT_EQ(Joined(testing::ValidateCdsFeedback(fb)), "") << name;
    auto res = Post("/cds-services/vigie-prescription/feedback", fb.dump());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << name << res->body;
  }
  std::ifstream in(audit_);
  std::string audit((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(audit.find("A comment entered by the clinician"), std::string::npos);
}

// `vigie check FILE --json` prints one JSON document: the same response.
TEST_F(CheckE2eTest, CliCheckFileJson) {
  std::string file = dir_ + "/rx.json";
  std::ofstream(file) << kColchicine;
  auto child = testing::ChildProcess::Start({std::getenv("VIGIE_BIN"), "--db", dir_ + "/kb.sqlite",
                                             "--lang", "en", "check", file, "--json"});
  ASSERT_TRUE(child.has_value());
  std::string out;
  while (auto line = child->ReadLine(milliseconds(60000))) out += *line + "\n";
  EXPECT_EQ(child->Wait(milliseconds(10000)), 0);
  json doc = json::parse(out, nullptr, false);
  ASSERT_TRUE(doc.is_object()) << out;
  EXPECT_TRUE(HasCi(doc["findings"], 64, 158)) << out;
  EXPECT_TRUE(doc["findings"][0]["message"].get<std::string>().starts_with("Interaction"));
  EXPECT_EQ(doc["kb"]["thesaurus"], "2023-09");
}

// CDS Hooks 2.0 "Trusting CDS Clients": with cds.jwks_file set, a service call
// needs the EHR's JWT (signed here with a fresh ES384 key); no token, a forged
// token and a replayed token get 401; discovery stays public.
TEST_F(CheckE2eTest, CdsServiceCallsNeedTheEhrJwt) {
  auto key = api::testing::NewKey("ES384", "ehr-1");
  auto forger = api::testing::NewKey("ES384", "ehr-1");
  std::string jwks = dir_ + "/jwks.json";
  std::ofstream(jwks) << json({{"keys", {key->Jwk()}}}).dump();
  auto child = testing::ChildProcess::Start(
      {std::getenv("VIGIE_BIN"), "--db", dir_ + "/kb.sqlite", "serve", "--port", "0", "--audit-log",
       dir_ + "/audit-jwt.jsonl", "--access-log", "off", "--json", "--cds-jwks", jwks,
       "--cds-issuer", "https://dpi.example", "--cds-audience", "https://vigie.example/"});
  ASSERT_TRUE(child.has_value());
  std::string doc;
  while (doc.find('}') == std::string::npos) {
    auto line = child->ReadLine(milliseconds(20000));
    ASSERT_TRUE(line.has_value()) << "the server printed no URL";
    doc += *line;
  }
  std::string url = json::parse(doc)["url"];
  httplib::Client c("127.0.0.1", std::stoi(url.substr(url.rfind(':') + 1)));
  c.set_read_timeout(30, 0);
  auto disc = c.Get("/cds-services");
  ASSERT_TRUE(disc);
  EXPECT_EQ(disc->status, 200);

  json orders = ColchicineDraftOrders();
  json hook = {
      {"hookInstance", "0d4f3c1a-7b7e-4c53-9d6c-0f1b2a3c4d5e"},
      {"hook", "order-sign"},
      {"context", {{"userId", "Practitioner/1"}, {"patientId", "p1"}, {"draftOrders", orders}}},
      {"prefetch", {{"patient", {{"resourceType", "Patient"}, {"gender", "male"}}}}}};
  const std::string path = "/cds-services/vigie-prescription-sign";
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  json claims = {{"iss", "https://dpi.example"},
                 {"aud", "https://vigie.example" + path},
                 {"iat", now},
                 {"exp", now + 120},
                 {"jti", "e2e-1"}};
  auto post = [&](const std::string& token) {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return c.Post(path, h, hook.dump(), "application/json");
  };
  auto none = post("");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto forged = post(forger->Sign(claims));
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
  EXPECT_NE(forged->body.find("jwt_rejected"), std::string::npos) << forged->body;
  std::string token = key->Sign(claims);
  auto ok = post(token);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_FALSE(json::parse(ok->body)["cards"].empty());
  auto replay = post(token);
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 401);
  child->Signal(SIGTERM);
  child->Wait(milliseconds(10000));
}

}  // namespace
}  // namespace vigie
