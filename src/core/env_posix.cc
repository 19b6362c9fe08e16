// POSIX implementation of Env. Thread-safe: no shared mutable state; each
// call opens its own file descriptors.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "vigie/core/env.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

class PosixEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::string& path) override {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Status::Error(ErrorCode::kFileNotFound, {path});
    if (fs::is_directory(path, ec)) {
      return Status::Error(ErrorCode::kInvalidArgument, {path + " (dossier / directory)"});
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Error(ErrorCode::kIoError, {path});
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Status::Error(ErrorCode::kIoError, {path});
    return data;
  }

  Status WriteFile(const std::string& path, std::string_view data) override {
    std::string tmp = path + ".tmp." + std::to_string(::getpid());
    VIGIE_RETURN_IF_ERROR(WriteAll(tmp, data, O_WRONLY | O_CREAT | O_TRUNC));
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      ::unlink(tmp.c_str());
      return Status::Error(ErrorCode::kIoError, {path});
    }
    return Status::Ok();
  }

  Status AppendFile(const std::string& path, std::string_view data) override {
    return WriteAll(path, data, O_WRONLY | O_CREAT | O_APPEND);
  }

  bool FileExists(const std::string& path) override {
    std::error_code ec;
    return fs::exists(path, ec);
  }

  bool IsPrivate(const std::string& path) override {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
  }

  bool IsDirectory(const std::string& path) override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }

  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return Status::Error(ErrorCode::kFileNotFound, {path});
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      names.push_back(entry.path().filename().string());
    }
    if (ec) return Status::Error(ErrorCode::kIoError, {path});
    std::sort(names.begin(), names.end());
    return names;
  }

  Status CreateDirs(const std::string& path) override {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return Status::Error(ErrorCode::kIoError, {path});
    return Status::Ok();
  }

  Status RemoveFile(const std::string& path) override {
    std::error_code ec;
    if (!fs::remove(path, ec) || ec) return Status::Error(ErrorCode::kFileNotFound, {path});
    return Status::Ok();
  }

  int64_t NowMicros() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  int64_t MonotonicNanos() override {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  bool GetVar(const std::string& name, std::string* value) override {
    const char* v = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read-only env
    if (v == nullptr) return false;
    *value = v;
    return true;
  }

 private:
  static Status WriteAll(const std::string& path, std::string_view data, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
    if (fd < 0) return Status::Error(ErrorCode::kIoError, {path});
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::write(fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(fd);
        return Status::Error(ErrorCode::kIoError, {path});
      }
      done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return Status::Error(ErrorCode::kIoError, {path});
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Env> NewPosixEnv() { return std::make_unique<PosixEnv>(); }

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  if (b.front() == '/') b.remove_prefix(1);
  out += b;
  return out;
}

}  // namespace vigie
