// Vigie's own clinical content that the prescription check reads (the
// repository's data/: posology rules in posology/*.json, allergy classes and
// the cross-reactivity table in check/allergy.json), parsed from the bytes the
// caller read, and the hash of those bytes that every response reports in
// kb.hash (so that changing one rule changes the hash).
// Thread-safety: pure functions; the parsed content is immutable once built.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"
#include "vigie/dose/posology.h"

namespace vigie::check {

// A pharmacological allergy class ("pénicillines" = ATC J01C): declared
// allergies whose folded text contains one of `stems` match line substances
// whose ATC code starts with one of `atc`.
struct AllergyClass {
  std::string name;
  std::vector<std::string> stems, atc;
  nlohmann::json source;
};

// An allergy to a member of `declared_atc` concerns a line whose ATC starts
// with one of `line_atc`, at `level` (contraindicated/warning/info), under
// `condition` ("" = unconditional; otherwise the finding is not resolved).
struct CrossReactivity {
  std::string id, level, condition;
  std::vector<std::string> declared_atc, line_atc;
  std::string risk_fr, risk_en, conduct_fr, conduct_en;
  nlohmann::json source;
};

struct AllergyTable {
  std::vector<AllergyClass> classes;
  std::vector<CrossReactivity> cross_reactivity;
};

// Reads data/check/allergy.json. Failure: kDataError naming the entry (an
// entry without a `source` document is refused: nothing unsourced ships).
Result<AllergyTable> ParseAllergyTable(std::string_view json_text);

struct CheckContent {
  std::shared_ptr<const dose::PosologyBook> posology;  // nullptr: not loaded
  std::shared_ptr<const AllergyTable> allergy;         // nullptr: not loaded
  std::string hash;                                    // "" when no file was read
};

// One file of the content folder: its path relative to the folder
// ("posology/ibuprofene.json") and its bytes.
using ContentFile = std::pair<std::string, std::string>;

// Parses posology/*.json and check/allergy.json among `files` (other paths
// are ignored) and hashes every file parsed, path and bytes, in path order.
// Failure: kDataError naming the file.
Result<CheckContent> ParseCheckContent(std::vector<ContentFile> files);

}  // namespace vigie::check
