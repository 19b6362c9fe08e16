// The `vigie` command line: global options, help in the chosen language,
// exit codes (0 ok, 2 usage, 3 data or input, 4 internal) and one-line errors.
// Thread-safety: single-threaded.
#include <exception>
#include <ostream>
#include <string>

#include "cli/commands.h"
#include "vigie/app/app.h"
#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

// The language is needed before parsing to write the help in it.
Lang PrescanLang(int argc, char** argv, Env& env) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return LangFromLocale(argv[i + 1]);
    if (arg.rfind("--lang=", 0) == 0) return LangFromLocale(arg.substr(7));
  }
  std::string value;
  for (const char* var : {"VIGIE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (env.GetVar(var, &value) && !value.empty()) return LangFromLocale(value);
  }
  return Lang::kFr;
}

void TranslateHelp(CLI::App& app, const CliContext& ctx) {
  if (ctx.lang == Lang::kEn) return;
  auto fmt = app.get_formatter();
  fmt->label("Usage", "Utilisation");
  fmt->label("OPTIONS", "OPTIONS");
  fmt->label("SUBCOMMAND", "COMMANDE");
  fmt->label("SUBCOMMANDS", "COMMANDES");
  fmt->label("REQUIRED", "OBLIGATOIRE");
  fmt->label("TEXT", "TEXTE");
  fmt->label("INT", "ENTIER");
  fmt->label("FLOAT", "NOMBRE");
  fmt->label("Positionals", "Arguments");
  fmt->label("Env", "Variable");
}

std::string RootFooter(const CliContext& ctx) {
  return ctx.T(
      "Exemples :\n"
      "  vigie serve                      serveur sur http://127.0.0.1:8080\n"
      "  vigie serve --port 9000 --config /etc/vigie.toml\n"
      "  vigie config --json              réglages effectifs et leur origine\n"
      "  vigie COMMANDE --help            aide d'une commande\n\n"
      "Codes de sortie : 0 succès, 2 erreur d'utilisation, 3 donnée ou entrée invalide, "
      "4 erreur interne.\n"
      "Réglages : défauts < fichier --config (TOML) < variables VIGIE_* < options.\n"
      "Vigie est une aide à la décision pour les professionnels de santé ; "
      "le clinicien décide.",
      "Examples:\n"
      "  vigie serve                      server on http://127.0.0.1:8080\n"
      "  vigie serve --port 9000 --config /etc/vigie.toml\n"
      "  vigie config --json              effective settings and where they come from\n"
      "  vigie COMMAND --help             help for one command\n\n"
      "Exit codes: 0 success, 2 usage error, 3 invalid data or input, 4 internal error.\n"
      "Settings: defaults < --config file (TOML) < VIGIE_* variables < flags.\n"
      "Vigie is decision support for health professionals; the clinician decides.");
}

// CLI11 says "A subcommand is required" for a mistyped command; name it instead.
std::string UsageMessage(const CLI::App& app, int argc, char** argv, const CLI::ParseError& e,
                         const CliContext& ctx) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.empty() || arg[0] == '-') {
      if (arg == "--lang" || arg == "--db" || arg == "--data" || arg == "--config") ++i;
      continue;
    }
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->get_name() == arg;
    if (!known) return ctx.T("commande inconnue : ", "unknown command: ") + arg;
    break;
  }
  return e.what();
}

int Fail(const CliContext& ctx, const Status& status) {
  *ctx.err << "vigie: " << ctx.T("erreur : ", "error: ") << status.Message(ctx.lang) << "\n";
  if (ctx.json) {
    nlohmann::json body = {
        {"error", {{"code", status.wire_code()}, {"message", status.Message(ctx.lang)}}}};
    *ctx.out << body.dump(2) << "\n";
  }
  return status.exit_code();
}

}  // namespace

int Main(int argc, char** argv, Env& env, std::ostream& out, std::ostream& err) {
  CliContext ctx;
  ctx.env = &env;
  ctx.out = &out;
  ctx.err = &err;
  ctx.lang = PrescanLang(argc, argv, env);

  CLI::App app(ctx.T("Vigie — assistant clinique souverain (aide à la décision, données "
                     "officielles citées, rien ne quitte la machine)",
                     "Vigie — sovereign clinical assistant (decision support, cited official "
                     "data, nothing leaves the machine)"),
               "vigie");
  TranslateHelp(app, ctx);
  app.set_help_flag("-h,--help", ctx.T("Affiche cette aide", "Print this help"));
  app.set_help_all_flag("--help-all",
                        ctx.T("Aide de toutes les commandes", "Help for all commands"));
  app.set_version_flag("-V,--version", std::string("vigie ") + std::string(app::Version()),
                       ctx.T("Affiche la version", "Print the version"));
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command
  app.footer(RootFooter(ctx));
  std::string group = ctx.T("Options globales", "Global options");
  std::string lang_flag;
  app.add_flag(
         "--json", ctx.json,
         ctx.T("Sortie JSON (un document sur stdout)", "JSON output (one document on stdout)"))
      ->group(group);
  app.add_option("--lang", lang_flag, ctx.T("Langue : fr ou en", "Language: fr or en"))
      ->check(CLI::IsMember({"fr", "en"}))
      ->type_name("fr|en")
      ->group(group);
  app.add_option("--db", ctx.db_path,
                 ctx.T("Base de connaissances (défaut : $VIGIE_DB, sinon vigie.db)",
                       "Knowledge base (default: $VIGIE_DB, else vigie.db)"))
      ->group(group);
  app.add_option("--data", ctx.data_dir,
                 ctx.T("Données officielles (défaut : $VIGIE_DATA, sinon ../shared/data)",
                       "Official data (default: $VIGIE_DATA, else ../shared/data)"))
      ->group(group);
  app.add_option("--config", ctx.config_path,
                 ctx.T("Fichier de configuration TOML", "TOML configuration file"))
      ->check(CLI::ExistingFile)
      ->group(group);

  CommandRegistry registry(app, ctx);
  RegisterSystemCommands(registry);
  RegisterServeCommand(registry);
  RegisterModuleCommands(registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    out << "vigie " << app::Version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "vigie: " << ctx.T("utilisation incorrecte : ", "incorrect usage: ")
        << UsageMessage(app, argc, argv, e, ctx) << "\n"
        << ctx.T("Voir : vigie --help", "See: vigie --help") << "\n";
    return 2;
  }
  if (!registry.selected()) {
    out << app.help();
    return 2;
  }
  try {
    Status status = registry.selected()(ctx);
    return status.ok() ? 0 : Fail(ctx, status);
  } catch (const std::exception&) {
    // The message may quote input; report only that it happened.
    return Fail(ctx, Status::Error(ErrorCode::kInternal, {ctx.T("exception", "exception")}));
  }
}

}  // namespace vigie::cli
