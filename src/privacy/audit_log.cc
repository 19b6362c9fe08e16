// Hash-chained audit log (see audit_log.h). Thread-safety: Append holds mu_.
#include "vigie/privacy/audit_log.h"

#include <sodium.h>

#include <set>

#include <nlohmann/json.hpp>

namespace vigie::privacy {
namespace {

using nlohmann::json;

constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string Sha256Hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

// The hash of a record is over its JSON without the "hash" member (dump is
// canonical: nlohmann sorts object keys).
std::string RecordHash(json record) {
  record.erase("hash");
  return Sha256Hex(record.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::vector<std::string> Lines(std::string_view text, bool* partial_tail) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) {
      *partial_tail = true;
      out.emplace_back(text.substr(b));
      break;
    }
    out.emplace_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

AuditVerification VerifyAuditLog(std::string_view log, std::string_view head) {
  AuditVerification v;
  bool partial = false;
  std::vector<std::string> lines = Lines(log, &partial);
  std::string prev_hash(kGenesis);
  uint64_t expected = 1;
  std::set<uint64_t> present;  // a sequence number found later was moved, not deleted
  for (const std::string& line : lines) {
    json r = json::parse(line, nullptr, false);
    if (r.is_object() && r["seq"].is_number_unsigned()) present.insert(r["seq"].get<uint64_t>());
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    json r = json::parse(lines[i], nullptr, false);
    bool last = i + 1 == lines.size();
    if (!r.is_object() || !r["seq"].is_number_unsigned() || !r["hash"].is_string() ||
        !r["prev"].is_string()) {
      v.problems.push_back({i + 1, expected, last && partial ? "truncated" : "malformed"});
      continue;
    }
    ++v.records;
    uint64_t seq = r["seq"].get<uint64_t>();
    std::string hash = r["hash"].get<std::string>();
    if (RecordHash(r) != hash) v.problems.push_back({i + 1, seq, "edited"});
    if (seq > expected) {
      // A forged huge sequence number is reported once, not record by record.
      uint64_t stop = seq - expected > 1000 ? expected + 1 : seq;
      for (uint64_t s = expected; s < stop; ++s) {
        if (!present.contains(s)) v.problems.push_back({i + 1, s, "deleted"});
      }
    } else if (seq < expected) {
      v.problems.push_back({i + 1, seq, "reordered"});
    } else if (r["prev"].get<std::string>() != prev_hash) {
      // Same position, but the previous record is not the one this one chained to.
      v.problems.push_back({i + 1, seq - 1, "edited"});
    }
    if (seq >= expected) expected = seq + 1;
    prev_hash = hash;
  }
  if (partial && v.problems.empty()) v.problems.push_back({lines.size(), expected, "truncated"});
  json h = json::parse(head, nullptr, false);
  if (h.is_object() && h["seq"].is_number_unsigned()) {
    uint64_t head_seq = h["seq"].get<uint64_t>();
    if (head_seq >= expected) {
      v.problems.push_back({lines.size(), expected, "truncated"});
    } else if (head_seq + 1 == expected && h.value("hash", "") != prev_hash) {
      v.problems.push_back({lines.size(), head_seq, "edited"});
    }
  } else if (!head.empty() || !lines.empty()) {
    if (head.empty() && !lines.empty()) v.problems.push_back({0, 0, "truncated"});
    if (!head.empty()) v.problems.push_back({0, 0, "malformed"});
  }
  return v;
}

Result<AuditVerification> VerifyAuditFile(Env& env, const std::string& path) {
  Result<std::string> log = env.ReadFile(path);
  if (!log.ok()) return log.status();
  std::string head;
  if (env.FileExists(path + ".head")) {
    Result<std::string> h = env.ReadFile(path + ".head");
    if (!h.ok()) return h.status();
    head = *h;
  }
  return VerifyAuditLog(*log, head);
}

Result<std::unique_ptr<ChainedAuditSink>> ChainedAuditSink::Open(Env& env, std::string path,
                                                                 std::optional<Cipher> cipher) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  std::unique_ptr<ChainedAuditSink> sink(new ChainedAuditSink(env, path, std::move(cipher)));
  sink->last_hash_ = std::string(kGenesis);
  if (env.FileExists(path)) {
    Result<AuditVerification> v = VerifyAuditFile(env, path);
    if (!v.ok()) return v.status();
    if (!v->ok())
      return Status::Error(ErrorCode::kDataError, {path, "hash chain (vigie audit verify)"});
    Result<std::string> h = env.ReadFile(path + ".head");
    json head = h.ok() ? json::parse(*h, nullptr, false) : json();
    if (head.is_object() && head["seq"].is_number_unsigned()) {
      sink->next_seq_ = head["seq"].get<uint64_t>() + 1;
      sink->last_hash_ = head.value("hash", std::string(kGenesis));
    }
  }
  return sink;
}

Status ChainedAuditSink::Append(const api::AuditEvent& e) {
  std::unique_lock lock(mu_);
  if (failed_) return *failed_;
  json attributes = e.attributes;
  json r = {{"seq", next_seq_},     {"time_us", e.time_us}, {"request_id", e.request_id},
            {"actor", e.actor},     {"role", e.role},       {"action", e.action},
            {"outcome", e.outcome}, {"prev", last_hash_}};
  if (cipher_) {
    r["attributes_sealed"] = cipher_->Seal(attributes.dump(), "audit:" + std::to_string(next_seq_));
  } else {
    r["attributes"] = attributes;
  }
  std::string hash = RecordHash(r);
  r["hash"] = hash;
  pending_ += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  const uint64_t mine = next_seq_++;
  last_hash_ = hash;
  // Group commit: the first waiting thread writes every pending record (its
  // own and those appended meanwhile); the others wait for it.
  while (durable_seq_ < mine) {
    if (failed_) return *failed_;
    if (writing_) {
      written_.wait(lock);
      continue;
    }
    writing_ = true;
    std::string batch = std::move(pending_);
    pending_.clear();
    const uint64_t upto = next_seq_ - 1;
    std::string head = json{{"seq", upto}, {"hash", last_hash_}}.dump() + "\n";
    lock.unlock();
    Status s = env_.AppendFile(path_, batch);
    if (s.ok()) s = env_.WriteFile(path_ + ".head", head);
    lock.lock();
    writing_ = false;
    if (s.ok()) {
      durable_seq_ = upto;
    } else {
      failed_ = s;
    }
    written_.notify_all();
  }
  return Status::Ok();
}

}  // namespace vigie::privacy
