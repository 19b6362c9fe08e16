// HTTP routes of the calculators and exam rules (issue 5):
//   GET /v1/calc, POST /v1/calc/{id}, GET /v1/exam, POST /v1/exam/{rule}.
// The calculator list comes from the registry; the exam rules are read once
// here, at start-up, from the content folder (data/exam-rules). Audited with
// the calculator or rule id and the outcome, never the input values.
// Thread-safety: handlers share only the immutable rule set.
#include <memory>

#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/app/content.h"
#include "vigie/calc/registry.h"
#include "vigie/exam/rules.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

void Audit(App& app, const HttpRequest& req, const std::string& action, const std::string& id,
           const Status& status) {
  api::AuditEvent event =
      app.NewAuditEvent(req, action, status.ok() ? "ok" : std::string(status.wire_code()));
  event.attributes = {{"id", id}};
  (void)app.audit().Append(event);  // as patient_routes.cc: an audit failure does not block
}

Result<HttpResponse> RunCalc(App& app, const HttpRequest& req) {
  std::string id = req.path_params.at("id");
  Result<json> body = ParseJsonBody(req);
  Result<calc::CalcResult> r =
      body.ok() ? calc::Evaluate(id, *body) : Result<calc::CalcResult>(body.status());
  Audit(app, req, "calc.evaluate", id, r.status());
  if (!r.ok()) return r.status();
  return HttpResponse::Json(calc::ToJson(*r));
}

struct ExamState {
  Result<exam::RuleSet> rules = Status::Error(ErrorCode::kNotReady, {"exam-rules"});
};

Result<HttpResponse> RunExam(App& app, const ExamState& state, const HttpRequest& req) {
  std::string id = req.path_params.at("rule");
  if (!state.rules.ok()) {
    return Status::Error(ErrorCode::kNotReady,
                         {"exam-rules: " + state.rules.status().Message(req.lang)});
  }
  Result<json> body = ParseJsonBody(req);
  Result<exam::ExamResult> r = body.ok() ? exam::EvaluateExam(*state.rules, id, *body)
                                         : Result<exam::ExamResult>(body.status());
  Audit(app, req, "exam.evaluate", id, r.status());
  if (!r.ok()) return r.status();
  return HttpResponse::Json(exam::ToJson(*r));
}

json ObjectSchema() { return {{"type", "object"}}; }

json CalcResultSchema() {
  return {{"type", "object"},
          {"required", {"id", "value", "unit", "interpretation", "source", "inputs_used"}},
          {"properties",
           {{"id", {{"type", "string"}}},
            {"value", {{"type", "number"}}},
            {"unit", {{"type", "string"}}},
            {"interpretation", ObjectSchema()},
            {"formula", {{"type", "string"}}},
            {"source", {{"type", "string"}}},
            {"inputs_used", ObjectSchema()}}}};
}

json ExamResultSchema() {
  return {
      {"type", "object"},
      {"required", {"indicated", "exam", "reason", "source"}},
      {"properties",
       {{"rule", {{"type", "string"}}},
        {"indicated",
         {{"oneOf", {{{"type", "boolean"}}, {{"type", "string"}, {"enum", {"not applicable"}}}}}}},
        {"exam", ObjectSchema()},
        {"reason", ObjectSchema()},
        {"source", ObjectSchema()},
        {"calculators", ObjectSchema()}}}};
}

}  // namespace

Status RegisterCalcRoutes(App& app) {
  api::Router& r = app.router();
  VIGIE_RETURN_IF_ERROR(
      r.Add({"GET",
             "/v1/calc",
             api::Role::kClinician,
             "listCalculators",
             "List the calculators with their inputs, units, ranges and sources",
             "calc",
             nullptr,
             {{"type", "object"}},
             "application/json",
             [](const HttpRequest&) {
               return Result<HttpResponse>(HttpResponse::Json({{"calculators", calc::ListJson()}}));
             }}));
  VIGIE_RETURN_IF_ERROR(
      r.Add({"POST", "/v1/calc/{id}", api::Role::kClinician, "runCalculator",
             "Evaluate a calculator on a JSON object of inputs (a Patient object is accepted)",
             "calc", ObjectSchema(), CalcResultSchema(), "application/json",
             [&app](const HttpRequest& req) { return RunCalc(app, req); }}));
  auto state = std::make_shared<ExamState>();
  state->rules = LoadExamRules(app.env(), ContentDir(app.settings()));
  if (!state->rules.ok() && state->rules.status().code() == ErrorCode::kDataError) {
    return state->rules.status();  // a broken rule file must stop the start-up
  }
  VIGIE_RETURN_IF_ERROR(
      r.Add({"GET",
             "/v1/exam",
             api::Role::kClinician,
             "listExamRules",
             "List the exam decision rules with their inputs, exclusions and sources",
             "exam",
             nullptr,
             {{"type", "object"}},
             "application/json",
             [state](const HttpRequest&) -> Result<HttpResponse> {
               if (!state->rules.ok()) {
                 return Status::Error(ErrorCode::kNotReady, {"exam-rules"});
               }
               return HttpResponse::Json({{"rules", exam::ListJson(*state->rules)}});
             }}));
  return r.Add({"POST", "/v1/exam/{rule}", api::Role::kClinician, "runExamRule",
                "Decide whether an exam is indicated by a published decision rule", "exam",
                ObjectSchema(), ExamResultSchema(), "application/json",
                [&app, state](const HttpRequest& req) { return RunExam(app, *state, req); }});
}

}  // namespace vigie::app
