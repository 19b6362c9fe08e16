// Thin RAII wrapper over SQLite for the KB store: a connection, prepared
// statements, and transactions, with every failure as a vigie::Status.
// Private to src/kb. Thread-safety: a Db and its Stmts belong to one thread at
// a time (SQLite connections are not shared here).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vigie/core/status.h"

namespace vigie::kb {

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Binds are 1-based like SQLite's.
  void Bind(int i, std::string_view text);
  void Bind(int i, int64_t v);
  void BindNull(int i);
  // Steps once: true when a row is available, false when done; failures as Status.
  Result<bool> Step();
  // Runs to completion and resets for the next use.
  Status Run();
  void Reset();

  std::string_view Text(int col) const;
  int64_t Int(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  // Opens (creating if needed) the database at `path`. Failure: kIoError.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool read_only);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  sqlite3* raw() { return db_; }
  int64_t LastInsertId() const;

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// The SQLite error of `db` as a kIoError Status naming `what`.
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace vigie::kb
