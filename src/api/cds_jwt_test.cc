// CDS Hooks client JWTs (cds_jwt.h): tokens signed in the test with fresh
// ES384 and RS384 keys (OpenSSL), checked against the claims the CDS Hooks 2.0
// specification requires (iss, aud = endpoint URL, exp <= 5 min ahead, iat,
// jti not replayed), and the authenticator over the router's request type.
// Thread-safety: single-threaded test binary.
#include "vigie/api/cds_jwt.h"

#include "api/jwt_test_util.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigie::api {
namespace {

using nlohmann::json;
using testing::B64Url;
using testing::NewKey;
using testing::TestKey;

constexpr int64_t kNow = 1'800'000'000;
constexpr const char* kAud = "https://vigie.example/cds-services/vigie-prescription";

json Claims(const std::string& jti) {
  return {{"iss", "https://ehr.example"},
          {"aud", kAud},
          {"exp", kNow + 240},
          {"iat", kNow},
          {"jti", jti}};
}

class CdsJwtTest : public ::testing::Test {
 protected:
  // Keys are made once (RSA key generation is slow); each test has its own
  // verifier, so its own replay cache.
  static void SetUpTestSuite() {
    es_ = NewKey("ES384", "ehr-es").release();
    rs_ = NewKey("RS384", "ehr-rs").release();
  }
  static void TearDownTestSuite() {
    delete es_;
    delete rs_;
  }
  void SetUp() override {
    ASSERT_NE(es_->pkey, nullptr);
    ASSERT_NE(rs_->pkey, nullptr);
    json jwks = {{"keys", {es_->Jwk(), rs_->Jwk()}}};
    auto v = CdsJwtVerifier::Create(jwks.dump(), {"https://ehr.example", "https://vigie.example/"});
    ASSERT_TRUE(v.ok()) << v.status().Message(Lang::kEn);
    verifier_ = std::move(v).value();
  }
  std::string Why(const std::string& jwt, int64_t now = kNow) {
    auto r = verifier_->Verify(jwt, "/cds-services/vigie-prescription", now);
    if (r.ok()) return "ok";
    EXPECT_EQ(r.status().code(), ErrorCode::kJwtRejected);
    EXPECT_EQ(r.status().http_status(), 401);
    return r.status().Message(Lang::kEn);
  }
  static inline TestKey* es_ = nullptr;
  static inline TestKey* rs_ = nullptr;
  std::unique_ptr<CdsJwtVerifier> verifier_;
};

TEST_F(CdsJwtTest, ValidEs384AndRs384TokensPass) {
  EXPECT_EQ(Why(es_->Sign(Claims("a1"))), "ok");
  EXPECT_EQ(Why(rs_->Sign(Claims("a2"))), "ok");
  json arr = Claims("a3");
  arr["aud"] = {"https://other.example", kAud};
  EXPECT_EQ(Why(es_->Sign(arr)), "ok");
}

TEST_F(CdsJwtTest, ReplayedJtiIsRefused) {
  std::string t = es_->Sign(Claims("once"));
  EXPECT_EQ(Why(t), "ok");
  EXPECT_NE(Why(t).find("jti"), std::string::npos);
}

TEST_F(CdsJwtTest, BadClaimsAreRefusedNamingTheClaim) {
  json c = Claims("b1");
  c["iss"] = "https://intruder.example";
  EXPECT_NE(Why(es_->Sign(c)).find("iss"), std::string::npos);
  c = Claims("b2");
  c["aud"] = "https://vigie.example/cds-services/other";
  EXPECT_NE(Why(es_->Sign(c)).find("aud"), std::string::npos);
  c = Claims("b3");
  EXPECT_NE(Why(es_->Sign(c), kNow + 600).find("exp"), std::string::npos);  // expired
  c["exp"] = kNow + 3600;                                                   // > 5 minutes ahead
  c["jti"] = "b4";
  EXPECT_NE(Why(es_->Sign(c)).find("exp"), std::string::npos);
  c = Claims("b5");
  c.erase("jti");
  EXPECT_NE(Why(es_->Sign(c)).find("jti"), std::string::npos);
  c = Claims("b6");
  c.erase("iat");
  EXPECT_NE(Why(es_->Sign(c)).find("iat"), std::string::npos);
}

TEST_F(CdsJwtTest, ForgedOrUnknownSignaturesAreRefused) {
  auto stranger = NewKey("ES384", "ehr-es");  // same kid, other key
  EXPECT_NE(Why(stranger->Sign(Claims("c1"))).find("signature"), std::string::npos);
  std::string t = es_->Sign(Claims("c2"));
  std::string tampered = t;
  size_t dot = tampered.find('.');
  tampered.replace(dot + 1, tampered.find('.', dot + 1) - dot - 1,
                   B64Url(json(Claims("c2")).dump() + " "));
  EXPECT_NE(Why(tampered).find("signature"), std::string::npos);
  EXPECT_NE(Why(es_->Sign(Claims("c3"), "HS384")).find("alg"), std::string::npos);
  EXPECT_NE(Why("not-a-jwt").find("format"), std::string::npos);
  EXPECT_NE(Why("a.b!.c").find("base64url"), std::string::npos);
  auto unknown = NewKey("ES384", "nobody");
  EXPECT_NE(Why(unknown->Sign(Claims("c4"))).find("kid"), std::string::npos);
}

TEST_F(CdsJwtTest, BadJwksIsAConfigError) {
  EXPECT_EQ(CdsJwtVerifier::Create("{}", {"i", "a"}).status().code(), ErrorCode::kConfigError);
  EXPECT_EQ(
      CdsJwtVerifier::Create(R"({"keys":[{"kty":"oct","k":"AA"}]})", {"i", "a"}).status().code(),
      ErrorCode::kConfigError);
  EXPECT_EQ(CdsJwtVerifier::Create(R"({"keys":[]})", {"i", "a"}).status().code(),
            ErrorCode::kConfigError);
}

class FixedAuth final : public Authenticator {
 public:
  Result<Principal> Authenticate(const HttpRequest&) const override {
    return Principal{"inner", Role::kPublic, true};
  }
};

TEST_F(CdsJwtTest, AuthenticatorGuardsServiceCallsOnly) {
  MemEnv env;
  env.AdvanceMicros(kNow * 1'000'000 - env.NowMicros());
  CdsJwtAuthenticator auth(std::make_unique<FixedAuth>(), std::move(verifier_), env);
  HttpRequest req;
  req.method = "POST";
  req.path = "/cds-services/vigie-prescription";
  EXPECT_EQ(auth.Authenticate(req).status().code(), ErrorCode::kJwtRejected);  // no header
  req.headers["authorization"] = "Bearer " + es_->Sign(Claims("d1"));
  auto p = auth.Authenticate(req);
  ASSERT_TRUE(p.ok()) << p.status().Message(Lang::kEn);
  EXPECT_EQ(p->id, "cds:https://ehr.example");
  EXPECT_EQ(p->role, Role::kClinician);
  HttpRequest discovery;
  discovery.method = "GET";
  discovery.path = "/cds-services";
  EXPECT_EQ(auth.Authenticate(discovery)->id, "inner");
}

// The worked example of the CDS Hooks specification ("Trusting CDS Clients",
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients, CC BY 4.0): its JWK Set
// (public key) and the complete ES384 JWT it prints, verified at a time before
// the example's exp. A changed byte of the signature is refused.
TEST(CdsJwtSpecExampleTest, TheSpecificationsOwnTokenVerifies) {
  const std::string jwks = R"({"keys": [{"kty": "EC", "use": "sig", "crv": "P-384",
    "kid": "example-kid",
    "x": "46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
    "y": "XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI",
    "alg": "ES384"}]})";
  const std::string token =
      "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVo"
      "ci5leGFtcGxlLmNvbS9qd2tfdXJpIn0.eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsInN1YiI6"
      "ImNsaWVudF9pZCIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1wbGUub3JnL2Nkcy1zZXJ2aWNlcy9zb21lLXNlcnZpY2Ui"
      "LCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUyMmIwMjEtZTFiNy00NjExLWJhNWItOGVl"
      "YzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMwMmEyIn0.CUFPkplnWd6Y"
      "GIvzoHolWCQBDsCL8QtTWKGg_QFpS169WrqDGzktRi-_we6-6rVzbjerU27ZKww_SW0-b9RTz-dPJNcqsueMio8r6EqX"
      "UXhbLm_ch3XFSbDlGHDl_tqo";
  CdsJwtPolicy policy{.issuer = "https://fhir-ehr.example.com/",
                      .audience_base = "https://cds.example.org"};
  constexpr int64_t kBeforeExp = 1422568860 - 120;  // the example's exp minus two minutes
  auto verifier = CdsJwtVerifier::Create(jwks, policy);
  ASSERT_TRUE(verifier.ok()) << verifier.status().Message(Lang::kEn);
  auto iss = (*verifier)->Verify(token, "/cds-services/some-service", kBeforeExp);
  ASSERT_TRUE(iss.ok()) << iss.status().Message(Lang::kEn);
  EXPECT_EQ(*iss, "https://fhir-ehr.example.com/");
  // After its exp the same token is refused; with one signature character
  // changed it is refused (fresh verifiers: no replay cache involved).
  auto later = CdsJwtVerifier::Create(jwks, policy);
  EXPECT_FALSE((*later)->Verify(token, "/cds-services/some-service", 1422568860 + 3600).ok());
  std::string forged = token;
  forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
  auto other = CdsJwtVerifier::Create(jwks, policy);
  EXPECT_FALSE((*other)->Verify(forged, "/cds-services/some-service", kBeforeExp).ok());
}

}  // namespace
}  // namespace vigie::api
