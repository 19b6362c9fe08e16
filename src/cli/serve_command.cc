// `vigie serve`: wires the App, binds, prints the URL, serves until SIGTERM or
// SIGINT, then lets in-flight requests finish. Thread-safety: the signals are
// blocked in every thread and received by one watcher thread with sigwait.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "vigie/api/server.h"
#include "vigie/app/app.h"

namespace vigie::cli {
namespace {

struct ServeFlags {
  std::map<std::string, std::string> values;  // setting key -> flag value
};

api::LogWriter MakeAccessLog(Env& env, const std::string& target) {
  if (target == "off") return nullptr;
  if (target == "-") {
    auto mu = std::make_shared<std::mutex>();
    return [mu](std::string_view line) {
      // One write per line (std::cerr is unbuffered: two writes otherwise).
      std::string out;
      out.reserve(line.size() + 1);
      out.append(line).push_back('\n');
      std::lock_guard lock(*mu);
      std::cerr.write(out.data(), static_cast<std::streamsize>(out.size()));
    };
  }
  return [&env, target](std::string_view line) {
    (void)env.AppendFile(target, std::string(line) + "\n");
  };
}

Status RunServe(CliContext& ctx, const ServeFlags& flags) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  for (const SettingSpec& spec : AllSettings()) {
    auto it = flags.values.find(std::string(spec.key));
    if (it != flags.values.end()) VIGIE_RETURN_IF_ERROR(SetSetting(*settings, spec, it->second));
  }
  Result<std::unique_ptr<app::App>> created = app::App::Create(*ctx.env, *settings);
  if (!created.ok()) return created.status();
  app::App& application = **created;
  const Settings& s = application.settings();

  api::ServerOptions options;
  options.host = s.server_host;
  options.port = static_cast<int>(s.server_port);
  options.threads = static_cast<int>(s.server_threads);
  options.max_body_bytes = static_cast<size_t>(s.server_max_body_bytes);
  options.read_timeout_s = static_cast<int>(s.server_read_timeout_s);
  options.write_timeout_s = static_cast<int>(s.server_write_timeout_s);
  options.default_lang = s.lang.empty() ? ctx.lang : LangFromLocale(s.lang);
  options.static_dir = s.web_dir.empty() ? std::string(VIGIE_DEFAULT_WEB_DIR) : s.web_dir;
  options.tls_cert_file = s.tls_cert_file;
  options.tls_key_file = s.tls_key_file;
  if (options.static_dir == "off" || !ctx.env->IsDirectory(options.static_dir)) {
    options.static_dir.clear();
  }

  // Block the signals before any thread starts so that only the watcher sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  api::Server server(options, application.router(), application.metrics(), *ctx.env,
                     MakeAccessLog(*ctx.env, s.access_log));
  VIGIE_RETURN_IF_ERROR(server.Bind());
  std::string url = std::string(server.tls() ? "https://" : "http://") + s.server_host + ":" +
                    std::to_string(server.port());
  ctx.Emit({{"url", url}, {"status", "listening"}},
           ctx.T("Vigie écoute sur ", "Vigie listening on ") + url +
               ctx.T("  (Ctrl+C pour arrêter)", "  (Ctrl+C to stop)"));

  std::thread watcher([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.Stop();
  });
  Status status = server.Run();
  // Wake the watcher if the server stopped for another reason.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  *ctx.err << ctx.T("Vigie arrêté proprement.", "Vigie stopped cleanly.") << "\n";
  return status;
}

}  // namespace

void RegisterServeCommand(CommandRegistry& registry) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = registry.Add(nullptr, "serve", "Démarre le serveur HTTP (API, interface web)",
                                 "Start the HTTP server (API, web interface)",
                                 [flags](CliContext& ctx) { return RunServe(ctx, *flags); });
  serve->footer(registry.T(
      "Chaque option a aussi une clé TOML et une variable VIGIE_* (voir : vigie config).\n"
      "Arrêt propre sur SIGTERM ou Ctrl+C : les requêtes en cours se terminent.",
      "Each flag also has a TOML key and a VIGIE_* variable (see: vigie config).\n"
      "Clean stop on SIGTERM or Ctrl+C: in-flight requests finish."));
  // Flags come from the settings table; --db, --data, --lang, --config are global.
  for (const SettingSpec& spec : AllSettings()) {
    if (spec.flag.empty() || spec.flag == "--db" || spec.flag == "--data" ||
        spec.flag == "--lang") {
      continue;
    }
    std::string key(spec.key);
    std::string help = registry.T(spec.help_fr, spec.help_en) + " [" + std::string(spec.env) + "]";
    serve
        ->add_option_function<std::string>(
            std::string(spec.flag),
            [flags, key, &spec, lang = registry.context().lang](const std::string& v) {
              // Check now so that a bad flag is a usage error (exit 2).
              Settings scratch;
              Status st = SetSetting(scratch, spec, v);
              if (!st.ok()) throw CLI::ValidationError(std::string(spec.flag), st.Message(lang));
              flags->values[key] = v;
            },
            help)
        ->type_name(spec.type == SettingType::kInt ? registry.T("ENTIER", "INT")
                                                   : registry.T("TEXTE", "TEXT"));
  }
}

}  // namespace vigie::cli
