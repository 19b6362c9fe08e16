// App wiring (see app.h). Thread-safety: construction is single-threaded.
#include "vigie/app/app.h"

#include "vigie/api/cds_jwt.h"
#include "vigie/privacy/audit_log.h"
#include "vigie/privacy/keys.h"
#include "vigie/privacy/tokens.h"

namespace vigie::app {

std::string_view Version() { return VIGIE_VERSION; }

App::App(Env& env, Settings settings) : env_(env), settings_(std::move(settings)) {}
App::~App() = default;

api::AuditEvent App::NewAuditEvent(const api::HttpRequest& req, std::string action,
                                   std::string outcome) {
  return {env_.NowMicros(),
          req.request_id,
          req.principal.id,
          std::string(api::RoleName(req.principal.role)),
          std::move(action),
          std::move(outcome),
          {}};
}

Result<std::unique_ptr<App>> App::Create(Env& env, Settings settings) {
  std::unique_ptr<App> app(new App(env, std::move(settings)));
  const Settings& s = app->settings_;
  if (s.server_role.empty()) {
    app->auth_ =
        std::make_unique<privacy::TokenAuthenticator>(env, s.tokens_file, s.rate_limit_per_minute);
  } else {
    // Development only: every request gets one role, so only on this machine.
    std::optional<api::Role> role = api::ParseRole(s.server_role);
    if (!role ||
        (s.server_host != "127.0.0.1" && s.server_host != "localhost" && s.server_host != "::1")) {
      return Status::Error(ErrorCode::kConfigError, {"server.dev_role"});
    }
    app->auth_ = std::make_unique<api::LocalDevAuthenticator>(*role);
  }
  if (!s.cds_jwks_file.empty()) {
    // CDS Hooks service calls: the EHR's JWT, keys from the admin's local JWKS.
    Result<std::string> jwks = env.ReadFile(s.cds_jwks_file);
    if (!jwks.ok()) return jwks.status();
    auto verifier = api::CdsJwtVerifier::Create(*jwks, {s.cds_issuer, s.cds_audience});
    if (!verifier.ok()) return verifier.status();
    app->auth_ = std::make_unique<api::CdsJwtAuthenticator>(std::move(app->auth_),
                                                            std::move(verifier).value(), env);
  }
  // Encryption at rest: the master key (created 0600 on first start unless
  // VIGIE_MASTER_KEY is given) wraps the audit store's data key.
  std::string env_key;
  if (!env.GetVar("VIGIE_MASTER_KEY", &env_key) || env_key.empty()) {
    Result<bool> created = privacy::InitMasterKey(env, s.master_key_file);
    if (!created.ok()) return created.status();
  }
  Result<privacy::Key> master = privacy::LoadMasterKey(env, s.master_key_file);
  if (!master.ok()) return master.status();
  Result<privacy::Cipher> audit_key = privacy::OpenStore(env, *master, s.keys_dir, "audit");
  if (!audit_key.ok()) return audit_key.status();
  Result<std::unique_ptr<privacy::ChainedAuditSink>> audit =
      privacy::ChainedAuditSink::Open(env, s.audit_log, *audit_key);
  if (!audit.ok()) return audit.status();
  app->audit_ = std::move(audit).value();
  app->router_ = std::make_unique<api::Router>(*app->auth_);
  VIGIE_RETURN_IF_ERROR(RegisterSystemRoutes(*app));
  VIGIE_RETURN_IF_ERROR(RegisterModuleRoutes(*app));
  return app;
}

}  // namespace vigie::app
