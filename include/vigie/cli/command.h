// How modules add `vigie` subcommands. Each module provides one function
// `void RegisterXCommands(CommandRegistry&)` listed in src/cli/modules.cc.
// A command's action runs after parsing, returns a Status (its exit code comes
// from the error table) and writes through the context (`--json`: exactly one
// JSON document on stdout). Thread-safety: single-threaded CLI.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vigie/core/config.h"
#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::cli {

struct CliContext {
  Lang lang = Lang::kFr;
  bool json = false;
  std::string config_path;  // --config
  std::string db_path;      // --db (empty: from settings)
  std::string data_dir;     // --data (empty: from settings)
  Env* env = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;

  // Settings = defaults < --config file < VIGIE_* environment < global flags.
  Result<Settings> LoadSettings() const;
  // Prints `j` with --json, else `human` (a trailing newline is added).
  void Emit(const nlohmann::json& j, std::string_view human) const;
  // Picks the French or English text.
  std::string T(std::string_view fr, std::string_view en) const {
    return std::string(lang == Lang::kEn ? en : fr);
  }
};

using Action = std::function<Status(CliContext&)>;

class CommandRegistry {
 public:
  CommandRegistry(CLI::App& root, CliContext& ctx) : root_(root), ctx_(ctx) {}

  // Adds subcommand `name` under `parent` (nullptr: the root). `action` runs
  // when it is the command chosen; pass nullptr for a group of subcommands.
  CLI::App* Add(CLI::App* parent, const std::string& name, std::string_view help_fr,
                std::string_view help_en, Action action);
  CLI::App& root() { return root_; }
  CliContext& context() { return ctx_; }
  std::string T(std::string_view fr, std::string_view en) const { return ctx_.T(fr, en); }
  const Action& selected() const { return selected_; }

 private:
  CLI::App& root_;
  CliContext& ctx_;
  Action selected_;
};

// Entry point of the `vigie` binary; returns the process exit code.
int Main(int argc, char** argv, Env& env, std::ostream& out, std::ostream& err);

}  // namespace vigie::cli
