// The one place where Vigie's concrete parts are wired together (like
// Orthanc's ServerContext): Env, settings, authenticator, audit sink, metrics
// and the route table with every module's routes. Front ends (CLI, server)
// create one App and pass its parts on. Thread-safety: build once, then the
// accessors are safe to use from many threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vigie/api/audit.h"
#include "vigie/api/auth.h"
#include "vigie/api/metrics.h"
#include "vigie/api/router.h"
#include "vigie/core/config.h"
#include "vigie/core/env.h"

namespace vigie::app {

// Project version (CMake project version).
std::string_view Version();

// A named readiness check for GET /readyz (e.g. "kb": knowledge base loaded).
struct ReadinessCheck {
  std::string name;
  std::function<Status()> check;
};

class App {
 public:
  // Wires everything and registers all routes; errors name what failed.
  static Result<std::unique_ptr<App>> Create(Env& env, Settings settings);
  ~App();

  Env& env() { return env_; }
  const Settings& settings() const { return settings_; }
  api::Router& router() { return *router_; }
  api::Metrics& metrics() { return metrics_; }
  api::AuditSink& audit() { return *audit_; }
  // An audit event for this request: now, request id, principal and role,
  // with `action` and `outcome`; the caller adds counts or ids (never text).
  api::AuditEvent NewAuditEvent(const api::HttpRequest& req, std::string action,
                                std::string outcome = "ok");
  void AddReadinessCheck(ReadinessCheck check) { readiness_.push_back(std::move(check)); }
  const std::vector<ReadinessCheck>& readiness() const { return readiness_; }

 private:
  App(Env& env, Settings settings);
  Env& env_;
  Settings settings_;
  std::unique_ptr<api::Authenticator> auth_;
  std::unique_ptr<api::AuditSink> audit_;
  api::Metrics metrics_;
  std::unique_ptr<api::Router> router_;
  std::vector<ReadinessCheck> readiness_;
};

// Routes of the foundation: /healthz, /readyz, /metrics, /openapi.json, /v1/version.
Status RegisterSystemRoutes(App& app);

// POST /v1/patient/normalize (the shared Patient type, validated).
Status RegisterPatientRoutes(App& app);

// POST /v1/drugs/search, GET /v1/drugs/{cis} (knowledge base, kb_routes.cc).
Status RegisterKbRoutes(App& app);

// GET /v1/kb/snapshots: source versions in the KB, for the UI (kb_snapshot_routes.cc).
Status RegisterKbSnapshotRoutes(App& app);

// POST /v1/triage (public role): public-mode red flags (src/triage).
Status RegisterTriageRoutes(App& app);

// GET /v1/calc, POST /v1/calc/{id}, GET /v1/exam, POST /v1/exam/{rule} (calc_routes.cc).
Status RegisterCalcRoutes(App& app);

// POST /v1/dose (dose_routes.cc).
Status RegisterDoseRoutes(App& app);

// POST /v1/check, /cds-services (check_routes.cc, cds_routes.cc).
Status RegisterCheckRoutes(App& app);

// POST /v1/search and /v1/ask (evidence_routes.cc).
Status RegisterEvidenceRoutes(App& app);

// POST /v1/deid (privacy module).
Status RegisterPrivacyRoutes(App& app);
// Dictionary folder of the de-identifier: privacy.dict_dir, else the repository's data/deid.
std::string DeidDictionaryDir(const Settings& settings);

// GET /v1/changes (regulation watch, watch_routes.cc).
Status RegisterWatchRoutes(App& app);

// Every module's routes; each module adds one line in modules.cc.
Status RegisterModuleRoutes(App& app);

}  // namespace vigie::app
