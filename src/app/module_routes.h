// Private to the app: registration functions of the modules' routes, called
// from modules.cc (one line each). Thread-safety: start-up only.
#pragma once

#include "vigie/app/app.h"

namespace vigie::app {

Status RegisterCalcRoutes(App& app);  // /v1/calc, /v1/exam (calc_routes.cc)
Status RegisterDoseRoutes(App& app);  // /v1/dose (dose_routes.cc)
Status RegisterCheckRoutes(App& app);  // /v1/check, /cds-services (check_routes.cc)

}  // namespace vigie::app
