// CDS Hooks 2.0 for the prescription check: the discovery document, the
// hook request (order-select / order-sign with context.draftOrders and the
// prefetched Patient and Observations) turned into a FHIR Bundle, and the
// check response turned into cards (summary < 140 chars, indicator per
// DESIGN.md, markdown detail with risk, conduct and source, overrideReasons).
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"

namespace vigie::check {

inline constexpr const char* kCdsServiceId = "vigie-prescription";

// GET /cds-services.
nlohmann::json CdsDiscovery();

// The Bundle to check from a hook request. Failure: kInvalidArgument (not a
// CDS Hooks request, unknown hook, no draftOrders) or kPrefetchMissing (the
// prefetched Patient is absent: HTTP 412).
Result<nlohmann::json> CdsRequestToBundle(const nlohmann::json& request);

// {"cards": [...]} for a check response (hookInstance seeds card uuids).
nlohmann::json CdsCards(const nlohmann::json& check_response, const std::string& hook_instance,
                        Lang lang);

// Feedback entries {card, outcome, overrideReason.reason.code} validated;
// returns the list of (card, outcome, reason code). Failure: kInvalidArgument.
Result<std::vector<std::array<std::string, 3>>> CdsFeedback(const nlohmann::json& body);

}  // namespace vigie::check
