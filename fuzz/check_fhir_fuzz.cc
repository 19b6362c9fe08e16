// Fuzzes the FHIR R4 Bundle and CDS Hooks entry points of the prescription
// check: any JSON gives a request or a named error (OperationOutcome), never
// a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "vigie/check/cds_hooks.h"
#include "vigie/check/check.h"
#include "vigie/check/fhir.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  nlohmann::json j = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  auto req = vigie::check::FhirBundleToRequest(j, vigie::Date{2026, 11, 29});
  if (req.ok()) {
    req->erase("fhir_ids");
    (void)vigie::check::RequestFromJson(*req);
  } else {
    (void)vigie::check::OperationOutcome(req.status(), vigie::Lang::kFr).dump();
  }
  auto bundle = vigie::check::CdsRequestToBundle(j);
  if (bundle.ok()) (void)vigie::check::FhirBundleToRequest(*bundle, vigie::Date{2026, 11, 29});
  (void)vigie::check::CdsFeedback(j);
  (void)vigie::check::CdsCards(
      j.is_object() && j.contains("findings") ? j : nlohmann::json::object(), "seed",
      vigie::Lang::kEn);
  return 0;
}
