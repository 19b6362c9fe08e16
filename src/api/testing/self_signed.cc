// Self-signed test certificate (see self_signed.h).
#include "self_signed.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

namespace vigie::testing {
namespace {

template <typename T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Free<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Free<X509_EXTENSION, X509_EXTENSION_free>>;

bool WritePem(const std::string& path, bool key, EVP_PKEY* pkey, X509* cert) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return false;
  int ok = key ? PEM_write_PrivateKey(f, pkey, nullptr, nullptr, 0, nullptr, nullptr)
               : PEM_write_X509(f, cert);
  return std::fclose(f) == 0 && ok == 1;
}

}  // namespace

bool WriteSelfSignedCert(const std::string& cert_path, const std::string& key_path) {
  KeyPtr pkey(EVP_EC_gen("P-256"));
  CertPtr cert(X509_new());
  if (!pkey || !cert) return false;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400);
  X509_set_pubkey(cert.get(), pkey.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const char* ext : {"IP:127.0.0.1", "critical,CA:TRUE"}) {
    int nid = ext[0] == 'I' ? NID_subject_alt_name : NID_basic_constraints;
    ExtPtr e(X509V3_EXT_conf_nid(nullptr, &ctx, nid, ext));
    if (!e || X509_add_ext(cert.get(), e.get(), -1) != 1) return false;
  }
  if (X509_sign(cert.get(), pkey.get(), EVP_sha256()) == 0) return false;
  return WritePem(cert_path, false, nullptr, cert.get()) &&
         WritePem(key_path, true, pkey.get(), nullptr);
}

}  // namespace vigie::testing
