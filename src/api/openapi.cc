// OpenAPI 3.1 generation from the route table. Thread-safety: pure function.
#include "vigie/api/openapi.h"

#include <set>

namespace vigie::api {
namespace {

using nlohmann::json;

json ErrorResponseRef(const std::string& description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json Operation(const Route& route) {
  json op = {{"operationId", route.operation_id},
             {"summary", route.summary},
             {"tags", json::array({route.tag})},
             {"x-vigie-role", RoleName(route.role)}};
  json params = json::array();
  for (const std::string& segment : SplitPath(route.path)) {
    if (segment.size() > 2 && segment.front() == '{') {
      params.push_back({{"name", segment.substr(1, segment.size() - 2)},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", "string"}}}});
    }
  }
  if (!params.empty()) op["parameters"] = params;
  if (!route.request_schema.is_null()) {
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", route.request_schema}}}}}};
  }
  json ok_schema =
      route.response_schema.is_null() ? json{{"type", "object"}} : route.response_schema;
  json responses = {{"200",
                     {{"description", "OK"},
                      {"content", {{route.response_content_type, {{"schema", ok_schema}}}}}}}};
  if (!route.request_schema.is_null()) {
    responses["400"] = ErrorResponseRef("Invalid input (message in the request's language)");
    responses["413"] = ErrorResponseRef("Request body too large");
    responses["415"] = ErrorResponseRef("Unsupported content type");
  }
  if (route.role != Role::kPublic) {
    responses["401"] = ErrorResponseRef("Authentication required");
    responses["403"] = ErrorResponseRef("Role not allowed");
  }
  responses["404"] = ErrorResponseRef("Not found");
  responses["500"] = ErrorResponseRef("Internal error");
  op["responses"] = responses;
  // Local-development authentication: no credential is read (see auth.h); the
  // privacy issue adds the real schemes here.
  op["security"] = json::array();
  return op;
}

}  // namespace

json BuildOpenApi(const Router& router, const std::string& version) {
  json paths = json::object();
  std::set<std::string> tags;
  for (const Route& route : router.routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(c - 'A' + 'a');
    paths[route.path][method] = Operation(route);
    tags.insert(route.tag);
  }
  json tag_list = json::array();
  for (const std::string& tag : tags) {
    tag_list.push_back({{"name", tag}, {"description", "Vigie " + tag + " endpoints"}});
  }
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Vigie API"},
        {"version", version},
        {"summary", "Sovereign clinical decision support, French-first"},
        {"description",
         "Every clinical statement cites its official source. Errors are "
         "{\"error\": {\"code\", \"message\"}} with messages in French unless the request "
         "sends Accept-Language: en. Clinical inputs travel in POST bodies, never in URLs."},
        {"license", {{"name", "Proprietary"}, {"identifier", "LicenseRef-Vigie"}}}}},
      {"servers",
       json::array({{{"url", "http://127.0.0.1:8080"}, {"description", "Local server"}}})},
      {"tags", tag_list},
      {"paths", paths},
      {"components", {{"schemas", {{"Error", ErrorSchema()}}}}},
  };
}

}  // namespace vigie::api
