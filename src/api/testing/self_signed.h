// Test helper: writes a fresh self-signed certificate (CN and subjectAltName
// 127.0.0.1, EC P-256, valid one day) and its private key as PEM files, with
// the OpenSSL API so that tests need no `openssl` program. Used by the TLS
// tests of the server (unit and end-to-end). Thread-safety: no shared state.
#pragma once

#include <string>

namespace vigie::testing {

// Returns false (and writes nothing usable) if OpenSSL fails.
bool WriteSelfSignedCert(const std::string& cert_path, const std::string& key_path);

}  // namespace vigie::testing
