// Regulation watch route (issue 9): GET /v1/changes?from=&to=&source=&substance=
// — what changed between two versions of the ANSM thesaurus or two BDPM
// snapshots. The KB file (db_path) is opened per request, read-only.
// Thread-safety: each request has its own KnowledgeBase; nothing is shared.
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/kb/kb.h"
#include "vigie/watch/watch.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

json StringArray() { return {{"type", "array"}, {"items", {{"type", "string"}}}}; }

json NullableInt() { return {{"type", {"integer", "null"}}}; }

// The response shape the web page "Évolutions" is built on (docs/watch.md).
json ChangesSchema() {
  json change = {
      {"type", "object"},
      {"required", {"source", "kind", "a", "b", "before", "after"}},
      {"properties",
       {{"source", {{"type", "string"}, {"enum", {"thesaurus", "bdpm"}}}},
        {"kind",
         {{"type", "string"},
          {"description",
           "added, removed, level_changed, "
           "text_changed, renamed, member_added, "
           "member_removed, or a BDPM kind"}}},
        {"a", {{"type", "string"}, {"description", "protagonist A (or BDPM denomination)"}}},
        {"b", {{"type", "string"}, {"description", "protagonist B (or class member)"}}},
        {"from_levels", StringArray()},
        {"to_levels", StringArray()},
        {"from_conditions", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}},
        {"to_conditions", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}},
        {"from_page", NullableInt()},
        {"to_page", NullableInt()},
        {"before", {{"type", "string"}}},
        {"after", {{"type", "string"}}},
        {"diff",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"op", {{"type", "string"}, {"enum", {"=", "-", "+"}}}},
              {"text", {{"type", "string"}}}}}}}}},
        {"origin", {{"type", "string"}}},
        {"via_class", {{"type", "string"}}},
        {"file", {{"type", "string"}}},
        {"cis", {{"type", "string"}}},
        {"cip13", {{"type", "string"}}},
        {"field", {{"type", "string"}}}}}};
  return {{"type", "object"},
          {"required", {"changes", "summary", "from", "to", "sources"}},
          {"properties",
           {{"from", {{"type", "string"}}},
            {"to", {{"type", "string"}}},
            {"sources", StringArray()},
            {"substance", {{"type", "string"}}},
            {"changes", {{"type", "array"}, {"items", change}}},
            {"summary",
             {{"type", "object"},
              {"required", {"total", "by_kind", "labels", "line"}},
              {"properties",
               {{"total", {{"type", "integer"}}},
                {"by_kind", {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}}},
                {"labels",
                 {{"type", "object"},
                  {"description", "label of each kind counted, in the request's language"},
                  {"additionalProperties", {{"type", "string"}}}}},
                {"line", {{"type", "string"}}}}}}},
            {"bdpm_files",
             {{"type", "object"},
              {"properties",
               {{"compared", StringArray()},
                {"not_compared",
                 {{"type", "array"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"file", {{"type", "string"}}}, {"reason", {{"type", "string"}}}}}}}}}}}}}}}};
}

Result<HttpResponse> GetChanges(const std::string& db_path, const HttpRequest& req) {
  for (const auto& [key, value] : req.query) {
    if (key != "from" && key != "to" && key != "source" && key != "substance") {
      return Status::Error(ErrorCode::kUnknownField, {key});
    }
  }
  auto param = [&](const char* name) {
    auto it = req.query.find(name);
    return it == req.query.end() ? std::string() : it->second;
  };
  watch::DiffRequest request{param("from"), param("to"), param("source"), param("substance")};
  if (request.from.empty()) return Status::Error(ErrorCode::kMissingInput, {"from"});
  if (request.to.empty()) return Status::Error(ErrorCode::kMissingInput, {"to"});
  auto kb = kb::KnowledgeBase::Open(db_path);
  if (!kb.ok()) {
    return Status::Error(ErrorCode::kNotReady, {"base de connaissances " + db_path + " (" +
                                                kb.status().Message(Lang::kFr) + ")"});
  }
  Result<watch::DiffResult> diff = watch::Diff(**kb, request);
  if (!diff.ok()) return diff.status();
  return HttpResponse::Json(diff->ToJson(req.lang));
}

}  // namespace

Status RegisterWatchRoutes(App& app) {
  std::string db_path = app.settings().db_path;
  return app.router().Add(
      {"GET", "/v1/changes", api::Role::kClinician, "getChanges",
       "What changed between two versions of the ANSM thesaurus or two BDPM snapshots "
       "(query: from, to, source=thesaurus|bdpm, substance)",
       "watch", nullptr, ChangesSchema(), "application/json",
       [db_path](const HttpRequest& req) { return GetChanges(db_path, req); }});
}

}  // namespace vigie::app
