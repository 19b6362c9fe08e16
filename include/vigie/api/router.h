// The route table: every HTTP endpoint is declared once as a Route (method,
// path pattern, role, summary, schemas, handler). The server, the OpenAPI
// document and the metrics all read this table. Thread-safety: build the
// table before serving; Dispatch is then safe from many threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/api/auth.h"
#include "vigie/api/http.h"
#include "vigie/core/status.h"

namespace vigie::api {

using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

struct Route {
  std::string method;  // "GET" or "POST"
  std::string path;    // "/v1/calc/{id}"
  Role role = Role::kClinician;
  std::string operation_id;        // "runCalculator"
  std::string summary;             // one line, English (OpenAPI)
  std::string tag;                 // group in the OpenAPI document
  nlohmann::json request_schema;   // null: no body
  nlohmann::json response_schema;  // schema of a 200 body
  std::string response_content_type = "application/json";
  Handler handler;
};

class Router {
 public:
  explicit Router(const Authenticator& auth) : auth_(auth) {}

  // Adds a route; a duplicate method+path or a malformed pattern is an error.
  Status Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed_methods;  // when the path exists with other methods
  };
  Match Find(const std::string& method, const std::string& path) const;

  // Full handling of one request: match, authenticate, check role, run the
  // handler, turn any error into the JSON error body. Never throws.
  HttpResponse Dispatch(HttpRequest& request) const;

 private:
  const Authenticator& auth_;
  std::vector<Route> routes_;
};

// Splits "/v1/calc/{id}" into segments; {x} segments are parameters.
std::vector<std::string> SplitPath(const std::string& path);

}  // namespace vigie::api
