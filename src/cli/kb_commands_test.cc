// `vigie kb import|stats|interactions` and `vigie drug find` end to end on the
// real data (the CLI's Main with the POSIX Env). Thread-safety: single-threaded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "kb/test_data.h"
#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

struct CliRun {
  int code;
  nlohmann::json out;
  std::string err;
};

CliRun Vigie(std::vector<std::string> args) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  auto env = NewPosixEnv();
  int code = Main(static_cast<int>(argv.size()), argv.data(), *env, out, err);
  nlohmann::json j = nlohmann::json::parse(out.str(), nullptr, false);
  return {code, j, err.str()};
}

TEST(KbCommandsTest, ImportStatsInteractionsAndFind) {
  std::string data = kb::testing::DataDir();
  if (data.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  std::string db = kb::testing::ScratchDir("kb_cli") + "/kb.sqlite";
  CliRun imp = Vigie({"--db", db, "--json", "kb", "import", "--bdpm", data + "/bdpm/2026-01",
                      "--thesaurus", data + "/ansm-thesaurus/2009-06"});
  ASSERT_EQ(imp.code, 0) << imp.err;
  ASSERT_EQ(imp.out["imports"].size(), 2u);
  EXPECT_EQ(imp.out["imports"][1]["version"], "2009-06");

  CliRun stats = Vigie({"--db", db, "--json", "kb", "stats"});
  ASSERT_EQ(stats.code, 0);
  EXPECT_EQ(stats.out["bdpm"][0]["specialties"], 15799);
  EXPECT_EQ(stats.out["thesaurus"][0]["entries"], 2464);

  CliRun inter = Vigie({"--db", db, "--json", "kb", "interactions", "--version", "2009-06"});
  ASSERT_EQ(inter.code, 0);
  ASSERT_TRUE(inter.out.is_array());
  EXPECT_EQ(inter.out.size(), 2464u);

  CliRun find = Vigie({"--db", db, "--json", "drug", "find", "KARDEGIC 75 mg"});
  ASSERT_EQ(find.code, 0);
  EXPECT_EQ(find.out["candidates"][0]["cis"], "64755969");

  CliRun missing = Vigie({"--db", db, "--json", "kb", "interactions", "--version", "1999-01"});
  EXPECT_EQ(missing.code, 3);
  CliRun nodir = Vigie({"--db", db, "kb", "import", "--bdpm", "/nonexistent"});
  EXPECT_EQ(nodir.code, 3);
}

}  // namespace
}  // namespace vigie::cli
