// The OS interface (like LevelDB's Env): every file and clock access of Vigie
// goes through an Env, with a real (POSIX) and an in-memory implementation.
// Engines never take an Env; importers, the API layer and the CLI do.
// Thread-safety: implementations are safe for concurrent use.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"

namespace vigie {

class Env {
 public:
  virtual ~Env() = default;

  // Whole-file read. Missing file: kFileNotFound; other failures: kIoError.
  virtual Result<std::string> ReadFile(const std::string& path) = 0;
  // Atomic replace (write to a temporary, then rename).
  virtual Status WriteFile(const std::string& path, std::string_view data) = 0;
  // Appends and flushes (audit logs, access logs).
  virtual Status AppendFile(const std::string& path, std::string_view data) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual bool IsDirectory(const std::string& path) = 0;
  // Names (not paths) of the entries of a directory, sorted.
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
  // Creates the directory and its parents; existing is fine.
  virtual Status CreateDirs(const std::string& path) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
  // True when neither group nor others may read the file (key files must be
  // 0600). Files written by WriteFile/AppendFile are created 0600. The
  // in-memory Env has no permissions and answers true.
  virtual bool IsPrivate(const std::string& path) {
    (void)path;
    return true;
  }

  // Wall clock, microseconds since the Unix epoch.
  virtual int64_t NowMicros() = 0;
  // Monotonic clock in nanoseconds, for durations.
  virtual int64_t MonotonicNanos() = 0;
  // Environment variable or empty optional-like "" with found=false.
  virtual bool GetVar(const std::string& name, std::string* value) = 0;
};

std::unique_ptr<Env> NewPosixEnv();

// In-memory Env for tests: files in a map, a clock that moves only when told.
class MemEnv : public Env {
 public:
  MemEnv();
  ~MemEnv() override;
  Result<std::string> ReadFile(const std::string& path) override;
  Status WriteFile(const std::string& path, std::string_view data) override;
  Status AppendFile(const std::string& path, std::string_view data) override;
  bool FileExists(const std::string& path) override;
  bool IsDirectory(const std::string& path) override;
  Result<std::vector<std::string>> ListDir(const std::string& path) override;
  Status CreateDirs(const std::string& path) override;
  Status RemoveFile(const std::string& path) override;
  int64_t NowMicros() override;
  int64_t MonotonicNanos() override;
  bool GetVar(const std::string& name, std::string* value) override;

  void SetVar(const std::string& name, const std::string& value);
  void AdvanceMicros(int64_t us);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Joins two path parts with one '/'.
std::string JoinPath(std::string_view a, std::string_view b);

}  // namespace vigie
