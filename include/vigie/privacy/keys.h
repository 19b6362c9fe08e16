// Encryption at rest: the master key (key file 0600 or VIGIE_MASTER_KEY),
// one data key per store wrapped by the master key, and an AEAD cipher
// (libsodium XChaCha20-Poly1305 IETF) for records. Key material never
// appears in errors or logs. Thread-safety: Cipher is immutable and safe to
// share; the functions taking an Env are safe if the Env is.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::privacy {

using Key = std::array<unsigned char, 32>;

// VIGIE_MASTER_KEY (64 hex digits) if set, else the key file (64 hex digits).
// Missing file: kFileNotFound; a file readable by group/others or a malformed
// key: kConfigError.
Result<Key> LoadMasterKey(Env& env, const std::string& key_file);

// Writes a fresh random master key to `key_file` (created 0600) unless it
// exists; returns true when it created one.
Result<bool> InitMasterKey(Env& env, const std::string& key_file);

// Short public identifier of a key (first 8 hex digits of its BLAKE2b hash).
std::string KeyId(const Key& key);

class Cipher {
 public:
  explicit Cipher(const Key& key) : key_(key) {}
  // "v1." + base64(nonce || ciphertext+tag); `aad` is authenticated, not stored.
  std::string Seal(std::string_view plaintext, std::string_view aad) const;
  // kDataError when the record was altered, the aad differs or the key is wrong.
  Result<std::string> Open(std::string_view sealed, std::string_view aad) const;

 private:
  Key key_;
};

// The data key of `store` (file keys_dir/<store>.key, created on first use,
// wrapped by `master`). A key wrapped by another master key: kConfigError.
Result<Cipher> OpenStore(Env& env, const Key& master, const std::string& keys_dir,
                         const std::string& store);

// Generates a new master key, re-wraps every store key of keys_dir under it,
// then replaces key_file. Returns the number of stores re-wrapped. With
// VIGIE_MASTER_KEY set: kUsage (rotate the variable's value outside Vigie).
Result<size_t> RotateMasterKey(Env& env, const std::string& key_file, const std::string& keys_dir);

// Secret of pseudo-mode surrogates: derived from the data key of the
// "pseudonyms" store (created on first use), so it survives a master key
// rotation and surrogates stay the same across documents and rotations.
Result<std::string> PseudonymSecret(Env& env, const Key& master, const std::string& keys_dir);

}  // namespace vigie::privacy
