// Drug name tokens (see drug_tokens.h). Thread-safety: pure functions.
#include "kb/drug_tokens.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "vigie/core/text.h"

namespace vigie::kb {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string NormaliseNumber(std::string n) {
  std::replace(n.begin(), n.end(), '.', ',');
  if (n.find(',') != std::string::npos) {
    while (n.back() == '0') n.pop_back();
    if (n.back() == ',') n.pop_back();
  }
  return n;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8) {
  std::string f = text::Fold(utf8);
  std::vector<Token> out;
  size_t i = 0;
  while (i < f.size()) {
    if (!IsAlnum(f[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    if (IsDigit(f[i])) {
      while (j < f.size() && (IsDigit(f[j]) || ((f[j] == ',' || f[j] == '.') && j + 1 < f.size() &&
                                                IsDigit(f[j + 1]) && j > i))) {
        ++j;
      }
      out.push_back({NormaliseNumber(f.substr(i, j - i)), true});
    } else {
      while (j < f.size() && IsAlnum(f[j]) && !IsDigit(f[j])) ++j;
      out.push_back({f.substr(i, j - i), false});
    }
    i = j;
  }
  return out;
}

bool IsUnitWord(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kUnits = {
      "mg",           "g",  "ml", "l",  "ui", "mcg", "ug", "µg", "microgrammes",
      "milligrammes", "de", "du", "la", "le", "en",  "et"};
  return std::find(kUnits.begin(), kUnits.end(), w) != kUnits.end();
}

size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t max_d) {
  size_t la = a.size(), lb = b.size();
  if ((la > lb ? la - lb : lb - la) > max_d) return max_d + 1;
  constexpr size_t kMax = 64;  // longer words never match within max_d anyway
  if (la > kMax || lb > kMax) return a == b ? 0 : max_d + 1;
  std::array<size_t, kMax + 1> prev{}, cur{};
  for (size_t j = 0; j <= lb; ++j) prev[j] = j;
  for (size_t i = 1; i <= la; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= lb; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_d) return max_d + 1;
    std::swap(prev, cur);
  }
  return prev[lb];
}

}  // namespace vigie::kb
