// Public-mode triage decision: from the qualified mentions to a level, a
// number to call and a French/English message. The highest level wins; no
// qualifier ever lowers an active flag. Messages come from the data file, so
// no diagnosis, treatment or reassurance can be written here.
// Thread-safety: pure; safe to call concurrently on a shared RedFlagSet.
#include "vigie/triage/triage.h"

#include <algorithm>
#include <exception>
#include <set>
#include <string>

#include "triage/match.h"
#include "triage/red_flag_set.h"
#include "vigie/core/text.h"

namespace vigie::triage {
namespace {

const Localized& Message(const RedFlagSetImpl& set, std::string_view key) {
  return set.messages.find(key)->second;  // presence checked by ParseRedFlags
}

void Append(std::string& out, const std::string& sentence) {
  if (sentence.empty() || out.find(sentence) != std::string::npos) return;
  if (!out.empty()) out += ' ';
  out += sentence;
}

// The number to call at the emergency level: 15 for any vital sign, 3114 when
// the only emergency is suicidal thoughts; 114 (deaf or speech-impaired) or
// 112 (elsewhere in the EU) when the text says so.
std::string EmergencyCall(const RedFlagSetImpl& set, const std::vector<size_t>& flags,
                          const std::vector<size_t>& modifiers) {
  std::string call;
  for (size_t f : flags) {
    const CompiledFlag& flag = set.flags[f];
    if (flag.level != Level::kEmergency) continue;
    if (call.empty() || flag.call == "15") call = flag.call;
  }
  std::string modifier_call;
  for (size_t m : modifiers) {
    const std::string& c = set.modifiers[m].call;
    if (modifier_call.empty() || c == "114") modifier_call = c;
  }
  return modifier_call.empty() ? call : modifier_call;
}

void ComposeMessages(const RedFlagSetImpl& set, const std::vector<size_t>& flags,
                     TriageResult& result) {
  std::string key;
  if (result.level == Level::kEmergency) {
    key = "emergency_" + *result.call;
  } else {
    key = result.level == Level::kUrgent ? "urgent" : "consult";
  }
  const Localized& main = Message(set, key);
  result.message_fr = main.fr;
  result.message_en = main.en;
  if (result.level == Level::kEmergency) {
    for (size_t f : flags) {
      const CompiledFlag& flag = set.flags[f];
      if (flag.level != Level::kEmergency) continue;
      if (flag.call == "3114" && *result.call != "3114") {
        const Localized& suicide = Message(set, "emergency_3114");
        Append(result.message_fr, suicide.fr);
        Append(result.message_en, suicide.en);
      }
      if (flag.advice) {
        Append(result.message_fr, flag.advice->fr);
        Append(result.message_en, flag.advice->en);
      }
    }
  }
}

Result<TriageResult> TriageChecked(const RedFlagSetImpl& set, std::string_view text, Lang lang) {
  if (text::Trim(text).empty()) return Status::Error(ErrorCode::kMissingInput, {"text"});
  if (!text::IsValidUtf8(text)) return Status::Error(ErrorCode::kInvalidArgument, {"text (UTF-8)"});
  size_t length = text::CodePointCount(text);
  if (length > kMaxTextCodePoints) {
    return Status::Error(ErrorCode::kTextTooLong,
                         {std::to_string(length), std::to_string(kMaxTextCodePoints)});
  }
  text::FoldedText folded = text::FoldWithOrigin(text);
  std::string prepared = PrepareForMatching(std::move(folded.text));
  if (prepared.size() != folded.origin.size()) {
    return Status::Error(ErrorCode::kInternal, {"folded text and origin map differ"});
  }
  Analysis analysis = Analyze(set, prepared);

  TriageResult result;
  std::vector<size_t> active;  // flag indices, first active mention each
  for (const Mention& m : analysis.mentions) {
    if (!m.active()) continue;
    if (std::find(active.begin(), active.end(), m.flag) != active.end()) continue;
    active.push_back(m.flag);
    const CompiledFlag& flag = set.flags[m.flag];
    FlagHit hit;
    hit.id = flag.id;
    hit.start = folded.origin[m.begin];
    hit.end = folded.origin[m.end - 1] + 1;
    hit.source = flag.source;
    result.red_flags.push_back(std::move(hit));
    result.level = std::max(result.level, flag.level);
  }
  std::sort(result.red_flags.begin(), result.red_flags.end(),
            [](const FlagHit& a, const FlagHit& b) { return a.start < b.start; });
  if (result.level == Level::kEmergency) {
    result.call = EmergencyCall(set, active, analysis.modifiers);
  } else if (result.level == Level::kUrgent) {
    result.call = "116117";
  }
  ComposeMessages(set, active, result);
  result.message = lang == Lang::kEn ? result.message_en : result.message_fr;
  result.disclaimer = Message(set, "disclaimer").In(lang);
  result.privacy = Message(set, "privacy").In(lang);
  return result;
}

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kEmergency:
      return "emergency";
    case Level::kUrgent:
      return "urgent";
    case Level::kConsult:
      break;
  }
  return "consult";
}

Result<TriageResult> Triage(const RedFlagSet& flags, std::string_view text, Lang lang) {
  try {
    return TriageChecked(flags.impl(), text, lang);
  } catch (const std::exception& e) {  // e.g. bad_alloc: never escapes the module
    return Status::Error(ErrorCode::kInternal, {e.what()});
  }
}

nlohmann::json ToJson(const TriageResult& result) {
  nlohmann::json flags = nlohmann::json::array();
  for (const FlagHit& hit : result.red_flags) {
    flags.push_back({{"id", hit.id},
                     {"text_span", nlohmann::json::array({hit.start, hit.end})},
                     {"source", hit.source}});
  }
  return {{"level", LevelName(result.level)},
          {"call", result.call ? nlohmann::json(*result.call) : nlohmann::json(nullptr)},
          {"message", result.message},
          {"message_fr", result.message_fr},
          {"message_en", result.message_en},
          {"red_flags", std::move(flags)},
          {"disclaimer", result.disclaimer},
          {"privacy", result.privacy},
          {"stored", false}};
}

}  // namespace vigie::triage
