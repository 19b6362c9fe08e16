// Privacy end-to-end (issue 7, sections 4 and 5): the real `vigie serve`,
// run under strace, receives requests full of synthetic identities on every
// route of its OpenAPI document (valid, malformed, unauthenticated, wrong
// role, identities in the path and query), then:
//  - no identity appears in the access log, the audit log, the server's
//    stdout/stderr, /metrics, any error response, or any file Vigie wrote;
//  - no socket call of the server or of the CLI flows (deid, audit verify,
//    tokens, keys rotate) went anywhere but loopback or local sockets.
// Also: `vigie serve` over HTTPS with a self-signed certificate made here.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "outbound.h"
#include "process.h"
#include "testing/self_signed.h"

namespace vigie {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
namespace fs = std::filesystem;

constexpr const char* kStrace = "/usr/bin/strace";
// Synthetic identities (invented; the NIR has a valid key, the IBAN is FR's
// documentation example). Searched case-insensitively.
const std::vector<std::string> kSecrets = {"Quenouillard",
                                           "Zéphyrine",
                                           "0612345678",
                                           "06 12 34 56 78",
                                           "261037511223344",
                                           "8812345671",
                                           "quenouillard@exemple.fr",
                                           "FR7630006000011234567890189"};
const std::string kNote =
    "Mme Zéphyrine QUENOUILLARD, née le 12/03/1961, tél 06 12 34 56 78 (0612345678), NIR "
    "261037511223344, IPP 8812345671, mail zephyrine.quenouillard@exemple.fr, IBAN "
    "FR7630006000011234567890189.";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The secrets found in `text` (empty: none).
std::vector<std::string> Leaks(const std::string& text) {
  std::vector<std::string> found;
  std::string low = Lower(text);
  for (const std::string& s : kSecrets) {
    if (low.find(Lower(s)) != std::string::npos) found.push_back(s);
  }
  return found;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A body that puts the identities in every field name the routes use.
json IdentityBody() {
  json patient = {{"name", "Quenouillard"},
                  {"age_years", 47},
                  {"sex", "F"},
                  {"conditions", {kNote}},
                  {"allergies", {kNote}}};
  return {{"text", kNote},
          {"note", kNote},
          {"question", kNote},
          {"query", kNote},
          {"q", kNote},
          {"names", {"Quenouillard", "Zéphyrine"}},
          {"patient", patient},
          {"lines", {{{"text", kNote}}}},
          {"context", {{"patientId", "8812345671"}, {"userId", kNote}}},
          {"prefetch", {{"patient", {{"name", kNote}}}}},
          {"hookInstance", kNote},
          {"inputs", {{"age", kNote}}}};
}

class PrivacyE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* bin = std::getenv("VIGIE_BIN");
    ASSERT_NE(bin, nullptr) << "VIGIE_BIN is set by CTest";
    bin_ = bin;
    ASSERT_TRUE(fs::exists(kStrace)) << "strace missing: run scripts/install-deps";
    // Under the asan preset, LeakSanitizer's exit check attaches to the
    // process's threads with ptrace, which a process already traced by
    // strace cannot allow: leaks are checked by the other end-to-end tests.
    std::string asan = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
    ::setenv("ASAN_OPTIONS", (asan + (asan.empty() ? "" : ":") + "detect_leaks=0").c_str(), 1);
    dir_ = fs::temp_directory_path() / ("vigie_privacy_e2e_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    ::setenv("VIGIE_TOKENS_FILE", (dir_ / "tokens.json").c_str(), 1);
    ::setenv("VIGIE_MASTER_KEY_FILE", (dir_ / "master.key").c_str(), 1);
    ::setenv("VIGIE_KEYS_DIR", (dir_ / "keys").c_str(), 1);
    ::setenv("VIGIE_AUDIT_LOG", (dir_ / "audit.jsonl").c_str(), 1);
    ::setenv("VIGIE_DB", (dir_ / "vigie.db").c_str(), 1);
    ::setenv("VIGIE_EVIDENCE_INDEX", (dir_ / "evidence").c_str(), 1);
    clinician_ = Token("clinician");
    public_ = Token("public");
    admin_ = Token("admin");
    ASSERT_FALSE(clinician_.empty());
    std::string cmd = "exec " + std::string(kStrace) + " -f -qq -e signal=none " +
                      "-e trace=connect,bind,sendto,sendmsg,sendmmsg,accept,accept4 -o " +
                      (dir_ / "trace.serve").string() + " " + bin_ +
                      " serve --port 0 --json --access-log " + (dir_ / "access.jsonl").string() +
                      " 2>" + (dir_ / "stderr.txt").string();
    auto child = testing::ChildProcess::Start({"/bin/sh", "-c", cmd});
    ASSERT_TRUE(child.has_value());
    server_ = new testing::ChildProcess(std::move(*child));
    std::string doc;
    while (doc.find('}') == std::string::npos) {
      auto line = server_->ReadLine(milliseconds(20000));
      ASSERT_TRUE(line.has_value())
          << "the server printed no URL: " << ReadAll(dir_ / "stderr.txt");
      doc += *line;
    }
    stdout_ = doc;
    std::string url = json::parse(doc)["url"];
    port_ = std::stoi(url.substr(url.rfind(':') + 1));
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    fs::remove_all(dir_);
  }

  // Runs `vigie ARGS` under strace (trace file dir_/trace.NAME); its stdout.
  static std::string Cli(const std::string& name, std::vector<std::string> args, int* code) {
    std::vector<std::string> argv = {kStrace,
                                     "-f",
                                     "-qq",
                                     "-e",
                                     "signal=none",
                                     "-e",
                                     "trace=connect,bind,sendto,sendmsg,sendmmsg",
                                     "-o",
                                     (dir_ / ("trace." + name)).string(),
                                     bin_};
    argv.insert(argv.end(), args.begin(), args.end());
    auto child = testing::ChildProcess::Start(argv);
    if (!child) return "";
    std::string out;
    while (auto line = child->ReadLine(milliseconds(20000))) out += *line + "\n";
    *code = child->Wait(milliseconds(20000)).value_or(-1);
    return out;
  }

  static std::string Token(const std::string& role) {
    int code = -1;
    json j =
        json::parse(Cli("token_" + role, {"tokens", "create", "--role", role, "--json"}, &code),
                    nullptr, false);
    return j.is_object() ? j.value("token", "") : "";
  }

  static httplib::Client Client(const std::string& token) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    if (!token.empty()) c.set_bearer_token_auth(token);
    return c;
  }

