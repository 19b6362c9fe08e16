#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Vigie(std::vector<std::string> args, MemEnv& env) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  int code = Main(static_cast<int>(argv.size()), argv.data(), env, out, err);
  return {code, out.str(), err.str()};
}

TEST(CliTest, HelpExplainsEveryCommandInFrenchByDefault) {
  MemEnv env;
  CliRun r = Vigie({"--help"}, env);
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"serve", "config", "openapi", "version"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
  EXPECT_NE(r.out.find("Codes de sortie"), std::string::npos);
}

TEST(CliTest, EnglishFromLangOrFlag) {
  MemEnv env;
  env.SetVar("LANG", "en_GB.UTF-8");
  EXPECT_NE(Vigie({"--help"}, env).out.find("Exit codes"), std::string::npos);
  MemEnv fr;
  EXPECT_NE(Vigie({"--lang", "en", "--help"}, fr).out.find("Exit codes"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwoWithOneLine) {
  MemEnv env;
  CliRun r = Vigie({"frobnicate"}, env);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("commande inconnue : frobnicate"), std::string::npos);
  EXPECT_EQ(Vigie({"serve", "--port", "http"}, env).code, 2);
  EXPECT_EQ(Vigie({}, env).code, 2);
}

TEST(CliTest, VersionAsJson) {
  MemEnv env;
  CliRun r = Vigie({"version", "--json"}, env);
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["name"], "vigie");
}

TEST(CliTest, BadEnvironmentIsADataErrorExitThree) {
  MemEnv env;
  env.SetVar("VIGIE_THREADS", "0");
  CliRun r = Vigie({"config", "--json"}, env);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err,
            "vigie: erreur : Valeur hors limites pour server.threads : attendue entre 1 et 256\n");
  EXPECT_EQ(nlohmann::json::parse(r.out)["error"]["code"], "out_of_range");
}

TEST(CliTest, ConfigShowsEveryDeclaredSetting) {
  MemEnv env;
  env.SetVar("VIGIE_DB", "/srv/kb.db");
  CliRun r = Vigie({"config", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["settings"].size(), AllSettings().size());
  bool found = false;
  for (const auto& s : doc["settings"])
    found = found || (s["key"] == "db.path" && s["value"] == "/srv/kb.db");
  EXPECT_TRUE(found);
  // The global --db flag wins over the environment.
  doc = nlohmann::json::parse(Vigie({"config", "--json", "--db", "x.db"}, env).out);
  for (const auto& s : doc["settings"]) {
    if (s["key"] == "db.path") {
      EXPECT_EQ(s["value"], "x.db");
    }
  }
}

TEST(CliTest, OpenApiIsGeneratedWithoutAServer) {
  MemEnv env;
  CliRun r = Vigie({"openapi"}, env);
  ASSERT_EQ(r.code, 0);
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_TRUE(doc["paths"].contains("/healthz"));
}

}  // namespace
}  // namespace vigie::cli
