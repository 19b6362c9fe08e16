// Finds red-flag mentions in prepared (folded) text and qualifies each one:
// negated ("pas de douleur thoracique"), distant past ("il y a 3 ans"), or
// active. Qualifiers are conservative: a hedge ("je ne sais pas si") or a
// present-time cue keeps the flag active, and a resolved sign ("c'est passé")
// is never treated as absent. Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "triage/red_flag_set.h"

namespace vigie::triage {

struct Mention {
  size_t flag = 0;   // index into RedFlagSetImpl::flags
  size_t begin = 0;  // byte offsets into the prepared text
  size_t end = 0;
  bool negated = false;
  bool past = false;
  bool active() const { return !negated && !past; }
};

struct Analysis {
  std::vector<Mention> mentions;        // every mention found, in flag order
  std::vector<size_t> modifiers;        // indices of modifiers stated (not negated)
  std::optional<int> youngest_age_days;  // youngest age stated in the text
};

Analysis Analyze(const RedFlagSetImpl& set, std::string_view text);

// Exposed for tests: the youngest age stated ("bébé de 5 semaines" -> 35).
std::optional<int> YoungestAgeDays(const RedFlagSetImpl& set, std::string_view text);

}  // namespace vigie::triage
