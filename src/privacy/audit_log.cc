// Hash-chained audit log (see audit_log.h). Thread-safety: Append holds mu_.
// The head is replaced through Env::WriteFile (temporary file + rename), so a
// crash leaves either the old or the new head, never a partial one.
#include "vigie/privacy/audit_log.h"

#include <sodium.h>

#include <map>
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

// The head's seal authenticates its sequence number and hash (empty
// plaintext: the AEAD tag over the associated data is the MAC).
std::string HeadAad(uint64_t seq, std::string_view hash) {
  return "audit.head:" + std::to_string(seq) + ":" + std::string(hash);
}

// Compares the head file with the log: `last` is the highest sequence
// number found in the log (0 when empty).
void CheckHead(std::string_view head, const Cipher* cipher, size_t lines, uint64_t last,
               const std::map<uint64_t, std::string>& hash_of_seq, AuditVerification* v) {
  if (head.empty()) {
    if (lines > 0) v->problems.push_back({0, 0, "head_missing"});
    return;
  }
  json h = json::parse(head, nullptr, false);
  if (!h.is_object() || !h["seq"].is_number_unsigned() || !h["hash"].is_string()) {
    v->problems.push_back({0, 0, "malformed"});
    return;
  }
  uint64_t head_seq = h["seq"].get<uint64_t>();
  std::string head_hash = h["hash"].get<std::string>();
  if (cipher != nullptr) {
    bool sealed = h["seal"].is_string() &&
                  cipher->Open(h["seal"].get<std::string>(), HeadAad(head_seq, head_hash)).ok();
    if (!sealed) v->problems.push_back({0, head_seq, "head_forged"});
    v->head_authenticated = sealed;
  }
  if (head_seq > last) {
    v->problems.push_back({lines, last + 1, "truncated"});
    return;
  }
  auto it = hash_of_seq.find(head_seq);
  if (it != hash_of_seq.end() && it->second != head_hash) {
    // The record the head names is not the one that was written (edited and
    // re-hashed, or the chain rewritten from there).
    v->problems.push_back({lines, head_seq, "edited"});
  }
  if (head_seq < last) v->problems.push_back({lines, head_seq + 1, "head_behind"});
}

}  // namespace

AuditVerification VerifyAuditLog(std::string_view log, std::string_view head,
                                 const Cipher* cipher) {
  AuditVerification v;
  std::map<uint64_t, std::string> hash_of_seq;
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
    hash_of_seq.emplace(seq, hash);
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
  CheckHead(head, cipher, lines.size(), expected - 1, hash_of_seq, &v);
  return v;
}

Result<AuditVerification> VerifyAuditFile(Env& env, const std::string& path, const Cipher* cipher) {
  std::string head;
  bool has_head = env.FileExists(path + ".head");
  if (has_head) {
    Result<std::string> h = env.ReadFile(path + ".head");
    if (!h.ok()) return h.status();
    head = *h;
  }
  if (!env.FileExists(path) && has_head) {
    // The whole log was removed but its head remains: every record is gone.
    AuditVerification v = VerifyAuditLog("", head, cipher);
    v.problems.insert(v.problems.begin(), AuditProblem{0, 1, "truncated"});
    return v;
  }
  Result<std::string> log = env.ReadFile(path);
  if (!log.ok()) return log.status();
  return VerifyAuditLog(*log, head, cipher);
}

Result<std::unique_ptr<ChainedAuditSink>> ChainedAuditSink::Open(Env& env, std::string path,
                                                                 std::optional<Cipher> cipher) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  std::unique_ptr<ChainedAuditSink> sink(new ChainedAuditSink(env, path, std::move(cipher)));
  sink->last_hash_ = std::string(kGenesis);
  const Cipher* key = sink->cipher_ ? &*sink->cipher_ : nullptr;
  if (!env.FileExists(path) && !env.FileExists(path + ".head")) return sink;
  Result<AuditVerification> v = VerifyAuditFile(env, path, key);
  if (!v.ok()) return v.status();
  if (!v->ok()) {
    return Status::Error(ErrorCode::kDataError, {path, "hash chain, " + v->problems.front().kind +
                                                           " (vigie audit verify)"});
  }
  Result<std::string> h = env.ReadFile(path + ".head");
  json head = h.ok() ? json::parse(*h, nullptr, false) : json();
  if (head.is_object() && head["seq"].is_number_unsigned()) {
    sink->next_seq_ = head["seq"].get<uint64_t>() + 1;
    sink->last_hash_ = head.value("hash", std::string(kGenesis));
  }
  sink->durable_seq_ = sink->next_seq_ - 1;
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
  // RecordHash(r) without its copy: r has no "hash" member yet.
  std::string hash = Sha256Hex(r.dump(-1, ' ', false, json::error_handler_t::replace));
  r["hash"] = hash;
  pending_ += r.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  const uint64_t mine = next_seq_++;
  const uint64_t group = next_group_;
  last_hash_ = hash;
  // Group commit: the first waiting thread writes every pending record (its
  // own and those appended meanwhile); the others wait for it.
  while (durable_seq_ < mine) {
    if (failed_) return *failed_;
    if (writing_) {
      written_[group % 2].wait(lock);
      continue;
    }
    writing_ = true;
    const uint64_t this_group = next_group_++;
    std::string batch = std::move(pending_);
    pending_.clear();
    const uint64_t upto = next_seq_ - 1;
    json head_json = {{"seq", upto}, {"hash", last_hash_}};
    if (cipher_) head_json["seal"] = cipher_->Seal("", HeadAad(upto, last_hash_));
    std::string head = head_json.dump() + "\n";
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
    written_[this_group % 2].notify_all();
    if (failed_) {
      written_[(this_group + 1) % 2].notify_all();
    } else if (!pending_.empty()) {
      written_[(this_group + 1) % 2].notify_one();  // the next group's writer
    }
  }
  return Status::Ok();
}

}  // namespace vigie::privacy
