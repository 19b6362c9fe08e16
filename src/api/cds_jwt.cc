// CDS Hooks client JWT verification with OpenSSL 3 (see cds_jwt.h): JWK Set
// keys rebuilt with EVP_PKEY_fromdata, RS384 (RSASSA-PKCS1-v1_5 + SHA-384)
// and ES384 (ECDSA P-384 + SHA-384, JOSE r||s signature converted to DER).
// Thread-safety: keys are immutable after Create; the jti cache holds mu_.
#include "vigie/api/cds_jwt.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>

namespace vigie::api {
namespace {

using nlohmann::json;

Status Reject(std::string why) { return Status::Error(ErrorCode::kJwtRejected, {std::move(why)}); }

// RFC 7515 base64url without padding; false on any other character.
bool B64Url(std::string_view in, std::string& out) {
  out.clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '-'             ? 62
            : c == '_'             ? 63
                                   : -1;
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return bits < 6;  // a lone trailing character is malformed
}

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey FromParams(const char* type, OSSL_PARAM_BLD* bld) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* key = nullptr;
  if (params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) > 0) {
    if (EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) <= 0) key = nullptr;
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  return Pkey(key);
}

Pkey RsaKey(const std::string& n, const std::string& e) {
  BIGNUM* bn_n = BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()),
                           static_cast<int>(n.size()), nullptr);
  BIGNUM* bn_e = BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()),
                           static_cast<int>(e.size()), nullptr);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  Pkey key;
  if (bn_n != nullptr && bn_e != nullptr && bld != nullptr &&
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n) > 0 &&
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e) > 0) {
    key = FromParams("RSA", bld);
  }
  OSSL_PARAM_BLD_free(bld);
  BN_free(bn_n);
  BN_free(bn_e);
  return key;
}

Pkey Ec384Key(const std::string& x, const std::string& y) {
  if (x.size() != 48 || y.size() != 48) return nullptr;
  std::string point = std::string(1, '\x04') + x + y;  // uncompressed SEC1 point
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  Pkey key;
  if (bld != nullptr &&
      OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-384", 0) > 0 &&
      OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) >
          0) {
    key = FromParams("EC", bld);
  }
  OSSL_PARAM_BLD_free(bld);
  return key;
}

// JOSE ES384 signature (r||s, 48 bytes each) as the DER ECDSA-Sig-Value.
bool JoseToDer(const std::string& raw, std::string& der) {
  if (raw.size() != 96) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 48, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 48, 48, nullptr);
  bool ok = sig != nullptr && r != nullptr && s != nullptr && ECDSA_SIG_set0(sig, r, s) == 1;
  if (!ok) {
    BN_free(r);
    BN_free(s);
  }
  unsigned char* buf = nullptr;
  int len = ok ? i2d_ECDSA_SIG(sig, &buf) : -1;
  if (len > 0) der.assign(reinterpret_cast<char*>(buf), static_cast<size_t>(len));
  OPENSSL_free(buf);
  ECDSA_SIG_free(sig);
  return len > 0;
}

bool VerifySha384(EVP_PKEY* key, std::string_view data, const std::string& sig) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha384(), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                             reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

bool AudienceMatches(const json& aud, const std::string& expected) {
  if (aud.is_string()) return aud.get<std::string>() == expected;
  if (!aud.is_array()) return false;
  for (const json& a : aud) {
    if (a.is_string() && a.get<std::string>() == expected) return true;
  }
  return false;
}

}  // namespace

struct CdsJwtVerifier::Key {
  std::string kid, alg;  // alg: "RS384" or "ES384"
  Pkey pkey;
};

CdsJwtVerifier::CdsJwtVerifier(CdsJwtPolicy policy) : policy_(std::move(policy)) {}
CdsJwtVerifier::~CdsJwtVerifier() = default;

