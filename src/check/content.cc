// Parsing of the check's authored content and its hash (see content.h).
// Thread-safety: pure functions.
#include "vigie/check/content.h"

#include <algorithm>
#include <cstdio>

namespace vigie::check {
namespace {

using nlohmann::json;

Status Bad(const std::string& what) {
  return Status::Error(ErrorCode::kDataError, {"data/check/allergy.json", what});
}

Result<std::vector<std::string>> Strings(const json& e, const char* key, const std::string& at) {
  std::vector<std::string> out;
  if (!e.contains(key) || !e[key].is_array() || e[key].empty()) return Bad(at + "." + key);
  for (const json& s : e[key]) {
    if (!s.is_string() || s.get<std::string>().empty()) return Bad(at + "." + key);
    out.push_back(s.get<std::string>());
  }
  return out;
}

bool HasSource(const json& e) {
  return e.contains("source") && e["source"].is_object() &&
         e["source"].value("document", json("")).is_string() &&
         !e["source"].value("document", "").empty();
}

std::string Text(const json& e, const char* key, const char* lang) {
  if (!e.contains(key) || !e[key].is_object()) return "";
  const json& t = e[key];
  return t.contains(lang) && t[lang].is_string() ? t[lang].get<std::string>() : "";
}

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace

Result<AllergyTable> ParseAllergyTable(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Bad("JSON");
  AllergyTable t;
  const json classes = doc.value("classes", json::array());
  for (size_t i = 0; i < classes.size(); ++i) {
    const json& c = classes[i];
    std::string at = "classes[" + std::to_string(i) + "]";
    if (!c.is_object() || !HasSource(c)) return Bad(at + ".source");
    auto stems = Strings(c, "stems", at);
    if (!stems.ok()) return stems.status();
    auto atc = Strings(c, "atc", at);
    if (!atc.ok()) return atc.status();
    t.classes.push_back({c.value("name", ""), *stems, *atc, c["source"]});
  }
  const json cross = doc.value("cross_reactivity", json::array());
  for (size_t i = 0; i < cross.size(); ++i) {
    const json& c = cross[i];
    std::string at = "cross_reactivity[" + std::to_string(i) + "]";
    if (!c.is_object() || !HasSource(c)) return Bad(at + ".source");
    CrossReactivity r;
    r.id = c.value("id", json("")).is_string() ? c.value("id", "") : "";
    r.level = c.value("level", json("")).is_string() ? c.value("level", "") : "";
    if (r.level != "contraindicated" && r.level != "warning" && r.level != "info")
      return Bad(at + ".level");
    r.condition = c.value("condition", json("")).is_string() ? c.value("condition", "") : "";
    auto declared = Strings(c, "declared_atc", at);
    if (!declared.ok()) return declared.status();
    auto line = Strings(c, "line_atc", at);
    if (!line.ok()) return line.status();
    r.declared_atc = *declared;
    r.line_atc = *line;
    r.risk_fr = Text(c, "risk", "fr");
    r.risk_en = Text(c, "risk", "en");
    r.conduct_fr = Text(c, "conduct", "fr");
    r.conduct_en = Text(c, "conduct", "en");
    if (r.conduct_fr.empty() || r.conduct_en.empty()) return Bad(at + ".conduct");
    r.source = c["source"];
    t.cross_reactivity.push_back(std::move(r));
  }
  return t;
}

Result<CheckContent> ParseCheckContent(std::vector<ContentFile> files) {
  std::sort(files.begin(), files.end());
  CheckContent out;
  auto book = std::make_shared<dose::PosologyBook>();
  bool any_posology = false;
  uint64_t h = 14695981039346656037ULL;
  bool hashed = false;
  for (const auto& [path, bytes] : files) {
    bool posology = path.starts_with("posology/") && path.ends_with(".json");
    bool allergy = path == "check/allergy.json";
    if (!posology && !allergy) continue;
    if (posology) {
      Result<dose::PosologyBook> one = dose::ParsePosology(bytes);
      if (!one.ok())
        return Status::Error(ErrorCode::kDataError, {path, one.status().Message(Lang::kEn)});
      VIGIE_RETURN_IF_ERROR(dose::MergeBooks(*book, std::move(one).value()));
      any_posology = true;
    } else {
      Result<AllergyTable> t = ParseAllergyTable(bytes);
      if (!t.ok()) return t.status();
      out.allergy = std::make_shared<const AllergyTable>(std::move(t).value());
    }
    h = Fnv1a(path, h);
    h = Fnv1a(std::string_view("\0", 1), h);
    h = Fnv1a(std::to_string(bytes.size()) + ":", h);
    h = Fnv1a(bytes, h);
    hashed = true;
  }
  if (any_posology) out.posology = std::move(book);
  if (hashed) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    out.hash = buf;
  }
  return out;
}

}  // namespace vigie::check
