// End-to-end: starts the real `vigie serve` on a free port and talks to it
// over real HTTP (issue 2, item 9).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "process.h"

namespace vigie {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

class ServerE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* bin = std::getenv("VIGIE_BIN");
    ASSERT_NE(bin, nullptr) << "VIGIE_BIN is set by CTest";
    dir_ = std::filesystem::temp_directory_path() / ("vigie_e2e_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    access_log_ = (dir_ / "access.jsonl").string();
    // Keys and tokens in the test folder (children inherit the environment).
    ::setenv("VIGIE_TOKENS_FILE", (dir_ / "tokens.json").c_str(), 1);
    ::setenv("VIGIE_MASTER_KEY_FILE", (dir_ / "master.key").c_str(), 1);
    ::setenv("VIGIE_KEYS_DIR", (dir_ / "keys").c_str(), 1);
    ::setenv("VIGIE_AUDIT_LOG", (dir_ / "audit.jsonl").c_str(), 1);
    token_ = CreateToken(bin, "clinician");
    public_token_ = CreateToken(bin, "public");
    ASSERT_FALSE(token_.empty());
    auto child = testing::ChildProcess::Start({bin, "serve", "--port", "0", "--max-body-bytes",
                                               "4096", "--access-log", access_log_, "--audit-log",
                                               (dir_ / "audit.jsonl").string(), "--json"});
    ASSERT_TRUE(child.has_value());
    server_ = new testing::ChildProcess(std::move(*child));
    auto line = server_->ReadLine(milliseconds(10000));
    ASSERT_TRUE(line.has_value()) << "the server printed no URL";
    // `--json` makes the first stdout document {"url", "status"}; read to its end.
    std::string doc = *line;
    while (doc.find('}') == std::string::npos) {
      auto more = server_->ReadLine(milliseconds(2000));
      ASSERT_TRUE(more.has_value());
      doc += *more;
    }
    std::string url = json::parse(doc)["url"];
    port_ = std::stoi(url.substr(url.rfind(':') + 1));
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    std::filesystem::remove_all(dir_);
  }

  // `vigie tokens create --role ROLE --json`: the token, or "" on failure.
  static std::string CreateToken(const char* bin, const std::string& role) {
    auto child = testing::ChildProcess::Start({bin, "tokens", "create", "--role", role, "--json"});
    if (!child) return "";
    std::string doc;
    while (auto line = child->ReadLine(milliseconds(10000))) doc += *line;
    (void)child->Wait(milliseconds(10000));
    json j = json::parse(doc, nullptr, false);
    return j.is_object() ? j.value("token", "") : "";
  }

  // Runs the CLI to its end; returns its stdout.
  static std::string RunCli(const std::vector<std::string>& args, int* code) {
    auto child = testing::ChildProcess::Start(args);
    if (!child) return "";
    std::string out;
    while (auto line = child->ReadLine(milliseconds(10000))) out += *line + "\n";
    std::optional<int> rc = child->Wait(milliseconds(10000));
    *code = rc.value_or(-1);
    return out;
  }

  static httplib::Client Client(const std::string& token = token_) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    if (!token.empty()) c.set_bearer_token_auth(token);
    return c;
  }

  static std::string ReadAccessLog() {
    std::ifstream in(access_log_);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  static inline testing::ChildProcess* server_ = nullptr;
  static inline int port_ = 0;
  static inline std::filesystem::path dir_;
  static inline std::string access_log_;
  static inline std::string token_;
  static inline std::string public_token_;
};

TEST_F(ServerE2eTest, HealthIsOk) {
  auto res = Client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["status"], "ok");
  EXPECT_FALSE(res->get_header_value("X-Request-Id").empty());
}

TEST_F(ServerE2eTest, ReadyWithEmptyKnowledgeBase) {
  auto res = Client().Get("/readyz");
  ASSERT_TRUE(res);
  EXPECT_TRUE(res->status == 200 || res->status == 503);
  EXPECT_TRUE(json::parse(res->body).contains("checks"));
}

TEST_F(ServerE2eTest, MetricsCountRequestsPerRoute) {
  auto c = Client();
  ASSERT_TRUE(c.Get("/healthz"));
  // Metrics are recorded just after a response is sent: poll briefly.
  const std::string counter =
      "vigie_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}";
  httplib::Result res = c.Get("/metrics");
  for (int i = 0; i < 50 && res && res->body.find(counter) == std::string::npos; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
    res = c.Get("/metrics");
  }
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/plain", 0), 0u);
  EXPECT_NE(res->body.find(counter), std::string::npos);
  EXPECT_NE(res->body.find(
                "vigie_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\""),
            std::string::npos);
}

