// Tokeniser and stopword lists (function words, not clinical content).
// Thread-safety: pure functions over constant tables.
#include "evidence/query_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace vigie::evidence {

std::vector<std::string> FoldedWords(std::string_view folded) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !std::isalnum(static_cast<unsigned char>(folded[i]))) ++i;
    size_t start = i;
    while (i < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > start) out.emplace_back(folded.substr(start, i - start));
  }
  return out;
}

bool IsStopword(std::string_view w) {
  // Sorted for binary search.
  static constexpr std::array<std::string_view, 178> kStop = {
      "a",      "about",   "after",   "ai",    "al",       "all",   "alors",  "also",  "an",
      "and",    "any",     "are",     "as",    "at",       "au",    "aupres", "aussi", "autre",
      "autres", "aux",     "avec",    "avoir", "be",       "been",  "before", "being", "between",
      "both",   "but",     "by",      "can",   "ce",       "cela",  "ces",    "cet",   "cette",
      "chez",   "comme",   "comment", "could", "d",        "dans",  "de",     "des",   "do",
      "does",   "doit",    "donc",    "du",    "during",   "each",  "elle",   "elles", "en",
      "entre",  "est",     "et",      "etre",  "eux",      "faut",  "for",    "from",  "had",
      "has",    "have",    "how",     "il",    "ils",      "in",    "into",   "is",    "it",
      "its",    "je",      "l",       "la",    "le",       "les",   "leur",   "leurs", "lors",
      "lorsqu", "lui",     "m",       "mais",  "may",      "me",    "meme",   "might", "more",
      "most",   "n",       "ne",      "ni",    "no",       "non",   "nos",    "not",   "notre",
      "nous",   "of",      "on",      "ont",   "or",       "other", "ou",     "par",   "pas",
      "peut",   "peuvent", "plus",    "pour",  "pourquoi", "qu",    "quand",  "que",   "quel",
      "quelle", "quelles", "quels",   "qui",   "s",        "sa",    "sans",   "se",    "ses",
      "should", "si",      "so",      "son",   "sont",     "sous",  "such",   "sur",   "t",
      "than",   "that",    "the",     "their", "them",     "then",  "there",  "these", "they",
      "this",   "those",   "to",      "tous",  "tout",     "toute", "toutes", "tres",  "un",
      "une",    "up",      "us",      "very",  "vs",       "was",   "we",     "were",  "what",
      "when",   "where",   "whether", "which", "while",    "who",   "why",    "will",  "with",
      "within", "without", "would",   "y",     "yes",      "you",   "your"};
  return std::binary_search(kStop.begin(), kStop.end(), w);
}

}  // namespace vigie::evidence
