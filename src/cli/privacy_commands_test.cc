// Tests of the privacy commands on an in-memory Env: `vigie deid` (mask,
// pseudo, JSON offsets, English), `vigie tokens create|list|revoke`,
// `vigie keys init|rotate` and `vigie audit verify` (intact, truncated,
// forged head). Single-threaded.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

class PrivacyCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* src = std::getenv("VIGIE_SOURCE_DIR");
    ASSERT_NE(src, nullptr);
    auto disk = NewPosixEnv();
    auto names = disk->ListDir(std::string(src) + "/data/deid");
    ASSERT_TRUE(names.ok());
    for (const std::string& n : *names) {
      ASSERT_TRUE(
          env_.WriteFile("dict/" + n, *disk->ReadFile(std::string(src) + "/data/deid/" + n)).ok());
    }
    env_.SetVar("VIGIE_DEID_DICT", "dict");
    env_.SetVar("VIGIE_AUDIT_LOG", "audit.jsonl");
  }
  MemEnv env_;
};

TEST_F(PrivacyCommandsTest, DeidMasksWithCodePointOffsets) {
  ASSERT_TRUE(env_.WriteFile("note.txt", "Été : Mme Quenouille, tél 06 12 34 56 78.").ok());
  CliRun r = Vigie({"deid", "--json", "note.txt", "--name", "Quenouille"}, env_);
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["text"], "Été : Mme [NOM], tél [TEL].");
  ASSERT_EQ(j["entities"].size(), 2u);
  EXPECT_EQ(j["entities"][0]["start"], 10);  // code points: "Été" is 3, not 5
  EXPECT_EQ(j["entities"][0]["end"], 20);
  CliRun human = Vigie({"deid", "note.txt"}, env_);
  EXPECT_EQ(human.out, "Été : Mme [NOM], tél [TEL].\n");
  EXPECT_EQ(Vigie({"deid", "absent.txt"}, env_).code, 3);
}

TEST_F(PrivacyCommandsTest, PseudoIsStableAcrossRunsAndEnglishWorks) {
  env_.SetVar("VIGIE_MASTER_KEY", std::string(64, 'a'));
  ASSERT_TRUE(env_.WriteFile("a.txt", "M. Jean Quenouille vu le 12/03/2020.").ok());
  CliRun one = Vigie({"deid", "--mode", "pseudo", "a.txt"}, env_);
  CliRun two = Vigie({"deid", "--mode", "pseudo", "a.txt"}, env_);
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out.find("Quenouille"), std::string::npos);
  ASSERT_TRUE(env_.WriteFile("en.txt", "Mr. John Smith, phone (617) 555-0134.").ok());
  CliRun en = Vigie({"--lang", "en", "deid", "en.txt"}, env_);
  ASSERT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(en.out, "Mr. [PRENOM] [NOM], phone [TEL].\n");
}

TEST_F(PrivacyCommandsTest, TokensAreStoredHashedAndRevocable) {
  CliRun created = Vigie({"tokens", "create", "--role", "clinician", "--json"}, env_);
  ASSERT_EQ(created.code, 0) << created.err;
  std::string token = json::parse(created.out)["token"];
  std::string stored = env_.ReadFile("vigie-tokens.json").value();
  EXPECT_EQ(stored.find(token), std::string::npos);
  EXPECT_EQ(Vigie({"tokens", "create", "--role", "root"}, env_).code, 2);
  json list = json::parse(Vigie({"tokens", "list", "--json"}, env_).out);
  ASSERT_EQ(list["tokens"].size(), 1u);
  std::string id = list["tokens"][0]["id"];
  EXPECT_EQ(Vigie({"tokens", "revoke", id}, env_).code, 0);
  EXPECT_TRUE(json::parse(Vigie({"tokens", "list", "--json"}, env_).out)["tokens"][0]["revoked"]);
}

TEST_F(PrivacyCommandsTest, AuditVerifyChecksTheSealedHead) {
  ASSERT_EQ(Vigie({"keys", "init"}, env_).code, 0);
  CliRun none = Vigie({"audit", "verify", "--json"}, env_);
  EXPECT_NE(none.code, 0);  // no log yet: file not found
  ASSERT_TRUE(env_.WriteFile("audit.jsonl", "").ok());
  CliRun empty = Vigie({"audit", "verify", "--json"}, env_);
  EXPECT_EQ(empty.code, 0) << empty.out << empty.err;
  ASSERT_TRUE(env_.WriteFile("audit.jsonl.head", R"({"seq":1,"hash":"00"})").ok());
  CliRun forged = Vigie({"audit", "verify", "--json"}, env_);
  EXPECT_EQ(forged.code, 3);
  // The report, then the error document: read the first one.
  std::istringstream docs(forged.out);
  json j;
  docs >> j;
  EXPECT_FALSE(j["ok"].get<bool>());
  EXPECT_EQ(j["problems"][0]["kind"], "truncated");
  CliRun rotated = Vigie({"keys", "rotate", "--json"}, env_);
  EXPECT_EQ(rotated.code, 0) << rotated.err;
}

}  // namespace
}  // namespace vigie::cli