TEST_F(ServerE2eTest, UnknownRouteIs404Json) {
  auto res = Client().Get("/v1/nothing-here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "route_not_found");
}

TEST_F(ServerE2eTest, OversizedBodyIs413Json) {
  std::string body = "{\"a\": \"" + std::string(8000, 'x') + "\"}";
  auto res = Client().Post("/v1/patient/normalize", body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  json err = json::parse(res->body)["error"];
  EXPECT_EQ(err["code"], "payload_too_large");
  EXPECT_NE(err["message"].get<std::string>().find("4096"), std::string::npos);
}

TEST_F(ServerE2eTest, MalformedJsonIs400Json) {
  auto res = Client().Post("/v1/patient/normalize", "{\"age\": 81,", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "malformed_json");
}

TEST_F(ServerE2eTest, EnglishErrorsOnRequest) {
  httplib::Headers h = {{"Accept-Language", "en-GB,en;q=0.8"}};
  auto res = Client().Post("/v1/patient/normalize", h, "{\"weight_kg\": -1}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["message"],
            "Value out of range for weight_kg: expected between 0.3 and 400");
}

TEST_F(ServerE2eTest, OpenApiIsServed) {
  auto res = Client().Get("/openapi.json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  json doc = json::parse(res->body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_TRUE(doc["paths"].contains("/v1/patient/normalize"));
}

TEST_F(ServerE2eTest, AccessLogNeverHoldsBodiesOrQueryStrings) {
  auto c = Client();
  ASSERT_TRUE(c.Get("/healthz?ipp=8812345"));
  ASSERT_TRUE(c.Post("/v1/patient/normalize", R"({"age": 47, "conditions": ["Dupont"]})",
                     "application/json"));
  std::string log;
  for (int i = 0; i < 50 && log.find("/v1/patient/normalize") == std::string::npos; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
    log = ReadAccessLog();
  }
  EXPECT_NE(log.find("\"route\":\"/v1/patient/normalize\""), std::string::npos);
  EXPECT_EQ(log.find("8812345"), std::string::npos);
  EXPECT_EQ(log.find("Dupont"), std::string::npos);
  EXPECT_EQ(log.find("ipp="), std::string::npos);
}

TEST_F(ServerE2eTest, TokensAndRoles) {
  auto none = Client("").Post("/v1/patient/normalize", R"({"age": 47})", "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(json::parse(none->body)["error"]["code"], "unauthenticated");
  auto wrong = Client("vg_00000000_0000000000000000000000000000000000000000")
                   .Post("/v1/patient/normalize", R"({"age": 47})", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto pub = Client(public_token_).Post("/v1/deid", R"({"text": "x"})", "application/json");
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->status, 403);
  auto health = Client("").Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// Synthetic identities sent through the API appear in no file Vigie wrote
// (access log, audit log, keys, tokens), and the audit chain verifies.
TEST_F(ServerE2eTest, PatientStringsNeverStoredInPlaintext) {
  const std::vector<std::string> secrets = {"Quenouillard", "Zéphyrine", "0612345678",
                                            "185057800608491"};
  auto c = Client();
  auto res = c.Post("/v1/deid",
                    R"({"text": "Mme Zéphyrine QUENOUILLARD, tél 0612345678, NIR 185057800608491",)"
                    R"( "names": ["Quenouillard"], "mode": "pseudo"})",
                    "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  for (const std::string& s : secrets) EXPECT_EQ(res->body.find(s), std::string::npos) << s;
  ASSERT_TRUE(c.Post("/v1/patient/normalize", R"({"age": 47, "conditions": ["Quenouillard"]})",
                     "application/json"));
  ASSERT_TRUE(c.Post("/v1/deid", R"({"text": "Zéphyrine", "bogus": 1})", "application/json"));
  std::this_thread::sleep_for(milliseconds(200));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const std::string& s : secrets) {
      EXPECT_EQ(content.find(s), std::string::npos) << s << " in " << entry.path();
    }
    EXPECT_EQ(content.find(token_.substr(12)), std::string::npos) << "token secret stored";
  }
  int code = -1;
  std::string out = RunCli({std::getenv("VIGIE_BIN"), "audit", "verify", "--json"}, &code);
  EXPECT_EQ(code, 0) << out;
  json report = json::parse(out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << out;
  EXPECT_TRUE(report["ok"].get<bool>());
  EXPECT_GE(report["records"].get<int>(), 3);
}

// Issue 10 over real HTTP: a `public` token reaches POST /v1/triage and gets
// every field of the answer; an empty text is a clear 400; the description
// appears in no file Vigie wrote (access log, audit log, keys, tokens).
TEST_F(ServerE2eTest, PublicTriageAnswersAndWritesTheTextNowhere) {
  const std::string text = "Anatole Brouillac-Tessier, 8h47 : je n'arrive plus à respirer";
  auto c = Client(public_token_);
  auto res = c.Post("/v1/triage", json({{"text", text}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["level"], "emergency");
  EXPECT_EQ(body["call"], "15");
  EXPECT_EQ(body["stored"], false);
  for (const char* field : {"message", "disclaimer", "privacy"}) {
    EXPECT_FALSE(body[field].get<std::string>().empty()) << field;
  }
  ASSERT_EQ(body["red_flags"].size(), 1u);
  EXPECT_EQ(body["red_flags"][0]["id"], "breathing_difficulty");
  EXPECT_EQ(body["red_flags"][0]["text_span"].size(), 2u);
  EXPECT_FALSE(body["red_flags"][0]["source"].get<std::string>().empty());
  auto urgent = c.Post("/v1/triage", R"({"text": "Je me suis fait mordre par un chien"})",
                       "application/json");
  ASSERT_TRUE(urgent);
  EXPECT_EQ(json::parse(urgent->body)["call"], "116117");
  auto empty = c.Post("/v1/triage", R"({"text": ""})", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_EQ(json::parse(empty->body)["error"]["code"], "missing_input");
  std::this_thread::sleep_for(milliseconds(200));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* part : {"Brouillac", "Anatole", "8h47", "respirer", "mordre"}) {
      EXPECT_EQ(content.find(part), std::string::npos) << part << " in " << entry.path();
    }
  }
}

// Runs last (gtest runs tests in declaration order): SIGTERM stops cleanly.
TEST_F(ServerE2eTest, ZzSigtermStopsCleanly) {
  server_->Signal(SIGTERM);
  std::optional<int> code = server_->Wait(milliseconds(10000));
  ASSERT_TRUE(code.has_value()) << "server still running 10 s after SIGTERM";
  EXPECT_EQ(*code, 0);
}

}  // namespace
}  // namespace vigie