  // Records an error response that names an identity.
  static void CheckResponse(const std::string& what, const httplib::Result& res) {
    ASSERT_TRUE(res) << what;
    EXPECT_NE(res->status, 500) << what << ": " << res->body;
    ++responses_;
    if (res->status >= 400) {
      for (const std::string& s : Leaks(res->body)) ADD_FAILURE() << what << " echoes " << s;
    }
  }

  // The server's pid is the child of strace (the shell exec'd strace).
  static pid_t ServerPid() {
    std::string children = ReadAll("/proc/" + std::to_string(server_->pid()) + "/task/" +
                                   std::to_string(server_->pid()) + "/children");
    return children.empty() ? -1 : std::stoi(children);
  }

  static inline std::string bin_;
  static inline testing::ChildProcess* server_ = nullptr;
  static inline int port_ = 0;
  static inline fs::path dir_;
  static inline std::string clinician_, public_, admin_, stdout_;
  static inline int responses_ = 0;
};

TEST_F(PrivacyE2eTest, AEveryRouteWithIdentities) {
  auto res = Client("").Get("/openapi.json");
  ASSERT_TRUE(res);
  json paths = json::parse(res->body)["paths"];
  ASSERT_GE(paths.size(), 10u);
  std::string body = IdentityBody().dump();
  std::string malformed = "{\"text\": \"" + kNote + "\", ";  // cut short
  std::string wrong_types = json::array({kNote, 12}).dump();
  for (const auto& [templ, ops] : paths.items()) {
    std::string path = templ;
    for (size_t b; (b = path.find('{')) != std::string::npos;) {
      path.replace(b, path.find('}', b) - b + 1, "Quenouillard");
    }
    for (const auto& [method, op] : ops.items()) {
      std::string what = method + " " + templ;
      std::string query = path + "?q=Quenouillard&nir=261037511223344";
      for (const std::string& token : {clinician_, public_, std::string(), admin_,
                                       std::string("vg_Quenouillard_0612345678")}) {
        auto c = Client(token);
        c.set_default_headers({{"Accept-Language", token == admin_ ? "en" : "fr"}});
        if (method == "get") {
          CheckResponse(what, c.Get(path));
          CheckResponse(what + " query", c.Get(query));
          continue;
        }
        for (const std::string* b : {&body, &malformed, &wrong_types}) {
          CheckResponse(what, c.Post(path, *b, "application/json"));
        }
        CheckResponse(what + " query", c.Post(query, body, "application/json"));
        CheckResponse(what + " text/plain", c.Post(path, kNote, "text/plain"));
      }
    }
  }
  // The de-identifier itself: the answer carries no identity.
  auto deid = Client(clinician_)
                  .Post("/v1/deid", json{{"text", kNote}, {"names", {"Quenouillard"}}}.dump(),
                        "application/json");
  ASSERT_TRUE(deid);
  ASSERT_EQ(deid->status, 200) << deid->body;
  EXPECT_EQ(Leaks(json::parse(deid->body)["text"].get<std::string>()), std::vector<std::string>{});
  auto metrics = Client(admin_).Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(Leaks(metrics->body), std::vector<std::string>{});
  EXPECT_GT(responses_, 100);
}

