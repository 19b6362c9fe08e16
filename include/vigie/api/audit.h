// Audit seam: handlers append structured events (who did what, outcome) to an
// AuditSink. Events carry no clinical free text and no identities beyond the
// pseudonymous principal id. The privacy issue makes the sink tamper-evident.
// Thread-safety: implementations must accept concurrent Append calls.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::api {

struct AuditEvent {
  int64_t time_us = 0;
  std::string request_id;
  std::string actor;                              // principal id
  std::string role;                               // principal role
  std::string action;                             // e.g. "check.run", "kb.import"
  std::string outcome;                            // "ok" or an error wire code
  std::map<std::string, std::string> attributes;  // counts, ids; never free text
};

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // Appends durably; an error means the event was not recorded.
  virtual Status Append(const AuditEvent& event) = 0;
};

// One JSON object per line, appended through an Env.
class JsonLinesAuditSink final : public AuditSink {
 public:
  JsonLinesAuditSink(Env& env, std::string path) : env_(env), path_(std::move(path)) {}
  Status Append(const AuditEvent& event) override;

 private:
  Env& env_;
  std::string path_;
  std::mutex mu_;
};

// Keeps events in memory (tests).
class MemoryAuditSink final : public AuditSink {
 public:
  Status Append(const AuditEvent& event) override;
  std::vector<AuditEvent> Events() const;

 private:
  mutable std::mutex mu_;
  std::vector<AuditEvent> events_;
};

std::string AuditEventToJsonLine(const AuditEvent& event);

}  // namespace vigie::api
