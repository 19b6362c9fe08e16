// Line resolution for the check engine (see resolve.cc).
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "check/internal.h"

namespace vigie::check {

// Resolves every line; the ones that cannot be resolved go to `unresolved`
// ({index, input, reason, candidates}), never dropped.
std::vector<ResolvedLine> ResolveLines(const kb::DrugIndex& index, const Request& req,
                                       nlohmann::json& unresolved);

}  // namespace vigie::check
