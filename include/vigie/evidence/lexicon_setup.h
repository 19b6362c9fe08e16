// The query lexicon as the front ends (CLI, HTTP) load it from the settings:
// the French-English lexicon folder (evidence.lexicon_dir), English synonyms
// from WordNet (evidence.wordnet_dir, unless "off" or absent) and brand -> DCI
// names from the KB (db_path) when a KB file is there.
// Thread-safety: call from one thread; the result is immutable after.
#pragma once

#include "vigie/core/config.h"
#include "vigie/core/env.h"
#include "vigie/core/status.h"
#include "vigie/evidence/lexicon.h"

namespace vigie::evidence {

// Optional parts that are missing are skipped (the search works with less
// expansion); a present but malformed file is an error (kDataError).
Result<Lexicon> LoadQueryLexicon(Env& env, const Settings& settings);

}  // namespace vigie::evidence
