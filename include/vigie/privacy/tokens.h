// API tokens with roles (admin, clinician, public), stored hashed (SHA-256 of
// the secret part) in a JSON file, and the Authenticator that checks them
// with a per-token rate limit. A token reads "vg_<id>_<secret>"; only the id
// (pseudonymous) is ever logged or audited. Thread-safety: the free functions
// are not safe against concurrent writers of one file (CLI use);
// TokenAuthenticator is safe for concurrent calls.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "vigie/api/auth.h"
#include "vigie/core/env.h"

namespace vigie::privacy {

struct TokenRecord {
  std::string id;  // "tok_" + 8 hex, public
  api::Role role = api::Role::kPublic;
  std::string secret_hash;  // hex SHA-256 of the secret part
  std::string label;        // free label chosen by the admin ("poste accueil"), no patient data
  int64_t created_us = 0;
  bool revoked = false;
};

// Adds a token and returns it in clear (shown once). I/O errors as kIoError.
Result<std::string> CreateToken(Env& env, const std::string& file, api::Role role,
                                const std::string& label);
// All records (missing file: none). Malformed file: kDataError.
Result<std::vector<TokenRecord>> ListTokens(Env& env, const std::string& file);
// Marks a token revoked. Unknown id: kNotFound.
Status RevokeToken(Env& env, const std::string& file, const std::string& id);

// Bearer-token authentication. No Authorization header: the anonymous public
// principal (the router answers 401 on protected routes); a wrong, unknown or
// revoked token: kUnauthenticated; over the per-minute budget: kRateLimited.
class TokenAuthenticator final : public api::Authenticator {
 public:
  TokenAuthenticator(Env& env, std::string file, int64_t per_minute);
  Result<api::Principal> Authenticate(const api::HttpRequest& request) const override;

 private:
  struct Bucket {
    double tokens = 0;
    int64_t last_ns = 0;
    bool started = false;
  };
  void ReloadLocked() const;
  Env& env_;
  std::string file_;
  double per_minute_;
  mutable std::mutex mu_;
  mutable std::map<std::string, TokenRecord> by_id_;
  mutable std::map<std::string, Bucket> buckets_;
  mutable int64_t last_reload_ns_ = 0;
};

}  // namespace vigie::privacy
