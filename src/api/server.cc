// cpp-httplib adapter for the Router (see server.h). Every request goes
// through one catch-all handler per method so that routing, 404 and 405 stay
// in the Router; httplib keeps the socket work, limits and the thread pool.
// Thread-safety: httplib runs handlers on its pool; per-request state lives in
// a thread_local scope because one request is served by one worker thread.
#include "vigie/api/server.h"

#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <random>

#include <nlohmann/json.hpp>

namespace vigie::api {
namespace {

// Requests served on one keep-alive connection before the server closes it.
constexpr size_t kKeepAliveMaxRequests = 1000;

struct RequestScope {
  int64_t start_ns = 0;
  std::string request_id;
  std::string route;
};
thread_local RequestScope t_scope;

Lang LangOf(const httplib::Request& req, Lang fallback) {
  std::string accept = req.get_header_value("Accept-Language");
  if (accept.empty()) return fallback;
  return LangFromLocale(accept);
}

Status StatusForHttpCode(int code, size_t max_body) {
  switch (code) {
    case 413:
      return Status::Error(ErrorCode::kPayloadTooLarge, {std::to_string(max_body)});
    case 404:
      return Status::Error(ErrorCode::kRouteNotFound, {"?"});
    case 408:
      return Status::Error(ErrorCode::kInvalidArgument, {"timeout"});
    default:
      return Status::Error(code >= 500 ? ErrorCode::kInternal : ErrorCode::kInvalidArgument,
                           {"HTTP " + std::to_string(code)});
  }
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

// The plain or TLS httplib server. A TLS setup problem is kept in *error and
// reported by Bind() (the constructor cannot fail); the server returned then
// is a plain one that is never bound.
std::unique_ptr<httplib::Server> MakeHttp(const ServerOptions& o, Env& env, Status* error) {
  if (o.tls_cert_file.empty() && o.tls_key_file.empty()) {
    if (!IsLoopback(o.host)) *error = Status::Error(ErrorCode::kPlainHttpNotLoopback, {o.host});
    return std::make_unique<httplib::Server>();
  }
  const std::pair<const char*, const std::string*> files[] = {{"server.tls_cert", &o.tls_cert_file},
                                                              {"server.tls_key", &o.tls_key_file}};
  for (const auto& [key, path] : files) {
    if (path->empty()) {
      *error = Status::Error(ErrorCode::kTlsFileUnreadable, {key, "non donné / not given"});
      return std::make_unique<httplib::Server>();
    }
    // Read once through Env so that a missing or unreadable file gets a clear
    // message instead of OpenSSL's silent refusal.
    Result<std::string> content = env.ReadFile(*path);
    if (!content.ok() || content->empty()) {
      *error = Status::Error(ErrorCode::kTlsFileUnreadable,
                             {key, *path + (content.ok() ? " (vide / empty)" : "")});
      return std::make_unique<httplib::Server>();
    }
  }
  auto tls = std::make_unique<httplib::SSLServer>(o.tls_cert_file.c_str(), o.tls_key_file.c_str());
  if (!tls->is_valid()) {
    *error = Status::Error(ErrorCode::kTlsInvalid, {o.tls_cert_file, o.tls_key_file});
    return std::make_unique<httplib::Server>();
  }
  return tls;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  Metrics& metrics;
  Env& env;
  LogWriter access_log;
  Status setup_error;
  std::unique_ptr<httplib::Server> http_owner;
  httplib::Server& http;
  bool tls = false;
  int bound_port = -1;
  std::string id_prefix;
  std::atomic<uint64_t> next_id{1};
  std::atomic<bool> stop_requested{false};

  Impl(ServerOptions o, const Router& r, Metrics& m, Env& e, LogWriter log)
      : options(std::move(o)),
        router(r),
        metrics(m),
        env(e),
        access_log(std::move(log)),
        http_owner(MakeHttp(options, env, &setup_error)),
        http(*http_owner) {
    tls = setup_error.ok() && !options.tls_cert_file.empty();
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", rd());
    id_prefix = buf;
  }

  std::string NewRequestId() { return id_prefix + "-" + std::to_string(next_id++); }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [key, value] : req.headers) {
      std::string lower = key;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers[lower] = value;
    }
    for (const auto& [key, value] : req.params) request.query[key] = value;
    request.body = req.body;
    if (t_scope.request_id.empty()) t_scope.request_id = NewRequestId();
    request.request_id = t_scope.request_id;
    request.lang = LangOf(req, options.default_lang);
    HttpResponse response = router.Dispatch(request);
    t_scope.route = request.matched_route.empty() ? "unmatched" : request.matched_route;
    res.status = response.status;
    res.set_header("X-Request-Id", request.request_id);
    for (const auto& [key, value] : response.headers) res.set_header(key, value);
    res.set_content(response.body, response.content_type);
  }

