// Public-mode triage (DESIGN.md, job 5): detects emergency red flags in a lay
// description and says whom to call (15, 112, 114, 3114, 116 117). It never
// gives a diagnosis, a treatment or reassurance, and it stores nothing.
// The engine is pure: the red flags are data (data/red-flags/), parsed once by
// ParseRedFlags and passed to Triage. No I/O, clock or global state.
// Thread-safety: a RedFlagSet is immutable after parsing and may be shared by
// any number of threads calling Triage concurrently.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"

namespace vigie::triage {

enum class Level { kConsult = 0, kUrgent = 1, kEmergency = 2 };

// "consult", "urgent", "emergency".
std::string_view LevelName(Level level);

// Longest description accepted, in code points; above it Triage fails with
// kTextTooLong rather than truncating (a cut could drop the red flag).
inline constexpr size_t kMaxTextCodePoints = 20000;

struct RedFlagSetImpl;  // compiled patterns, private to src/triage

// The parsed and compiled red-flag data. Cheap to copy (shared, immutable).
class RedFlagSet {
 public:
  explicit RedFlagSet(std::shared_ptr<const RedFlagSetImpl> impl) : impl_(std::move(impl)) {}
  const RedFlagSetImpl& impl() const { return *impl_; }
  size_t flag_count() const;
  // Version string of the data file ("version" field).
  const std::string& version() const;

 private:
  std::shared_ptr<const RedFlagSetImpl> impl_;
};

// Parses and compiles the red-flag JSON document (data/red-flags/red-flags.json).
// Fails with kMalformedJson for invalid JSON and kDataError (naming the flag
// and field) for a missing field, an unknown source key, an unknown level or
// call, or a pattern that does not compile.
Result<RedFlagSet> ParseRedFlags(std::string_view json_text);

// The red-flag document built into the binary (data/red-flags/red-flags.json
// at build time), for ParseRedFlags.
std::string_view ShippedRedFlagsJson();

struct FlagHit {
  std::string id;
  size_t start = 0;  // code points into the original text, inclusive
  size_t end = 0;    // exclusive
  std::string source;  // document — section (one hop to the source)
};

struct TriageResult {
  Level level = Level::kConsult;
  std::optional<std::string> call;  // "15", "112", "114", "3114", "116117" or none
  std::string message;              // in the requested language
  std::string message_fr;
  std::string message_en;
  std::vector<FlagHit> red_flags;   // active flags only (not negated, not distant past)
  std::string disclaimer;
  std::string privacy;              // states that the text is not stored
};

// Triages `text` (UTF-8). Fails with kMissingInput when the text is empty or
// blank, kTextTooLong above kMaxTextCodePoints, kInvalidArgument for invalid
// UTF-8. Never throws. The text is not kept after the call returns.
Result<TriageResult> Triage(const RedFlagSet& flags, std::string_view text, Lang lang);

// The wire form: {"level", "call", "message", "message_fr", "message_en",
// "red_flags": [{"id", "text_span": [start, end], "source"}], "disclaimer",
// "privacy", "stored": false}.
nlohmann::json ToJson(const TriageResult& result);

}  // namespace vigie::triage
