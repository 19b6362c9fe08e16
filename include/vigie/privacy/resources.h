// Loads the de-identifier's dictionaries (data/deid/*.txt) through an Env.
// Thread-safety: stateless; the Env must be thread-safe.
#pragma once

#include <string>

#include "vigie/core/env.h"
#include "vigie/privacy/deid.h"

namespace vigie::privacy {

// Reads first_names.txt, last_names.txt, cities.txt, hospitals.txt and
// stopwords.txt from `dir` (and tagger.txt when present), and the French
// word list `word_list` when present (Debian's wfrench, installed by
// scripts/install-deps; GPL, so read from the system, never copied into the
// repository). A missing dictionary file gives kFileNotFound naming it.
inline constexpr const char* kDefaultWordList = "/usr/share/dict/french";
inline constexpr const char* kDefaultWordListEn = "/usr/share/dict/american-english";
Result<DeidResources> LoadDeidResources(Env& env, const std::string& dir,
                                        const std::string& word_list = kDefaultWordList,
                                        const std::string& word_list_en = kDefaultWordListEn);

}  // namespace vigie::privacy
