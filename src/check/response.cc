// The check response of issue 4 written as JSON text in one pass into one
// string (no intermediate tree): findings, lines, unresolved, not_evaluated,
// kb. Texts are copied once, from the knowledge into the response.
// Thread-safety: pure functions.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "check/internal.h"

namespace vigie::check {
namespace {

using nlohmann::json;

bool NeedsEscape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

// Whether one of the 8 bytes of `w` needs an escape: a byte < 0x20, '"' or
// '\\' (the "has less" and "has zero" word tests: exact for the answer).
bool WordNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  uint64_t control = (w - kOnes * 0x20) & ~w;
  return ((control | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh) != 0;
}

void Escape(std::string& o, char c) {
  switch (c) {
    case '"':
      o += "\\\"";
      break;
    case '\\':
      o += "\\\\";
      break;
    case '\n':
      o += "\\n";
      break;
    case '\r':
      o += "\\r";
      break;
    case '\t':
      o += "\\t";
      break;
    default: {
      static const char* hex = "0123456789abcdef";
      o += "\\u00";
      o += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      o += hex[static_cast<unsigned char>(c) & 0xF];
    }
  }
}

// A JSON string (RFC 8259 escapes; UTF-8 passed through). Plain text is
// scanned 8 bytes at a time and appended by runs.
void Str(std::string& o, std::string_view s) {
  o += '"';
  size_t run = 0, i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if (!WordNeedsEscape(w)) {
        i += 8;
        continue;
      }
    }
    size_t end = std::min(i + 8, s.size());
    for (; i < end; ++i) {
      if (!NeedsEscape(s[i])) continue;
      o.append(s.data() + run, i - run);
      Escape(o, s[i]);
      run = i + 1;
    }
  }
  o.append(s.data() + run, s.size() - run);
  o += '"';
}

void Key(std::string& o, std::string_view k) {
  Str(o, k);
  o += ':';
}

void Num(std::string& o, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  o.append(buf, ec == std::errc() ? end : buf);
}

void Num(std::string& o, size_t v) { o += std::to_string(v); }

// As j.dump(-1, ' ', false, replace), written straight into `o` (no
// temporary string): the same serializer, so the same bytes.
void Json(std::string& o, const json& j) {
  nlohmann::detail::serializer<json> s(nlohmann::detail::output_adapter<char, std::string>(o), ' ',
                                       json::error_handler_t::replace);
  s.dump(j, false, false, 0);
}

