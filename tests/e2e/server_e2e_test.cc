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

  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
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

// Runs last (gtest runs tests in declaration order): SIGTERM stops cleanly.
TEST_F(ServerE2eTest, ZzSigtermStopsCleanly) {
  server_->Signal(SIGTERM);
  std::optional<int> code = server_->Wait(milliseconds(10000));
  ASSERT_TRUE(code.has_value()) << "server still running 10 s after SIGTERM";
  EXPECT_EQ(*code, 0);
}

}  // namespace
}  // namespace vigie
