// Text normalisation (ICU) and Unicode code-point offsets.
// Every offset Vigie exposes is in code points into the original input,
// start inclusive, end exclusive (DESIGN.md). Thread-safe: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"

namespace vigie::text {

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Decodes Windows-1252 bytes to UTF-8 (0x80-0x9F mapped as Windows-1252 does).
std::string Windows1252ToUtf8(std::string_view bytes);

// Unicode NFC. Invalid UTF-8 gives kInvalidArgument.
Result<std::string> Nfc(std::string_view utf8);

// Folding for matching French text: NFD, accents removed, case folded,
// ligatures expanded (œ -> oe, æ -> ae, ß -> ss), NFC. "Œdème Aigu" -> "oedeme aigu".
// Invalid UTF-8 bytes are replaced by U+FFFD.
std::string Fold(std::string_view utf8);

// Fold() keeping, for each byte of the folded text, the code-point offset in
// the original from which it came, so matches map back to input offsets.
struct FoldedText {
  std::string text;
  std::vector<uint32_t> origin;  // origin[i]: code point index in input of folded byte i
};
FoldedText FoldWithOrigin(std::string_view utf8);

// Number of code points (invalid bytes count one each).
size_t CodePointCount(std::string_view utf8);

// Converts a byte offset into `utf8` to a code-point offset (clamped to size).
size_t ByteToCodePoint(std::string_view utf8, size_t byte_offset);

// Converts a code-point offset to a byte offset (clamped to size).
size_t CodePointToByte(std::string_view utf8, size_t cp_offset);

// Returns the code points [start, end) of `utf8` as UTF-8.
std::string SubstrCodePoints(std::string_view utf8, size_t start, size_t end);

// ASCII whitespace trim.
std::string_view Trim(std::string_view s);

}  // namespace vigie::text
