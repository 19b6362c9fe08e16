// Sentence splitting and passages: sentence-aware windows over a document's
// text, each keeping its document id and code-point offsets into that text.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/evidence/corpus.h"

namespace vigie::evidence {

// [start, end) in code points (or bytes where the name says so).
struct Span {
  size_t start = 0;
  size_t end = 0;
};

// Sentences of `text` as byte spans, whitespace trimmed. Breaks after . ! ?
// followed by a space and a capital or digit (not after "e.g.", "et al.",
// "vs.", "i.e.", single initials), and at line breaks.
std::vector<Span> SentenceByteSpans(std::string_view text);

struct PassageOptions {
  size_t max_sentences = 3;  // sentences per window
  size_t stride = 2;         // sentences between window starts (overlap = max - stride)
  size_t max_chars = 1200;   // a window stops growing past this many bytes
};

struct Passage {
  std::string doc_id;
  size_t ordinal = 0;  // position of the passage in its document
  size_t start = 0;    // code points into Document::text, inclusive
  size_t end = 0;      // exclusive
  std::string text;    // the document's text in [start, end)
};

// Windows over `doc`; a document without sentences gives no passage.
std::vector<Passage> MakePassages(const Document& doc, const PassageOptions& options = {});

}  // namespace vigie::evidence
