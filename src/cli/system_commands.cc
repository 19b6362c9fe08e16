// Built-in commands: version, config, openapi. Thread-safety: single-threaded.
#include <sstream>

#include "cli/commands.h"
#include "vigie/api/openapi.h"
#include "vigie/app/app.h"

namespace vigie::cli {
namespace {

Status RunVersion(CliContext& ctx) {
  ctx.Emit({{"name", "vigie"}, {"version", app::Version()}},
           "vigie " + std::string(app::Version()));
  return Status::Ok();
}

Status RunConfig(CliContext& ctx) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  nlohmann::json list = nlohmann::json::array();
  std::ostringstream human;
  for (const SettingSpec& spec : AllSettings()) {
    std::string value = SettingValue(*settings, spec);
    std::string help(ctx.lang == Lang::kEn ? spec.help_en : spec.help_fr);
    list.push_back({{"key", spec.key},
                    {"env", spec.env},
                    {"flag", spec.flag},
                    {"value", value},
                    {"help", help}});
    human << spec.key << " = " << (value.empty() ? "\"\"" : value) << "\n    " << help << " ("
          << spec.env << (spec.flag.empty() ? "" : ", " + std::string(spec.flag)) << ")\n";
  }
  ctx.Emit({{"settings", list}}, human.str());
  return Status::Ok();
}

Status RunOpenApi(CliContext& ctx) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  Result<std::unique_ptr<app::App>> application = app::App::Create(*ctx.env, *settings);
  if (!application.ok()) return application.status();
  nlohmann::json doc = api::BuildOpenApi((*application)->router(), std::string(app::Version()));
  *ctx.out << doc.dump(2) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterSystemCommands(CommandRegistry& registry) {
  registry.Add(nullptr, "version", "Affiche la version", "Print the version", RunVersion);
  registry.Add(nullptr, "config",
               "Affiche les réglages effectifs (fichier, variables VIGIE_*, options)",
               "Show the effective settings (file, VIGIE_* variables, flags)", RunConfig);
  registry.Add(nullptr, "openapi", "Écrit le document OpenAPI 3.1 de l'API HTTP sur stdout",
               "Write the HTTP API's OpenAPI 3.1 document to stdout", RunOpenApi);
}

}  // namespace vigie::cli
