// Loader of the red-flag data (data/red-flags/red-flags.json): validates every
// field, resolves source keys and compiles every pattern with RE2 so that a bad
// file fails at load time with the flag and field named, never at triage time.
// Thread-safety: pure function; the result is immutable.
#include <re2/re2.h>

#include <exception>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "triage/red_flag_set.h"

namespace vigie::triage {
namespace {

using json = nlohmann::json;
using Terms = std::map<std::string, std::string, std::less<>>;

constexpr std::string_view kFile = "red-flags.json";

Status DataError(const std::string& where) {
  return Status::Error(ErrorCode::kDataError, {std::string(kFile), where});
}

Result<RegexPtr> Compile(const std::string& pattern, const Terms& terms, bool wrap,
                         const std::string& where) {
  std::string expanded = ExpandPattern(pattern, terms);
  if (wrap) expanded = "\\b(?:" + expanded + ")";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto re = std::make_unique<const RE2>(expanded, options);
  if (!re->ok()) return DataError(where + ": pattern does not compile (" + re->error() + ")");
  return RegexPtr(std::move(re));
}

Result<std::string> String(const json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return DataError(where + "." + key + " (string)");
  return it->get<std::string>();
}

Result<Localized> Local(const json& obj, const std::string& where) {
  if (!obj.is_object()) return DataError(where + " (object with fr, en)");
  Result<std::string> fr = String(obj, "fr", where);
  if (!fr.ok()) return fr.status();
  Result<std::string> en = String(obj, "en", where);
  if (!en.ok()) return en.status();
  return Localized{*fr, *en};
}

Status CompileList(const json& obj, const char* key, const Terms& terms, bool required,
                   const std::string& where, std::vector<RegexPtr>& out) {
  auto it = obj.find(key);
  if (it == obj.end() && !required) return Status::Ok();
  if (it == obj.end() || !it->is_array() || (required && it->empty())) {
    return DataError(where + "." + key + " (non-empty array of patterns)");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& p = (*it)[i];
    std::string at = where + "." + key + "[" + std::to_string(i) + "]";
    if (!p.is_string()) return DataError(at + " (string)");
    Result<RegexPtr> re = Compile(p.get<std::string>(), terms, true, at);
    if (!re.ok()) return re.status();
    out.push_back(std::move(re).value());
  }
  return Status::Ok();
}

Status CompileOne(const json& obj, const char* key, const Terms& terms, const std::string& where,
                  RegexPtr& out) {
  Result<std::string> text = String(obj, key, where);
  if (!text.ok()) return text.status();
  Result<RegexPtr> re = Compile(*text, terms, false, where + "." + key);
  if (!re.ok()) return re.status();
  out = std::move(re).value();
  return Status::Ok();
}

Result<std::string> SourceText(const json& sources, const json& keys, const std::string& where) {
  if (!keys.is_array() || keys.empty()) return DataError(where + ".sources (non-empty array)");
  std::string out;
  for (const json& key : keys) {
    if (!key.is_string() || !sources.contains(key.get<std::string>())) {
      return DataError(where + ".sources: unknown source " + key.dump());
    }
    const json& s = sources[key.get<std::string>()];
    Result<std::string> doc = String(s, "document", "sources." + key.get<std::string>());
    if (!doc.ok()) return doc.status();
    Result<std::string> section = String(s, "section", "sources." + key.get<std::string>());
    if (!section.ok()) return section.status();
    if (!out.empty()) out += "; ";
    out += *doc + " — " + *section;
    if (s.contains("date") && s["date"].is_string())
      out += " (" + s["date"].get<std::string>() + ")";
    if (s.contains("url") && s["url"].is_string()) out += " " + s["url"].get<std::string>();
  }
  return out;
}

bool KnownCall(const std::string& call) {
  return call == "15" || call == "112" || call == "114" || call == "3114" || call == "116117";
}

Result<CompiledFlag> ParseFlag(const json& f, const json& sources, const Terms& terms, size_t i) {
  std::string where = "flags[" + std::to_string(i) + "]";
  if (!f.is_object()) return DataError(where + " (object)");
  CompiledFlag flag;
  Result<std::string> id = String(f, "id", where);
  if (!id.ok()) return id.status();
  flag.id = *id;
  where = "flags." + flag.id;
  Result<std::string> level = String(f, "level", where);
  if (!level.ok()) return level.status();
  if (*level == "emergency") {
    flag.level = Level::kEmergency;
  } else if (*level == "urgent") {
    flag.level = Level::kUrgent;
  } else {
    return DataError(where + ".level: expected emergency or urgent");
  }
  Result<std::string> call = String(f, "call", where);
  if (!call.ok()) return call.status();
  if (!KnownCall(*call)) return DataError(where + ".call: unknown number " + *call);
  if (flag.level == Level::kUrgent && *call != "116117") {
    return DataError(where + ".call: an urgent flag calls 116117 (permanence des soins)");
  }
  flag.call = *call;
  Result<std::string> source = SourceText(sources, f.value("sources", json()), where);
  if (!source.ok()) return source.status();
  flag.source = *source;
  VIGIE_RETURN_IF_ERROR(CompileList(f, "patterns", terms, true, where, flag.patterns));
  VIGIE_RETURN_IF_ERROR(CompileList(f, "exclude", terms, false, where, flag.excludes));
  if (f.contains("requires")) {
    if (f["requires"].is_array()) {
      VIGIE_RETURN_IF_ERROR(CompileList(f, "requires", terms, true, where, flag.requires_));
    } else {
      RegexPtr one;
      VIGIE_RETURN_IF_ERROR(CompileOne(f, "requires", terms, where, one));
      flag.requires_.push_back(std::move(one));
    }
  }
  if (f.contains("infant_age_max_days")) {
    const json& days = f["infant_age_max_days"];
    if (!days.is_number_integer() || days.get<int>() < 0) {
      return DataError(where + ".infant_age_max_days (integer >= 0)");
    }
    flag.infant_age_max_days = days.get<int>();
  }
  if (f.contains("advice")) {
    Result<Localized> advice = Local(f["advice"], where + ".advice");
    if (!advice.ok()) return advice.status();
    flag.advice = *advice;
  }
  return flag;
}

Status ParseLanguage(const json& doc, const Terms& terms, RedFlagSetImpl& set) {
  const json neg = doc.value("negation", json::object());
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "before", terms, "negation", set.negation_before));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "after", terms, "negation", set.negation_after));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "clause_break", terms, "negation", set.clause_break));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "doubt", terms, "negation", set.doubt));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "filler", terms, "negation", set.filler));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "verb_before", terms, "negation", set.verb_before));
  VIGIE_RETURN_IF_ERROR(CompileOne(neg, "verb_after", terms, "negation", set.verb_after));
  if (!neg.contains("window_words") || !neg["window_words"].is_number_unsigned()) {
    return DataError("negation.window_words (integer)");
  }
  set.window_words = neg["window_words"].get<size_t>();
  const json time = doc.value("time", json::object());
  VIGIE_RETURN_IF_ERROR(CompileOne(time, "past", terms, "time", set.past));
  VIGIE_RETURN_IF_ERROR(
      CompileOne(time, "present_in_clause", terms, "time", set.present_in_clause));
  VIGIE_RETURN_IF_ERROR(
      CompileOne(time, "present_in_sentence", terms, "time", set.present_in_sentence));
  const json age = doc.value("age", json::object());
  VIGIE_RETURN_IF_ERROR(CompileList(age, "patterns", terms, true, "age", set.age_patterns));
  for (const RegexPtr& re : set.age_patterns) {
    if (re->NumberOfCapturingGroups() != 3) return DataError("age.patterns: need 3 groups");
  }
  Result<std::string> not_after = String(age, "not_after", "age");
  if (!not_after.ok()) return not_after.status();
  set.age_not_after = *not_after;
  VIGIE_RETURN_IF_ERROR(CompileOne(age, "newborn", terms, "age", set.newborn));
  return Status::Ok();
}