  void OnError(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a Router response, already JSON
    HttpResponse error = ErrorResponse(StatusForHttpCode(res.status, options.max_body_bytes),
                                       LangOf(req, options.default_lang), t_scope.request_id);
    if (!t_scope.request_id.empty()) res.set_header("X-Request-Id", t_scope.request_id);
    res.set_content(error.body, error.content_type);
  }

  // Called by httplib after every response: access log and metrics, once.
  void OnLogged(const httplib::Request& req, const httplib::Response& res) {
    int64_t now = env.MonotonicNanos();
    double seconds = t_scope.start_ns > 0 ? static_cast<double>(now - t_scope.start_ns) / 1e9 : 0.0;
    std::string route = t_scope.route.empty() ? "unrouted" : t_scope.route;
    std::string id = t_scope.request_id.empty() ? NewRequestId() : t_scope.request_id;
    metrics.Record(req.method, route, res.status, seconds);
    if (access_log) {
      // Never the body, the query string or the concrete path of a matched route.
      nlohmann::json line = {{"ts_us", env.NowMicros()}, {"request_id", id},
                             {"method", req.method},     {"route", route},
                             {"status", res.status},     {"duration_ms", seconds * 1000.0}};
      access_log(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    t_scope = RequestScope{};
  }
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics, Env& env,
               LogWriter access_log)
    : impl_(
          std::make_unique<Impl>(std::move(options), router, metrics, env, std::move(access_log))) {
  Impl* impl = impl_.get();
  httplib::Server& http = impl->http;
  const ServerOptions& o = impl->options;
  auto threads = static_cast<size_t>(o.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Responses leave at once: with Nagle's algorithm a keep-alive client's
  // next request waited for the delayed ACK (~40 ms per request, measured in
  // docs/BENCHMARKS.md "Prescription check").
  http.set_tcp_nodelay(true);
  // httplib closes a keep-alive connection after 5 requests by default: the
  // client reconnects (connect, accept, a queued task) every 5 requests. A
  // connection holds its worker thread either way (read timeout unchanged).
  http.set_keep_alive_max_count(kKeepAliveMaxRequests);
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    t_scope.start_ns = impl->env.MonotonicNanos();
    t_scope.request_id = impl->NewRequestId();
    // Without a length httplib would wait for the peer to close the connection.
    bool has_body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (has_body_method && !req.has_header("Content-Length") &&
        !req.has_header("Transfer-Encoding")) {
      HttpResponse error =
          ErrorResponse(Status::Error(ErrorCode::kLengthRequired, {}),
                        LangOf(req, impl->options.default_lang), t_scope.request_id);
      res.status = error.status;
      res.set_header("X-Request-Id", t_scope.request_id);
      res.set_header("Connection", "close");
      res.set_content(error.body, error.content_type);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Handle(req, res);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Delete(".*", handler);
  http.Patch(".*", handler);
  http.Options(".*", handler);
  if (!o.static_dir.empty()) {
    // Static files are looked up before the API handlers (GET and HEAD only).
    http.set_mount_point("/", o.static_dir);
    http.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
      t_scope.route = "static";
      res.set_header("Cache-Control", "no-cache");
    });
  }
  http.set_error_handler(
      [impl](const httplib::Request& req, httplib::Response& res) { impl->OnError(req, res); });
  http.set_logger([impl](const httplib::Request& req, const httplib::Response& res) {
    impl->OnLogged(req, res);
  });
}

Server::~Server() { Stop(); }

Status Server::Bind() {
  if (!impl_->setup_error.ok()) return impl_->setup_error;
  const ServerOptions& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                         : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    return Status::Error(ErrorCode::kIoError, {o.host + ":" + std::to_string(o.port)});
  }
  impl_->bound_port = port;
  return Status::Ok();
}

int Server::port() const { return impl_->bound_port; }

bool Server::tls() const { return impl_->tls; }

Status Server::Run() {
  if (impl_->bound_port < 0) VIGIE_RETURN_IF_ERROR(Bind());
  if (impl_->stop_requested) return Status::Ok();
  if (!impl_->http.listen_after_bind() && !impl_->stop_requested) {
    return Status::Error(ErrorCode::kIoError, {"listen"});
  }
  return Status::Ok();
}

void Server::Stop() {
  impl_->stop_requested = true;
  impl_->http.stop();
}

}  // namespace vigie::api
