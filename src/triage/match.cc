// Red-flag mention finding and qualification (negation, distant past, ages).
// Thread-safety: pure functions over immutable compiled data.
#include "triage/match.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>

namespace vigie::triage {
namespace {

// How far back or forward clause and sentence limits are looked for; a
// longer clause is cut there (a cut can only keep a flag active).
constexpr size_t kContextBytes = 300;
constexpr size_t kAfterBytes = 40;

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Calls on_match(begin, end) for every match of `re` in `text`; on_match
// returns where to search next (> begin). Matches that end inside a word
// ("pale" in "paleur") are skipped: patterns are words, not word parts.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, F on_match) {
  size_t pos = 0;
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, &m,
                  1)) {
      return;
    }
    auto begin = static_cast<size_t>(m.data() - text.data());
    size_t end = begin + m.size();
    bool inside_word =
        end > begin && end < text.size() && IsWordByte(text[end - 1]) && IsWordByte(text[end]);
    if (m.empty() || inside_word) {
      pos = begin + 1;
      continue;
    }
    pos = std::max(on_match(begin, end), begin + 1);
  }
}

bool Contains(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

bool IsSentenceEnd(char c) { return c == '.' || c == ';' || c == '!' || c == '?' || c == '\n'; }

size_t SentenceStart(std::string_view text, size_t pos) {
  size_t limit = pos > kContextBytes ? pos - kContextBytes : 0;
  for (size_t i = pos; i > limit; --i) {
    if (IsSentenceEnd(text[i - 1])) return i;
  }
  return limit;
}

size_t SentenceEnd(std::string_view text, size_t pos) {
  size_t limit = std::min(text.size(), pos + kContextBytes);
  for (size_t i = pos; i < limit; ++i) {
    if (IsSentenceEnd(text[i])) return i;
  }
  return limit;
}

// Start of the clause holding `pos`: just after the last clause break before it.
size_t ClauseStart(const RedFlagSetImpl& set, std::string_view text, size_t pos) {
  size_t start = pos > kContextBytes ? pos - kContextBytes : 0;
  size_t clause = 0;
  ForEachMatch(*set.clause_break, text.substr(start, pos - start), [&](size_t, size_t e) {
    clause = e;
    return e;
  });
  return start + clause;
}

size_t ClauseEnd(const RedFlagSetImpl& set, std::string_view text, size_t pos) {
  size_t limit = std::min(text.size(), pos + kContextBytes);
  re2::StringPiece m;
  if (set.clause_break->Match(re2::StringPiece(text.data(), text.size()), pos, limit,
                              RE2::UNANCHORED, &m, 1)) {
    return static_cast<size_t>(m.data() - text.data());
  }
  return limit;
}

// The last `words` whitespace-separated words of `s`.
std::string_view TailWords(std::string_view s, size_t words) {
  size_t i = s.size();
  size_t seen = 0;
  while (i > 0) {
    while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1])) != 0) --i;
    if (i == 0) break;
    if (seen == words) return s.substr(i);
    while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1])) == 0) --i;
    ++seen;
  }
  return s.substr(i);
}

// True if every word of `s` (split on spaces and apostrophes) is a filler
// word: the denial before them governs what follows ("pas d'hémorragie",
// "no history of chest pain"), unlike "pas de fièvre je suis essoufflé".
bool OnlyFiller(const RedFlagSetImpl& set, std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) != 0 || s[i] == '\''))
      ++i;
    size_t j = i;
    while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j])) == 0 && s[j] != '\'') ++j;
    if (j > i && !RE2::FullMatch(re2::StringPiece(s.data() + i, j - i), *set.filler)) return false;
    i = j;
  }
  return true;
}

bool IsNegated(const RedFlagSetImpl& set, std::string_view text, size_t begin, size_t end) {
  size_t clause = ClauseStart(set, text, begin);
  std::string_view prefix = text.substr(clause, begin - clause);
  std::string_view tail = TailWords(prefix, set.window_words);
  size_t cue_end = std::string_view::npos;
  ForEachMatch(*set.negation_before, tail, [&](size_t, size_t e) {
    cue_end = e;
    return e;
  });
  if (cue_end != std::string_view::npos && OnlyFiller(set, tail.substr(cue_end))) {
    // "je ne sais pas si c'est une douleur thoracique": a hedge is not a denial.
    return !Contains(*set.doubt, prefix);
  }
  std::string_view after = text.substr(end, std::min(kAfterBytes, text.size() - end));
  if (Contains(*set.negation_after, after)) return true;
  return Contains(*set.verb_before, prefix) && Contains(*set.verb_after, after);
}

// A mention in a sentence that places it years, months or weeks ago, with no
// present-time cue, is history ("il y a 3 ans"). Hours or days never are.
bool IsDistantPast(const RedFlagSetImpl& set, std::string_view text, size_t begin, size_t end) {
  size_t s0 = SentenceStart(text, begin);
  size_t s1 = SentenceEnd(text, end);
  std::string_view sentence = text.substr(s0, s1 - s0);
  if (!Contains(*set.past, sentence) || Contains(*set.present_in_sentence, sentence)) return false;
  size_t c0 = ClauseStart(set, text, begin);
  size_t c1 = ClauseEnd(set, text, end);
  return !Contains(*set.present_in_clause, text.substr(c0, c1 - c0));
}

