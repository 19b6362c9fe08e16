// Audit sinks (see audit.h). Thread-safety: each sink serialises Append with a mutex.
#include "vigie/api/audit.h"

#include <nlohmann/json.hpp>

namespace vigie::api {

std::string AuditEventToJsonLine(const AuditEvent& e) {
  nlohmann::json j = {{"time_us", e.time_us},      {"request_id", e.request_id},
                      {"actor", e.actor},          {"role", e.role},
                      {"action", e.action},        {"outcome", e.outcome},
                      {"attributes", e.attributes}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Status JsonLinesAuditSink::Append(const AuditEvent& event) {
  std::lock_guard lock(mu_);
  return env_.AppendFile(path_, AuditEventToJsonLine(event));
}

Status MemoryAuditSink::Append(const AuditEvent& event) {
  std::lock_guard lock(mu_);
  events_.push_back(event);
  return Status::Ok();
}

std::vector<AuditEvent> MemoryAuditSink::Events() const {
  std::lock_guard lock(mu_);
  return events_;
}

}  // namespace vigie::api
