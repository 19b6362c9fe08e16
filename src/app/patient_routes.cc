// POST /v1/patient/normalize: validates a Patient object as every engine will
// read it (field names, units, ranges) and returns its canonical form, so an
// integrator can check a mapping before sending prescriptions. Audited
// without any field value. Thread-safety: stateless handler.
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/core/patient.h"
#include "vigie/core/units.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

json PatientSchema() {
  json num = {{"type", "number"}};
  json str = {{"type", "string"}};
  json flag = {{"type", "boolean"}};
  json list = {{"type", "array"}, {"items", str}};
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"age_years", num},
        {"age", num},
        {"age_months", num},
        {"sex", {{"type", "string"}, {"enum", {"M", "F"}}}},
        {"weight_kg", num},
        {"height_cm", num},
        {"creatinine_umol_l", num},
        {"creatinine_mg_dl", num},
        {"creatinine_date", {{"type", "string"}, {"format", "date"}}},
        {"egfr", num},
        {"egfr_date", {{"type", "string"}, {"format", "date"}}},
        {"dialysis", flag},
        {"hepatic_impairment",
         {{"type", "string"}, {"enum", {"none", "child_pugh_a", "child_pugh_b", "child_pugh_c"}}}},
        {"pregnant", flag},
        {"gestational_age_weeks", num},
        {"breastfeeding", flag},
        {"allergies", list},
        {"conditions", list}}}};
}

Result<HttpResponse> Normalize(App& app, const HttpRequest& req) {
  api::AuditEvent event = app.NewAuditEvent(req, "patient.normalize", "ok");
  Result<json> body = ParseJsonBody(req);
  Result<Patient> patient = body.ok() ? PatientFromJson(*body) : Result<Patient>(body.status());
  if (!patient.ok()) event.outcome = std::string(patient.status().wire_code());
  // An audit write failure does not block the answer; the privacy issue
  // decides where Vigie must fail closed instead.
  (void)app.audit().Append(event);
  if (!patient.ok()) return patient.status();
  json out = {{"patient", PatientToJson(*patient)}};
  if (patient->creatinine_umol_l) {
    out["derived"]["creatinine_mg_dl"] = units::CreatinineUmolLToMgDl(*patient->creatinine_umol_l);
  }
  if (patient->AgeYears()) out["derived"]["age_years"] = *patient->AgeYears();
  return HttpResponse::Json(out);
}

}  // namespace

Status RegisterPatientRoutes(App& app) {
  return app.router().Add(
      {"POST",
       "/v1/patient/normalize",
       api::Role::kClinician,
       "normalizePatient",
       "Validate a Patient object and return its canonical form",
       "patient",
       PatientSchema(),
       {{"type", "object"},
        {"properties", {{"patient", PatientSchema()}, {"derived", {{"type", "object"}}}}}},
       "application/json",
       [&app](const HttpRequest& req) { return Normalize(app, req); }});
}

}  // namespace vigie::app
