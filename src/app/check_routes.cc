// POST /v1/check (role clinician): the prescription check of issue 4. A body
// with "resourceType": "Bundle" is FHIR R4 (check_fhir.cc); anything else is
// Vigie's own request format. The check knowledge is loaded from the KB file
// (db_path) on first use; posology rules come from the content folder.
// Audited with counts only (lines, findings by severity, unresolved), never a
// drug name or a patient value. Thread-safety: handlers share the
// CheckService (mutex-guarded loading) and immutable knowledge.
#include <memory>
#include <nlohmann/json.hpp>

#include "app/check_routes.h"
#include "vigie/app/app.h"
#include "vigie/app/content.h"
#include "vigie/check/fhir.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

std::map<std::string, std::string> Counts(const json& out) {
  std::map<std::string, std::string> a;
  a["lines"] = std::to_string(out["lines"].size() + out["unresolved"].size());
  a["unresolved"] = std::to_string(out["unresolved"].size());
  a["findings"] = std::to_string(out["findings"].size());
  int critical = 0;
  for (const json& f : out["findings"]) {
    std::string l = f.value("level", "");
    critical += (l == "CI" || l == "contraindicated") ? 1 : 0;
  }
  a["critical"] = std::to_string(critical);
  a["thesaurus"] = out["kb"].value("thesaurus", "");
  return a;
}

Result<HttpResponse> Handle(App& app, check::CheckService& service, const HttpRequest& req) {
  api::AuditEvent event = app.NewAuditEvent(req, "check.run", "ok");
  Result<json> body = ParseJsonBody(req);
  bool fhir = body.ok() && body->is_object() && body->value("resourceType", "") == "Bundle";
  event.attributes["format"] = fhir ? "fhir" : "vigie";
  if (fhir) {
    Result<json> out = CheckFhirBundle(app, service, *body, req.lang);
    if (out.ok()) {
      for (auto& [k, v] : Counts(*out)) event.attributes[k] = v;
    } else {
      event.outcome = std::string(out.status().wire_code());
    }
    // No unaudited check: an audit write that fails fails the request.
    Status audited = app.audit().Append(event);
    if (!out.ok()) return FhirError(out.status(), req.lang);
    if (!audited.ok()) return audited;
    return HttpResponse::Json(*out);
  }
  // Vigie's own format: the response text is written once, never as a tree.
  Result<check::CheckOutput> out = body.ok() ? service.RunSerialized(*body, req.lang)
                                             : Result<check::CheckOutput>(body.status());
  if (out.ok()) {
    event.attributes["lines"] = std::to_string(out->lines);
    event.attributes["unresolved"] = std::to_string(out->unresolved);
    event.attributes["findings"] = std::to_string(out->findings);
    event.attributes["critical"] = std::to_string(out->critical);
    event.attributes["thesaurus"] = out->thesaurus;
  } else {
    event.outcome = std::string(out.status().wire_code());
  }
  Status audited = app.audit().Append(event);
  if (!out.ok()) return out.status();
  if (!audited.ok()) return audited;
  return HttpResponse::Text(std::move(out->json), "application/json");
}

json RequestSchema() {
  json num = {{"type", "number"}};
  json str = {{"type", "string"}};
  json line = {{"type", "object"},
               {"properties",
                {{"drug", str},
                 {"cis", str},
                 {"cip13", str},
                 {"dose", {{"type", "object"}, {"properties", {{"value", num}, {"unit", str}}}}},
                 {"timing",
                  {{"type", "object"},
                   {"properties",
                    {{"frequency", num},
                     {"period", num},
                     {"period_unit", {{"type", "string"}, {"enum", {"h", "d", "wk"}}}}}}}},
                 {"per_day", num},
                 {"route", str},
                 {"duration_days", num}}}};
  return {{"type", "object"},
          {"properties",
           {{"patient", {{"type", "object"}}},
            {"as_of", {{"type", {"string", "null"}}}},
            {"thesaurus_version", {{"type", {"string", "null"}}}},
            {"min_level", {{"type", {"string", "null"}}}},
            {"lines", {{"type", "array"}, {"items", line}}},
            {"resourceType", str},
            {"entry", {{"type", "array"}}}}}};
}

}  // namespace

Result<json> CheckFhirBundle(App& app, check::CheckService& service, const json& bundle,
                             Lang lang) {
  int64_t days = app.env().NowMicros() / 86'400'000'000;
  Result<json> request = check::FhirBundleToRequest(bundle, Date::FromDaysSinceEpoch(days));
  if (!request.ok()) return request.status();
  json ids = (*request)["fhir_ids"];
  request->erase("fhir_ids");
  Result<json> out = service.Run(*request, lang);
  if (out.ok()) (*out)["fhir_ids"] = ids;
  return out;
}

HttpResponse FhirError(const Status& status, Lang lang) {
  HttpResponse r = HttpResponse::Json(check::OperationOutcome(status, lang), status.http_status());
  r.content_type = "application/fhir+json";
  return r;
}

std::shared_ptr<check::CheckService> MakeCheckService(App& app) {
  Result<check::CheckContent> content = LoadCheckContent(app.env(), ContentDir(app.settings()));
  return std::make_shared<check::CheckService>(
      app.settings().db_path, content.ok() ? std::move(content).value() : check::CheckContent{});
}

Status RegisterCheckRoutes(App& app) {
  auto service = MakeCheckService(app);
  json response = {{"type", "object"},
                   {"properties",
                    {{"findings", {{"type", "array"}}},
                     {"lines", {{"type", "array"}}},
                     {"unresolved", {{"type", "array"}}},
                     {"not_evaluated", {{"type", "array"}}},
                     {"kb", {{"type", "object"}}}}}};
  VIGIE_RETURN_IF_ERROR(app.router().Add(
      {"POST", "/v1/check", api::Role::kClinician, "checkPrescription",
       "Check a prescription (Vigie JSON or FHIR R4 Bundle): interactions, duplicates, allergies, "
       "patient limits",
       "check", RequestSchema(), response, "application/json",
       [&app, service](const HttpRequest& req) { return Handle(app, *service, req); }}));
  return RegisterCdsHooksRoutes(app, service);
}

}  // namespace vigie::app
