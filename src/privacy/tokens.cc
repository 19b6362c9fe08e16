// API tokens and the token authenticator (see tokens.h). Thread-safety:
// TokenAuthenticator guards its cache and buckets with mu_.
#include "vigie/privacy/tokens.h"

#include <sodium.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace vigie::privacy {
namespace {

using nlohmann::json;

std::string Hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string HashSecret(std::string_view secret) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  return Hex(h, sizeof h);
}

Status Save(Env& env, const std::string& file, const std::vector<TokenRecord>& records) {
  json list = json::array();
  for (const TokenRecord& r : records) {
    list.push_back({{"id", r.id},
                    {"role", api::RoleName(r.role)},
                    {"secret_sha256", r.secret_hash},
                    {"label", r.label},
                    {"created_us", r.created_us},
                    {"revoked", r.revoked}});
  }
  return env.WriteFile(file, list.dump(2) + "\n");
}

}  // namespace

Result<std::vector<TokenRecord>> ListTokens(Env& env, const std::string& file) {
  std::vector<TokenRecord> out;
  if (!env.FileExists(file)) return out;
  Result<std::string> text = env.ReadFile(file);
  if (!text.ok()) return text.status();
  json list = json::parse(*text, nullptr, false);
  if (!list.is_array()) return Status::Error(ErrorCode::kDataError, {file, "array"});
  for (const json& j : list) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) {
      return Status::Error(ErrorCode::kDataError, {file, "id"});
    }
    std::optional<api::Role> role = api::ParseRole(j.value("role", ""));
    if (!role) return Status::Error(ErrorCode::kDataError, {file, "role"});
    out.push_back({j["id"].get<std::string>(), *role, j.value("secret_sha256", ""),
                   j.value("label", ""), j.value("created_us", int64_t{0}),
                   j.value("revoked", false)});
  }
  return out;
}

Result<std::string> CreateToken(Env& env, const std::string& file, api::Role role,
                                const std::string& label) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  Result<std::vector<TokenRecord>> records = ListTokens(env, file);
  if (!records.ok()) return records.status();
  unsigned char id[4], secret[20];
  randombytes_buf(id, sizeof id);
  randombytes_buf(secret, sizeof secret);
  std::string id_hex = Hex(id, sizeof id), secret_hex = Hex(secret, sizeof secret);
  records->push_back(
      {"tok_" + id_hex, role, HashSecret(secret_hex), label, env.NowMicros(), false});
  VIGIE_RETURN_IF_ERROR(Save(env, file, *records));
  return "vg_" + id_hex + "_" + secret_hex;
}

Status RevokeToken(Env& env, const std::string& file, const std::string& id) {
  Result<std::vector<TokenRecord>> records = ListTokens(env, file);
  if (!records.ok()) return records.status();
  for (TokenRecord& r : *records) {
    if (r.id == id) {
      r.revoked = true;
      return Save(env, file, *records);
    }
  }
  return Status::Error(ErrorCode::kNotFound, {id});
}

TokenAuthenticator::TokenAuthenticator(Env& env, std::string file, int64_t per_minute)
    : env_(env), file_(std::move(file)), per_minute_(static_cast<double>(per_minute)) {
  if (sodium_init() < 0) per_minute_ = 0;  // no crypto: refuse every token
  std::lock_guard lock(mu_);
  ReloadLocked();
}

void TokenAuthenticator::ReloadLocked() const {
  last_reload_ns_ = env_.MonotonicNanos();
  Result<std::vector<TokenRecord>> records = ListTokens(env_, file_);
  if (!records.ok()) return;  // keep the previous table; the file is being replaced
  by_id_.clear();
  for (TokenRecord& r : *records) by_id_[r.id] = std::move(r);
}

Result<api::Principal> TokenAuthenticator::Authenticate(const api::HttpRequest& request) const {
  std::string header = request.Header("authorization");
  if (header.empty()) return api::Principal{"anonymous", api::Role::kPublic, true};
  constexpr std::string_view kBearer = "Bearer ";
  std::string_view token(header);
  if (!token.starts_with(kBearer)) return Status::Error(ErrorCode::kUnauthenticated);
  token.remove_prefix(kBearer.size());
  // vg_<8 hex>_<40 hex>
  if (token.size() != 3 + 8 + 1 + 40 || !token.starts_with("vg_") || token[11] != '_') {
    return Status::Error(ErrorCode::kUnauthenticated);
  }
  std::string id = "tok_" + std::string(token.substr(3, 8));
  std::string hash = HashSecret(token.substr(12));
  std::lock_guard lock(mu_);
  auto it = by_id_.find(id);
  // Unknown id: the file may hold a token created since start-up (reload at most once a second).
  if (it == by_id_.end() && env_.MonotonicNanos() - last_reload_ns_ > 1'000'000'000) {
    ReloadLocked();
    it = by_id_.find(id);
  }
  if (it == by_id_.end() || it->second.revoked || it->second.secret_hash.size() != hash.size() ||
      sodium_memcmp(it->second.secret_hash.data(), hash.data(), hash.size()) != 0) {
    return Status::Error(ErrorCode::kUnauthenticated);
  }
  Bucket& b = buckets_[id];
  int64_t now = env_.MonotonicNanos();
  if (!b.started) {
    b.started = true;
    b.tokens = per_minute_;
  } else {
    b.tokens =
        std::min(per_minute_, b.tokens + static_cast<double>(now - b.last_ns) * per_minute_ / 60e9);
  }
  b.last_ns = now;
  if (b.tokens < 1) return Status::Error(ErrorCode::kRateLimited);
  b.tokens -= 1;
  return api::Principal{id, it->second.role, false};
}

}  // namespace vigie::privacy
