// POST /v1/deid: de-identifies clinical text (mask or pseudo mode) with the
// dictionaries of data/deid and the pseudonym secret derived from the master
// key. Audited with counts only (never the text). Thread-safety: the
// Deidentifier is immutable and shared by all requests.
#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/keys.h"
#include "vigie/privacy/resources.h"

namespace vigie::app {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using nlohmann::json;

struct DeidService {
  std::unique_ptr<privacy::Deidentifier> deid;
  Status load_status;
  std::string secret;
};

json DeidRequestSchema() {
  json name = {{"oneOf",
                {{{"type", "string"}},
                 {{"type", "object"},
                  {"required", {"text"}},
                  {"properties",
                   {{"text", {{"type", "string"}}},
                    {"label", {{"type", "string"}, {"enum", {"NOM", "PRENOM"}}}}}}}}}};
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"text"}},
          {"properties",
           {{"text", {{"type", "string"}}},
            {"lang", {{"type", "string"}, {"enum", {"fr", "en"}}}},
            {"mode", {{"type", "string"}, {"enum", {"mask", "pseudo"}}}},
            {"names", {{"type", "array"}, {"items", name}}},
            {"patient_key", {{"type", "string"}}}}}};
}

json DeidResponseSchema() {
  json entity = {{"type", "object"},
                 {"properties",
                  {{"start", {{"type", "integer"}}},
                   {"end", {{"type", "integer"}}},
                   {"label", {{"type", "string"}}},
                   {"replacement", {{"type", "string"}}}}}};
  return {{"type", "object"},
          {"properties",
           {{"text", {{"type", "string"}}}, {"entities", {{"type", "array"}, {"items", entity}}}}}};
}

Result<privacy::DeidOptions> OptionsFromJson(const json& body, Lang default_lang,
                                             const std::string& secret) {
  privacy::DeidOptions o;
  o.lang = default_lang;
  o.secret = secret;
  for (const auto& [key, value] : body.items()) {
    if (key != "text" && key != "lang" && key != "mode" && key != "names" && key != "patient_key") {
      return Status::Error(ErrorCode::kUnknownField, {key});
    }
  }
  if (!body.contains("text") || !body["text"].is_string()) {
    return Status::Error(ErrorCode::kMissingInput, {"text"});
  }
  std::string lang = body.value("lang", "");
  if (!lang.empty() && lang != "fr" && lang != "en") {
    return Status::Error(ErrorCode::kInvalidArgument, {"lang (fr|en)"});
  }
  if (!lang.empty()) o.lang = lang == "en" ? Lang::kEn : Lang::kFr;
  std::string mode = body.value("mode", "mask");
  if (mode != "mask" && mode != "pseudo") {
    return Status::Error(ErrorCode::kInvalidArgument, {"mode (mask|pseudo)"});
  }
  o.mode = mode == "pseudo" ? privacy::DeidMode::kPseudo : privacy::DeidMode::kMask;
  if (o.mode == privacy::DeidMode::kPseudo && secret.empty()) {
    return Status::Error(ErrorCode::kNotReady, {"keys.master_key_file"});
  }
  if (body.contains("names")) {
    if (!body["names"].is_array()) return Status::Error(ErrorCode::kInvalidArgument, {"names"});
    for (const json& n : body["names"]) {
      privacy::KnownName k;
      if (n.is_string()) {
        k.text = n.get<std::string>();
      } else if (n.is_object() && n.contains("text") && n["text"].is_string()) {
        k.text = n["text"].get<std::string>();
        std::string label = n.value("label", "NOM");
        if (label != "NOM" && label != "PRENOM") {
          return Status::Error(ErrorCode::kInvalidArgument, {"names[].label (NOM|PRENOM)"});
        }
        k.label = label == "PRENOM" ? privacy::Label::kPrenom : privacy::Label::kNom;
      } else {
        return Status::Error(ErrorCode::kInvalidArgument, {"names[]"});
      }
      o.names.push_back(std::move(k));
    }
  }
  if (body.contains("patient_key")) {
    if (!body["patient_key"].is_string()) {
      return Status::Error(ErrorCode::kInvalidArgument, {"patient_key"});
    }
    o.patient_key = body["patient_key"].get<std::string>();
  }
  return o;
}

Result<HttpResponse> Deid(App& app, const DeidService& service, const HttpRequest& req) {
  api::AuditEvent event = app.NewAuditEvent(req, "deid.run", "ok");
  Result<json> body = ParseJsonBody(req);
  Result<privacy::DeidResult> out = Status::Error(ErrorCode::kNotReady, {"deid"});
  if (!body.ok()) {
    out = body.status();
  } else if (!service.load_status.ok()) {
    out = service.load_status;
  } else {
    Result<privacy::DeidOptions> options = OptionsFromJson(*body, req.lang, service.secret);
    out = options.ok() ? service.deid->Run((*body)["text"].get<std::string>(), *options)
                       : Result<privacy::DeidResult>(options.status());
  }
  if (!out.ok()) event.outcome = std::string(out.status().wire_code());
  if (out.ok()) event.attributes["entities"] = std::to_string(out->entities.size());
  (void)app.audit().Append(event);
  if (!out.ok()) return out.status();
  json entities = json::array();
  for (const privacy::DeidEntity& e : out->entities) {
    entities.push_back({{"start", e.start},
                        {"end", e.end},
                        {"label", privacy::LabelName(e.label)},
                        {"replacement", e.replacement}});
  }
  return HttpResponse::Json({{"text", out->text}, {"entities", entities}});
}

}  // namespace

std::string DeidDictionaryDir(const Settings& settings) {
  return settings.deid_dict_dir.empty() ? std::string(VIGIE_DEID_DICT_DIR) : settings.deid_dict_dir;
}

Status RegisterPrivacyRoutes(App& app) {
  auto service = std::make_shared<DeidService>();
  Result<privacy::DeidResources> resources =
      privacy::LoadDeidResources(app.env(), DeidDictionaryDir(app.settings()));
  if (resources.ok()) {
    Result<std::unique_ptr<privacy::Deidentifier>> d = privacy::Deidentifier::Create(*resources);
    if (d.ok()) service->deid = std::move(d).value();
    service->load_status = d.status();
  } else {
    service->load_status = resources.status();
  }
  Result<privacy::Key> master = privacy::LoadMasterKey(app.env(), app.settings().master_key_file);
  if (master.ok()) {
    Result<std::string> secret =
        privacy::PseudonymSecret(app.env(), *master, app.settings().keys_dir);
    if (secret.ok()) service->secret = *secret;
  }
  app.AddReadinessCheck({"deid", [service] { return service->load_status; }});
  return app.router().Add(
      {"POST", "/v1/deid", api::Role::kClinician, "deidentify",
       "De-identify clinical text (mask or consistent pseudonyms)", "privacy", DeidRequestSchema(),
       DeidResponseSchema(), "application/json",
       [&app, service](const HttpRequest& req) { return Deid(app, *service, req); }});
}

}  // namespace vigie::app
