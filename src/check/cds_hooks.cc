// CDS Hooks 2.0 adapter of the prescription check (see vigie/check/cds_hooks.h):
// discovery, hook request -> FHIR Bundle, check response -> cards, feedback.
// Thread-safety: pure functions.
#include "vigie/check/cds_hooks.h"

#include <cstdio>

namespace vigie::check {
namespace {

using nlohmann::json;

constexpr const char* kThesaurusUrl =
    "https://ansm.sante.fr/documents/reference/thesaurus-des-interactions-medicamenteuses-1";

Status Bad(const std::string& f) { return Status::Error(ErrorCode::kInvalidArgument, {f}); }

std::string Indicator(const std::string& level) {
  if (level == "CI" || level == "contraindicated") return "critical";
  if (level == "ASDEC" || level == "warning") return "warning";
  return "info";
}

// A version-4-shaped uuid derived from the hook instance and the card index
// (deterministic: no clock or random in the engine).
std::string CardUuid(const std::string& seed, size_t index) {
  uint64_t h1 = 14695981039346656037ULL, h2 = 1099511628211ULL * 31;
  for (char ch : seed) {
    auto c = static_cast<unsigned char>(ch);
    h1 = (h1 ^ c) * 1099511628211ULL;
    h2 = (h2 ^ c) * 6364136223846793005ULL + 1;
  }
  h1 ^= index * 0x9E3779B97F4A7C15ULL;
  h2 ^= (index + 1) * 0xC2B2AE3D27D4EB4FULL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(h1 >> 32),
                static_cast<unsigned>((h1 >> 16) & 0xFFFF), static_cast<unsigned>(h1 & 0xFFF),
                static_cast<unsigned>(0x8000 | (h2 >> 48 & 0x3FFF)),
                static_cast<unsigned long long>(h2 & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string Truncate(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string SourceLabel(const json& src) {
  std::string doc = src.value("document", "");
  std::string version = src.value("version", "");
  std::string label = doc + (version.empty() ? "" : " (" + version + ")");
  if (src.contains("page")) label += ", p. " + std::to_string(src["page"].get<int>());
  if (src.contains("section")) label += ", " + src["section"].get<std::string>();
  return label;
}

}  // namespace

json CdsDiscovery() {
  json prefetch = {{"patient", "Patient/{{context.patientId}}"},
                   {"observations",
                    "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7,"
                    "http://loinc.org|8302-2,http://loinc.org|2160-0,http://loinc.org|14682-9,"
                    "http://loinc.org|62238-1,http://loinc.org|98979-8&_sort=-date"},
                   {"allergies", "AllergyIntolerance?patient={{context.patientId}}"},
                   {"conditions", "Condition?patient={{context.patientId}}"}};
  json base = {{"title", "Vigie — vérification d'ordonnance"},
               {"description",
                "Interactions (thésaurus ANSM), doublons, allergies, limites du patient ; "
                "chaque alerte cite sa source officielle."},
               {"prefetch", prefetch}};
  json select = base, sign = base;
  select["hook"] = "order-select";
  select["id"] = kCdsServiceId;
  sign["hook"] = "order-sign";
  sign["id"] = std::string(kCdsServiceId) + "-sign";
  return {{"services", {select, sign}}};
}

Result<json> CdsRequestToBundle(const json& req) {
  if (!req.is_object()) return Bad("corps CDS Hooks / CDS Hooks body");
  std::string hook = req.value("hook", json("")).is_string() ? req.value("hook", "") : "";
  if (hook != "order-select" && hook != "order-sign") return Bad("hook (order-select, order-sign)");
  if (!req.contains("hookInstance") || !req["hookInstance"].is_string()) return Bad("hookInstance");
  if (!req.contains("context") || !req["context"].is_object()) return Bad("context");
  const json& ctx = req["context"];
  if (!ctx.contains("draftOrders") || !ctx["draftOrders"].is_object() ||
      !ctx["draftOrders"].contains("entry") || !ctx["draftOrders"]["entry"].is_array()) {
    return Bad("context.draftOrders (Bundle)");
  }
  const json prefetch = req.value("prefetch", json::object());
  if (!prefetch.is_object() || !prefetch.contains("patient") || !prefetch["patient"].is_object()) {
    return Status::Error(ErrorCode::kPrefetchMissing, {"patient"});
  }
  json entries = json::array();
  entries.push_back({{"resource", prefetch["patient"]}});
  for (const char* k : {"observations", "allergies", "conditions"}) {
    if (!prefetch.contains(k) || prefetch[k].is_null()) continue;
    const json& b = prefetch[k];
    if (!b.is_object() || !b.contains("entry") || !b["entry"].is_array()) {
      if (b.is_object() && b.value("resourceType", "") == "Bundle")
        continue;  // empty search result
      return Bad(std::string("prefetch.") + k + " (Bundle)");
    }
    for (const json& e : b["entry"]) entries.push_back(e);
  }
  for (const json& e : ctx["draftOrders"]["entry"]) entries.push_back(e);
  return json{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}};
}

json CdsCards(const json& out, const std::string& hook_instance, Lang lang) {
  json cards = json::array();
  const bool fr = lang == Lang::kFr;
  json reasons = json::array(
      {{{"code", "benefit-outweighs-risk"},
        {"system", "https://vigie.local/cds/override-reason"},
        {"display", fr ? "Bénéfice supérieur au risque" : "Benefit outweighs risk"}},
       {{"code", "monitoring-in-place"},
        {"system", "https://vigie.local/cds/override-reason"},
        {"display", fr ? "Surveillance prévue" : "Monitoring in place"}},
       {{"code", "not-applicable"},
        {"system", "https://vigie.local/cds/override-reason"},
        {"display", fr ? "Ne s'applique pas à ce patient" : "Does not apply to this patient"}}});
  size_t i = 0;
  for (const json& f : out.value("findings", json::array())) {
    const json& src = f["source"];
    std::string detail = "**" + f.value("message", "") + "**\n\n";
    if (!f.value("risk", "").empty())
      detail += (fr ? "**Risque :** " : "**Risk:** ") + f.value("risk", "") + "\n\n";
    if (!f.value("conduct", "").empty()) {
      detail +=
          (fr ? "**Conduite à tenir :** " : "**What to do:** ") + f.value("conduct", "") + "\n\n";
    }
    detail += (fr ? "**Source :** " : "**Source:** ") + SourceLabel(src);
    std::string doc = src.value("document", "");
    bool thesaurus = doc.find("Thésaurus") != std::string::npos;
    json source = {{"label", thesaurus ? "ANSM — Thésaurus des interactions médicamenteuses (" +
                                             src.value("version", "") + ")"
                                       : Truncate(SourceLabel(src), 200)}};
    if (thesaurus) source["url"] = kThesaurusUrl;
    cards.push_back({{"uuid", CardUuid(hook_instance, i++)},
                     {"summary", Truncate(f.value("message", ""), 139)},
                     {"indicator", Indicator(f.value("level", ""))},
                     {"detail", detail},
                     {"source", source},
                     {"overrideReasons", reasons}});
  }
  for (const json& u : out.value("unresolved", json::array())) {
    cards.push_back({{"uuid", CardUuid(hook_instance, i++)},
                     {"summary", Truncate(std::string(fr ? "Ligne non reconnue, non vérifiée : "
                                                         : "Unrecognised line, not checked: ") +
                                              u.value("input", ""),
                                          139)},
                     {"indicator", "warning"},
                     {"source", {{"label", "Vigie — BDPM"}}}});
  }
  // Checks that could not run (missing patient data, no posology rule) are
  // said on one card, never dropped: a CDS client shows only cards.
  const json& skipped = out.value("not_evaluated", json::array());
  if (!skipped.empty()) {
    std::string detail;
    for (const json& n : skipped) detail += "- " + n.value("message", "") + "\n";
    std::string count = std::to_string(skipped.size());
    cards.push_back(
        {{"uuid", CardUuid(hook_instance, i++)},
         {"summary", fr ? count + " vérification(s) non faite(s) : données manquantes (voir détail)"
                        : count + " check(s) not done: missing data (see detail)"},
         {"indicator", "info"},
         {"detail", detail},
         {"source", {{"label", "Vigie"}}}});
  }
  return {{"cards", cards}};
}

Result<std::vector<std::array<std::string, 3>>> CdsFeedback(const json& body) {
  if (!body.is_object() || !body.contains("feedback") || !body["feedback"].is_array())
    return Bad("feedback");
  std::vector<std::array<std::string, 3>> out;
  for (const json& f : body["feedback"]) {
    if (!f.is_object() || !f.contains("card") || !f["card"].is_string())
      return Bad("feedback[].card");
    std::string outcome = f.value("outcome", json("")).is_string() ? f.value("outcome", "") : "";
    if (outcome != "accepted" && outcome != "overridden")
      return Bad("feedback[].outcome (accepted, overridden)");
    std::string reason;
    if (f.contains("overrideReason") && f["overrideReason"].is_object()) {
      const json& r = f["overrideReason"].value("reason", json());
      if (r.is_object() && r.contains("code") && r["code"].is_string()) reason = r["code"];
    }
    out.push_back({f["card"].get<std::string>(), outcome, reason});
  }
  return out;
}

}  // namespace vigie::check
