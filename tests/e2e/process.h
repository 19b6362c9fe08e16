// Starts a child process with its stdout on a pipe, for end-to-end tests.
// Thread-safety: one ChildProcess per test thread.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigie::testing {

class ChildProcess {
 public:
  // Spawns argv[0] with arguments; stdout is readable with ReadLine.
  static std::optional<ChildProcess> Start(const std::vector<std::string>& argv);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();

  // One line of stdout, or nullopt after `timeout` or at end of stream.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  void Signal(int sig);
  pid_t pid() const { return pid_; }
  // Exit code after the child ended, or nullopt if it is still running after `timeout`.
  std::optional<int> Wait(std::chrono::milliseconds timeout);

 private:
  ChildProcess(pid_t pid, int out_fd) : pid_(pid), out_fd_(out_fd) {}
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
  bool reaped_ = false;
};

}  // namespace vigie::testing
