// Sentence splitting and passage windows. Thread-safety: pure functions.
#include "vigie/evidence/passage.h"

#include <array>
#include <cctype>

#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True if the word ending at `dot` (exclusive) is an abbreviation after which
// a period does not end a sentence.
bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && !IsSpace(text[start - 1]) && text[start - 1] != '(') --start;
  std::string word(text.substr(start, dot - start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 14> kAbbrev = {
      "e.g", "i.e", "al", "vs", "fig", "dr", "mr", "mrs", "no", "approx", "cf", "etc", "ref", "p"};
  for (std::string_view a : kAbbrev) {
    if (word == a) return true;
  }
  return word.size() == 1 && std::isupper(static_cast<unsigned char>(text[start]));
}

// Start of a new sentence: an upper-case ASCII letter, a digit, or a non-ASCII
// byte (accented capitals such as É).
bool StartsSentence(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isupper(u) || std::isdigit(u) || u >= 0x80 || c == '(' || c == '[' || c == '"';
}

void Push(std::string_view text, size_t start, size_t end, std::vector<Span>& out) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  if (end > start) out.push_back({start, end});
}

}  // namespace

std::vector<Span> SentenceByteSpans(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      Push(text, start, i, out);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ')' || text[j] == '"')) ++j;
    if (j >= text.size() || text[j] != ' ') continue;
    size_t k = j;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size() || !StartsSentence(text[k])) continue;
    if (c == '.' && IsAbbreviation(text, i)) continue;
    Push(text, start, j, out);
    start = j;
  }
  Push(text, start, text.size(), out);
  return out;
}

std::vector<Passage> MakePassages(const Document& doc, const PassageOptions& options) {
  std::vector<Passage> out;
  std::vector<Span> sentences = SentenceByteSpans(doc.text);
  size_t per = options.max_sentences == 0 ? 1 : options.max_sentences;
  size_t stride = options.stride == 0 ? 1 : options.stride;
  // Byte -> code point conversion walks the text once, in order.
  size_t cp = 0;
  size_t byte = 0;
  auto to_cp = [&](size_t target) {
    if (target < byte) {
      cp = 0;
      byte = 0;
    }
    cp += text::CodePointCount(std::string_view(doc.text).substr(byte, target - byte));
    byte = target;
    return cp;
  };
  for (size_t first = 0; first < sentences.size(); first += stride) {
    size_t last = first;
    while (last + 1 < sentences.size() && last + 1 < first + per &&
           sentences[last + 1].end - sentences[first].start <= options.max_chars) {
      ++last;
    }
    Passage p;
    p.doc_id = doc.id;
    p.ordinal = out.size();
    size_t b0 = sentences[first].start;
    size_t b1 = sentences[last].end;
    p.text = doc.text.substr(b0, b1 - b0);
    p.start = to_cp(b0);
    p.end = p.start + text::CodePointCount(p.text);
    out.push_back(std::move(p));
    if (last + 1 >= sentences.size()) break;
  }
  return out;
}

}  // namespace vigie::evidence
