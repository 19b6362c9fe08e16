// AssembleEntries: splits each raw entry's body into the risk column and the
// level + conduct column. The split column is where the level label is printed
// on the entry's first lines; on a later page the entry continues at the
// column that page's own entries use. Thread-safety: pure function.
#include <map>

#include "kb/thesaurus_raw.h"
#include "kb/thesaurus_text.h"
#include "vigie/core/text.h"

namespace vigie::kb::thesaurus {
namespace {

constexpr int kMinConductColumn = 30;  // the risk column starts left of this
constexpr size_t kLabelSearchLines = 6;

struct Label {
  int col = -1;
  size_t line = 0;  // index in body
  std::string text;
  std::vector<Level> levels;
};

Label FindLabel(const RawEntry& e) {
  size_t seen = 0;
  for (size_t i = 0; i < e.body.size() && seen < kLabelSearchLines; ++i) {
    if (e.body[i].page != e.page || text::Trim(e.body[i].text).empty()) continue;
    ++seen;
    for (const Chunk& c : Chunks(e.body[i].text)) {
      if (c.col < kMinConductColumn) continue;
      if (auto levels = ParseLevelLabel(c.text)) return {c.col, i, c.text, *levels};
    }
  }
  return {};
}

void AppendText(std::string& to, std::string_view piece) {
  if (piece.empty()) return;
  if (!to.empty()) {
    bool hyphen = to.back() == '-' && to.size() >= 2 && to[to.size() - 2] != ' ';
    if (!hyphen) to += ' ';
  }
  to += piece;
}

ThesaurusEntry Build(const RawEntry& raw, const Label& label, const std::map<int, int>& page_col) {
  ThesaurusEntry e{raw.a, raw.b, label.text, {}, "", "", raw.page};
  std::vector<std::string> conduct_lines;
  for (size_t i = 0; i < raw.body.size(); ++i) {
    const RawLine& line = raw.body[i];
    int col = label.col;
    if (line.page != raw.page) {
      auto it = page_col.find(line.page);
      if (it != page_col.end()) col = it->second;
    }
    if (text::Trim(line.text).empty()) {
      conduct_lines.emplace_back();
      continue;
    }
    std::string conduct;
    for (const Chunk& c : Chunks(line.text)) {
      if (c.col < col - 2) {
        AppendText(e.risk, c.text);
      } else if (!(i == label.line && c.col == label.col)) {
        AppendText(conduct, c.text);
      }
    }
    if (!conduct.empty()) conduct_lines.push_back(std::move(conduct));
  }
  std::string paragraph;
  for (const std::string& l : conduct_lines) {
    if (l.empty()) {
      if (!paragraph.empty()) e.conduct += (e.conduct.empty() ? "" : "\n") + paragraph;
      paragraph.clear();
    } else {
      AppendText(paragraph, l);
    }
  }
  if (!paragraph.empty()) e.conduct += (e.conduct.empty() ? "" : "\n") + paragraph;
  if (label.levels.size() == 1) {
    e.levels.push_back({label.levels[0], ""});
  } else {
    e.levels = SplitConditions(label.levels, conduct_lines);
  }
  return e;
}

}  // namespace

void AssembleEntries(const std::vector<RawEntry>& raw, ParsedThesaurus* out) {
  std::vector<Label> labels;
  std::map<int, int> page_col;  // page -> conduct column of an entry starting there
  for (const RawEntry& e : raw) {
    labels.push_back(FindLabel(e));
    if (labels.back().col >= 0) page_col.emplace(e.page, labels.back().col);
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    if (labels[i].col < 0) {
      out->unparsed.push_back({raw[i].page, raw[i].plus_line,
                               "niveau d'interaction introuvable dans les premières lignes"});
      continue;
    }
    out->entries.push_back(Build(raw[i], labels[i], page_col));
  }
}

}  // namespace vigie::kb::thesaurus
