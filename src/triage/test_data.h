// Test helper: loads the real red-flag data file once per test binary, from the
// source tree given by VIGIE_SOURCE_DIR (set by CTest). Thread-safety: the
// loaded set is immutable; the function-local static is initialised once.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "vigie/triage/triage.h"

namespace vigie::triage::testing {

inline std::string SourceDir() {
  const char* dir = std::getenv("VIGIE_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The shipped data; aborts the test binary when it does not load (a test
// setup failure, reported by the test that checks the file loads).
inline const RedFlagSet& Shipped() {
  static const RedFlagSet set = [] {
    Result<RedFlagSet> parsed =
        ParseRedFlags(ReadFile(SourceDir() + "/data/red-flags/red-flags.json"));
    if (!parsed.ok()) {
      std::fprintf(stderr, "red-flags.json: %s\n", parsed.status().Message(Lang::kEn).c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return set;
}

}  // namespace vigie::triage::testing
