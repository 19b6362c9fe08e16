// Entries as the line reader collects them, before their columns are split
// (thesaurus_parse.cc reads, thesaurus_entry.cc assembles). Private to src/kb.
// Thread-safety: plain data and pure functions.
#pragma once

#include <string>
#include <vector>

#include "vigie/kb/thesaurus.h"

namespace vigie::kb::thesaurus {

struct RawLine {
  int page;
  std::string text;
};

struct RawEntry {
  std::string a, b, plus_line;
  int page = 0;
  std::vector<RawLine> body;
};

// Splits each entry's body into risk, level label and conduct; entries whose
// level cannot be found go to out->unparsed with their page.
void AssembleEntries(const std::vector<RawEntry>& raw, ParsedThesaurus* out);

}  // namespace vigie::kb::thesaurus
