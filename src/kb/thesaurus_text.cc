// Thesaurus layout text helpers (see thesaurus_text.h). Thread-safety: pure.
#include "kb/thesaurus_text.h"

#include <algorithm>
#include <array>

#include "vigie/core/text.h"

namespace vigie::kb::thesaurus {
namespace {

size_t Utf8Len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Folded, with typographic apostrophes as ASCII and spaces collapsed.
std::string Key(std::string_view s) {
  std::string f = text::Fold(s);
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (f[i] == ' ' && !out.empty() && out.back() == ' ') {
      continue;
    } else {
      out += f[i];
    }
  }
  return std::string(text::Trim(out));
}

struct Phrase {
  std::string_view key;
  Level level;
};
constexpr std::array<Phrase, 9> kPhrases = {{
    {"contre-indication", Level::kCI},
    {"contre indication", Level::kCI},
    {"association deconseillee", Level::kASDEC},
    {"precaution d'emploi", Level::kPE},
    {"a prendre en compte", Level::kAPEC},
    {"ci", Level::kCI},
    {"asdec", Level::kASDEC},
    {"pe", Level::kPE},
    {"apec", Level::kAPEC},
}};

std::optional<Level> Abbrev(std::string_view k) {
  for (const Phrase& p : kPhrases) {
    if (p.key == k) return p.level;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Chunk> Chunks(std::string_view line) {
  std::vector<Chunk> out;
  int col = 0;
  int spaces = 2;
  for (size_t i = 0; i < line.size();) {
    size_t n = std::min(Utf8Len(static_cast<unsigned char>(line[i])), line.size() - i);
    bool space = line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
    if (space) {
      ++spaces;
    } else {
      if (spaces >= 2 || out.empty()) {
        out.push_back({col, ""});
      } else if (spaces == 1) {
        out.back().text += ' ';
      }
      out.back().text.append(line.substr(i, n));
      spaces = 0;
    }
    ++col;
    i += n;
  }
  return out;
}

int Indent(std::string_view line) {
  int n = 0;
  while (static_cast<size_t>(n) < line.size() &&
         (line[static_cast<size_t>(n)] == ' ' || line[static_cast<size_t>(n)] == '\t')) {
    ++n;
  }
  return n;
}

bool IsUpperHeading(std::string_view s) {
  bool letter = false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
    // Latin-1 lowercase letters U+00DF..U+00FF and œ (C5 93).
    if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x9F) {
      return false;
    }
    if (c == 0xC5 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x93) {
      return false;
    }
  }
  return letter;
}

std::optional<std::vector<Level>> ParseLevelLabel(std::string_view chunk) {
  std::string k = Key(chunk);
  for (const Phrase& p : kPhrases) {
    if (p.key.size() > 4 && k == p.key) return std::vector<Level>{p.level};
  }
  std::vector<Level> levels;
  size_t start = 0;
  while (start <= k.size()) {
    size_t dash = k.find('-', start);
    std::string part(text::Trim(k.substr(start, dash == std::string::npos ? dash : dash - start)));
    std::optional<Level> l = Abbrev(part);
    if (!l || part.size() > 5) return std::nullopt;
    levels.push_back(*l);
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (levels.empty()) return std::nullopt;
  return levels;
}

std::optional<Level> LevelOpening(std::string_view line) {
  std::string k = Key(line);
  if (k.starts_with("- ")) k = k.substr(2);
  for (const Phrase& p : kPhrases) {
    if (!k.starts_with(p.key)) continue;
    if (k.size() == p.key.size()) return p.level;
    char next = k[p.key.size()];
    if (next == ' ' || next == ':' || next == ',' || next == '.' || next == ';') return p.level;
  }
  return std::nullopt;
}

}  // namespace vigie::kb::thesaurus

namespace vigie::kb::thesaurus {

std::vector<LevelCondition> SplitConditions(const std::vector<Level>& levels,
                                            const std::vector<std::string>& conduct_lines) {
  std::vector<std::pair<Level, std::string>> segments;
  std::string context;
  int current = -1;
  for (const std::string& raw : conduct_lines) {
    std::string_view line = text::Trim(raw);
    if (line.empty()) {
      current = -1;
      context.clear();
      continue;
    }
    if (std::optional<Level> l = LevelOpening(line)) {
      std::string seg = context.empty() ? std::string(line) : context + " " + std::string(line);
      segments.emplace_back(*l, std::move(seg));
      current = static_cast<int>(segments.size()) - 1;
    } else if (current >= 0) {
      segments[static_cast<size_t>(current)].second += " " + std::string(line);
    } else {
      context += context.empty() ? std::string(line) : " " + std::string(line);
    }
  }
  std::vector<LevelCondition> out;
  for (Level level : levels) {
    std::string condition;
    for (const auto& [l, seg] : segments) {
      if (l != level) continue;
      condition += condition.empty() ? seg : " ; " + seg;
    }
    out.push_back({level, std::move(condition)});
  }
  return out;
}

}  // namespace vigie::kb::thesaurus

namespace vigie::kb {

std::string_view LevelCode(Level level) {
  switch (level) {
    case Level::kCI:
      return "CI";
    case Level::kASDEC:
      return "ASDEC";
    case Level::kPE:
      return "PE";
    case Level::kAPEC:
      return "APEC";
  }
  return "?";
}

}  // namespace vigie::kb
