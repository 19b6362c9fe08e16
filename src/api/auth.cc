// Local-development authenticator (see auth.h). Thread-safety: immutable.
#include "vigie/api/auth.h"

namespace vigie::api {

Result<Principal> LocalDevAuthenticator::Authenticate(const HttpRequest& /*request*/) const {
  return Principal{"local", role_};
}

}  // namespace vigie::api
