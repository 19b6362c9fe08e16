// Loads the de-identifier's dictionaries (data/deid/*.txt) through an Env.
// Thread-safety: stateless; the Env must be thread-safe.
#pragma once

#include <string>

#include "vigie/core/env.h"
#include "vigie/privacy/deid.h"

namespace vigie::privacy {

// Reads first_names.txt, last_names.txt, cities.txt, hospitals.txt and
// stopwords.txt from `dir` (and tagger.txt when present). A missing file
// gives kFileNotFound naming it.
Result<DeidResources> LoadDeidResources(Env& env, const std::string& dir);

}  // namespace vigie::privacy
