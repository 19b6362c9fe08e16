// The CDS Hooks attribute tables as checks (see cds_spec.h). Field names,
// optionality and allowed values are the specification's.
#include "cds_spec.h"

#include <initializer_list>

namespace vigie::testing {
namespace {

using nlohmann::json;

class Checker {
 public:
  std::vector<std::string> errors;

  void Fail(const std::string& path, const std::string& rule) {
    errors.push_back(path + ": " + rule);
  }

  // "SHALL NOT be null or empty", recursively; `allowed_empty` names the
  // paths where an empty array is allowed.
  void NotEmpty(const json& v, const std::string& path,
                std::initializer_list<const char*> allowed_empty = {}) {
    bool empty = v.is_null() || (v.is_string() && v.get<std::string>().empty()) ||
                 (v.is_array() && v.empty()) || (v.is_object() && v.empty());
    bool allowed = false;
    for (const char* a : allowed_empty) allowed = allowed || path == a;
    if (empty && !(allowed && v.is_array())) Fail(path, "null or empty value");
    if (v.is_object()) {
      for (const auto& [k, x] : v.items()) NotEmpty(x, path + "." + k, allowed_empty);
    } else if (v.is_array()) {
      for (size_t i = 0; i < v.size(); ++i)
        NotEmpty(v[i], path + "[" + std::to_string(i) + "]", allowed_empty);
    }
  }

  // A REQUIRED (or, with required = false, OPTIONAL) member of one JSON type.
  const json* Member(const json& o, const char* key, const std::string& path, bool required,
                     json::value_t type, const char* type_name) {
    if (!o.contains(key)) {
      if (required) Fail(path + "." + key, "required");
      return nullptr;
    }
    if (o[key].type() != type) {
      Fail(path + "." + key, std::string("must be ") + type_name);
      return nullptr;
    }
    return &o[key];
  }
  const json* String(const json& o, const char* key, const std::string& path, bool required) {
    return Member(o, key, path, required, json::value_t::string, "a string");
  }
  const json* Array(const json& o, const char* key, const std::string& path, bool required) {
    return Member(o, key, path, required, json::value_t::array, "an array");
  }
  const json* Object(const json& o, const char* key, const std::string& path, bool required) {
    return Member(o, key, path, required, json::value_t::object, "an object");
  }

  void OneOf(const json& o, const char* key, const std::string& path, bool required,
             std::initializer_list<const char*> values) {
    const json* v = String(o, key, path, required);
    if (v == nullptr) return;
    for (const char* a : values) {
      if (*v == a) return;
    }
    Fail(path + "." + key, "value not allowed: " + v->get<std::string>());
  }

  void AbsoluteUrl(const json& o, const char* key, const std::string& path, bool required) {
    const json* v = String(o, key, path, required);
    if (v == nullptr) return;
    const std::string& s = v->get_ref<const std::string&>();
    if (!s.starts_with("https://") && !s.starts_with("http://"))
      Fail(path + "." + key, "not a URL");
  }

  // Coding (system, code, display); `display_required` for overrideReasons.
  void Coding(const json& c, const std::string& path, bool display_required) {
    if (!c.is_object()) return Fail(path, "must be a Coding object");
    String(c, "code", path, true);
    String(c, "system", path, false);
    String(c, "display", path, display_required);
  }

  void Action(const json& a, const std::string& path) {
    if (!a.is_object()) return Fail(path, "must be an object");
    OneOf(a, "type", path, true, {"create", "update", "delete"});
    String(a, "description", path, true);
    if (a.value("type", "") == "create" || a.value("type", "") == "update")
      Object(a, "resource", path, true);
  }

