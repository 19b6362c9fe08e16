// In-memory Env for tests. Thread-safe: one mutex guards the state.
#include <map>
#include <mutex>
#include <set>

#include "vigie/core/env.h"

namespace vigie {

struct MemEnv::State {
  std::mutex mu;
  std::map<std::string, std::string> files;
  std::set<std::string> dirs;
  std::map<std::string, std::string> vars;
  int64_t now_us = 1'700'000'000'000'000;  // fixed start: 2023-11-14
  int64_t mono_ns = 0;
};

namespace {
std::string Parent(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}
}  // namespace

MemEnv::MemEnv() : state_(std::make_unique<State>()) {}
MemEnv::~MemEnv() = default;

Result<std::string> MemEnv::ReadFile(const std::string& path) {
  std::lock_guard lock(state_->mu);
  auto it = state_->files.find(path);
  if (it == state_->files.end()) return Status::Error(ErrorCode::kFileNotFound, {path});
  return it->second;
}

Status MemEnv::WriteFile(const std::string& path, std::string_view data) {
  std::lock_guard lock(state_->mu);
  state_->files[path] = std::string(data);
  return Status::Ok();
}

Status MemEnv::AppendFile(const std::string& path, std::string_view data) {
  std::lock_guard lock(state_->mu);
  state_->files[path] += data;
  return Status::Ok();
}

bool MemEnv::FileExists(const std::string& path) {
  std::lock_guard lock(state_->mu);
  return state_->files.count(path) > 0 || state_->dirs.count(path) > 0;
}

bool MemEnv::IsDirectory(const std::string& path) {
  std::lock_guard lock(state_->mu);
  if (state_->dirs.count(path) > 0) return true;
  std::string prefix = path + "/";
  auto it = state_->files.lower_bound(prefix);
  return it != state_->files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

Result<std::vector<std::string>> MemEnv::ListDir(const std::string& path) {
  std::lock_guard lock(state_->mu);
  std::set<std::string> names;
  std::string prefix = path + "/";
  auto collect = [&](const std::string& full) {
    if (full.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = full.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  };
  for (const auto& [name, data] : state_->files) collect(name);
  for (const auto& dir : state_->dirs) collect(dir);
  if (names.empty() && state_->dirs.count(path) == 0) {
    return Status::Error(ErrorCode::kFileNotFound, {path});
  }
  return std::vector<std::string>(names.begin(), names.end());
}

Status MemEnv::CreateDirs(const std::string& path) {
  std::lock_guard lock(state_->mu);
  for (std::string p = path; !p.empty(); p = Parent(p)) state_->dirs.insert(p);
  return Status::Ok();
}

Status MemEnv::RemoveFile(const std::string& path) {
  std::lock_guard lock(state_->mu);
  if (state_->files.erase(path) == 0) return Status::Error(ErrorCode::kFileNotFound, {path});
  return Status::Ok();
}

int64_t MemEnv::NowMicros() {
  std::lock_guard lock(state_->mu);
  return state_->now_us;
}

int64_t MemEnv::MonotonicNanos() {
  std::lock_guard lock(state_->mu);
  return state_->mono_ns;
}

bool MemEnv::GetVar(const std::string& name, std::string* value) {
  std::lock_guard lock(state_->mu);
  auto it = state_->vars.find(name);
  if (it == state_->vars.end()) return false;
  *value = it->second;
  return true;
}

void MemEnv::SetVar(const std::string& name, const std::string& value) {
  std::lock_guard lock(state_->mu);
  state_->vars[name] = value;
}

void MemEnv::AdvanceMicros(int64_t us) {
  std::lock_guard lock(state_->mu);
  state_->now_us += us;
  state_->mono_ns += us * 1000;
}

}  // namespace vigie
