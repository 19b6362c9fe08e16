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

// Code systems accepted, each checked against its publisher (docs/SAFETY.md,
// "FHIR code systems"); a coding of any other system falls back to the text.
// CIS (BDPM specialty): ANS terminology "terminologie-bdpm", the system of
// the ANS FR Document Core ValueSet fr-vs-vaccine-code-cis ("codes CIS (BDPM)"),
// https://interop.esante.gouv.fr/ig/fhir/document-core/ValueSet/fr-vs-vaccine-code-cis
inline constexpr std::string_view kFhirCisSystem = "https://smt.esante.gouv.fr/terminologie-bdpm";
// CIP13 and UCD share the ANS terminology "terminologie-cip_ucd" (ValueSet
// fr-vs-medication-translation-document of the same guide); a 13-digit code
// starting 34009 is a CIP13 (BDPM CIS_CIP), anything else a UCD.
inline constexpr std::string_view kFhirCipUcdSystem =
    "https://smt.esante.gouv.fr/terminologie-cip_ucd";
// UCD as the Interop'Santé medication guide codes it (alias $UCD of
// hl7.fhir.fr.medication input/fsh/aliases.fsh). The BDPM has no UCD table:
// UCD codings resolve through their display text.
inline constexpr std::string_view kFhirUcdSystem = "http://data.esante.gouv.fr/ansm/medicament/UCD";
// WHO ATC: HL7 Terminology (THO) CodeSystem v3-WC, and the ANS
// "terminologie-atc" (same ANS ValueSet as above).
inline constexpr std::string_view kFhirAtcSystem = "http://www.whocc.no/atc";
inline constexpr std::string_view kFhirAtcAnsSystem = "https://smt.esante.gouv.fr/terminologie-atc";
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
