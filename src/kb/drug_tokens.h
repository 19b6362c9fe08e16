// Tokens for drug name matching: folded words and normalised numbers
// ("1,00 mg" -> number "1", word "mg"), unit words, bounded edit distance.
// Private to src/kb. Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::kb {

struct Token {
  std::string text;
  bool number = false;
};

// Folds (accents, case) and splits on anything but letters and digits; a
// number keeps its decimal comma or point as ',' and loses trailing zeros.
std::vector<Token> Tokenize(std::string_view utf8);

// True for dose units and filler words that never decide a match (mg, ml, ui).
bool IsUnitWord(std::string_view folded);

// Levenshtein distance, or max_d + 1 as soon as it must exceed max_d.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t max_d);

}  // namespace vigie::kb
