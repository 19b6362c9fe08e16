// The wire form of search hits and answers, shared by the CLI (--json) and
// HTTP (/v1/search, /v1/ask) so both speak exactly the same JSON.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "vigie/evidence/answer.h"
#include "vigie/evidence/search.h"

namespace vigie::evidence {

// {"hits": [{doc_id, title, year, passage, start, end, score, coverage}]}
nlohmann::json HitsToJson(const std::vector<Hit>& hits);

// {"answer": [{text, citations}], "citations": [{doc_id, title, year, passage,
// start, end}], "abstained", "message"?}
nlohmann::json AnswerToJson(const Answer& answer);

// JSON schemas of the two responses (for the OpenAPI document).
nlohmann::json HitsSchema();
nlohmann::json AnswerSchema();

}  // namespace vigie::evidence