Status ParseMessages(const json& doc, RedFlagSetImpl& set) {
  const json messages = doc.value("messages", json::object());
  for (const char* key : {"emergency_15", "emergency_112", "emergency_114", "emergency_3114",
                          "urgent", "consult", "disclaimer", "privacy"}) {
    if (!messages.contains(key)) return DataError(std::string("messages.") + key + " missing");
    Result<Localized> text = Local(messages[key], std::string("messages.") + key);
    if (!text.ok()) return text.status();
    set.messages.emplace(key, *text);
  }
  return Status::Ok();
}

Result<RedFlagSet> ParseDocument(const json& doc) {
  if (!doc.is_object()) return DataError("document (object)");
  auto impl = std::make_shared<RedFlagSetImpl>();
  Result<std::string> version = String(doc, "version", "document");
  if (!version.ok()) return version.status();
  impl->version = *version;
  Terms terms;
  const json terms_doc = doc.value("terms", json::object());
  for (const auto& [name, value] : terms_doc.items()) {
    if (!value.is_string()) return DataError("terms." + name + " (string)");
    terms.emplace(name, value.get<std::string>());
  }
  const json sources = doc.value("sources", json::object());
  VIGIE_RETURN_IF_ERROR(ParseLanguage(doc, terms, *impl));
  VIGIE_RETURN_IF_ERROR(ParseMessages(doc, *impl));
  const json flags = doc.value("flags", json::array());
  if (!flags.is_array() || flags.empty()) return DataError("flags (non-empty array)");
  for (size_t i = 0; i < flags.size(); ++i) {
    Result<CompiledFlag> flag = ParseFlag(flags[i], sources, terms, i);
    if (!flag.ok()) return flag.status();
    impl->flags.push_back(std::move(flag).value());
  }
  const json modifiers = doc.value("modifiers", json::array());
  for (size_t i = 0; i < modifiers.size(); ++i) {
    const json& m = modifiers[i];
    std::string where = "modifiers[" + std::to_string(i) + "]";
    Modifier mod;
    Result<std::string> id = String(m, "id", where);
    Result<std::string> call = String(m, "call", where);
    Result<std::string> key = String(m, "message_key", where);
    if (!id.ok() || !call.ok() || !key.ok()) return DataError(where + " (id, call, message_key)");
    if (!KnownCall(*call) || impl->messages.count(*key) == 0) {
      return DataError(where + ": unknown call or message_key");
    }
    mod.id = *id;
    mod.call = *call;
    mod.message_key = *key;
    VIGIE_RETURN_IF_ERROR(CompileList(m, "patterns", terms, true, where, mod.patterns));
    impl->modifiers.push_back(std::move(mod));
  }
  return RedFlagSet(std::move(impl));
}

}  // namespace

std::string PrepareForMatching(std::string folded) {
  for (char& c : folded) {
    if (c == '-' || c == '_' || c == '\t' || c == '\r') c = ' ';
  }
  return folded;
}

std::string ExpandPattern(const std::string& pattern, const Terms& terms) {
  // Terms may use terms; a fixed number of passes keeps a cycle from looping.
  std::string text = pattern;
  for (int pass = 0; pass < 4; ++pass) {
    std::string next;
    bool changed = false;
    for (size_t i = 0; i < text.size(); ++i) {
      size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
      if (close != std::string::npos) {
        auto it = terms.find(std::string_view(text).substr(i + 1, close - i - 1));
        if (it != terms.end()) {
          next += it->second;
          i = close;
          changed = true;
          continue;
        }
      }
      next += text[i];
    }
    text = std::move(next);
    if (!changed) break;
  }
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      out += c;
      out += text[++i];
    } else if (c == '[' && !in_class) {
      in_class = true;
      out += c;
    } else if (c == ']' && in_class) {
      in_class = false;
      out += c;
    } else if (c == ' ' && !in_class) {
      bool optional = i + 1 < text.size() && text[i + 1] == '?';
      out += optional ? "\\s*" : "\\s+";
      if (optional) ++i;
    } else {
      out += c;
    }
  }
  return out;
}

Result<RedFlagSet> ParseRedFlags(std::string_view json_text) {
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded()) return Status::Error(ErrorCode::kMalformedJson, {std::string(kFile)});
  try {
    return ParseDocument(doc);
  } catch (const std::exception& e) {  // a json type error we did not foresee
    return DataError(e.what());
  }
}

size_t RedFlagSet::flag_count() const { return impl_->flags.size(); }
const std::string& RedFlagSet::version() const { return impl_->version; }

}  // namespace vigie::triage
