// Fuzzes the prescription-check request parser (POST /v1/check, vigie check):
// any JSON must give a Request or a named error, never a crash or exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "check/internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  nlohmann::json j = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  auto r = vigie::check::RequestFromJson(j);
  if (r.ok()) {
    for (const auto& line : r->lines) (void)vigie::check::AmountsOf(line);
  }
  if (j.is_string()) (void)vigie::check::ParseCondition(j.get<std::string>());
  return 0;
}
