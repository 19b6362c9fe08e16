// Drug routes of the knowledge base (issue 3): POST /v1/drugs/search and
// GET /v1/drugs/{cis}. The drug index is loaded from the KB file (db_path
// setting) on first use, then shared read-only by every request. Audited
// (issue 7) with the outcome and counts only, never the query or the code.
// Thread-safety: the lazy load is guarded by a mutex; the index is immutable.
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/kb/drug.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

constexpr int64_t kMaxCandidates = 50;

class DrugIndexHolder {
 public:
  explicit DrugIndexHolder(std::string path) : path_(std::move(path)) {}
  Result<std::shared_ptr<const kb::DrugIndex>> Get() {
    std::lock_guard<std::mutex> lock(mu_);
    if (!index_) {
      auto loaded = kb::LoadDrugIndex(path_);
      if (!loaded.ok()) {
        return Status::Error(ErrorCode::kNotReady, {"base de connaissances " + path_ + " (" +
                                                    loaded.status().Message(Lang::kFr) + ")"});
      }
      index_ = std::move(loaded).value();
    }
    return index_;
  }

 private:
  std::mutex mu_;
  std::string path_;
  std::shared_ptr<const kb::DrugIndex> index_;
};

json SearchSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"query"}},
          {"properties",
           {{"query", {{"type", "string"}, {"minLength", 1}}},
            {"k", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxCandidates}}}}}};
}

json DrugSchema() { return {{"type", "object"}}; }

// Appends the event with the outcome of `result`; an audit failure does not
// block the answer (as the other clinical routes).
Result<HttpResponse> Audited(App& app, api::AuditEvent event, Result<HttpResponse> result) {
  if (!result.ok()) event.outcome = std::string(result.status().wire_code());
  (void)app.audit().Append(event);
  return result;
}

Result<HttpResponse> Search(DrugIndexHolder& holder, const HttpRequest& req,
                            std::map<std::string, std::string>* counts) {
  Result<json> body = ParseJsonBody(req);
  if (!body.ok()) return body.status();
  if (!body->is_object()) return Status::Error(ErrorCode::kInvalidArgument, {"corps JSON objet"});
  for (const auto& [key, value] : body->items()) {
    if (key != "query" && key != "k") return Status::Error(ErrorCode::kUnknownField, {key});
  }
  if (!body->contains("query") || !(*body)["query"].is_string() ||
      (*body)["query"].get<std::string>().empty()) {
    return Status::Error(ErrorCode::kMissingInput, {"query"});
  }
  int64_t k = 10;
  if (body->contains("k")) {
    if (!(*body)["k"].is_number_integer()) return Status::Error(ErrorCode::kInvalidArgument, {"k"});
    k = (*body)["k"].get<int64_t>();
    if (k < 1 || k > kMaxCandidates) {
      return Status::Error(ErrorCode::kOutOfRange, {"k", "1", std::to_string(kMaxCandidates)});
    }
  }
  auto index = holder.Get();
  if (!index.ok()) return index.status();
  json out = json::array();
  std::string query = (*body)["query"];
  for (const kb::DrugCandidate& c : (*index)->Search(query, static_cast<size_t>(k))) {
    out.push_back(c.ToJson());
  }
  (*counts)["candidates"] = std::to_string(out.size());
  (*counts)["matched_by"] = out.empty() ? "" : out[0].value("matched_by", "");
  return HttpResponse::Json({{"query", query},
                             {"snapshots", (*index)->catalog().snapshot_versions},
                             {"candidates", std::move(out)}});
}

Result<HttpResponse> GetDrug(DrugIndexHolder& holder, const HttpRequest& req) {
  auto index = holder.Get();
  if (!index.ok()) return index.status();
  std::string cis = req.path_params.count("cis") ? req.path_params.at("cis") : "";
  const kb::Drug* drug = (*index)->FindCis(cis);
  if (drug == nullptr) return Status::Error(ErrorCode::kNotFound, {"CIS " + cis});
  json out = drug->ToJson();
  out["snapshots"] = (*index)->catalog().snapshot_versions;
  return HttpResponse::Json(out);
}

}  // namespace

Status RegisterKbRoutes(App& app) {
  auto holder = std::make_shared<DrugIndexHolder>(app.settings().db_path);
  // GET /readyz: ready once the knowledge base loads (this also warms the index).
  app.AddReadinessCheck({"kb", [holder] {
                           auto index = holder->Get();
                           return index.ok() ? Status::Ok() : index.status();
                         }});
  VIGIE_RETURN_IF_ERROR(app.router().Add(
      {"POST",
       "/v1/drugs/search",
       api::Role::kClinician,
       "searchDrugs",
       "Resolve a drug name, INN, typo, CIS, CIP7 or CIP13 to ranked BDPM specialties",
       "drugs",
       SearchSchema(),
       {{"type", "object"}},
       "application/json",
       [&app, holder](const HttpRequest& req) {
         api::AuditEvent event = app.NewAuditEvent(req, "drugs.search");
         Result<HttpResponse> res = Search(*holder, req, &event.attributes);
         return Audited(app, std::move(event), std::move(res));
       }}));
  return app.router().Add(
      {"GET", "/v1/drugs/{cis}", api::Role::kClinician, "getDrug", "One BDPM specialty by CIS code",
       "drugs", nullptr, DrugSchema(), "application/json", [&app, holder](const HttpRequest& req) {
         return Audited(app, app.NewAuditEvent(req, "drugs.get"), GetDrug(*holder, req));
       }});
}

}  // namespace vigie::app
