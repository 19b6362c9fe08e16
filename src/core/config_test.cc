// Tests of the settings table and its loaders (TOML, environment).
#include "vigie/core/config.h"

#include <gtest/gtest.h>

#include <set>

namespace vigie {
namespace {

TEST(ConfigTest, DefaultsBindLoopback8080) {
  MemEnv env;
  Result<Settings> s = LoadSettings(env, "");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->server_host, "127.0.0.1");
  EXPECT_EQ(s->server_port, 8080);
  EXPECT_EQ(s->db_path, "vigie.db");
}

TEST(ConfigTest, TomlThenEnvironmentOverrides) {
  MemEnv env;
  ASSERT_TRUE(env.WriteFile("/etc/vigie.toml",
                            "[server]\nport = 9000\nthreads = 4\n[db]\npath = \"/var/kb.db\"\n")
                  .ok());
  env.SetVar("VIGIE_PORT", "9100");
  Result<Settings> s = LoadSettings(env, "/etc/vigie.toml");
  ASSERT_TRUE(s.ok()) << s.status().Message(Lang::kEn);
  EXPECT_EQ(s->server_port, 9100);
  EXPECT_EQ(s->server_threads, 4);
  EXPECT_EQ(s->db_path, "/var/kb.db");
}

TEST(ConfigTest, UnknownKeyIsAnErrorNamingIt) {
  Settings s;
  Status st = ApplyToml(s, "[server]\nprot = 1\n", "vigie.toml");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::kUnknownField);
  EXPECT_NE(st.Message(Lang::kFr).find("server.prot"), std::string::npos);
}

TEST(ConfigTest, SyntaxErrorGivesFileAndLine) {
  Settings s;
  Status st = ApplyToml(s, "[server]\nport = = 3\n", "vigie.toml");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::kConfigError);
  EXPECT_NE(st.Message(Lang::kEn).find("vigie.toml:2"), std::string::npos);
}

TEST(ConfigTest, BoundsAndTypesChecked) {
  MemEnv env;
  env.SetVar("VIGIE_PORT", "70000");
  EXPECT_EQ(LoadSettings(env, "").status().code(), ErrorCode::kOutOfRange);
  env.SetVar("VIGIE_PORT", "80a");
  EXPECT_EQ(LoadSettings(env, "").status().code(), ErrorCode::kConfigError);
  env.SetVar("VIGIE_PORT", "8081");
  env.SetVar("VIGIE_LANG", "de");
  EXPECT_EQ(LoadSettings(env, "").status().code(), ErrorCode::kConfigError);
}

TEST(ConfigTest, EachSettingDeclaredOnce) {
  std::set<std::string_view> keys, envs, flags;
  for (const SettingSpec& spec : AllSettings()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << spec.key;
    EXPECT_TRUE(envs.insert(spec.env).second) << spec.env;
    EXPECT_EQ(spec.env.substr(0, 6), "VIGIE_");
    if (!spec.flag.empty()) {
      EXPECT_TRUE(flags.insert(spec.flag).second) << spec.flag;
    }
    EXPECT_FALSE(spec.help_fr.empty());
    EXPECT_FALSE(spec.help_en.empty());
  }
}

}  // namespace
}  // namespace vigie