Result<std::unique_ptr<CdsJwtVerifier>> CdsJwtVerifier::Create(std::string_view jwks_json,
                                                               CdsJwtPolicy policy) {
  if (policy.issuer.empty()) return Status::Error(ErrorCode::kConfigError, {"cds.issuer"});
  if (policy.audience_base.empty()) return Status::Error(ErrorCode::kConfigError, {"cds.audience"});
  while (policy.audience_base.ends_with('/')) policy.audience_base.pop_back();
  json doc = json::parse(jwks_json, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    return Status::Error(ErrorCode::kConfigError, {"cds.jwks_file (JWK Set: {\"keys\": [...]})"});
  std::unique_ptr<CdsJwtVerifier> v(new CdsJwtVerifier(std::move(policy)));
  for (size_t i = 0; i < doc["keys"].size(); ++i) {
    const json& k = doc["keys"][i];
    auto field = [&](const char* name) {
      return k.is_object() && k.contains(name) && k[name].is_string() ? k[name].get<std::string>()
                                                                      : std::string();
    };
    auto bad = [&](const char* what) {
      return Status::Error(ErrorCode::kConfigError,
                           {"cds.jwks_file keys[" + std::to_string(i) + "]: " + what});
    };
    auto key = std::make_unique<Key>();
    key->kid = field("kid");
    std::string kty = field("kty"), a, b;
    if (kty == "RSA") {
      if (!B64Url(field("n"), a) || !B64Url(field("e"), b) || a.empty() || b.empty())
        return bad("n, e");
      key->alg = "RS384";
      key->pkey = RsaKey(a, b);
    } else if (kty == "EC") {
      if (field("crv") != "P-384") return bad("crv (P-384 only: ES384)");
      if (!B64Url(field("x"), a) || !B64Url(field("y"), b)) return bad("x, y");
      key->alg = "ES384";
      key->pkey = Ec384Key(a, b);
    } else {
      return bad("kty (RSA or EC)");
    }
    if (!field("alg").empty() && field("alg") != key->alg) return bad("alg (RS384 or ES384)");
    if (key->pkey == nullptr) return bad("public key");
    v->keys_.push_back(std::move(key));
  }
  if (v->keys_.empty()) return Status::Error(ErrorCode::kConfigError, {"cds.jwks_file (no key)"});
  return v;
}

Result<std::string> CdsJwtVerifier::Verify(std::string_view jwt, std::string_view path,
                                           int64_t now_s) {
  size_t d1 = jwt.find('.');
  size_t d2 = d1 == std::string_view::npos ? d1 : jwt.find('.', d1 + 1);
  if (d2 == std::string_view::npos || jwt.find('.', d2 + 1) != std::string_view::npos)
    return Reject("format");
  std::string header_raw, claims_raw, sig;
  if (!B64Url(jwt.substr(0, d1), header_raw) ||
      !B64Url(jwt.substr(d1 + 1, d2 - d1 - 1), claims_raw) || !B64Url(jwt.substr(d2 + 1), sig))
    return Reject("base64url");
  json header = json::parse(header_raw, nullptr, false);
  json claims = json::parse(claims_raw, nullptr, false);
  if (!header.is_object() || !claims.is_object()) return Reject("JSON");
  std::string alg = header.value("alg", json("")).is_string() ? header.value("alg", "") : "";
  if (alg != "RS384" && alg != "ES384") return Reject("alg (ES384, RS384)");
  std::string kid = header.value("kid", json("")).is_string() ? header.value("kid", "") : "";
  if (alg == "ES384" && !JoseToDer(std::string(sig), sig)) return Reject("signature");
  std::string_view signed_part = jwt.substr(0, d2);
  bool verified = false, kid_known = false;
  for (const auto& k : keys_) {
    if (k->alg != alg || (!kid.empty() && !k->kid.empty() && k->kid != kid)) continue;
    kid_known = true;
    if (VerifySha384(k->pkey.get(), signed_part, sig)) {
      verified = true;
      break;
    }
  }
  if (!kid_known) return Reject("kid");
  if (!verified) return Reject("signature");
  // Claims are read only once the signature holds.
  if (claims.value("iss", json("")) != json(policy_.issuer)) return Reject("iss");
  if (!claims.contains("aud") ||
      !AudienceMatches(claims["aud"], policy_.audience_base + std::string(path)))
    return Reject("aud");
  if (!claims.contains("exp") || !claims["exp"].is_number()) return Reject("exp");
  if (!claims.contains("iat") || !claims["iat"].is_number()) return Reject("iat");
  auto exp = static_cast<int64_t>(claims["exp"].get<double>());
  auto iat = static_cast<int64_t>(claims["iat"].get<double>());
  if (exp + policy_.leeway_s < now_s) return Reject("exp (expiré / expired)");
  if (exp > now_s + policy_.max_ahead_s + policy_.leeway_s) return Reject("exp (> 5 min)");
  if (iat > now_s + policy_.leeway_s || iat > exp) return Reject("iat");
  if (!claims.contains("jti") || !claims["jti"].is_string() ||
      claims["jti"].get<std::string>().empty())
    return Reject("jti");
  std::string jti = claims["jti"];
  std::lock_guard lock(mu_);
  std::erase_if(seen_, [&](const auto& e) { return e.second + policy_.leeway_s < now_s; });
  if (!seen_.emplace(jti, exp).second) return Reject("jti (rejoué / replayed)");
  return policy_.issuer;
}

Result<Principal> CdsJwtAuthenticator::Authenticate(const HttpRequest& request) const {
  bool service_call = request.path.starts_with("/cds-services/") && request.path.size() > 14;
  if (!service_call) return inner_->Authenticate(request);
  std::string auth = request.Header("authorization");
  if (!auth.starts_with("Bearer ") || auth.size() <= 7) return Reject("Authorization: Bearer");
  Result<std::string> iss = verifier_->Verify(std::string_view(auth).substr(7), request.path,
                                              env_.NowMicros() / 1'000'000);
  if (!iss.ok()) return iss.status();
  return Principal{"cds:" + *iss, Role::kClinician, false};
}

}  // namespace vigie::api
