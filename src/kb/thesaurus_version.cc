// PrintedVersion (vigie/kb/thesaurus.h): the "YYYY-MM" of the month printed on
// the first pages of a thesaurus booklet ("Octobre 2020", "SEPTEMBRE 2023").
// Thread-safety: pure function.
#include <array>
#include <cctype>
#include <cstdio>

#include "vigie/core/text.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::kb {
namespace {

// Folded French month names, January first.
constexpr std::array<std::string_view, 12> kMonths = {
    "janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
    "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM" for "<month> <year>" starting at `pos` of folded text, else "".
std::string MonthYearAt(std::string_view t, size_t pos) {
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    if (t.substr(pos, name.size()) != name) continue;
    if (pos > 0 && IsLetter(t[pos - 1])) return "";
    size_t y = pos + name.size();
    if (y >= t.size() || t[y] != ' ') return "";
    while (y < t.size() && t[y] == ' ') ++y;
    if (y + 4 > t.size()) return "";
    for (size_t i = y; i < y + 4; ++i) {
      if (!IsDigit(t[i])) return "";
    }
    if (y + 4 < t.size() && IsDigit(t[y + 4])) return "";
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02zu", m + 1);
    return std::string(t.substr(y, 4)) + buf;
  }
  return "";
}

}  // namespace

std::string PrintedVersion(const std::vector<std::string>& pages) {
  for (size_t p = 0; p < pages.size() && p < 2; ++p) {
    std::string folded = text::Fold(pages[p]);
    for (size_t i = 0; i < folded.size(); ++i) {
      std::string v = MonthYearAt(folded, i);
      if (!v.empty() && v >= "1990") return v;
    }
  }
  return "";
}

}  // namespace vigie::kb
