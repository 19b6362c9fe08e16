// Parsers of the thesaurus indexes ("index des substances", "index des classes"
// pharmaco-thérapeutiques) from their layout text. Thread-safety: pure.
#include <algorithm>

#include "kb/thesaurus_text.h"
#include "vigie/core/text.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::kb {
namespace {

struct IndexLine {
  int page;
  int indent;
  std::string text;
};

// Non-blank lines, without page furniture (page numbers, running titles).
std::vector<IndexLine> Lines(const std::vector<std::string>& pages) {
  std::vector<IndexLine> out;
  for (size_t p = 0; p < pages.size(); ++p) {
    std::string_view page = pages[p];
    size_t start = 0;
    while (start < page.size()) {
      size_t nl = page.find('\n', start);
      std::string_view l = page.substr(start, nl == std::string_view::npos ? nl : nl - start);
      start = nl == std::string_view::npos ? page.size() : nl + 1;
      std::string_view t = text::Trim(l);
      std::string f = text::Fold(t);
      if (t.empty() || f.starts_with("ansm") || f.starts_with("thesaurus") ||
          f.starts_with("index d") || f.starts_with("page ") || f.starts_with("version") ||
          f.find("www.ansm") != std::string::npos || std::all_of(t.begin(), t.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '/';
          })) {
        out.push_back({static_cast<int>(p) + 1, -1, ""});  // separator
        continue;
      }
      out.push_back({static_cast<int>(p) + 1, thesaurus::Indent(l), std::string(t)});
    }
  }
  return out;
}

// Splits "a - b - c" (or "a, b") at top-level separators.
std::vector<std::string> Items(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
    if (depth <= 0 && s.substr(i, sep.size()) == sep) {
      if (!text::Trim(cur).empty()) out.emplace_back(text::Trim(cur));
      cur.clear();
      i += sep.size() - 1;
      continue;
    }
    cur += s[i];
  }
  if (!text::Trim(cur).empty()) out.emplace_back(text::Trim(cur));
  return out;
}

bool IsLowerStart(std::string_view t) { return !t.empty() && !thesaurus::IsUpperHeading(t); }

}  // namespace

std::vector<ClassMembership> ParseClassIndexText(const std::vector<std::string>& pages) {
  std::vector<ClassMembership> out;
  std::string cls, members;
  int page = 0;
  auto flush = [&] {
    std::string_view m = text::Trim(members);
    if (!cls.empty() && m.starts_with("(")) {
      m.remove_prefix(1);
      if (m.ends_with(")")) m.remove_suffix(1);
      for (const std::string& s : Items(m, ", ")) out.push_back({cls, s, "index", page});
    }
    members.clear();
  };
  for (const IndexLine& l : Lines(pages)) {
    if (l.indent < 0) continue;
    if (l.indent == 0 && !l.text.starts_with("(") && IsLowerStart(l.text)) {
      flush();
      cls = l.text;
      page = l.page;
    } else if (l.indent > 0 && (l.text.starts_with("(") || !members.empty())) {
      members += members.empty() ? l.text : " " + l.text;
    }
  }
  flush();
  return out;
}

std::vector<ClassMembership> ParseSubstanceIndexText(const std::vector<std::string>& pages,
                                                     std::vector<std::string>* names) {
  std::vector<ClassMembership> out;
  std::string substance, refs;
  int page = 0;
  auto flush = [&] {
    size_t colon = refs.find(':');
    if (!substance.empty() && colon != std::string::npos) {
      for (const std::string& c : Items(std::string_view(refs).substr(colon + 1), " - ")) {
        out.push_back({c, substance, "index", page});
      }
    }
    refs.clear();
  };
  for (const IndexLine& l : Lines(pages)) {
    if (l.indent < 0) continue;
    if (l.indent == 0 && IsLowerStart(l.text)) {
      flush();
      substance = l.text;
      page = l.page;
      names->push_back(substance);
    } else if (l.indent > 0 && !substance.empty()) {
      refs += refs.empty() ? l.text : " " + l.text;
    }
  }
  flush();
  return out;
}

}  // namespace vigie::kb
