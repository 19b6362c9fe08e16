// Private to the app: the pieces of the prescription-check routes shared by
// check_routes.cc (POST /v1/check) and cds_routes.cc (CDS Hooks).
// Thread-safety: start-up registration; handlers share an immutable service.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "vigie/app/app.h"
#include "vigie/check/service.h"

namespace vigie::app {

std::shared_ptr<check::CheckService> MakeCheckService(App& app);

// Checks a FHIR R4 Bundle: the Vigie response with "fhir_ids" (the
// MedicationRequest ids in line order). Errors as Status (FhirError below).
Result<nlohmann::json> CheckFhirBundle(App& app, check::CheckService& service,
                                       const nlohmann::json& bundle, Lang lang);

// An OperationOutcome response with the HTTP status of the error table.
api::HttpResponse FhirError(const Status& status, Lang lang);

Status RegisterCdsHooksRoutes(App& app, std::shared_ptr<check::CheckService> service);

}  // namespace vigie::app
