// Fuzzes BDPM decoding (encoding detection, C1 repair) and the line splitter
// of every official file spec on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vigie/core/text.h"
#include "vigie/kb/bdpm.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  vigie::kb::DecodedText decoded = vigie::kb::DecodeBdpmBytes(input);
  if (!vigie::text::IsValidUtf8(decoded.utf8)) std::abort();
  for (const vigie::kb::BdpmFileSpec& spec : vigie::kb::BdpmFileSpecs()) {
    std::string reason;
    auto fields = vigie::kb::ParseBdpmLine(decoded.utf8, spec, &reason);
    if (fields) {
      if (fields->size() < spec.min_columns || fields->size() > spec.columns.size()) std::abort();
    } else if (reason.empty()) {
      std::abort();
    }
  }
  return 0;
}
