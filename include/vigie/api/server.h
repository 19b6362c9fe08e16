// The HTTP/1.1 server (cpp-httplib, thread pool) in front of a Router.
// Applies the body limit and timeouts, assigns request ids, writes the JSON
// access log (never bodies or query strings), records metrics, and shuts down
// gracefully: Stop() lets in-flight requests finish. Thread-safety: Start/Run
// from one thread; Stop from any thread (e.g. a signal watcher).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "vigie/api/metrics.h"
#include "vigie/api/router.h"
#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  int threads = 8;
  size_t max_body_bytes = 1 << 20;
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  Lang default_lang = Lang::kFr;
  std::string static_dir;  // web UI files served at "/" (empty: none)
  // TLS (OpenSSL) when both are given: PEM certificate (chain) and private
  // key. Without them the server speaks plain HTTP, on loopback only.
  std::string tls_cert_file;
  std::string tls_key_file;
};

using LogWriter = std::function<void(std::string_view line)>;

class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics, Env& env,
         LogWriter access_log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; kIoError if the address is in use or not allowed.
  // TLS: kTlsFileUnreadable (missing or unreadable file, or only one of the
  // two given), kTlsInvalid (OpenSSL rejects them); plain HTTP on a
  // non-loopback host: kPlainHttpNotLoopback. Nothing is bound on error.
  Status Bind();
  bool tls() const;
  int port() const;
  // Serves until Stop(); returns after in-flight requests have finished.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::api
