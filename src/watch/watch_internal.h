// Private helpers shared by the watch's .cc files: words of a text, the table
// of change kinds (order, French and English labels). Thread-safety: pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"
#include "vigie/watch/watch.h"

namespace vigie::watch {

// Words of a text split on white space, typographic apostrophes, quotes,
// dashes and non-breaking spaces unified first.
std::vector<std::string> Words(std::string_view s);

struct KindInfo {
  std::string_view kind;
  std::string_view fr;  // plural label for the summary line
  std::string_view en;
};

// Every change kind in report order (one source of truth for the summary,
// the Markdown rendering and docs/watch.md).
const std::vector<KindInfo>& Kinds();

// Position of a kind in Kinds() (unknown kinds last).
size_t KindRank(std::string_view kind);

// "<n> changements : <count> <label>, ..." in report order.
std::string SummaryText(const std::vector<Change>& changes, Lang lang);

// True when `name` (normalised) contains `query` (normalised) as whole words.
bool NameMatches(std::string_view name, std::string_view query);

}  // namespace vigie::watch
