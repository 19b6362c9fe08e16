// Fuzzes public-mode triage on arbitrary bytes with the shipped red-flag data:
// never crashes, spans stay inside the text, and the level agrees with the
// flags found. Thread-safety: libFuzzer drives it from one thread.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "vigie/core/text.h"
#include "vigie/triage/triage.h"

namespace {

const vigie::triage::RedFlagSet& Flags() {
  static const vigie::triage::RedFlagSet set = [] {
    std::ifstream in(VIGIE_RED_FLAGS_PATH, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    vigie::Result<vigie::triage::RedFlagSet> parsed = vigie::triage::ParseRedFlags(text.str());
    if (!parsed.ok()) std::abort();  // the shipped data must load
    return std::move(parsed).value();
  }();
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  vigie::Result<vigie::triage::TriageResult> r =
      vigie::triage::Triage(Flags(), input, size % 2 == 0 ? vigie::Lang::kFr : vigie::Lang::kEn);
  if (!r.ok()) return 0;
  size_t cps = vigie::text::CodePointCount(input);
  for (const vigie::triage::FlagHit& hit : r->red_flags) {
    if (hit.start >= hit.end || hit.end > cps || hit.source.empty()) std::abort();
  }
  bool consult = r->level == vigie::triage::Level::kConsult;
  if (consult != r->red_flags.empty() || consult == r->call.has_value()) std::abort();
  if (r->message.empty() || r->disclaimer.empty() || r->privacy.empty()) std::abort();
  (void)vigie::triage::ToJson(*r).dump();
  return 0;
}
