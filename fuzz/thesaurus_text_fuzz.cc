// Fuzzes the thesaurus layout-text parser, the index parsers and the printed
// version reader: the input is split into pages at form feeds, as poppler's
// per-page text would be.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/kb/thesaurus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> pages;
  size_t start = 0;
  while (start <= input.size()) {
    size_t ff = input.find('\f', start);
    pages.emplace_back(input.substr(start, ff == std::string_view::npos ? ff : ff - start));
    if (ff == std::string_view::npos) break;
    start = ff + 1;
  }
  vigie::kb::ParsedThesaurus p = vigie::kb::ParseThesaurusText(pages);
  if (static_cast<int>(p.entries.size() + p.unparsed.size()) != p.plus_lines) std::abort();
  for (const vigie::kb::ThesaurusEntry& e : p.entries) {
    if (e.levels.empty() || e.page < 1 || e.page > static_cast<int>(pages.size())) std::abort();
  }
  std::string version = vigie::kb::PrintedVersion(pages);
  if (!version.empty()) {  // "YYYY-MM", month 01-12
    if (version.size() != 7 || version[4] != '-') std::abort();
    int month = (version[5] - '0') * 10 + (version[6] - '0');
    if (month < 1 || month > 12) std::abort();
  }
  (void)vigie::kb::ParseClassIndexText(pages);
  std::vector<std::string> names;
  (void)vigie::kb::ParseSubstanceIndexText(pages, &names);
  return 0;
}
