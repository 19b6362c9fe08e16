// POST /v1/dose: the posology for one patient ({"substance", "indication"?,
// "patient": Patient}). Rules are read once at start-up from the content
// folder (data/posology). Audited with the outcome only (the substance
// is typed text and the patient's values never go to the log). Thread-safety: handlers share only
// immutable rules.
#include <memory>

#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/app/content.h"
#include "vigie/core/patient.h"
#include "vigie/dose/posology.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

struct DoseState {
  Result<dose::PosologyBook> book = Status::Error(ErrorCode::kNotReady, {"posology"});
};

Result<json> Run(const DoseState& state, const json& body) {
  if (!state.book.ok()) return Status::Error(ErrorCode::kNotReady, {"posology"});
  if (!body.is_object() || !body.contains("substance") || !body["substance"].is_string()) {
    return Status::Error(ErrorCode::kMissingInput, {"substance"});
  }
  Result<Patient> patient = PatientFromJson(body.value("patient", json::object()));
  if (!patient.ok()) return patient.status();
  std::string indication =
      body.value("indication", json("")).is_string() ? body.value("indication", "") : "";
  return dose::DoseForPatient(*state.book, body["substance"].get<std::string>(), *patient,
                              indication);
}

Result<HttpResponse> Handle(App& app, const DoseState& state, const HttpRequest& req) {
  Result<json> body = ParseJsonBody(req);
  Result<json> out = body.ok() ? Run(state, *body) : Result<json>(body.status());
  api::AuditEvent event = app.NewAuditEvent(
      req, "dose.evaluate", out.ok() ? "ok" : std::string(out.status().wire_code()));
  (void)app.audit().Append(event);
  if (!out.ok()) return out.status();
  return HttpResponse::Json(*out);
}

}  // namespace

Status RegisterDoseRoutes(App& app) {
  auto state = std::make_shared<DoseState>();
  state->book = LoadPosology(app.env(), ContentDir(app.settings()));
  if (!state->book.ok() && state->book.status().code() == ErrorCode::kDataError)
    return state->book.status();
  json request = {{"type", "object"},
                  {"required", {"substance"}},
                  {"properties",
                   {{"substance", {{"type", "string"}}},
                    {"indication", {{"type", "string"}}},
                    {"patient", {{"type", "object"}}}}}};
  return app.router().Add(
      {"POST",
       "/v1/dose",
       api::Role::kClinician,
       "doseForPatient",
       "Posology of a substance for one patient, with the renal estimate and sources",
       "dose",
       request,
       {{"type", "object"}},
       "application/json",
       [&app, state](const HttpRequest& req) { return Handle(app, *state, req); }});
}

}  // namespace vigie::app
