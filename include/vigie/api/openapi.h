// Generates the OpenAPI 3.1 document from the route table, so every route
// registered by any module appears in it. Thread-safety: pure function.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "vigie/api/router.h"

namespace vigie::api {

nlohmann::json BuildOpenApi(const Router& router, const std::string& version);

}  // namespace vigie::api
