// CommandRegistry and CliContext helpers. Thread-safety: single-threaded.
#include <ostream>

#include "vigie/cli/command.h"

namespace vigie::cli {

CLI::App* CommandRegistry::Add(CLI::App* parent, const std::string& name, std::string_view help_fr,
                               std::string_view help_en, Action action) {
  CLI::App* owner = parent == nullptr ? &root_ : parent;
  CLI::App* sub = owner->add_subcommand(name, T(help_fr, help_en));
  sub->group(T("Commandes", "Commands"));
  if (action) {
    sub->callback([this, action = std::move(action)] { selected_ = action; });
  } else {
    sub->require_subcommand(1);
  }
  return sub;
}

Result<Settings> CliContext::LoadSettings() const {
  Result<Settings> settings = vigie::LoadSettings(*env, config_path);
  if (!settings.ok()) return settings;
  if (!db_path.empty()) settings->db_path = db_path;
  if (!data_dir.empty()) settings->data_dir = data_dir;
  return settings;
}

void CliContext::Emit(const nlohmann::json& j, std::string_view human) const {
  if (json) {
    *out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    *out << human;
    if (human.empty() || human.back() != '\n') *out << "\n";
  }
  out->flush();
}

}  // namespace vigie::cli
