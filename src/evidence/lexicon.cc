// Lexicon loading and lookup. Thread-safety: const methods only after loading.
#include "vigie/evidence/lexicon.h"

#include <algorithm>

#include "evidence/query_words.h"
#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? line.npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

// Folded words joined by one space: the form the query planner looks up.
std::string Key(std::string_view s) {
  std::string out;
  for (const std::string& w : FoldedWords(text::Fold(s))) out += (out.empty() ? "" : " ") + w;
  return out;
}

size_t WordCount(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

}  // namespace

Status Lexicon::AddTsv(std::string_view tsv, std::string_view source_name, std::string_view kind) {
  if (kind != "pairs" && kind != "suffixes" && kind != "synonyms") {
    return Status::Error(ErrorCode::kInvalidArgument, {"lexicon kind " + std::string(kind)});
  }
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 2 || text::Trim(fields[0]).empty() || text::Trim(fields[1]).empty()) {
      return Status::Error(
          ErrorCode::kDataError,
          {std::string(source_name) + ":" + std::to_string(line_no), "expected source<TAB>target"});
    }
    std::string from = Key(fields[0]);
    std::string to = Key(fields[1]);
    if (from.empty() || to.empty()) continue;
    if (kind == "synonyms") {
      // English synonyms of one word each, as WordNet's (AddSynonym).
      if (from.find(' ') == std::string::npos && to.find(' ') == std::string::npos) {
        AddSynonym(from, to);
      }
      continue;
    }
    if (kind == "suffixes") {
      suffixes_.emplace_back(from, to);
      suffixes_.emplace_back(to, from);
      continue;
    }
    pairs_.emplace(from, to);
    pairs_.emplace(to, from);
    max_phrase_words_ = std::max({max_phrase_words_, WordCount(from), WordCount(to)});
  }
  return Status::Ok();
}

std::vector<std::string> Lexicon::Translate(std::string_view folded) const {
  std::vector<std::string> out;
  auto range = pairs_.equal_range(folded);
  for (auto it = range.first; it != range.second; ++it) {
    if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
  }
  return out;
}

void Lexicon::AddDrugName(std::string_view brand, std::string_view dci) {
  std::string from = Key(brand);
  std::string to = Key(dci);
  if (from.empty() || to.empty() || from == to) return;
  auto range = drug_names_.equal_range(from);
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second == to) return;
  }
  drug_names_.emplace(std::move(from), std::move(to));
}

std::vector<std::string> Lexicon::DrugNames(std::string_view folded) const {
  std::vector<std::string> out;
  auto range = drug_names_.equal_range(folded);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

void Lexicon::AddSynonym(std::string_view a, std::string_view b) {
  std::string x = Key(a);
  std::string y = Key(b);
  if (x.empty() || y.empty() || x == y) return;
  for (const auto& [from, to] : {std::pair{x, y}, std::pair{y, x}}) {
    auto range = synonyms_.equal_range(from);
    bool known = false;
    for (auto it = range.first; it != range.second && !known; ++it) known = it->second == to;
    if (!known) synonyms_.emplace(from, to);
  }
}

std::vector<std::string> Lexicon::Synonyms(std::string_view folded) const {
  std::vector<std::string> out;
  auto range = synonyms_.equal_range(folded);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::vector<std::string> Lexicon::MorphCandidates(std::string_view folded) const {
  std::vector<std::string> out;
  for (const auto& [from, to] : suffixes_) {
    if (folded.size() <= from.size() + 2 || !folded.ends_with(from)) continue;
    std::string candidate(folded.substr(0, folded.size() - from.size()));
    candidate += to;
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
  }
  return out;
}

}  // namespace vigie::evidence
