// Fuzzes text folding and code-point offset conversion on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigie/core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  vigie::text::FoldedText f = vigie::text::FoldWithOrigin(input);
  if (f.origin.size() != f.text.size()) std::abort();
  size_t cps = vigie::text::CodePointCount(input);
  for (uint32_t o : f.origin) {
    if (o >= cps) std::abort();
  }
  if (vigie::text::ByteToCodePoint(input, size) != cps) std::abort();
  (void)vigie::text::Nfc(input);
  (void)vigie::text::Windows1252ToUtf8(input);
  return 0;
}
