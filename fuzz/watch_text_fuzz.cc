// Fuzzes the watch's text functions on arbitrary bytes: name normalisation and
// the word-level difference (input split at its first NUL into before/after).
// Invariants: no empty piece, consecutive pieces differ in kind, a text
// against itself is all kept.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vigie/watch/watch.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t cut = input.find('\0');
  std::string_view before = input.substr(0, cut);
  std::string_view after = cut == std::string_view::npos ? input : input.substr(cut + 1);
  std::string name = vigie::watch::NormaliseName(before);
  if (!name.empty() && (name.front() == ' ' || name.back() == ' ')) std::abort();
  std::vector<vigie::watch::DiffPiece> d = vigie::watch::WordDiff(before, after);
  for (size_t i = 0; i < d.size(); ++i) {
    if (d[i].text.empty()) std::abort();
    if (i > 0 && d[i].op == d[i - 1].op) std::abort();  // runs are merged
  }
  std::vector<vigie::watch::DiffPiece> same = vigie::watch::WordDiff(before, before);
  if (same.size() > 1 || (same.size() == 1 && same[0].op != '=')) std::abort();
  return 0;
}
