// Tests of encryption at rest: AEAD round trip and tamper detection, store
// keys wrapped by the master key, rotation, key file checks (in-memory Env).
#include "vigie/privacy/keys.h"

#include <gtest/gtest.h>

namespace vigie::privacy {
namespace {

TEST(Keys, SealOpenAndTamper) {
  MemEnv env;
  ASSERT_TRUE(InitMasterKey(env, "m.key").value());
  EXPECT_FALSE(InitMasterKey(env, "m.key").value());  // never overwrites
  Key master = LoadMasterKey(env, "m.key").value();
  Cipher c(master);
  std::string sealed = c.Seal("Mme Quenouille", "note:1");
  EXPECT_EQ(sealed.find("Quenouille"), std::string::npos);
  EXPECT_EQ(c.Open(sealed, "note:1").value(), "Mme Quenouille");
  EXPECT_FALSE(c.Open(sealed, "note:2").ok());
  std::string bad = sealed;
  bad[10] = bad[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(c.Open(bad, "note:1").ok());
}

TEST(Keys, EnvironmentKeyWinsAndIsValidated) {
  MemEnv env;
  env.SetVar("VIGIE_MASTER_KEY", std::string(64, 'a'));
  Result<Key> k = LoadMasterKey(env, "absent.key");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ((*k)[0], 0xaa);
  env.SetVar("VIGIE_MASTER_KEY", "short");
  EXPECT_EQ(LoadMasterKey(env, "absent.key").status().code(), ErrorCode::kConfigError);
  EXPECT_EQ(RotateMasterKey(env, "absent.key", "keys").status().code(), ErrorCode::kUsage);
}

TEST(Keys, StoreKeysSurviveRotation) {
  MemEnv env;
  ASSERT_TRUE(InitMasterKey(env, "m.key").ok());
  Key m1 = LoadMasterKey(env, "m.key").value();
  std::string sealed = OpenStore(env, m1, "keys", "audit").value().Seal("detail", "a");
  Result<size_t> n = RotateMasterKey(env, "m.key", "keys");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1u);
  Key m2 = LoadMasterKey(env, "m.key").value();
  EXPECT_NE(KeyId(m1), KeyId(m2));
  EXPECT_EQ(OpenStore(env, m2, "keys", "audit").value().Open(sealed, "a").value(), "detail");
  // The old master key no longer opens the store.
  EXPECT_FALSE(OpenStore(env, m1, "keys", "audit").ok());
  EXPECT_FALSE(env.FileExists("m.key.next"));
}

TEST(Keys, PseudonymSecretSurvivesRotation) {
  MemEnv env;
  ASSERT_TRUE(InitMasterKey(env, "m.key").ok());
  std::string before = PseudonymSecret(env, LoadMasterKey(env, "m.key").value(), "keys").value();
  ASSERT_TRUE(RotateMasterKey(env, "m.key", "keys").ok());
  std::string after = PseudonymSecret(env, LoadMasterKey(env, "m.key").value(), "keys").value();
  EXPECT_EQ(before, after);
  EXPECT_EQ(before.size(), 32u);
}

TEST(Keys, MalformedKeyFile) {
  MemEnv env;
  ASSERT_TRUE(env.WriteFile("m.key", "not a key").ok());
  EXPECT_EQ(LoadMasterKey(env, "m.key").status().code(), ErrorCode::kConfigError);
  EXPECT_EQ(LoadMasterKey(env, "none.key").status().code(), ErrorCode::kFileNotFound);
}

}  // namespace
}  // namespace vigie::privacy
