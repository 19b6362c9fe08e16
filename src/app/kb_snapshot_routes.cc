// GET /v1/kb/snapshots (public role): which versions of the official sources
// the knowledge base holds (BDPM snapshots, ANSM thesaurus versions), when each
// was imported, and the Vigie version. The web UI states them on every page
// (with their age) and offers them as the two versions to compare on the
// "Évolutions" page. Only names, versions and dates: no clinical data, so the
// public page may show them too. The KB file is read once, on the first
// request that finds it (the KB is read-only while the server runs).
// Thread-safety: the lazy load is guarded by a mutex; the answer is immutable.
#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/kb/kb.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

class SnapshotList {
 public:
  explicit SnapshotList(std::string path) : path_(std::move(path)) {}

  // The snapshots as JSON; kNotReady (naming the file) while the KB cannot be opened.
  Result<json> Get() {
    std::lock_guard<std::mutex> lock(mu_);
    if (list_.is_null()) {
      auto kb = kb::KnowledgeBase::Open(path_);
      if (!kb.ok()) {
        return Status::Error(ErrorCode::kNotReady, {"base de connaissances " + path_ + " (" +
                                                    kb.status().Message(Lang::kFr) + ")"});
      }
      list_ = ToJson((*kb)->snapshots());
    }
    return list_;
  }

 private:
  static json ToJson(const std::vector<kb::SnapshotInfo>& snapshots) {
    json all = json::array();
    json versions = {{"bdpm", json::array()}, {"thesaurus", json::array()}};
    for (const kb::SnapshotInfo& s : snapshots) {
      all.push_back({{"source", s.source},
                     {"version", s.version},
                     {"imported_at", s.imported_at},
                     {"tables", s.tables}});
      json& list = versions[s.source];
      if (std::find(list.begin(), list.end(), s.version) == list.end()) list.push_back(s.version);
    }
    return {{"snapshots", std::move(all)},
            {"bdpm", std::move(versions["bdpm"])},
            {"thesaurus", std::move(versions["thesaurus"])},
            {"vigie", std::string(Version())}};
  }

  std::mutex mu_;
  std::string path_;
  json list_;
};

json ResponseSchema() {
  json str = {{"type", "string"}};
  json strings = {{"type", "array"}, {"items", str}};
  json snapshot = {{"type", "object"},
                   {"required", {"source", "version", "imported_at"}},
                   {"properties",
                    {{"source", {{"type", "string"}, {"enum", {"bdpm", "thesaurus"}}}},
                     {"version", str},
                     {"imported_at", {{"type", "string"}, {"description", "UTC ISO 8601"}}},
                     {"tables", strings}}}};
  return {{"type", "object"},
          {"required", {"snapshots", "bdpm", "thesaurus", "vigie"}},
          {"properties",
           {{"snapshots", {{"type", "array"}, {"items", snapshot}}},
            {"bdpm", strings},
            {"thesaurus", strings},
            {"vigie", str}}}};
}

}  // namespace

Status RegisterKbSnapshotRoutes(App& app) {
  auto list = std::make_shared<SnapshotList>(app.settings().db_path);
  return app.router().Add(
      {"GET", "/v1/kb/snapshots", api::Role::kPublic, "listKbSnapshots",
       "Versions of the official sources in the knowledge base (BDPM snapshots, ANSM thesaurus "
       "versions) with their import dates",
       "drugs", nullptr, ResponseSchema(), "application/json",
       [list](const HttpRequest&) -> Result<HttpResponse> {
         Result<json> out = list->Get();
         if (!out.ok()) return out.status();
         return HttpResponse::Json(*out);
       }});
}

}  // namespace vigie::app
