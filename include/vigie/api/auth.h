// Authentication seam: an Authenticator turns a request into a Principal.
// The router applies it to every route and checks the route's declared role.
// Engines never see principals. Thread-safety: implementations must be safe
// for concurrent calls (the server calls them from many threads).
#pragma once

#include "vigie/api/http.h"
#include "vigie/core/status.h"

namespace vigie::api {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // A principal, or kUnauthenticated when the request carries no valid credential.
  virtual Result<Principal> Authenticate(const HttpRequest& request) const = 0;
};

// Local-development authenticator, until the privacy issue brings accounts:
// every request is the principal "local" with one configured role
// (setting server.dev_role, default clinician). It is meant for a server bound
// to 127.0.0.1 on a single-user machine; it is not an access control.
class LocalDevAuthenticator final : public Authenticator {
 public:
  explicit LocalDevAuthenticator(Role role) : role_(role) {}
  Result<Principal> Authenticate(const HttpRequest& request) const override;

 private:
  Role role_;
};

}  // namespace vigie::api
