// POST /v1/search and POST /v1/ask (role clinician): literature passages and
// extractive, cited answers from the configured evidence index. The index is
// opened on first use (so the server starts, and other modules are ready,
// before an index exists; until then these routes answer 503). Audited without the
// question text. Thread-safety: the shared state is guarded by a mutex; the
// index serialises its own use.
#include <memory>
#include <mutex>

#include "vigie/app/app.h"
#include "vigie/evidence/json.h"
#include "vigie/evidence/lexicon_setup.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

struct EvidenceState {
  std::mutex mu;
  std::unique_ptr<evidence::EvidenceIndex> index;
  std::unique_ptr<evidence::Lexicon> lexicon;

  // Opens the index and the lexicon once; the lexicon is optional.
  Status Open(App& app) {
    std::lock_guard<std::mutex> lock(mu);
    if (index) return Status::Ok();
    auto opened = evidence::EvidenceIndex::OpenReadOnly(app.settings().evidence_index_dir);
    if (!opened.ok()) {
      return Status::Error(ErrorCode::kNotReady, {opened.status().Message(Lang::kEn)});
    }
    // Lexicon, WordNet synonyms and brand -> DCI names from the KB (db_path).
    auto loaded = evidence::LoadQueryLexicon(app.env(), app.settings());
    if (!loaded.ok()) return loaded.status();
    lexicon = std::make_unique<evidence::Lexicon>(std::move(loaded).value());
    index = std::move(opened).value();
    return Status::Ok();
  }
};

Result<std::string> Question(const json& body) {
  if (!body.is_object()) return Status::Error(ErrorCode::kInvalidArgument, {"body"});
  auto q = body.find("q");
  if (q == body.end()) return Status::Error(ErrorCode::kMissingInput, {"q"});
  if (!q->is_string() || q->get<std::string>().empty()) {
    return Status::Error(ErrorCode::kInvalidArgument, {"q"});
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "q" && key != "k") return Status::Error(ErrorCode::kUnknownField, {key});
  }
  return q->get<std::string>();
}

Result<HttpResponse> Handle(App& app, EvidenceState& state, const HttpRequest& req, bool ask) {
  api::AuditEvent event = app.NewAuditEvent(req, ask ? "evidence.ask" : "evidence.search", "ok");
  Result<json> response = [&]() -> Result<json> {
    Result<json> body = ParseJsonBody(req);
    if (!body.ok()) return body.status();
    Result<std::string> q = Question(*body);
    if (!q.ok()) return q.status();
    int64_t k = 10;
    if (body->contains("k")) {
      if (!(*body)["k"].is_number_integer()) {
        return Status::Error(ErrorCode::kInvalidArgument, {"k"});
      }
      k = (*body)["k"].get<int64_t>();
      if (k < 1 || k > 100) return Status::Error(ErrorCode::kOutOfRange, {"k", "1", "100"});
    }
    VIGIE_RETURN_IF_ERROR(state.Open(app));
    if (ask) {
      Result<evidence::Answer> answer =
          evidence::AskQuestion(*state.index, state.lexicon.get(), *q);
      if (!answer.ok()) return answer.status();
      return evidence::AnswerToJson(*answer);
    }
    auto hits =
        evidence::Search(*state.index, state.lexicon.get(), {*q, static_cast<size_t>(k), true});
    if (!hits.ok()) return hits.status();
    return evidence::HitsToJson(*hits);
  }();
  if (!response.ok()) event.outcome = std::string(response.status().wire_code());
  (void)app.audit().Append(event);
  if (!response.ok()) return response.status();
  return HttpResponse::Json(*response);
}

json RequestSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"q"}},
          {"properties",
           {{"q", {{"type", "string"}, {"minLength", 1}}},
            {"k", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}}}}};
}

}  // namespace

Status RegisterEvidenceRoutes(App& app) {
  auto state = std::make_shared<EvidenceState>();
  VIGIE_RETURN_IF_ERROR(app.router().Add(
      {"POST", "/v1/search", api::Role::kClinician, "searchEvidence",
       "Ranked passages of the local literature corpus (BM25, French and English)", "evidence",
       RequestSchema(), evidence::HitsSchema(), "application/json",
       [&app, state](const HttpRequest& req) { return Handle(app, *state, req, false); }}));
  return app.router().Add(
      {"POST", "/v1/ask", api::Role::kClinician, "askEvidence",
       "Extractive answer citing corpus passages, or abstention when there is no evidence",
       "evidence", RequestSchema(), evidence::AnswerSchema(), "application/json",
       [&app, state](const HttpRequest& req) { return Handle(app, *state, req, true); }});
}

}  // namespace vigie::app
