// App wiring (see app.h). Thread-safety: construction is single-threaded.
#include "vigie/app/app.h"

namespace vigie::app {

std::string_view Version() { return VIGIE_VERSION; }

App::App(Env& env, Settings settings) : env_(env), settings_(std::move(settings)) {}
App::~App() = default;

Result<std::unique_ptr<App>> App::Create(Env& env, Settings settings) {
  std::optional<api::Role> role = api::ParseRole(settings.server_role);
  if (!role) return Status::Error(ErrorCode::kConfigError, {"server.dev_role"});
  std::unique_ptr<App> app(new App(env, std::move(settings)));
  app->auth_ = std::make_unique<api::LocalDevAuthenticator>(*role);
  app->audit_ = std::make_unique<api::JsonLinesAuditSink>(env, app->settings_.audit_log);
  app->router_ = std::make_unique<api::Router>(*app->auth_);
  VIGIE_RETURN_IF_ERROR(RegisterSystemRoutes(*app));
  VIGIE_RETURN_IF_ERROR(RegisterModuleRoutes(*app));
  return app;
}

}  // namespace vigie::app
