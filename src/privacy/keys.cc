// Master key, store keys and AEAD records (see keys.h). Errors name files and
// settings, never key material. Thread-safety: no shared mutable state
// (sodium_init is idempotent and thread-safe).
#include "vigie/privacy/keys.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

namespace vigie::privacy {
namespace {

constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* U(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

bool ParseHexKey(std::string_view text, Key* key) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  size_t len = 0;
  return text.size() == 64 &&
         sodium_hex2bin(key->data(), key->size(), text.data(), text.size(), nullptr, &len,
                        nullptr) == 0 &&
         len == key->size();
}

std::string Base64(std::string_view bin) {
  std::string out(sodium_base64_ENCODED_LEN(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), U(bin), bin.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

bool Unbase64(std::string_view text, std::string* out) {
  out->assign(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out->data()), out->size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  out->resize(len);
  return true;
}

Key RandomKey() {
  Key k;
  randombytes_buf(k.data(), k.size());
  return k;
}

Status WriteStoreKey(Env& env, const std::string& path, const Key& master, const Key& data,
                     const std::string& store) {
  std::string wrapped = Cipher(master).Seal(
      std::string_view(reinterpret_cast<const char*>(data.data()), data.size()), "store:" + store);
  nlohmann::json j = {{"store", store}, {"master_key_id", KeyId(master)}, {"wrapped_key", wrapped}};
  return env.WriteFile(path, j.dump() + "\n");
}

Result<Key> ReadStoreKey(Env& env, const std::string& path, const Key& master,
                         const std::string& store) {
  Result<std::string> text = env.ReadFile(path);
  if (!text.ok()) return text.status();
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object() || !j["wrapped_key"].is_string()) {
    return Status::Error(ErrorCode::kDataError, {path, "wrapped_key"});
  }
  Result<std::string> raw =
      Cipher(master).Open(j["wrapped_key"].get<std::string>(), "store:" + store);
  if (!raw.ok() || raw->size() != 32) {
    return Status::Error(ErrorCode::kConfigError, {path + " : master key mismatch"});
  }
  Key k;
  std::copy(raw->begin(), raw->end(), k.begin());
  return k;
}

}  // namespace

std::string KeyId(const Key& key) {
  unsigned char h[4];
  crypto_generichash(h, sizeof h, key.data(), key.size(), nullptr, 0);
  return Hex(h, sizeof h);
}

Result<Key> LoadMasterKey(Env& env, const std::string& key_file) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  Key key;
  std::string value;
  if (env.GetVar("VIGIE_MASTER_KEY", &value) && !value.empty()) {
    if (!ParseHexKey(value, &key)) {
      return Status::Error(ErrorCode::kConfigError, {"VIGIE_MASTER_KEY (64 hex)"});
    }
    return key;
  }
  Result<std::string> text = env.ReadFile(key_file);
  if (!text.ok()) return text.status();
  if (!env.IsPrivate(key_file)) {
    return Status::Error(ErrorCode::kConfigError, {key_file + " (chmod 600)"});
  }
  if (!ParseHexKey(*text, &key)) {
    return Status::Error(ErrorCode::kConfigError, {key_file + " (64 hex)"});
  }
  return key;
}

Result<bool> InitMasterKey(Env& env, const std::string& key_file) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  if (env.FileExists(key_file)) return false;
  Key k = RandomKey();
  VIGIE_RETURN_IF_ERROR(env.WriteFile(key_file, Hex(k.data(), k.size()) + "\n"));
  return true;
}

std::string Cipher::Seal(std::string_view plaintext, std::string_view aad) const {
  std::string out(kNonce + plaintext.size() + kTag, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, kNonce);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(p + kNonce, &clen, U(plaintext), plaintext.size(),
                                             U(aad), aad.size(), nullptr, p, key_.data());
  out.resize(kNonce + clen);
  return "v1." + Base64(out);
}

Result<std::string> Cipher::Open(std::string_view sealed, std::string_view aad) const {
  std::string raw;
  if (!sealed.starts_with("v1.") || !Unbase64(sealed.substr(3), &raw) ||
      raw.size() < kNonce + kTag) {
    return Status::Error(ErrorCode::kDataError, {"record", "format"});
  }
  std::string out(raw.size() - kNonce - kTag, '\0');
  unsigned long long mlen = 0;
  const auto* r = reinterpret_cast<const unsigned char*>(raw.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()),
                                                 &mlen, nullptr, r + kNonce, raw.size() - kNonce,
                                                 U(aad), aad.size(), r, key_.data()) != 0) {
    return Status::Error(ErrorCode::kDataError, {"record", "authentication"});
  }
  out.resize(mlen);
  return out;
}

Result<Cipher> OpenStore(Env& env, const Key& master, const std::string& keys_dir,
                         const std::string& store) {
  if (sodium_init() < 0) return Status::Error(ErrorCode::kInternal, {"libsodium"});
  std::string path = JoinPath(keys_dir, store + ".key");
  if (!env.FileExists(path)) {
    VIGIE_RETURN_IF_ERROR(env.CreateDirs(keys_dir));
    VIGIE_RETURN_IF_ERROR(WriteStoreKey(env, path, master, RandomKey(), store));
  }
  Result<Key> k = ReadStoreKey(env, path, master, store);
  if (!k.ok()) return k.status();
  return Cipher(*k);
}

Result<size_t> RotateMasterKey(Env& env, const std::string& key_file, const std::string& keys_dir) {
  std::string value;
  if (env.GetVar("VIGIE_MASTER_KEY", &value) && !value.empty()) {
    return Status::Error(ErrorCode::kUsage, {"VIGIE_MASTER_KEY"});
  }
  Result<Key> old_key = LoadMasterKey(env, key_file);
  if (!old_key.ok()) return old_key.status();
  Key next = RandomKey();
  // The new key is saved first: a crash mid-way leaves it in key_file.next.
  std::string pending = key_file + ".next";
  VIGIE_RETURN_IF_ERROR(env.WriteFile(pending, Hex(next.data(), next.size()) + "\n"));
  size_t count = 0;
  if (env.IsDirectory(keys_dir)) {
    Result<std::vector<std::string>> names = env.ListDir(keys_dir);
    if (!names.ok()) return names.status();
    for (const std::string& name : *names) {
      if (!name.ends_with(".key")) continue;
      std::string store = name.substr(0, name.size() - 4);
      std::string path = JoinPath(keys_dir, name);
      Result<Key> data = ReadStoreKey(env, path, *old_key, store);
      if (!data.ok()) return data.status();
      VIGIE_RETURN_IF_ERROR(WriteStoreKey(env, path, next, *data, store));
      ++count;
    }
  }
  VIGIE_RETURN_IF_ERROR(env.WriteFile(key_file, Hex(next.data(), next.size()) + "\n"));
  VIGIE_RETURN_IF_ERROR(env.RemoveFile(pending));
  return count;
}

Result<std::string> PseudonymSecret(Env& env, const Key& master, const std::string& keys_dir) {
  Result<Cipher> created = OpenStore(env, master, keys_dir, "pseudonyms");
  if (!created.ok()) return created.status();
  Result<Key> data = ReadStoreKey(env, JoinPath(keys_dir, "pseudonyms.key"), master, "pseudonyms");
  if (!data.ok()) return data.status();
  unsigned char sub[32];
  crypto_kdf_derive_from_key(sub, sizeof sub, 1, "vigiepsd", data->data());
  return std::string(reinterpret_cast<const char*>(sub), sizeof sub);
}

}  // namespace vigie::privacy