  void Card(const json& c, const std::string& path) {
    if (!c.is_object()) return Fail(path, "must be an object");
    String(c, "uuid", path, false);
    if (const json* s = String(c, "summary", path, true)) {
      // "<140-character": counted in characters (code points), not bytes.
      size_t chars = 0;
      for (char ch : s->get_ref<const std::string&>())
        chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (chars >= 140) Fail(path + ".summary", "140 characters or more");
    }
    String(c, "detail", path, false);
    OneOf(c, "indicator", path, true, {"info", "warning", "critical"});
    if (const json* src = Object(c, "source", path, true)) {
      String(*src, "label", path + ".source", true);
      AbsoluteUrl(*src, "url", path + ".source", false);
      AbsoluteUrl(*src, "icon", path + ".source", false);
      if (src->contains("topic")) Coding((*src)["topic"], path + ".source.topic", false);
    }
    if (const json* sugg = Array(c, "suggestions", path, false)) {
      OneOf(c, "selectionBehavior", path, true, {"at-most-one", "any"});
      for (size_t i = 0; i < sugg->size(); ++i) {
        std::string p = path + ".suggestions[" + std::to_string(i) + "]";
        const json& s = (*sugg)[i];
        if (!s.is_object()) {
          Fail(p, "must be an object");
          continue;
        }
        String(s, "label", p, true);
        if (const json* acts = Array(s, "actions", p, false)) {
          for (size_t k = 0; k < acts->size(); ++k)
            Action((*acts)[k], p + ".actions[" + std::to_string(k) + "]");
        }
      }
    }
    if (const json* reasons = Array(c, "overrideReasons", path, false)) {
      for (size_t i = 0; i < reasons->size(); ++i)
        Coding((*reasons)[i], path + ".overrideReasons[" + std::to_string(i) + "]", true);
    }
    if (const json* links = Array(c, "links", path, false)) {
      for (size_t i = 0; i < links->size(); ++i) {
        std::string p = path + ".links[" + std::to_string(i) + "]";
        const json& l = (*links)[i];
        if (!l.is_object()) {
          Fail(p, "must be an object");
          continue;
        }
        String(l, "label", p, true);
        AbsoluteUrl(l, "url", p, true);
        OneOf(l, "type", p, true, {"absolute", "smart"});
        if (l.contains("appContext") && l.value("type", "") != "smart")
          Fail(p + ".appContext", "only for smart links");
      }
    }
  }
};

}  // namespace

std::vector<std::string> ValidateCdsDiscovery(const json& doc) {
  Checker c;
  if (!doc.is_object()) return {"$: must be an object"};
  c.NotEmpty(doc, "$", {"$.services"});
  if (const json* services = c.Array(doc, "services", "$", true)) {
    for (size_t i = 0; i < services->size(); ++i) {
      std::string p = "$.services[" + std::to_string(i) + "]";
      const json& s = (*services)[i];
      if (!s.is_object()) {
        c.Fail(p, "must be an object");
        continue;
      }
      c.String(s, "hook", p, true);
      c.String(s, "title", p, false);
      c.String(s, "description", p, true);
      c.String(s, "id", p, true);
      if (const json* pre = c.Object(s, "prefetch", p, false)) {
        for (const auto& [k, q] : pre->items()) {
          if (!q.is_string()) c.Fail(p + ".prefetch." + k, "must be a string (FHIR query)");
        }
      }
    }
  }
  return c.errors;
}

std::vector<std::string> ValidateCdsRequest(const json& doc) {
  Checker c;
  if (!doc.is_object()) return {"$: must be an object"};
  c.NotEmpty(doc, "$");
  c.String(doc, "hook", "$", true);
  c.String(doc, "hookInstance", "$", true);
  c.AbsoluteUrl(doc, "fhirServer", "$", false);
  if (const json* auth = c.Object(doc, "fhirAuthorization", "$", false)) {
    if (!doc.contains("fhirServer")) c.Fail("$.fhirServer", "required with fhirAuthorization");
    for (const char* k : {"access_token", "token_type", "scope", "subject"})
      c.String(*auth, k, "$.fhirAuthorization", true);
    if (!auth->contains("expires_in") || !(*auth)["expires_in"].is_number())
      c.Fail("$.fhirAuthorization.expires_in", "required number");
  }
  c.Object(doc, "prefetch", "$", false);
  const json* ctx = c.Object(doc, "context", "$", true);
  if (ctx == nullptr) return c.errors;
  std::string hook = doc.value("hook", "");
  if (hook == "order-select" || hook == "order-sign") {
    c.String(*ctx, "userId", "$.context", true);
    c.String(*ctx, "patientId", "$.context", true);
    c.String(*ctx, "encounterId", "$.context", false);
    if (hook == "order-select") {
      if (const json* sel = c.Array(*ctx, "selections", "$.context", true)) {
        for (const json& s : *sel) {
          if (!s.is_string()) c.Fail("$.context.selections", "must hold strings");
        }
      }
    }
    if (const json* orders = c.Object(*ctx, "draftOrders", "$.context", true)) {
      if (orders->value("resourceType", "") != "Bundle")
        c.Fail("$.context.draftOrders.resourceType", "must be Bundle");
    }
  }
  return c.errors;
}

std::vector<std::string> ValidateCdsResponse(const json& doc) {
  Checker c;
  if (!doc.is_object()) return {"$: must be an object"};
  c.NotEmpty(doc, "$", {"$.cards"});
  if (const json* cards = c.Array(doc, "cards", "$", true)) {
    for (size_t i = 0; i < cards->size(); ++i)
      c.Card((*cards)[i], "$.cards[" + std::to_string(i) + "]");
  }
  if (const json* actions = c.Array(doc, "systemActions", "$", false)) {
    for (size_t i = 0; i < actions->size(); ++i)
      c.Action((*actions)[i], "$.systemActions[" + std::to_string(i) + "]");
  }
  return c.errors;
}

std::vector<std::string> ValidateCdsFeedback(const json& doc) {
  Checker c;
  if (!doc.is_object()) return {"$: must be an object"};
  c.NotEmpty(doc, "$");
  const json* items = c.Array(doc, "feedback", "$", true);
  if (items == nullptr) return c.errors;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string p = "$.feedback[" + std::to_string(i) + "]";
    const json& f = (*items)[i];
    if (!f.is_object()) {
      c.Fail(p, "must be an object");
      continue;
    }
    c.String(f, "card", p, true);
    c.OneOf(f, "outcome", p, true, {"accepted", "overridden"});
    c.String(f, "outcomeTimestamp", p, true);
    const json* accepted =
        c.Array(f, "acceptedSuggestions", p, f.value("outcome", "") == "accepted");
    if (accepted != nullptr) {
      for (size_t k = 0; k < accepted->size(); ++k) {
        const json& a = (*accepted)[k];
        if (!a.is_object()) {
          c.Fail(p + ".acceptedSuggestions[" + std::to_string(k) + "]", "must be an object");
        } else {
          c.String(a, "id", p + ".acceptedSuggestions[" + std::to_string(k) + "]", true);
        }
      }
    }
    if (const json* r = c.Object(f, "overrideReason", p, false)) {
      if (r->contains("reason")) c.Coding((*r)["reason"], p + ".overrideReason.reason", false);
      c.String(*r, "userComment", p + ".overrideReason", false);
    }
  }
  return c.errors;
}

}  // namespace vigie::testing
