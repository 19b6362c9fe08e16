// ICU-based normalisation and code-point offset helpers. Thread-safe: the ICU
// normalizer instances are immutable singletons owned by ICU.
#include "vigie/core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace vigie::text {
namespace {

// Decodes one code point at `i` (advancing it); invalid bytes give U+FFFD and
// advance one byte, so every byte belongs to exactly one code point.
UChar32 Next(std::string_view s, size_t& i) {
  auto length = static_cast<int32_t>(s.size());
  auto pos = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, length, c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

void AppendUtf8(std::string& out, UChar32 c) {
  if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  auto u = static_cast<uint32_t>(c);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

// Appends the folded form of one code point (already NFD-decomposed).
void FoldCodePoint(UChar32 c, std::string& out) {
  if (u_charType(c) == U_NON_SPACING_MARK) return;
  switch (c) {
    case 0x0153:  // œ
    case 0x0152:
      out += "oe";
      return;
    case 0x00E6:  // æ
    case 0x00C6:
      out += "ae";
      return;
    case 0x00DF:  // ß
      out += "ss";
      return;
    case 0x2019:  // ’ -> '
    case 0x02BC:
      out += '\'';
      return;
    case 0x00A0:  // no-break spaces -> space
    case 0x202F:
      out += ' ';
      return;
    default:
      AppendUtf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
}

const icu::Normalizer2* NfdInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? nfd : nullptr;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80-0x9F as Windows-1252; the five undefined bytes map to themselves.
  static constexpr std::array<uint16_t, 32> kHigh = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto b = static_cast<uint8_t>(ch);
    if (b < 0x80) {
      out += ch;
    } else if (b < 0xA0) {
      AppendUtf8(out, kHigh[b - 0x80u]);
    } else {
      AppendUtf8(out, b);
    }
  }
  return out;
}

Result<std::string> Nfc(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return Status::Error(ErrorCode::kInvalidArgument, {"UTF-8"});
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return Status::Error(ErrorCode::kInternal, {"ICU NFC"});
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) return Status::Error(ErrorCode::kInternal, {"ICU NFC"});
  std::string result;
  out.toUTF8String(result);
  return result;
}

FoldedText FoldWithOrigin(std::string_view utf8) {
  FoldedText folded;
  folded.text.reserve(utf8.size());
  folded.origin.reserve(utf8.size());
  const icu::Normalizer2* nfd = NfdInstance();
  size_t i = 0;
  uint32_t cp_index = 0;
  std::string piece;
  while (i < utf8.size()) {
    UChar32 c = Next(utf8, i);
    piece.clear();
    icu::UnicodeString decomposed;
    if (nfd != nullptr && nfd->getDecomposition(c, decomposed)) {
      for (int32_t k = 0; k < decomposed.length();) {
        UChar32 d = decomposed.char32At(k);
        FoldCodePoint(d, piece);
        k += U16_LENGTH(d);
      }
    } else {
      FoldCodePoint(c, piece);
    }
    folded.text += piece;
    folded.origin.insert(folded.origin.end(), piece.size(), cp_index);
    ++cp_index;
  }
  return folded;
}

std::string Fold(std::string_view utf8) { return FoldWithOrigin(utf8).text; }

size_t CodePointCount(std::string_view utf8) {
  size_t i = 0;
  size_t count = 0;
  while (i < utf8.size()) {
    Next(utf8, i);
    ++count;
  }
  return count;
}

size_t ByteToCodePoint(std::string_view utf8, size_t byte_offset) {
  size_t i = 0;
  size_t count = 0;
  while (i < utf8.size() && i < byte_offset) {
    Next(utf8, i);
    ++count;
  }
  return count;
}

size_t CodePointToByte(std::string_view utf8, size_t cp_offset) {
  size_t i = 0;
  for (size_t n = 0; n < cp_offset && i < utf8.size(); ++n) Next(utf8, i);
  return i;
}

std::string SubstrCodePoints(std::string_view utf8, size_t start, size_t end) {
  size_t b = CodePointToByte(utf8, start);
  size_t e = CodePointToByte(utf8, end);
  if (e < b) e = b;
  return std::string(utf8.substr(b, e - b));
}

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

}  // namespace vigie::text
