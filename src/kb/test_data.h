// Test helper: where the real official data lives ($VIGIE_DATA, else
// ../shared/data beside the repository root given by $VIGIE_SOURCE_DIR) and a
// scratch directory per test binary. Thread-safety: call from the test thread.
#pragma once

#include <map>
#include <string>

namespace vigie::kb::testing {

// The data directory, or "" when it does not exist (tests then GTEST_SKIP).
std::string DataDir();

// The repository root ($VIGIE_SOURCE_DIR, set by vigie_test; else the
// current directory).
std::string SourceDir();

// sha256 of every staged data file by its path under the data dir
// ("bdpm/2026-07/CIS_bdpm.txt"), read from the data dir's MANIFEST.tsv; empty
// when the manifest cannot be read.
std::map<std::string, std::string> ManifestSha256(const std::string& data_dir);

// A fresh empty directory under the build tree (or /tmp) for KB files.
std::string ScratchDir(const std::string& name);

}  // namespace vigie::kb::testing

#define VIGIE_REQUIRE_DATA(dir)                                   \
  std::string dir = ::vigie::kb::testing::DataDir();              \
  if (dir.empty())                                                \
  GTEST_SKIP() << "données officielles absentes (VIGIE_DATA ou " \
                  "../shared/data) : test sur données réelles ignoré"
