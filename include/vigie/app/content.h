// Vigie's own clinical content (the repository's data/: exam rules, posology
// rules), read at start-up through the Env and handed to the pure engines.
// Thread-safety: the functions do I/O through `env` and return values.
#pragma once

#include <string>

#include "vigie/check/content.h"
#include "vigie/core/config.h"
#include "vigie/core/env.h"
#include "vigie/dose/posology.h"
#include "vigie/exam/rules.h"

namespace vigie::app {

// settings.content_dir, or the source tree's data/ when empty.
std::string ContentDir(const Settings& settings);

// Every <content_dir>/exam-rules/*.json. A missing folder is kFileNotFound
// naming it; a bad file is kDataError naming the file.
Result<exam::RuleSet> LoadExamRules(Env& env, const std::string& content_dir);

// Every <content_dir>/posology/*.json, same error rules.
Result<dose::PosologyBook> LoadPosology(Env& env, const std::string& content_dir);

// What the prescription check reads: <content_dir>/posology/*.json and
// <content_dir>/check/allergy.json, parsed and hashed (check::ParseCheckContent).
// A missing folder or file is skipped (the check then says "not evaluated");
// a bad file is kDataError naming it.
Result<check::CheckContent> LoadCheckContent(Env& env, const std::string& content_dir);

}  // namespace vigie::app
