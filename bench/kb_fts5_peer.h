// The peer of the drug resolution benchmark: SQLite FTS5 (DESIGN.md names it
// as the search peer) over the same catalog. One row per specialty: its
// denomination, form, substances with dosages, CIS, CIP7 and CIP13 codes,
// tokenised by unicode61 with diacritics removed; a query is the AND of its
// words as prefixes, ranked by bm25. Thread-safety: one thread per instance.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/kb/drug.h"

struct sqlite3;
struct sqlite3_stmt;

class Fts5DrugPeer {
 public:
  // In-memory FTS5 index of `catalog`; nullptr if SQLite refuses.
  static std::unique_ptr<Fts5DrugPeer> Build(const vigie::kb::DrugCatalog& catalog);
  ~Fts5DrugPeer();
  // CIS codes of the best `k` matches, best first.
  std::vector<std::string> Search(std::string_view query, int k);

 private:
  Fts5DrugPeer() = default;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
};
