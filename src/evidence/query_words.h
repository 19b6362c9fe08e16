// Private: tokenising folded text into words and the French and English
// function words that carry no search meaning. Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie::evidence {

// Words (runs of ASCII letters and digits) of already folded text.
std::vector<std::string> FoldedWords(std::string_view folded);

// True for French and English function words and question words.
bool IsStopword(std::string_view folded_word);

}  // namespace vigie::evidence
