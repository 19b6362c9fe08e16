// Test helper: the CDS Hooks specification's attribute tables as checks
// (https://cds-hooks.hl7.org, "Discovery", "Calling a CDS Service", "CDS
// Service Response", "Feedback", and the order-select / order-sign context
// tables). Each function returns the violations found, each naming the JSON
// path and the rule; an empty list means valid. The general rule "JSON
// elements SHALL NOT be null or empty" (null, "", [], {}) applies everywhere
// except the arrays the specification allows empty (cards, services).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vigie::testing {

std::vector<std::string> ValidateCdsDiscovery(const nlohmann::json& doc);
std::vector<std::string> ValidateCdsRequest(const nlohmann::json& doc);
std::vector<std::string> ValidateCdsResponse(const nlohmann::json& doc);
std::vector<std::string> ValidateCdsFeedback(const nlohmann::json& doc);

}  // namespace vigie::testing
