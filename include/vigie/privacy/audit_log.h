// Tamper-evident audit log: an api::AuditSink whose records form a hash chain
// (each JSON line carries its sequence number, the SHA-256 of the previous
// record and its own SHA-256), plus a head file (<log>.head) holding the last
// sequence number and hash so that truncation is detected. The head is
// replaced atomically (Env::WriteFile: temporary + rename) and, when a Cipher
// is given, sealed with the audit key so that a truncated log cannot be
// passed off with a rewritten head. Restoring an older copy of BOTH files
// (rollback) cannot be seen from the files alone: keep copies of the head
// elsewhere (docs/privacy.md). Attributes (the
// details) are sealed with the audit store's data key when a Cipher is given.
// Durability (group commit): Append returns only once its record and the head
// are fsync'ed; records appended concurrently while a write is in flight are
// written together by the next write (one fsync of the log and one of the
// head for the whole group), in sequence order, so the chain is unchanged.
// After a failed write the sink refuses every later event (kIoError) until
// it is reopened: a record whose predecessor may be missing is never written.
// Thread-safety: Append may be called from many threads; one process writes a log.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vigie/api/audit.h"
#include "vigie/core/env.h"
#include "vigie/privacy/keys.h"

namespace vigie::privacy {

class ChainedAuditSink final : public api::AuditSink {
 public:
  // Reads the existing log to continue its chain; a log that does not verify
  // (including a head that lags the log after a crash, a missing log whose
  // head remains, or a head not sealed with this key) gives kDataError: Vigie
  // refuses to extend a broken chain.
  static Result<std::unique_ptr<ChainedAuditSink>> Open(Env& env, std::string path,
                                                        std::optional<Cipher> cipher);
  Status Append(const api::AuditEvent& event) override;

 private:
  ChainedAuditSink(Env& env, std::string path, std::optional<Cipher> cipher)
      : env_(env), path_(std::move(path)), cipher_(std::move(cipher)) {}
  Env& env_;
  std::string path_;
  std::optional<Cipher> cipher_;
  std::mutex mu_;
  // Waiters by parity of their record's group: a finished group wakes its
  // own waiters and one waiter of the next group (its writer), not everyone.
  std::condition_variable written_[2];
  uint64_t next_group_ = 0;  // the group pending_ will be written in
  uint64_t next_seq_ = 1;
  std::string last_hash_;
  std::string pending_;           // records built, not yet written
  uint64_t durable_seq_ = 0;      // last sequence number on disk
  bool writing_ = false;          // a thread is writing a group
  std::optional<Status> failed_;  // a write failed: refuse everything after
};

struct AuditProblem {
  size_t line = 0;   // 1-based line in the file (0: the file as a whole)
  uint64_t seq = 0;  // sequence number concerned
  // "edited", "deleted", "reordered", "truncated", "malformed", and for the
  // head file: "head_missing" (records but no head), "head_behind" (records
  // after the one the head names: appended later, or a crash between the
  // append and the head update), "head_forged" (the head's seal does not open
  // with the audit key, or its hash is not the one of the record it names).
  std::string kind;
};

struct AuditVerification {
  size_t records = 0;
  bool head_authenticated = false;  // the head's seal was checked with the audit key
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Verifies `log` (file content) against `head` (content of the head file,
// empty when missing). With `cipher` (the audit store's key) the head's seal
// is checked too. Pure function; never fails, problems are reported.
AuditVerification VerifyAuditLog(std::string_view log, std::string_view head,
                                 const Cipher* cipher = nullptr);

// Reads <path> and <path>.head through env and verifies them. A missing log
// whose head remains is reported as "truncated" (every record gone); neither
// file: kFileNotFound.
Result<AuditVerification> VerifyAuditFile(Env& env, const std::string& path,
                                          const Cipher* cipher = nullptr);

}  // namespace vigie::privacy