int NumberValue(std::string_view word, bool& ok) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"un", 1},     {"une", 1},   {"deux", 2}, {"trois", 3}, {"quatre", 4},  {"cinq", 5},
      {"six", 6},    {"sept", 7},  {"huit", 8}, {"neuf", 9},  {"dix", 10},    {"onze", 11},
      {"douze", 12}, {"one", 1},   {"two", 2},  {"three", 3}, {"four", 4},    {"five", 5},
      {"seven", 7},  {"eight", 8}, {"nine", 9}, {"ten", 10},  {"eleven", 11}, {"twelve", 12}};
  ok = true;
  for (const auto& [name, value] : kWords) {
    if (word == name) return value;
  }
  if (word.empty() || word.size() > 4 || std::isdigit(static_cast<unsigned char>(word[0])) == 0) {
    ok = false;
    return 0;
  }
  return std::atoi(std::string(word).c_str());
}

int UnitDays(std::string_view unit) {
  if (unit.rfind("sem", 0) == 0 || unit.rfind("week", 0) == 0 || unit.rfind("wk", 0) == 0) return 7;
  if (unit.rfind("mois", 0) == 0 || unit.rfind("month", 0) == 0) return 30;
  if (unit.rfind("an", 0) == 0 || unit.rfind("year", 0) == 0) return 365;
  return 1;  // jours, j, days
}

// Every `requires` pattern of the flag matches: anywhere for an emergency
// flag, at a stated (not denied, not distant past) place for an urgent one.
bool RequirementsMet(const RedFlagSetImpl& set, const CompiledFlag& flag, std::string_view text) {
  for (const RegexPtr& re : flag.requires_) {
    if (flag.level != Level::kUrgent) {
      if (!Contains(*re, text)) return false;
      continue;
    }
    bool stated = false;
    ForEachMatch(*re, text, [&](size_t b, size_t e) {
      stated = stated || (!IsNegated(set, text, b, e) && !IsDistantPast(set, text, b, e));
      return e;
    });
    if (!stated) return false;
  }
  return true;
}

}  // namespace

std::optional<int> YoungestAgeDays(const RedFlagSetImpl& set, std::string_view text) {
  std::optional<int> youngest;
  if (Contains(*set.newborn, text)) youngest = 0;
  re2::StringPiece whole(text.data(), text.size());
  for (const RegexPtr& re : set.age_patterns) {
    size_t pos = 0;
    re2::StringPiece groups[4];
    while (pos < text.size() && re->Match(whole, pos, text.size(), RE2::UNANCHORED, groups, 4)) {
      auto begin = static_cast<size_t>(groups[0].data() - text.data());
      pos = begin + std::max<size_t>(groups[0].size(), 1);
      auto number_at = static_cast<size_t>(groups[1].data() - text.data());
      const std::string& skip = set.age_not_after;
      bool after_skip = number_at >= skip.size() &&
                        text.substr(number_at - skip.size(), skip.size()) == skip &&
                        text.substr(begin, 2) != "ne";  // "né il y a 10 jours" is an age
      if (after_skip) continue;
      bool ok = false;
      std::string_view number(groups[1].data(), groups[1].size());
      int value = NumberValue(number, ok);
      if (!ok) continue;
      int unit = UnitDays(std::string_view(groups[2].data(), groups[2].size()));
      int days = value * unit +
                 (!groups[3].empty() || number.find_first_of(".,") != number.npos ? unit / 2 : 0);
      if (!youngest || days < *youngest) youngest = days;
    }
  }
  return youngest;
}

Analysis Analyze(const RedFlagSetImpl& set, std::string_view text) {
  Analysis analysis;
  analysis.youngest_age_days = YoungestAgeDays(set, text);
  for (size_t i = 0; i < set.flags.size(); ++i) {
    const CompiledFlag& flag = set.flags[i];
    if (!RequirementsMet(set, flag, text)) continue;
    if (flag.infant_age_max_days &&
        (!analysis.youngest_age_days || *analysis.youngest_age_days > *flag.infant_age_max_days)) {
      continue;
    }
    std::vector<std::pair<size_t, size_t>> excluded;
    for (const RegexPtr& re : flag.excludes) {
      ForEachMatch(*re, text, [&](size_t b, size_t e) {
        excluded.emplace_back(b, e);
        return e;
      });
    }
    for (const RegexPtr& re : flag.patterns) {
      ForEachMatch(*re, text, [&](size_t b, size_t e) -> size_t {
        for (const auto& [xb, xe] : excluded) {
          if (b < xe && xb < e) return std::max(b + 1, xe);  // another meaning ("mal au cœur")
        }
        Mention mention{i, b, e, IsNegated(set, text, b, e), false};
        mention.past = !mention.negated && IsDistantPast(set, text, b, e);
        analysis.mentions.push_back(mention);
        return e;
      });
    }
  }
  for (size_t i = 0; i < set.modifiers.size(); ++i) {
    bool stated = false;
    for (const RegexPtr& re : set.modifiers[i].patterns) {
      ForEachMatch(*re, text, [&](size_t b, size_t e) {
        stated = stated || !IsNegated(set, text, b, e);
        return e;
      });
    }
    if (stated) analysis.modifiers.push_back(i);
  }
  return analysis;
}

}  // namespace vigie::triage
