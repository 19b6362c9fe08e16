// TLS of the HTTP server: HTTPS with an admin-given certificate and key
// (a self-signed one made by the test), clear errors when the files are
// missing, unreadable or rejected, and plain HTTP refused off loopback.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "testing/self_signed.h"
#include "vigie/api/server.h"

namespace vigie::api {
namespace {

namespace fs = std::filesystem;

class ServerTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("vigie_tls_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    ASSERT_TRUE(vigie::testing::WriteSelfSignedCert(cert_, key_));
    ASSERT_TRUE(router_
                    .Add({"GET", "/ping", Role::kPublic, "ping", "Ping", "test", nullptr, nullptr,
                          "application/json",
                          [](const HttpRequest&) -> Result<HttpResponse> {
                            return HttpResponse::Json({{"pong", true}});
                          }})
                    .ok());
    options_.port = 0;
    options_.threads = 2;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Bind() status of a server with these TLS files and host.
  Status BindWith(const std::string& cert, const std::string& key,
                  const std::string& host = "127.0.0.1") {
    ServerOptions o = options_;
    o.tls_cert_file = cert;
    o.tls_key_file = key;
    o.host = host;
    Server server(o, router_, metrics_, *env_, nullptr);
    return server.Bind();
  }

  void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

  std::unique_ptr<Env> env_ = NewPosixEnv();
  LocalDevAuthenticator auth_{Role::kClinician};
  Router router_{auth_};
  Metrics metrics_;
  ServerOptions options_;
  fs::path dir_;
  std::string cert_, key_;
};

TEST_F(ServerTlsTest, ServesHttpsWithTheGivenCertificate) {
  options_.tls_cert_file = cert_;
  options_.tls_key_file = key_;
  Server server(options_, router_, metrics_, *env_, nullptr);
  ASSERT_TRUE(server.Bind().ok());
  EXPECT_TRUE(server.tls());
  std::thread run([&] { (void)server.Run(); });
  {
    // The client trusts only the test's certificate and checks the host name.
    httplib::SSLClient client("127.0.0.1", server.port());
    client.set_ca_cert_path(cert_.c_str());
    client.enable_server_certificate_verification(true);
    client.set_read_timeout(10, 0);
    auto res = client.Get("/ping");
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("pong"), std::string::npos);
    // Plain HTTP to the TLS port gets no HTTP answer.
    httplib::Client plain("127.0.0.1", server.port());
    plain.set_read_timeout(2, 0);
    auto clear = plain.Get("/ping");
    EXPECT_TRUE(!clear || clear->status != 200);
  }
  server.Stop();
  run.join();
}

TEST_F(ServerTlsTest, MissingFilesAreNamed) {
  Status no_cert = BindWith((dir_ / "absent.pem").string(), key_);
  EXPECT_EQ(no_cert.code(), ErrorCode::kTlsFileUnreadable);
  EXPECT_NE(no_cert.Message(Lang::kEn).find("absent.pem"), std::string::npos);
  EXPECT_NE(no_cert.Message(Lang::kFr).find("server.tls_cert"), std::string::npos);
  Status no_key = BindWith(cert_, (dir_ / "nokey.pem").string());
  EXPECT_EQ(no_key.code(), ErrorCode::kTlsFileUnreadable);
  EXPECT_NE(no_key.Message(Lang::kEn).find("server.tls_key"), std::string::npos);
  EXPECT_EQ(BindWith(cert_, "").code(), ErrorCode::kTlsFileUnreadable);
  EXPECT_EQ(BindWith("", key_).code(), ErrorCode::kTlsFileUnreadable);
  EXPECT_EQ(BindWith(dir_.string(), key_).code(), ErrorCode::kTlsFileUnreadable);  // a folder
  Write((dir_ / "empty.pem").string(), "");
  EXPECT_EQ(BindWith((dir_ / "empty.pem").string(), key_).code(), ErrorCode::kTlsFileUnreadable);
}

TEST_F(ServerTlsTest, RejectedPemOrMismatchedKeyIsAClearError) {
  Write((dir_ / "junk.pem").string(), "not a certificate\n");
  Status junk = BindWith((dir_ / "junk.pem").string(), key_);
  EXPECT_EQ(junk.code(), ErrorCode::kTlsInvalid);
  EXPECT_NE(junk.Message(Lang::kEn).find("junk.pem"), std::string::npos);
  std::string other_cert = (dir_ / "other_cert.pem").string();
  std::string other_key = (dir_ / "other_key.pem").string();
  ASSERT_TRUE(vigie::testing::WriteSelfSignedCert(other_cert, other_key));
  EXPECT_EQ(BindWith(cert_, other_key).code(), ErrorCode::kTlsInvalid);
  EXPECT_TRUE(BindWith(other_cert, other_key).ok());
}

TEST_F(ServerTlsTest, PlainHttpOnlyOnLoopback) {
  EXPECT_EQ(BindWith("", "", "0.0.0.0").code(), ErrorCode::kPlainHttpNotLoopback);
  EXPECT_TRUE(BindWith("", "", "127.0.0.1").ok());
  EXPECT_TRUE(BindWith(cert_, key_, "127.0.0.1").ok());
}

}  // namespace
}  // namespace vigie::api
