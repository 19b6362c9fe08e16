// POST /v1/triage (role public): public-mode triage of a lay description
// (issue 10). The red flags are parsed once at start-up from the built-in data;
// a bad file stops the server from starting (fail closed). The text is never
// stored or logged: the audit event holds the level and flag ids only.
// Thread-safety: the handler shares an immutable RedFlagSet.
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/triage/triage.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

json RequestSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"text"}},
          {"properties",
           {{"text",
             {{"type", "string"},
              {"minLength", 1},
              {"maxLength", triage::kMaxTextCodePoints},
              {"description", "Lay description; never stored or logged"}}},
            {"lang", {{"type", "string"}, {"enum", {"fr", "en"}}}}}}};
}

json ResponseSchema() {
  json str = {{"type", "string"}};
  json flag = {
      {"type", "object"},
      {"required", {"id", "text_span", "source"}},
      {"properties",
       {{"id", str},
        {"text_span",
         {{"type", "array"}, {"items", {{"type", "integer"}}}, {"minItems", 2}, {"maxItems", 2}}},
        {"source", str}}}};
  return {
      {"type", "object"},
      {"required", {"level", "call", "message", "red_flags", "disclaimer", "privacy", "stored"}},
      {"properties",
       {{"level", {{"type", "string"}, {"enum", {"emergency", "urgent", "consult"}}}},
        {"call",
         {{"type", {"string", "null"}}, {"enum", {"15", "112", "114", "3114", "116117", nullptr}}}},
        {"message", str},
        {"message_fr", str},
        {"message_en", str},
        {"red_flags", {{"type", "array"}, {"items", flag}}},
        {"disclaimer", str},
        {"privacy", str},
        {"stored", {{"type", "boolean"}, {"const", false}}}}}};
}

// Reads {"text", "lang"?}; errors never quote the text.
Result<std::string> TextOf(const json& body, Lang& lang) {
  if (!body.is_object()) return Status::Error(ErrorCode::kInvalidArgument, {"body (object)"});
  for (const auto& [key, value] : body.items()) {
    if (key != "text" && key != "lang") return Status::Error(ErrorCode::kUnknownField, {key});
  }
  if (body.contains("lang")) {
    if (!body["lang"].is_string()) return Status::Error(ErrorCode::kInvalidArgument, {"lang"});
    lang = LangFromLocale(body["lang"].get<std::string>());
  }
  if (!body.contains("text") || body["text"].is_null()) {
    return Status::Error(ErrorCode::kMissingInput, {"text"});
  }
  if (!body["text"].is_string())
    return Status::Error(ErrorCode::kInvalidArgument, {"text (string)"});
  return body["text"].get<std::string>();
}

Result<HttpResponse> Handle(App& app, const triage::RedFlagSet& flags, const HttpRequest& req) {
  api::AuditEvent event = app.NewAuditEvent(req, "triage", "ok");
  Lang lang = req.lang;
  Result<json> body = ParseJsonBody(req);
  Result<std::string> text = body.ok() ? TextOf(*body, lang) : Result<std::string>(body.status());
  Result<triage::TriageResult> result =
      text.ok() ? triage::Triage(flags, *text, lang) : Result<triage::TriageResult>(text.status());
  if (result.ok()) {
    event.attributes["level"] = std::string(triage::LevelName(result->level));
    event.attributes["red_flags"] = std::to_string(result->red_flags.size());
  } else {
    event.outcome = std::string(result.status().wire_code());
  }
  (void)app.audit().Append(event);  // level only: never the text
  if (!result.ok()) return result.status();
  return HttpResponse::Json(triage::ToJson(*result));
}

}  // namespace

Status RegisterTriageRoutes(App& app) {
  Result<triage::RedFlagSet> flags = triage::ParseRedFlags(triage::ShippedRedFlagsJson());
  if (!flags.ok()) return flags.status();
  return app.router().Add(
      {"POST", "/v1/triage", api::Role::kPublic, "triage",
       "Public mode: detect emergency red flags in a lay description and say whom to call "
       "(never a diagnosis; the text is not stored)",
       "triage", RequestSchema(), ResponseSchema(), "application/json",
       [&app, set = *flags](const HttpRequest& req) { return Handle(app, set, req); }});
}

}  // namespace vigie::app
