// FHIR R4 input for the prescription check: a Bundle (Patient,
// MedicationRequest with Dosage, Observation by LOINC with UCUM units,
// AllergyIntolerance, Condition) becomes Vigie's check request JSON. The code
// systems accepted are listed in docs/SAFETY.md and kFhir*System below.
// Errors name the resource and the field (the HTTP layer turns them into an
// OperationOutcome). Thread-safety: pure functions.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "vigie/core/date.h"
#include "vigie/core/status.h"

namespace vigie::check {

// Medication codings Vigie resolves (any other system falls back to the text).
inline constexpr std::string_view kFhirCisSystem =
    "https://data.esante.gouv.fr/ansm/medicament/codeCIS";
inline constexpr std::string_view kFhirCip13System =
    "https://data.esante.gouv.fr/ansm/medicament/codeCIP13";
inline constexpr std::string_view kFhirUcdSystem =
    "https://data.esante.gouv.fr/ansm/medicament/codeUCD";
inline constexpr std::string_view kFhirAtcSystem = "http://www.whocc.no/atc";
inline constexpr std::string_view kFhirLoincSystem = "http://loinc.org";
inline constexpr std::string_view kFhirIcd10System = "http://hl7.org/fhir/sid/icd-10";

// The Vigie request for a Bundle ("collection", "transaction" or "batch"),
// `today` giving the age from Patient.birthDate. Adds "fhir_ids": the
// MedicationRequest ids in line order. Failure: kInvalidArgument naming the
// resource and field; kMissingInput when no MedicationRequest.
Result<nlohmann::json> FhirBundleToRequest(const nlohmann::json& bundle, const Date& today);

// An OperationOutcome for an error (severity error, code from the Status).
nlohmann::json OperationOutcome(const Status& status, Lang lang);

}  // namespace vigie::check
