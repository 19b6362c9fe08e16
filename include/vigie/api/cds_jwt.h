// Authentication of CDS Hooks clients (the EHR) by the JWT the CDS Hooks 2.0
// specification requires ("Trusting CDS Clients",
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients): every service call
// carries "Authorization: Bearer <JWT>" signed (ES384 or RS384) with a key of
// the client's JWK Set, with claims iss, aud (the service endpoint URL), exp
// (at most five minutes ahead), iat and jti (a nonce: a replay is refused).
// Keys come from a local JWKS file configured by the admin (setting
// cds.jwks_file); Vigie never fetches a `jku`.
// Thread-safety: Verify and Authenticate may be called from many threads (the
// replay cache is guarded by a mutex).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/api/auth.h"
#include "vigie/core/env.h"

namespace vigie::api {

struct CdsJwtPolicy {
  std::string issuer;         // required `iss`
  std::string audience_base;  // aud must be audience_base + request path
  int64_t max_ahead_s = 300;  // exp at most this far in the future (spec: five minutes)
  int64_t leeway_s = 30;      // clock skew tolerated on exp and iat
};

class CdsJwtVerifier {
 public:
  // Parses a JWK Set ({"keys": [...]}: RSA n/e, or EC P-384 x/y). Failure:
  // kConfigError naming the key (no usable key is also an error).
  static Result<std::unique_ptr<CdsJwtVerifier>> Create(std::string_view jwks_json,
                                                        CdsJwtPolicy policy);
  ~CdsJwtVerifier();

  // Verifies a compact JWT for the endpoint `path` at `now_s` (seconds since
  // the epoch) and records its jti. Returns the issuer. Failure:
  // kJwtRejected naming the reason (signature, alg, kid, iss, aud, exp, iat,
  // jti, replay), never echoing the token.
  Result<std::string> Verify(std::string_view jwt, std::string_view path, int64_t now_s);

 private:
  struct Key;
  explicit CdsJwtVerifier(CdsJwtPolicy policy);
  CdsJwtPolicy policy_;
  std::vector<std::unique_ptr<Key>> keys_;
  std::mutex mu_;
  std::map<std::string, int64_t> seen_;  // jti -> exp, purged once expired
};

// Requests to /cds-services/... other than discovery are authenticated by
// the JWT (principal "cds:<iss>", role clinician); every other request goes
// to `inner` (API tokens). Discovery (GET /cds-services) stays with `inner`,
// where its route is public.
class CdsJwtAuthenticator final : public Authenticator {
 public:
  CdsJwtAuthenticator(std::unique_ptr<Authenticator> inner,
                      std::unique_ptr<CdsJwtVerifier> verifier, Env& env)
      : inner_(std::move(inner)), verifier_(std::move(verifier)), env_(env) {}
  Result<Principal> Authenticate(const HttpRequest& request) const override;

 private:
  std::unique_ptr<Authenticator> inner_;
  std::unique_ptr<CdsJwtVerifier> verifier_;
  Env& env_;
};

}  // namespace vigie::api
