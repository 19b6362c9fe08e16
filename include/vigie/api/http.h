// Transport-neutral HTTP request/response types used by routes and handlers,
// so handlers and the router are testable in-process without sockets.
// Thread-safety: plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"

namespace vigie::api {

// Roles, ordered: a route declaring kClinician is open to kClinician and kAdmin.
enum class Role { kPublic = 0, kClinician = 1, kAdmin = 2 };
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct Principal {
  std::string id;  // pseudonymous account id, never a name
  Role role = Role::kPublic;
  bool anonymous = false;  // no credential given: protected routes answer 401, not 403
};

struct HttpRequest {
  std::string method;                              // "GET", "POST"...
  std::string path;                                // without the query string
  std::map<std::string, std::string> path_params;  // from "{name}" segments
  std::map<std::string, std::string> headers;      // keys lower-case
  std::map<std::string, std::string> query;
  std::string body;
  std::string request_id;
  Lang lang = Lang::kFr;
  Principal principal;
  std::string matched_route;  // set by Router::Dispatch: the pattern, e.g. "/v1/calc/{id}"

  // Header value or "" (name in any case).
  std::string Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static HttpResponse Json(const nlohmann::json& body, int status = 200);
  static HttpResponse Text(std::string body, std::string content_type, int status = 200);
};

// The one place where a Status becomes an HTTP error:
// {"error": {"code": "...", "message": "...", "request_id": "..."}}.
HttpResponse ErrorResponse(const Status& status, Lang lang, std::string_view request_id);

// Parses a JSON request body. Wrong Content-Type gives kUnsupportedMediaType,
// an empty or malformed body kMalformedJson with the byte position.
Result<nlohmann::json> ParseJsonBody(const HttpRequest& request);

// Schema of the error body (for the OpenAPI document).
nlohmann::json ErrorSchema();

}  // namespace vigie::api
