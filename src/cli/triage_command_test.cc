// Tests of `vigie triage`: JSON and human output, exit codes, and that the
// text is written nowhere (the in-memory Env stays empty). Single-threaded.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace vigie::cli {
namespace {

TEST(TriageCommandTest, JsonOutput) {
  MemEnv env;
  CliRun r = Vigie({"triage", "je n'arrive plus à respirer", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["level"], "emergency");
  EXPECT_EQ(j["call"], "15");
  EXPECT_EQ(j["red_flags"][0]["id"], "breathing_difficulty");
  EXPECT_EQ(j["stored"], false);
}

TEST(TriageCommandTest, HumanOutputInFrenchAndEnglish) {
  MemEnv env;
  CliRun fr = Vigie({"triage", "J'ai un rhume"}, env);
  ASSERT_EQ(fr.code, 0);
  EXPECT_NE(fr.out.find("Je ne peux pas poser de diagnostic"), std::string::npos);
  EXPECT_NE(fr.out.find("ni enregistré ni journalisé"), std::string::npos);
  CliRun en = Vigie({"--lang", "en", "triage", "I want to kill myself"}, env);
  ASSERT_EQ(en.code, 0);
  EXPECT_NE(en.out.find("call 3114"), std::string::npos);
}

TEST(TriageCommandTest, HelpTeachesLevelsNumbersAndPrivacy) {
  MemEnv env;
  CliRun fr = Vigie({"triage", "--help"}, env);
  EXPECT_EQ(fr.code, 0);
  for (const char* part : {"Exemples", "--json", "116 117", "3114", "ni enregistré"}) {
    EXPECT_NE(fr.out.find(part), std::string::npos) << part;
  }
  CliRun en = Vigie({"--lang", "en", "triage", "--help"}, env);
  EXPECT_NE(en.out.find("neither stored nor logged"), std::string::npos);
}

TEST(TriageCommandTest, EmptyTextIsAnInputErrorAndMissingTextAUsageError) {
  MemEnv env;
  CliRun empty = Vigie({"triage", "  ", "--json"}, env);
  EXPECT_EQ(empty.code, 3);
  EXPECT_EQ(nlohmann::json::parse(empty.out)["error"]["code"], "missing_input");
  EXPECT_EQ(Vigie({"triage"}, env).code, 2);
}

TEST(TriageCommandTest, TextIsWrittenNowhere) {
  MemEnv env;
  CliRun r = Vigie({"triage", "Zéphyrine a une douleur thoracique", "--json"}, env);
  ASSERT_EQ(r.code, 0);
  EXPECT_FALSE(env.ListDir("").ok());  // no file, no directory created
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("Zéphyrine"), std::string::npos);
}

}  // namespace
}  // namespace vigie::cli