// Valid UTF-8 without \b or \f: the only texts where Str writes the same
// bytes as json::dump (which escapes those two as \b and \f, and replaces
// invalid UTF-8).
bool SameAsDump(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0x08 || c == 0x0C) return false;
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      auto ck = static_cast<unsigned char>(s[i + k]);
      if (ck < 0x80 || ck > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

// A string written as json::dump writes it (members that were JSON values
// before the response was written without a tree: same bytes).
void JStr(std::string& o, std::string_view s) {
  if (SameAsDump(s)) {
    Str(o, s);
  } else {
    Json(o, json(std::string(s)));
  }
}

void Int(std::string& o, long long v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  o.append(buf, ec == std::errc() ? end : buf);
}

void WriteSource(std::string& o, const Source& s) {
  if (s.raw != nullptr && !s.raw->is_null()) {
    Json(o, *s.raw);
    return;
  }
  if (!s.owned.is_null()) {
    Json(o, s.owned);
    return;
  }
  o += '{';
  Key(o, "document");
  Str(o, s.document);
  o += ',';
  Key(o, "version");
  Str(o, s.version);
  if (s.page > 0) {
    o += ',';
    Key(o, "page");
    Num(o, static_cast<size_t>(s.page));
  }
  if (!s.section.empty()) {
    o += ',';
    Key(o, "section");
    Str(o, s.section);
  }
  o += '}';
}

// "levels" of an interaction: [{"applies", "condition", "level"}] (the
// members in name order, as json::dump wrote them).
void WriteLevels(std::string& o, const std::vector<LevelOut>& levels) {
  o += '[';
  for (size_t i = 0; i < levels.size(); ++i) {
    if (i > 0) o += ',';
    o += '{';
    Key(o, "applies");
    o += levels[i].applies == Tri::kTrue    ? "true"
         : levels[i].applies == Tri::kFalse ? "false"
                                            : "null";
    o += ',';
    Key(o, "condition");
    JStr(o, levels[i].rule->condition);
    o += ',';
    Key(o, "level");
    JStr(o, levels[i].rule->code);
    o += '}';
  }
  o += ']';
}

// "other_entries": [{"level", "page", "substances"}].
void WriteOtherEntries(std::string& o, const std::vector<OtherEntry>& others) {
  o += '[';
  for (size_t i = 0; i < others.size(); ++i) {
    if (i > 0) o += ',';
    o += '{';
    Key(o, "level");
    JStr(o, kb::LevelCode(others[i].level));
    o += ',';
    Key(o, "page");
    Int(o, others[i].entry->page);
    o += ',';
    Key(o, "substances");
    o += '[';
    JStr(o, others[i].entry->a);
    o += ',';
    JStr(o, others[i].entry->b);
    o += "]}";
  }
  o += ']';
}

void WriteFinding(std::string& o, const Finding& f) {
  o += '{';
  Key(o, "kind");
  Str(o, f.kind);
  o += ',';
  Key(o, "level");
  Str(o, f.level);
  o += ',';
  Key(o, "lines");
  o += '[';
  for (size_t i = 0; i < f.n_lines; ++i) {
    if (i > 0) o += ',';
    Num(o, f.lines[i]);
  }
  o += "],";
  Key(o, "substances");
  o += '[';
  for (size_t i = 0; i < f.substances.size(); ++i) {
    if (i > 0) o += ',';
    Str(o, f.substances[i]);
  }
  o += "],";
  Key(o, "message");
  Str(o, f.message);
  o += ',';
  Key(o, "risk");
  Str(o, f.risk);
  o += ',';
  Key(o, "conduct");
  Str(o, f.conduct);
  o += ',';
  Key(o, "source");
  WriteSource(o, f.source);
  if (f.has_levels) {
    o += ',';
    Key(o, "levels");
    WriteLevels(o, f.levels);
  }
  if (f.resolved) {
    o += ',';
    Key(o, "resolved");
    o += *f.resolved ? "true" : "false";
  }
  for (const auto& [k, v] : f.extra) {
    o += ',';
    Key(o, k);
    JStr(o, v);
  }
  if (f.has_other_entries) {
    o += ',';
    Key(o, "other_entries");
    WriteOtherEntries(o, f.other_entries);
  }
  o += '}';
}

// "not_evaluated": [{"check", "lines"?, "message", "missing"}].
void WriteNotEvaluated(std::string& o, const std::vector<NotEvaluated>& all) {
  o += '[';
  for (size_t i = 0; i < all.size(); ++i) {
    const NotEvaluated& n = all[i];
    if (i > 0) o += ',';
    o += '{';
    Key(o, "check");
    JStr(o, n.check);
    if (n.line) {
      o += ',';
      Key(o, "lines");
      o += '[';
      Num(o, *n.line);
      o += ']';
    }
    o += ',';
    Key(o, "message");
    JStr(o, n.message);
    o += ',';
    Key(o, "missing");
    JStr(o, n.missing);
    o += '}';
  }
  o += ']';
}

void WriteLine(std::string& o, const ResolvedLine& l, const Request& req) {
  const Line& in = req.lines[l.index];
  o += '{';
  Key(o, "index");
  Num(o, l.index);
  o += ',';
  Key(o, "input");
  Str(o, !in.drug.empty() ? in.drug : !in.cis.empty() ? in.cis : in.cip13);
  o += ',';
  Key(o, "cis");
  Str(o, l.drug->cis);
  o += ',';
  Key(o, "denomination");
  Str(o, l.drug->denomination);
  o += ',';
  Key(o, "matched_by");
  Str(o, l.matched_by);
  o += ',';
  Key(o, "score");
  Num(o, l.score);
  o += ',';
  Key(o, "substances");
  o += '[';
  for (size_t i = 0; i < l.substances.size(); ++i) {
    const ResolvedSubstance& s = l.substances[i];
    if (i > 0) o += ',';
    o += '{';
    Key(o, "name");
    Str(o, s.name);
    o += ',';
    Key(o, "thesaurus");
    Str(o, s.key);
    o += ',';
    Key(o, "atc");
    Str(o, s.atc);
    o += '}';
  }
  o += ']';
  const Amounts& a = l.amounts;
  for (const auto& [name, v] :
       {std::pair{"per_intake_mg", a.per_intake_mg}, std::pair{"per_day_mg", a.per_day_mg},
        std::pair{"per_week_mg", a.per_week_mg}}) {
    if (!v) continue;
    o += ',';
    Key(o, name);
    Num(o, *v);
  }
  o += '}';
}

}  // namespace

void WriteResponse(const CheckKnowledge& k, const ThesaurusData& th, const Request& req,
                   const std::vector<const Finding*>& found, const std::vector<ResolvedLine>& lines,
                   const json& unresolved, const std::vector<NotEvaluated>& not_evaluated,
                   std::string& o) {
  o.reserve(1024 + found.size() * 1024 + lines.size() * 256);
  o += '{';
  Key(o, "findings");
  o += '[';
  for (size_t i = 0; i < found.size(); ++i) {
    if (i > 0) o += ',';
    WriteFinding(o, *found[i]);
  }
  o += "],";
  Key(o, "lines");
  o += '[';
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) o += ',';
    WriteLine(o, lines[i], req);
  }
  o += "],";
  Key(o, "unresolved");
  Json(o, unresolved);
  o += ',';
  Key(o, "not_evaluated");
  WriteNotEvaluated(o, not_evaluated);
  o += ',';
  Key(o, "kb");
  o += '{';
  Key(o, "bdpm");
  Str(o, k.bdpm_versions());
  o += ',';
  Key(o, "thesaurus");
  Str(o, th.version);
  o += ',';
  Key(o, "hash");
  Str(o, k.hash());
  o += ',';
  Key(o, "data");
  Str(o, k.content_hash());
  o += "},";
  Key(o, "thesaurus_version");
  Str(o, th.version);
  if (!req.min_level.empty()) {
    o += ',';
    Key(o, "min_level");
    Str(o, req.min_level);
  }
  o += '}';
}

}  // namespace vigie::check
