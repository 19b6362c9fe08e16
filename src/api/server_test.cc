// In-process tests of the HTTP server over real loopback sockets.
#include "vigie/api/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <thread>

namespace vigie::api {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(router_
                    .Add({"GET", "/slow", Role::kPublic, "slow", "Slow", "test", nullptr, nullptr,
                          "application/json",
                          [](const HttpRequest&) -> Result<HttpResponse> {
                            std::this_thread::sleep_for(std::chrono::milliseconds(400));
                            return HttpResponse::Json({{"done", true}});
                          }})
                    .ok());
    options_.port = 0;
    options_.threads = 2;
    server_ =
        std::make_unique<Server>(options_, router_, metrics_, *env_, [this](std::string_view line) {
          std::lock_guard lock(mu_);
          log_ += std::string(line) + "\n";
        });
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  std::unique_ptr<Env> env_ = NewPosixEnv();
  LocalDevAuthenticator auth_{Role::kClinician};
  Router router_{auth_};
  Metrics metrics_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_;
  std::mutex mu_;
  std::string log_;
};

TEST_F(ServerTest, StopLetsInFlightRequestsFinish) {
  httplib::Client client("127.0.0.1", server_->port());
  auto pending = std::async(std::launch::async, [&] { return client.Get("/slow"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // request is now in the handler
  server_->Stop();
  thread_.join();
  auto res = pending.get();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["done"], true);
  EXPECT_TRUE(run_status_.ok());
}

TEST_F(ServerTest, AccessLogHasNoQueryStringAndCarriesRequestId) {
  httplib::Client client("127.0.0.1", server_->port());
  auto res = client.Get("/missing?nir=1840312345678");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  std::string id = res->get_header_value("X-Request-Id");
  EXPECT_FALSE(id.empty());
  server_->Stop();
  thread_.join();
  std::lock_guard lock(mu_);
  EXPECT_EQ(log_.find("1840312345678"), std::string::npos);
  EXPECT_EQ(log_.find("/missing"), std::string::npos);  // unmatched paths are not logged
  json line = json::parse(log_.substr(0, log_.find('\n')));
  EXPECT_EQ(line["request_id"], id);
  EXPECT_EQ(line["status"], 404);
  EXPECT_EQ(line["route"], "unmatched");
}

}  // namespace
}  // namespace vigie::api
