// Test helper implementation (see test_data.h). Thread-safety: as test_data.h.
#include "kb/test_data.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::kb::testing {

std::string DataDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("VIGIE_DATA"); env != nullptr && *env != '\0') {
    return fs::is_directory(env, ec) ? std::string(env) : std::string();
  }
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  fs::path root = src != nullptr ? fs::path(src) : fs::current_path(ec);
  fs::path data = root / ".." / "shared" / "data";
  return fs::is_directory(data, ec) ? fs::weakly_canonical(data, ec).string() : std::string();
}

std::string SourceDir() {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  std::error_code ec;
  return src != nullptr ? std::string(src) : std::filesystem::current_path(ec).string();
}

std::map<std::string, std::string> ManifestSha256(const std::string& data_dir) {
  std::map<std::string, std::string> out;
  std::ifstream in(data_dir + "/MANIFEST.tsv");
  for (std::string line; std::getline(in, line);) {
    std::istringstream cols(line);  // path, bytes, sha256, ...
    std::string path, bytes, sha;
    std::getline(cols, path, '\t');
    std::getline(cols, bytes, '\t');
    std::getline(cols, sha, '\t');
    out[path] = sha;
  }
  return out;
}

std::string ScratchDir(const std::string& name) {
  namespace fs = std::filesystem;
  const char* bin = std::getenv("VIGIE_BINARY_DIR");
  fs::path base = bin != nullptr ? fs::path(bin) / "test_tmp" : fs::temp_directory_path();
  fs::path dir = base / (name + "_" + std::to_string(getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  return dir.string();
}

}  // namespace vigie::kb::testing
