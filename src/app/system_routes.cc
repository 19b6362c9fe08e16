// Foundation routes: health, readiness, metrics, OpenAPI, version.
// Thread-safety: handlers only read the App.
#include <nlohmann/json.hpp>

#include "vigie/api/openapi.h"
#include "vigie/app/app.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using api::Role;
using api::Route;
using nlohmann::json;

json ObjectSchema(json properties, json required) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

Route Healthz() {
  return {"GET",
          "/healthz",
          Role::kPublic,
          "getHealth",
          "Liveness: the process answers",
          "system",
          nullptr,
          ObjectSchema({{"status", {{"type", "string"}, {"const", "ok"}}}}, {"status"}),
          "application/json",
          [](const HttpRequest&) -> Result<HttpResponse> {
            return HttpResponse::Json({{"status", "ok"}});
          }};
}

Route Readyz(App& app) {
  return {"GET",
          "/readyz",
          Role::kPublic,
          "getReadiness",
          "Readiness: knowledge base and other components loaded",
          "system",
          nullptr,
          ObjectSchema({{"status", {{"type", "string"}, {"enum", {"ready", "not_ready"}}}},
                        {"checks", {{"type", "object"}}}},
                       {"status", "checks"}),
          "application/json",
          [&app](const HttpRequest& req) -> Result<HttpResponse> {
            json checks = json::object();
            bool ready = true;
            for (const ReadinessCheck& c : app.readiness()) {
              Status s = c.check();
              checks[c.name] = s.ok() ? "ok" : s.Message(req.lang);
              ready = ready && s.ok();
            }
            return HttpResponse::Json(
                {{"status", ready ? "ready" : "not_ready"}, {"checks", checks}}, ready ? 200 : 503);
          }};
}

Route MetricsRoute(App& app) {
  return {"GET",
          "/metrics",
          Role::kPublic,
          "getMetrics",
          "Prometheus metrics (request counts and latency per route; no clinical data)",
          "system",
          nullptr,
          json{{"type", "string"}},
          "text/plain",
          [&app](const HttpRequest&) -> Result<HttpResponse> {
            return HttpResponse::Text(app.metrics().RenderPrometheus(),
                                      "text/plain; version=0.0.4");
          }};
}

Route OpenApiRoute(App& app) {
  return {"GET",
          "/openapi.json",
          Role::kPublic,
          "getOpenApi",
          "This OpenAPI 3.1 document, generated from the route table",
          "system",
          nullptr,
          json{{"type", "object"}},
          "application/json",
          [&app](const HttpRequest&) -> Result<HttpResponse> {
            return HttpResponse::Json(api::BuildOpenApi(app.router(), std::string(Version())));
          }};
}

Route VersionRoute() {
  return {"GET",
          "/v1/version",
          Role::kPublic,
          "getVersion",
          "Vigie version",
          "system",
          nullptr,
          ObjectSchema({{"name", {{"type", "string"}}}, {"version", {{"type", "string"}}}},
                       {"name", "version"}),
          "application/json",
          [](const HttpRequest&) -> Result<HttpResponse> {
            return HttpResponse::Json({{"name", "vigie"}, {"version", Version()}});
          }};
}

}  // namespace

Status RegisterSystemRoutes(App& app) {
  api::Router& r = app.router();
  VIGIE_RETURN_IF_ERROR(r.Add(Healthz()));
  VIGIE_RETURN_IF_ERROR(r.Add(Readyz(app)));
  VIGIE_RETURN_IF_ERROR(r.Add(MetricsRoute(app)));
  VIGIE_RETURN_IF_ERROR(r.Add(OpenApiRoute(app)));
  VIGIE_RETURN_IF_ERROR(r.Add(VersionRoute()));
  return RegisterPatientRoutes(app);
}

}  // namespace vigie::app
