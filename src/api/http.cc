// Request/response helpers and the single Status -> JSON error conversion.
// Thread-safety: pure functions.
#include "vigie/api/http.h"

#include <algorithm>
#include <cctype>

namespace vigie::api {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPublic:
      return "public";
    case Role::kClinician:
      return "clinician";
    case Role::kAdmin:
      return "admin";
  }
  return "public";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "public") return Role::kPublic;
  if (name == "clinician") return Role::kClinician;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::string HttpRequest::Header(std::string_view name) const {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = headers.find(key);
  return it == headers.end() ? "" : it->second;
}

HttpResponse HttpResponse::Json(const nlohmann::json& body, int status) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

HttpResponse HttpResponse::Text(std::string body, std::string content_type, int status) {
  HttpResponse r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

HttpResponse ErrorResponse(const Status& status, Lang lang, std::string_view request_id) {
  nlohmann::json error = {{"code", status.wire_code()}, {"message", status.Message(lang)}};
  if (!request_id.empty()) error["request_id"] = request_id;
  return HttpResponse::Json({{"error", error}}, status.http_status());
}

Result<nlohmann::json> ParseJsonBody(const HttpRequest& request) {
  std::string type = request.Header("content-type");
  std::string_view base = std::string_view(type).substr(0, type.find(';'));
  if (!base.empty() && base != "application/json" && base != "application/fhir+json") {
    return Status::Error(ErrorCode::kUnsupportedMediaType, {std::string(base)});
  }
  if (request.body.empty()) {
    return Status::Error(ErrorCode::kMalformedJson, {"corps vide / empty body"});
  }
  nlohmann::json j = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Locate the error without echoing the body (it may hold clinical text).
    try {
      nlohmann::json again = nlohmann::json::parse(request.body);
      (void)again;
    } catch (const nlohmann::json::parse_error& e) {
      return Status::Error(ErrorCode::kMalformedJson, {"octet / byte " + std::to_string(e.byte)});
    }
    return Status::Error(ErrorCode::kMalformedJson, {"?"});
  }
  return j;
}

nlohmann::json ErrorSchema() {
  return {
      {"type", "object"},
      {"required", {"error"}},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", {"code", "message"}},
          {"properties",
           {{"code", {{"type", "string"}, {"description", "Stable error code"}}},
            {"message", {{"type", "string"}, {"description", "Message in the request's language"}}},
            {"request_id", {{"type", "string"}}}}}}}}}};
}

}  // namespace vigie::api
