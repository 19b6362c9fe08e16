// Shared by the evidence benchmarks: file reading, the data folder, and an
// SQLite FTS5 peer index (porter tokenizer, bm25()) over the same passages.
// Thread-safety: single-threaded benchmark programs.
#pragma once

#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/evidence/passage.h"

namespace vigie::bench {

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string DataDir(const char* argv0_dir) {
  if (const char* d = std::getenv("VIGIE_DATA")) return d;
  return std::string(argv0_dir) + "/../shared/data";
}

// An FTS5 table (doc_id UNINDEXED, body) with the porter tokenizer.
class Fts5Index {
 public:
  // A new table in `path` (":memory:" for RAM), or an existing one to query.
  explicit Fts5Index(const std::string& path, bool open_existing = false) {
    sqlite3_open(path.c_str(), &db_);
    if (!open_existing) {
      Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
      Exec(
          "CREATE VIRTUAL TABLE p USING fts5(doc_id UNINDEXED, body, tokenize='porter unicode61')");
      Exec("BEGIN");
    }
    sqlite3_prepare_v2(db_, "INSERT INTO p(doc_id, body) VALUES(?, ?)", -1, &insert_, nullptr);
    sqlite3_prepare_v2(db_, "SELECT doc_id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?", -1,
                       &query_, nullptr);
  }
  ~Fts5Index() {
    sqlite3_finalize(insert_);
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }
  Fts5Index(const Fts5Index&) = delete;
  Fts5Index& operator=(const Fts5Index&) = delete;

  void Add(const std::string& doc_id, const std::string& body) {
    sqlite3_bind_text(insert_, 1, doc_id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 2, body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(insert_);
    sqlite3_reset(insert_);
  }
  void Finish() { Exec("COMMIT"); }

  // Distinct doc ids of the best passages for an OR of the question's words.
  std::vector<std::string> Search(const std::string& question, size_t k) {
    std::string match;
    std::string word;
    for (size_t i = 0; i <= question.size(); ++i) {
      char c = i < question.size() ? question[i] : ' ';
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        word += c;
      } else if (!word.empty()) {
        match += (match.empty() ? "\"" : " OR \"") + word + "\"";
        word.clear();
      }
    }
    std::vector<std::string> ids;
    if (match.empty()) return ids;
    sqlite3_bind_text(query_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(query_, 2, static_cast<int>(k * 10));
    while (sqlite3_step(query_) == SQLITE_ROW && ids.size() < k) {
      std::string id(reinterpret_cast<const char*>(sqlite3_column_text(query_, 0)));
      bool seen = false;
      for (const std::string& s : ids) seen = seen || s == id;
      if (!seen) ids.push_back(id);
    }
    sqlite3_reset(query_);
    return ids;
  }

 private:
  void Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

}  // namespace vigie::bench
