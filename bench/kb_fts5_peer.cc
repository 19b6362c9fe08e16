// SQLite FTS5 peer of the drug resolution benchmark (see kb_fts5_peer.h).
#include "kb_fts5_peer.h"

#include <sqlite3.h>

namespace {

// `"word"* AND "word"*` for the letter/digit runs of the query (UTF-8 bytes
// count as letters; unicode61 folds case and accents on both sides).
std::string MatchExpression(std::string_view query) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    out += (out.empty() ? "\"" : " AND \"") + word + "\"*";
    word.clear();
  };
  for (char c : query) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string RowText(const vigie::kb::Drug& d) {
  std::string t = d.denomination + " " + d.form;
  for (const vigie::kb::DrugSubstance& s : d.substances) {
    t += " " + s.name + " " + s.fraction + " " + s.dosage;
  }
  t += " " + d.cis;
  for (const std::string& c : d.cip7) t += " " + c;
  for (const std::string& c : d.cip13) t += " " + c;
  return t;
}

}  // namespace

std::unique_ptr<Fts5DrugPeer> Fts5DrugPeer::Build(const vigie::kb::DrugCatalog& catalog) {
  std::unique_ptr<Fts5DrugPeer> peer(new Fts5DrugPeer());
  if (sqlite3_open(":memory:", &peer->db_) != SQLITE_OK) return nullptr;
  const char* schema =
      "CREATE VIRTUAL TABLE drugs USING fts5(cis UNINDEXED, body, "
      "tokenize = 'unicode61 remove_diacritics 2')";
  if (sqlite3_exec(peer->db_, schema, nullptr, nullptr, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_exec(peer->db_, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(peer->db_, "INSERT INTO drugs(cis, body) VALUES(?, ?)", -1, &insert,
                         nullptr) != SQLITE_OK) {
    return nullptr;
  }
  for (const vigie::kb::Drug& d : catalog.drugs) {
    std::string body = RowText(d);
    sqlite3_bind_text(insert, 1, d.cis.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(peer->db_, "COMMIT", nullptr, nullptr, nullptr);
  if (sqlite3_prepare_v2(peer->db_,
                         "SELECT cis FROM drugs WHERE drugs MATCH ? ORDER BY rank LIMIT ?", -1,
                         &peer->search_, nullptr) != SQLITE_OK) {
    return nullptr;
  }
  return peer;
}

Fts5DrugPeer::~Fts5DrugPeer() {
  sqlite3_finalize(search_);
  sqlite3_close(db_);
}

std::vector<std::string> Fts5DrugPeer::Search(std::string_view query, int k) {
  std::vector<std::string> out;
  std::string match = MatchExpression(query);
  if (match.empty()) return out;
  sqlite3_bind_text(search_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(search_, 2, k);
  while (sqlite3_step(search_) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(search_, 0)));
  }
  sqlite3_reset(search_);
  return out;
}
