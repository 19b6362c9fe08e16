// Tests of `vigie triage`: JSON and human output, exit codes, and that the
// text is written nowhere (the in-memory Env stays empty). Single-threaded.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

struct TriageRun {
  int code;
  std::string out;
  std::string err;
};

TriageRun Vigie(std::vector<std::string> args, MemEnv& env) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  int code = Main(static_cast<int>(argv.size()), argv.data(), env, out, err);
  return {code, out.str(), err.str()};
}

TEST(TriageCommandTest, JsonOutput) {
  MemEnv env;
  TriageRun r = Vigie({"triage", "je n'arrive plus à respirer", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["level"], "emergency");
  EXPECT_EQ(j["call"], "15");
  EXPECT_EQ(j["red_flags"][0]["id"], "breathing_difficulty");
  EXPECT_EQ(j["stored"], false);
}

TEST(TriageCommandTest, HumanOutputInFrenchAndEnglish) {
  MemEnv env;
  TriageRun fr = Vigie({"triage", "J'ai un rhume"}, env);
  ASSERT_EQ(fr.code, 0);
  EXPECT_NE(fr.out.find("Je ne peux pas poser de diagnostic"), std::string::npos);
  EXPECT_NE(fr.out.find("ni enregistré ni journalisé"), std::string::npos);
  TriageRun en = Vigie({"--lang", "en", "triage", "I want to kill myself"}, env);
  ASSERT_EQ(en.code, 0);
  EXPECT_NE(en.out.find("call 3114"), std::string::npos);
}

TEST(TriageCommandTest, EmptyTextIsAnInputErrorAndMissingTextAUsageError) {
  MemEnv env;
  TriageRun empty = Vigie({"triage", "  ", "--json"}, env);
  EXPECT_EQ(empty.code, 3);
  EXPECT_EQ(nlohmann::json::parse(empty.out)["error"]["code"], "missing_input");
  EXPECT_EQ(Vigie({"triage"}, env).code, 2);
}

TEST(TriageCommandTest, TextIsWrittenNowhere) {
  MemEnv env;
  TriageRun r = Vigie({"triage", "Zéphyrine a une douleur thoracique", "--json"}, env);
  ASSERT_EQ(r.code, 0);
  EXPECT_FALSE(env.ListDir("").ok());  // no file, no directory created
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("Zéphyrine"), std::string::npos);
}

}  // namespace
}  // namespace vigie::cli
