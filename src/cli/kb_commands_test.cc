// `vigie kb import|stats|interactions` and `vigie drug find` end to end on the
// real data (the CLI's Main with the POSIX Env). Thread-safety: single-threaded.
#include <gtest/gtest.h>

#include <filesystem>
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

TEST(KbCommandsTest, CommandsAsTheIssueWritesThem) {
  // Issue 3 writes `vigie drug find "QUERY" --json`, `vigie kb coverage --json`,
  // `vigie kb interactions --version YYYY-MM --json`: --json after the command.
  std::string data = kb::testing::DataDir();
  if (data.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  std::string db = kb::testing::ScratchDir("kb_cli_forms") + "/kb.sqlite";
  CliRun imp =
      Vigie({"--db", db, "kb", "import", "--bdpm", data + "/bdpm/2026-01", "--bdpm",
             data + "/bdpm/2026-07", "--thesaurus", data + "/ansm-thesaurus/2009-06", "--json"});
  ASSERT_EQ(imp.code, 0) << imp.err;
  ASSERT_EQ(imp.out["imports"].size(), 3u);

  CliRun find = Vigie({"--db", db, "drug", "find", "doliprane 1000", "--json"});
  ASSERT_EQ(find.code, 0) << find.err;
  EXPECT_EQ(find.out["candidates"][0]["denomination"].get<std::string>().rfind("DOLIPRANE 1000", 0),
            0u);

  CliRun inter = Vigie({"--db", db, "kb", "interactions", "--version", "2009-06", "--json"});
  ASSERT_EQ(inter.code, 0) << inter.err;
  ASSERT_FALSE(inter.out.empty());
  for (const char* key : {"a", "b", "levels", "condition", "risk", "conduct", "page"}) {
    EXPECT_TRUE(inter.out[0].contains(key)) << key;
  }

  CliRun cov =
      Vigie({"--db", db, "kb", "coverage", "--no-entry-list",
             kb::testing::SourceDir() + "/data/kb/substances_sans_entree_thesaurus.txt", "--json"});
  ASSERT_EQ(cov.code, 0) << cov.err;
  EXPECT_GT(cov.out["with_composition"].get<int>(), 13000);
  EXPECT_GT(cov.out["coverage_pct"].get<double>(), 50.0);  // one 2009 version only here
}

TEST(KbCommandsTest, ImportAllTakesBdpmDailyThesaurusFolders) {
  std::string data = kb::testing::DataDir();
  if (data.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  // A data folder with the official layout, linking to three real folders.
  namespace fs = std::filesystem;
  std::string scratch = kb::testing::ScratchDir("kb_cli_all");
  for (const char* sub : {"bdpm/2026-07", "bdpm-daily-cip/2026-07-23", "ansm-thesaurus/2009-06"}) {
    fs::path link = fs::path(scratch) / "data" / sub;
    fs::create_directories(link.parent_path());
    fs::create_directory_symlink(fs::path(data) / sub, link);
  }
  std::string db = scratch + "/kb.sqlite";
  CliRun all = Vigie({"--db", db, "--data", scratch + "/data", "kb", "import-all", "--json"});
  ASSERT_EQ(all.code, 0) << all.err;
  std::vector<std::string> versions;
  for (const auto& r : all.out["imports"]) versions.push_back(r["version"]);
  EXPECT_EQ(versions, (std::vector<std::string>{"2026-07", "2026-07-23", "2009-06"}));
  CliRun again = Vigie({"--db", db, "--data", scratch + "/data", "kb", "import-all", "--json"});
  ASSERT_EQ(again.code, 0) << again.err;
  for (const auto& r : again.out["imports"]) EXPECT_TRUE(r["already_imported"].get<bool>());
}

}  // namespace
}  // namespace vigie::cli
