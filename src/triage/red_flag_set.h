// Private representation of a compiled red-flag set (the PIMPL behind
// vigie::triage::RedFlagSet). Built once by ParseRedFlags; immutable after,
// so it is safe to read from any number of threads (RE2 objects are
// thread-safe for matching).
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vigie/triage/triage.h"

namespace vigie::triage {

using RegexPtr = std::unique_ptr<const RE2>;

struct Localized {
  std::string fr;
  std::string en;
  const std::string& In(Lang lang) const { return lang == Lang::kEn ? en : fr; }
};

struct CompiledFlag {
  std::string id;
  Level level = Level::kEmergency;
  std::string call;
  std::string source;              // "document — section" of every source, "; "-joined
  std::vector<RegexPtr> patterns;  // any one matching raises the flag
  std::vector<RegexPtr> excludes;  // a match overlapping one of these is another meaning
  // Optional: each must also match somewhere in the text. For an urgent flag
  // the match must be stated (not denied, not distant past): "je ne suis pas
  // enceinte" does not make burning urine a same-day matter. For an emergency
  // flag any mention counts (in doubt the higher level wins).
  std::vector<RegexPtr> requires_;
  std::optional<int> infant_age_max_days;  // optional: an infant age at most this is stated
  std::optional<Localized> advice;         // what to do while waiting, where the source says so
};

struct Modifier {
  std::string id;
  std::string call;
  std::string message_key;
  std::vector<RegexPtr> patterns;
};

struct RedFlagSetImpl {
  std::string version;
  std::vector<CompiledFlag> flags;
  std::vector<Modifier> modifiers;
  // Language handling, also data (red-flags.json "negation", "time", "age").
  RegexPtr negation_before;
  RegexPtr negation_after;
  RegexPtr clause_break;
  RegexPtr doubt;
  RegexPtr filler;       // words allowed between a denial and what it denies ("pas DE douleur")
  RegexPtr verb_before;  // French "ne ... pas" around a verb: "il ne tousse pas"
  RegexPtr verb_after;
  size_t window_words = 5;
  RegexPtr past;
  RegexPtr present_in_clause;
  RegexPtr present_in_sentence;
  std::vector<RegexPtr> age_patterns;  // groups: number, unit, optional "and a half"
  std::string age_not_after;
  RegexPtr newborn;  // "nouveau-né", "newborn": an age of 0 days
  std::map<std::string, Localized, std::less<>> messages;
};

// Rewrites a data pattern into RE2 syntax: {TERM} expanded from `terms`
// (recursively), a space outside a class matches one or more spaces ("␠?"
// zero or more). Exposed for tests.
std::string ExpandPattern(const std::string& pattern,
                          const std::map<std::string, std::string, std::less<>>& terms);

// The text the patterns run on: Fold() output with hyphens, underscores and
// tabs turned into spaces, byte for byte (so the origin map still holds).
std::string PrepareForMatching(std::string folded);

}  // namespace vigie::triage
