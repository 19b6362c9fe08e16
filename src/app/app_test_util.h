// Test helper shared by the route tests: the audit trail without the fields a
// route does not choose (sequence, time, chain hashes, sealed ciphertext), so
// that "no value of the request is in the audit" can be asserted without a
// hash's hex digits or a ciphertext's base64 matching by chance.
#pragma once

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace vigie::app {

inline std::string AuditWithoutChain(const std::string& jsonl) {
  std::istringstream in(jsonl);
  std::string line, out;
  while (std::getline(in, line)) {
    nlohmann::json r = nlohmann::json::parse(line, nullptr, false);
    if (r.is_discarded() || !r.is_object()) {
      out += line + "\n";  // kept as is: a malformed line must still be searched
      continue;
    }
    for (const char* chained : {"seq", "time_us", "prev", "hash", "attributes_sealed"})
      r.erase(chained);
    out += r.dump() + "\n";
  }
  return out;
}

}  // namespace vigie::app
