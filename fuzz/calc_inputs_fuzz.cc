// Fuzzes the calculator inputs parser and every calculator: input is
// "<calculator id>\n<JSON inputs>" (an unknown id exercises the registry's
// lookup); the JSON also goes through the key=value path as "k=v" lines.
// Properties: never crashes, never throws, and a result is always finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/calc/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string id = input.substr(0, nl);
  std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) {
    vigie::Result<vigie::calc::CalcResult> r = vigie::calc::Evaluate(id, j);
    if (r.ok()) {
      if (!std::isfinite(r->value)) std::abort();
      (void)vigie::calc::ToJson(*r).dump();
    } else {
      (void)r.status().Message(vigie::Lang::kEn);
    }
  }
  std::vector<std::string> args;
  size_t start = nl == std::string::npos ? input.size() : nl + 1;
  while (start < input.size()) {
    size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    args.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  vigie::Result<nlohmann::json> kv = vigie::calc::InputsFromKeyValues(id, args);
  if (kv.ok()) (void)vigie::calc::Evaluate(id, *kv);
  return 0;
}
