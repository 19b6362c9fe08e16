// The answer verifier, separate from the composer so that any generator must
// pass it: each answer sentence must stand (whitespace-normalised) in a cited
// passage, and each number with its unit must appear in a cited passage.
// Thread-safety: pure functions.
#include <cctype>

#include "vigie/core/text.h"
#include "vigie/evidence/answer.h"

namespace vigie::evidence {
namespace {

std::string NormaliseSpace(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// True if `needle` occurs in `hay` not glued to other digits (so "5 mg" is
// not found inside "25 mg" and "1.5" not inside "1.53").
bool ContainsNumber(const std::string& hay, const std::string& needle) {
  auto glued_left = [&](size_t pos) {
    if (pos == 0) return false;
    char prev = hay[pos - 1];
    if (IsDigit(prev)) return true;
    return (prev == '.' || prev == ',') && pos >= 2 && IsDigit(hay[pos - 2]);
  };
  auto glued_right = [&](size_t end) {
    if (end >= hay.size()) return false;
    char last = needle.back();
    char next = hay[end];
    if (IsAlpha(last)) return IsAlpha(next);
    if (!IsDigit(last)) return false;
    if (IsDigit(next)) return true;
    return (next == '.' || next == ',') && end + 1 < hay.size() && IsDigit(hay[end + 1]);
  };
  size_t pos = 0;
  while ((pos = hay.find(needle, pos)) != std::string::npos) {
    if (!glued_left(pos) && !glued_right(pos + needle.size())) return true;
    ++pos;
  }
  return false;
}

}  // namespace

std::vector<std::string> NumbersWithUnits(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    auto in_number = [&](size_t p) {
      return IsDigit(text[p]) ||
             ((text[p] == '.' || text[p] == ',') && p + 1 < text.size() && IsDigit(text[p + 1]));
    };
    if (i > 0 && IsAlpha(text[i - 1])) {  // part of a name (HINT1, 5q31.2): skip it whole
      while (i < text.size() && in_number(i)) ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (IsDigit(text[i]) || ((text[i] == '.' || text[i] == ',') &&
                                                    i + 1 < text.size() && IsDigit(text[i + 1])))) {
      ++i;
    }
    size_t number_end = i;
    // A unit: "%" or a word of letters (with / and ² as in mL/min/1.73 m²) right after.
    size_t j = i;
    if (j < text.size() && text[j] == ' ') ++j;
    if (j < text.size() && text[j] == '%') {
      number_end = j + 1;
    } else {
      size_t k = j;
      while (k < text.size() &&
             (IsAlpha(text[k]) || text[k] == '/' || static_cast<unsigned char>(text[k]) >= 0x80)) {
        ++k;
      }
      while (k > j && text[k - 1] == '/') --k;  // "10/19": the unit is not "/"
      if (k > j && k - j <= 12) number_end = k;
    }
    out.push_back(text.substr(start, number_end - start));
    i = std::max(i, number_end);
  }
  return out;
}

Answer VerifyAnswer(const Answer& answer, VerificationReport* report) {
  VerificationReport local;
  Answer out = answer;
  out.sentences.clear();
  for (const AnswerSentence& sentence : answer.sentences) {
    ++local.sentences_checked;
    std::string normal = NormaliseSpace(sentence.text);
    bool found = false;
    std::string cited_text;
    for (size_t i : sentence.citations) {
      if (i >= answer.citations.size()) continue;
      std::string passage = NormaliseSpace(answer.citations[i].passage.text);
      if (!normal.empty() && passage.find(normal) != std::string::npos) found = true;
      cited_text += passage + "\n";
    }
    if (!found) {
      ++local.sentences_dropped;
      continue;
    }
    bool numbers_ok = true;
    for (const std::string& number : NumbersWithUnits(normal)) {
      ++local.numbers_checked;
      if (!ContainsNumber(cited_text, number)) {
        ++local.numbers_dropped;
        numbers_ok = false;
      }
    }
    if (numbers_ok) out.sentences.push_back(sentence);
  }
  if (out.sentences.empty() && !answer.abstained) {
    out.abstained = true;
    out.citations.clear();
    out.message = AbstentionMessage(answer.lang == "fr");
  }
  if (report != nullptr) *report = local;
  return out;
}

}  // namespace vigie::evidence
