// The list of module route registrations: each module that serves HTTP adds
// one line here (and its routes file in src/app/). Thread-safety: start-up only.
#include "vigie/app/app.h"

namespace vigie::app {

Status RegisterModuleRoutes(App& app) {
  VIGIE_RETURN_IF_ERROR(RegisterKbRoutes(app));  // /v1/drugs/... (kb_routes.cc)
  VIGIE_RETURN_IF_ERROR(RegisterCalcRoutes(app));
  VIGIE_RETURN_IF_ERROR(RegisterDoseRoutes(app));
  VIGIE_RETURN_IF_ERROR(RegisterTriageRoutes(app));
  VIGIE_RETURN_IF_ERROR(RegisterEvidenceRoutes(app));
  VIGIE_RETURN_IF_ERROR(RegisterPrivacyRoutes(app));
  VIGIE_RETURN_IF_ERROR(RegisterCheckRoutes(app));  // /v1/check, /cds-services (check_routes.cc)
  VIGIE_RETURN_IF_ERROR(RegisterWatchRoutes(app));  // /v1/changes (watch_routes.cc)
  VIGIE_RETURN_IF_ERROR(RegisterKbSnapshotRoutes(app));
  return Status::Ok();
}

}  // namespace vigie::app
