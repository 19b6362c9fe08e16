// Test helpers shared by the de-identifier's tests: the entities of a run as
// label -> surface text (rebuilt from their code-point offsets), for compact
// assertions. Header-only (gtest assertions).
// Thread-safety: call from the test thread.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "vigie/privacy/deid.h"

namespace vigie::privacy::deid_test {

// Byte offset of code point `cp` in UTF-8 `text`.
inline size_t Byte(const std::string& text, size_t cp) {
  size_t i = 0;
  for (size_t n = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (n++ == cp) return i;
  }
  return i;
}

// label -> surface text of every entity found in `text`.
inline std::multimap<std::string, std::string> Found(const Deidentifier& d, const std::string& text,
                                                     Lang lang = Lang::kFr) {
  DeidOptions o;
  o.lang = lang;
  Result<DeidResult> r = d.Run(text, o);
  EXPECT_TRUE(r.ok());
  std::multimap<std::string, std::string> out;
  if (!r.ok()) return out;
  for (const DeidEntity& e : r->entities) {
    size_t b = Byte(text, e.start);
    out.emplace(std::string(LabelName(e.label)), text.substr(b, Byte(text, e.end) - b));
  }
  return out;
}

// True when an entity of `label` is exactly `text`.
inline bool Has(const std::multimap<std::string, std::string>& m, const std::string& label,
                const std::string& text) {
  auto [b, e] = m.equal_range(label);
  for (auto it = b; it != e; ++it) {
    if (it->second == text) return true;
  }
  return false;
}

}  // namespace vigie::privacy::deid_test
