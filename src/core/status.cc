// Error table and message rendering for Status. Thread-safe (read-only data).
#include "vigie/core/status.h"

#include <cstdlib>

namespace vigie {
namespace {

const std::vector<ErrorInfo>& Table() {
  static const std::vector<ErrorInfo> kTable = {
      {ErrorCode::kOk, "ok", 200, 0, "OK", "OK"},
#define X(name, wire, http, exit, fr, en) {ErrorCode::name, wire, http, exit, fr, en},
#include "vigie/core/error_codes.inc"
#undef X
  };
  return kTable;
}

}  // namespace

const ErrorInfo& ErrorInfoFor(ErrorCode code) {
  const auto& table = Table();
  auto index = static_cast<size_t>(code);
  if (index >= table.size()) std::abort();  // not reachable: enum and table share one list
  return table[index];
}

const std::vector<ErrorInfo>& AllErrors() { return Table(); }

std::string Status::Message(Lang lang) const {
  const ErrorInfo& info = ErrorInfoFor(code_);
  std::string_view pattern = lang == Lang::kEn ? info.message_en : info.message_fr;
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      auto arg = static_cast<size_t>(pattern[i + 1] - '0');
      if (arg < args_.size()) out += args_[arg];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

Lang LangFromLocale(std::string_view locale) {
  if (locale.size() >= 2 && (locale[0] == 'e' || locale[0] == 'E') &&
      (locale[1] == 'n' || locale[1] == 'N') &&
      (locale.size() == 2 || locale[2] == '_' || locale[2] == '-' || locale[2] == '.')) {
    return Lang::kEn;
  }
  return Lang::kFr;
}

std::string_view LangName(Lang lang) { return lang == Lang::kEn ? "en" : "fr"; }

}  // namespace vigie