// Runs after the requests (declaration order): the CLI flows, then the stop.
TEST_F(PrivacyE2eTest, BCliFlowsAndStop) {
  std::ofstream(dir_ / "note.txt") << kNote << "\n";
  int code = -1;
  std::string out = Cli("deid", {"deid", "--json", (dir_ / "note.txt").string()}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(Leaks(out), std::vector<std::string>{});
  out = Cli("tokens", {"tokens", "list", "--json"}, &code);
  EXPECT_EQ(code, 0) << out;
  pid_t vigie = ServerPid();
  ASSERT_GT(vigie, 0);
  ::kill(vigie, SIGTERM);
  ASSERT_TRUE(server_->Wait(milliseconds(20000)).has_value()) << "server did not stop";
  out = Cli("verify", {"audit", "verify", "--json"}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(json::parse(out, nullptr, false).value("head_authenticated", false)) << out;
  out = Cli("rotate", {"keys", "rotate", "--json"}, &code);
  EXPECT_EQ(code, 0) << out;
}

TEST_F(PrivacyE2eTest, CNoIdentityInAnyLogOrFile) {
  EXPECT_EQ(Leaks(stdout_), std::vector<std::string>{});
  std::string access = ReadAll(dir_ / "access.jsonl");
  EXPECT_GT(std::count(access.begin(), access.end(), '\n'), responses_ / 2);
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    std::string name = entry.path().filename().string();
    // The test's own input and strace's logs are not files Vigie wrote.
    if (!entry.is_regular_file() || name == "note.txt" || name.starts_with("trace.")) continue;
    ++files;
    for (const std::string& s : Leaks(ReadAll(entry.path()))) {
      ADD_FAILURE() << s << " in " << entry.path().filename();
    }
  }
  EXPECT_GE(files, 6u);  // access log, stderr, audit log and head, keys, tokens
}

TEST_F(PrivacyE2eTest, DNoOutboundConnection) {
  size_t calls = 0;
  for (const std::string name : {"serve", "deid", "tokens", "verify", "rotate", "token_admin"}) {
    // strace writes its log even when the program made no socket call.
    ASSERT_TRUE(fs::exists(dir_ / ("trace." + name))) << "no strace log for " << name;
    std::string log = ReadAll(dir_ / ("trace." + name));
    testing::OutboundReport r = testing::ScanStraceLog(log);
    calls += r.socket_calls;
    for (const std::string& line : r.outbound) ADD_FAILURE() << name << ": " << line;
  }
  // The listener's bind and the accepts were seen: the trace did observe sockets.
  EXPECT_GT(calls, 0u);
  std::string serve = ReadAll(dir_ / "trace.serve");
  EXPECT_NE(serve.find("inet_addr(\"127.0.0.1\")"), std::string::npos);
  EXPECT_NE(serve.find("accept"), std::string::npos);
}

TEST(OutboundScan, TellsLoopbackFromTheOutside) {
  using testing::IsOutbound;
  EXPECT_FALSE(IsOutbound(R"(12 bind(3, {sa_family=AF_INET, sin_port=htons(0), )"
                          R"(sin_addr=inet_addr("127.0.0.1")}, 16) = 0)"));
  EXPECT_FALSE(IsOutbound(R"(12 connect(4, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0)"));
  EXPECT_FALSE(IsOutbound(R"(12 connect(4, {sa_family=AF_INET6, sin6_port=htons(80), )"
                          R"(inet_pton(AF_INET6, "::1", &sin6_addr)}, 28) = 0)"));
  EXPECT_FALSE(IsOutbound(R"(12 sendto(5, "x", 1, MSG_NOSIGNAL, NULL, 0) = 1)"));
  EXPECT_TRUE(IsOutbound(R"(12 connect(4, {sa_family=AF_INET, sin_port=htons(53), )"
                         R"(sin_addr=inet_addr("192.0.2.1")}, 16) = -1 ENETUNREACH)"));
  EXPECT_TRUE(IsOutbound(R"(12 sendto(4, "q", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), )"
                         R"(inet_pton(AF_INET6, "2001:db8::1", &sin6_addr)}, 28) = 1)"));
  EXPECT_TRUE(IsOutbound(R"(12 bind(3, {sa_family=AF_INET, sin_port=htons(8080), )"
                         R"(sin_addr=inet_addr("0.0.0.0")}, 16) = 0)"));
  EXPECT_EQ(testing::ScanStraceLog("a\n12 connect(4, {sa_family=AF_INET, "
                                   "sin_addr=inet_addr(\"10.0.0.1\")}, 16) = 0\n")
                .outbound.size(),
            1u);
}

// `vigie serve` with an admin-given certificate speaks HTTPS only; without
// readable files it stops with a clear error.
TEST(ServeTls, HttpsWithASelfSignedCertificate) {
  const char* bin_env = std::getenv("VIGIE_BIN");
  ASSERT_NE(bin_env, nullptr) << "VIGIE_BIN is set by CTest";
  std::string bin = bin_env;
  fs::path dir = fs::temp_directory_path() / ("vigie_tls_e2e_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string cert = (dir / "c.pem").string(), key = (dir / "k.pem").string();
  ASSERT_TRUE(testing::WriteSelfSignedCert(cert, key));
  ::setenv("VIGIE_AUDIT_LOG", (dir / "audit.jsonl").c_str(), 1);
  ::setenv("VIGIE_KEYS_DIR", (dir / "keys").c_str(), 1);
  ::setenv("VIGIE_MASTER_KEY_FILE", (dir / "master.key").c_str(), 1);
  ::setenv("VIGIE_TOKENS_FILE", (dir / "tokens.json").c_str(), 1);
  ::setenv("VIGIE_DB", (dir / "vigie.db").c_str(), 1);
  ::setenv("VIGIE_EVIDENCE_INDEX", (dir / "evidence").c_str(), 1);
  auto child = testing::ChildProcess::Start({bin, "serve", "--port", "0", "--json", "--tls-cert",
                                             cert, "--tls-key", key, "--access-log", "off"});
  ASSERT_TRUE(child.has_value());
  std::string doc;
  while (doc.find('}') == std::string::npos) {
    auto line = child->ReadLine(milliseconds(20000));
    ASSERT_TRUE(line.has_value());
    doc += *line;
  }
  std::string url = json::parse(doc)["url"];
  EXPECT_TRUE(url.starts_with("https://")) << url;
  httplib::SSLClient client("127.0.0.1", std::stoi(url.substr(url.rfind(':') + 1)));
  client.set_ca_cert_path(cert.c_str());
  client.enable_server_certificate_verification(true);
  auto res = client.Get("/healthz");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  child->Signal(SIGTERM);
  EXPECT_EQ(child->Wait(milliseconds(20000)).value_or(-1), 0);

  auto bad = testing::ChildProcess::Start({"/bin/sh", "-c",
                                           "exec " + bin + " serve --port 0 --tls-cert " +
                                               (dir / "absent.pem").string() + " --tls-key " + key +
                                               " 2>&1"});
  ASSERT_TRUE(bad.has_value());
  std::string said;
  while (auto line = bad->ReadLine(milliseconds(20000))) said += *line;
  EXPECT_EQ(bad->Wait(milliseconds(20000)).value_or(-1), 3);
  EXPECT_NE(said.find("absent.pem"), std::string::npos) << said;
  EXPECT_NE(said.find("server.tls_cert"), std::string::npos) << said;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigie
