// Test helper shared by the CLI tests: runs `vigie ARGS...` in-process against
// an Env (usually MemEnv) and captures exit code, stdout and stderr.
// Thread-safety: one call at a time per Env.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "vigie/cli/command.h"

namespace vigie::cli {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

inline CliRun Vigie(std::vector<std::string> args, Env& env) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  int code = Main(static_cast<int>(argv.size()), argv.data(), env, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace vigie::cli
