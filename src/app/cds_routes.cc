// CDS Hooks 2.0 routes of the prescription check: GET /cds-services
// (discovery, public as issue 7 asks), POST /cds-services/vigie-prescription[-sign] (order-select,
// order-sign; 412 when the prefetched Patient is missing) and POST
// /cds-services/{id}/feedback (accepted / overridden with the reason code,
// recorded through the AuditSink; no free text is kept).
// Thread-safety: handlers share the CheckService (immutable knowledge).
#include "app/check_routes.h"
#include "vigie/check/cds_hooks.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

Result<HttpResponse> Service(App& app, check::CheckService& service, const HttpRequest& req) {
  api::AuditEvent event = app.NewAuditEvent(req, "check.cds_hook");
  Result<json> body = ParseJsonBody(req);
  Result<json> bundle = body.ok() ? check::CdsRequestToBundle(*body) : Result<json>(body.status());
  Result<json> out = bundle.ok() ? CheckFhirBundle(app, service, *bundle, req.lang)
                                 : Result<json>(bundle.status());
  if (body.ok() && body->is_object() && body->contains("hook") && (*body)["hook"].is_string()) {
    std::string hook = (*body)["hook"];
    if (hook == "order-select" || hook == "order-sign") event.attributes["hook"] = hook;
  }
  if (out.ok()) {
    event.attributes["findings"] = std::to_string((*out)["findings"].size());
    event.attributes["unresolved"] = std::to_string((*out)["unresolved"].size());
  }
  event.outcome = out.ok() ? "ok" : std::string(out.status().wire_code());
  Status audited = app.audit().Append(event);  // no unaudited check
  if (!out.ok()) return out.status();
  if (!audited.ok()) return audited;
  std::string instance = (*body)["hookInstance"];
  return HttpResponse::Json(check::CdsCards(*out, instance, req.lang));
}

Result<HttpResponse> Feedback(App& app, const HttpRequest& req) {
  Result<json> body = ParseJsonBody(req);
  if (!body.ok()) return body.status();
  auto entries = check::CdsFeedback(*body);
  if (!entries.ok()) return entries.status();
  for (const auto& [card, outcome, reason] : *entries) {
    api::AuditEvent event = app.NewAuditEvent(req, "check.cds_feedback");
    event.attributes = {{"card", card}, {"outcome", outcome}};
    if (!reason.empty()) event.attributes["override_reason"] = reason;
    VIGIE_RETURN_IF_ERROR(app.audit().Append(event));
  }
  return HttpResponse::Json(json::object());
}

}  // namespace

Status RegisterCdsHooksRoutes(App& app, std::shared_ptr<check::CheckService> service) {
  json obj = {{"type", "object"}};
  VIGIE_RETURN_IF_ERROR(
      app.router().Add({"GET", "/cds-services", api::Role::kPublic, "cdsDiscovery",
                        "CDS Hooks 2.0 discovery", "cds-hooks", nullptr, obj, "application/json",
                        [](const HttpRequest&) -> Result<HttpResponse> {
                          return HttpResponse::Json(check::CdsDiscovery());
                        }}));
  for (std::string id :
       {std::string(check::kCdsServiceId), std::string(check::kCdsServiceId) + "-sign"}) {
    std::string op = id == check::kCdsServiceId ? "cdsOrderSelect" : "cdsOrderSign";
    VIGIE_RETURN_IF_ERROR(app.router().Add(
        {"POST", "/cds-services/" + id, api::Role::kClinician, op,
         "CDS Hooks order-select / order-sign: prescription check cards", "cds-hooks", obj, obj,
         "application/json",
         [&app, service](const HttpRequest& req) { return Service(app, *service, req); }}));
    VIGIE_RETURN_IF_ERROR(app.router().Add(
        {"POST", "/cds-services/" + id + "/feedback", api::Role::kClinician, op + "Feedback",
         "CDS Hooks feedback (accepted / overridden), audited", "cds-hooks", obj, obj,
         "application/json", [&app](const HttpRequest& req) { return Feedback(app, req); }}));
  }
  return Status::Ok();
}

}  // namespace vigie::app
