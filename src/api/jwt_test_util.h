// Test helper (tests only): fresh ES384 / RS384 key pairs, their public JWK,
// and JWTs signed with them (OpenSSL), for the CDS Hooks client
// authentication tests (src/api/cds_jwt_test.cc, tests/e2e/check_e2e_test.cc).
// Thread-safety: each TestKey is used by one thread.
#pragma once

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vigie::api::testing {

inline std::string B64Url(std::string_view in) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char ch : in) {
    acc = (acc << 8) | static_cast<unsigned char>(ch);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(t[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(t[(acc << (6 - bits)) & 63]);
  return out;
}

inline std::string Bn(EVP_PKEY* k, const char* name, int pad = 0) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(k, name, &bn);
  std::string out(static_cast<size_t>(std::max(pad, BN_num_bytes(bn))), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(out.size()));
  BN_free(bn);
  return B64Url(out);
}

struct TestKey {
  EVP_PKEY* pkey = nullptr;
  std::string alg, kid;
  ~TestKey() { EVP_PKEY_free(pkey); }
  nlohmann::json Jwk() const {
    if (alg == "RS384")
      return {{"kty", "RSA"},
              {"kid", kid},
              {"alg", alg},
              {"n", Bn(pkey, OSSL_PKEY_PARAM_RSA_N)},
              {"e", Bn(pkey, OSSL_PKEY_PARAM_RSA_E)}};
    return {{"kty", "EC"},
            {"kid", kid},
            {"crv", "P-384"},
            {"x", Bn(pkey, OSSL_PKEY_PARAM_EC_PUB_X, 48)},
            {"y", Bn(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, 48)}};
  }
  std::string Sign(const nlohmann::json& claims, std::string header_alg = "") const {
    nlohmann::json header = {
        {"alg", header_alg.empty() ? alg : header_alg}, {"typ", "JWT"}, {"kid", kid}};
    std::string input = B64Url(header.dump()) + "." + B64Url(claims.dump());
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha384(), nullptr, pkey);
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                   input.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    sig.resize(len);
    EVP_MD_CTX_free(ctx);
    if (alg == "ES384") {  // DER -> JOSE r||s
      const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
      ECDSA_SIG* es = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
      std::string raw(96, '\0');
      BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char*>(raw.data()), 48);
      BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char*>(raw.data()) + 48, 48);
      ECDSA_SIG_free(es);
      sig = raw;
    }
    return input + "." + B64Url(sig);
  }
};

inline std::unique_ptr<TestKey> NewKey(const std::string& alg, const std::string& kid) {
  auto k = std::make_unique<TestKey>();
  k->alg = alg;
  k->kid = kid;
  k->pkey = alg == "RS384" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048})
                           : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
  return k;
}

}  // namespace vigie::api::testing
