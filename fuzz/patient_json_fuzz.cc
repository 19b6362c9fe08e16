// Fuzzes JSON parsing of the Patient object (every API body carries one).
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "vigie/core/patient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  nlohmann::json j = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  vigie::Result<vigie::Patient> p = vigie::PatientFromJson(j);
  if (p.ok()) (void)vigie::PatientToJson(*p).dump();
  return 0;
}
