// `vigie kb diff` and `vigie kb history` end to end (the CLI's Main with the
// POSIX Env) on a KB imported from the real thesaurus versions 2020-10 and
// 2023-09. Expected values read in the PDFs: méthotrexate + triméthoprime
// 2020-10 p.162 CONTRE-INDICATION -> 2023-09 p.166 CI - ASDEC.
// Thread-safety: single-threaded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "kb/test_data.h"
#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

struct CliResult {
  int code;
  std::string out, err;
};

CliResult Vigie(std::vector<std::string> args) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  auto env = NewPosixEnv();
  int code = Main(static_cast<int>(argv.size()), argv.data(), *env, out, err);
  return {code, out.str(), err.str()};
}

TEST(WatchCommandsTest, DiffJsonMarkdownAndHistory) {
  std::string data = kb::testing::DataDir();
  if (data.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  std::string db = kb::testing::ScratchDir("watch_cli") + "/kb.sqlite";
  ASSERT_EQ(Vigie({"--db", db, "kb", "import", "--thesaurus", data + "/ansm-thesaurus/2020-10",
                   "--thesaurus", data + "/ansm-thesaurus/2023-09"})
                .code,
            0);
  CliResult diff = Vigie({"--db", db, "--json", "kb", "diff", "--from", "2020-10", "--to",
                          "2023-09", "--substance", "METHOTREXATE"});
  ASSERT_EQ(diff.code, 0) << diff.err;
  nlohmann::json j = nlohmann::json::parse(diff.out);
  bool split = false;
  for (const auto& c : j["changes"]) {
    split |= c["kind"] == "level_changed" && c["b"] == "TRIMETHOPRIME" &&
             c["to_levels"] == nlohmann::json({"CI", "ASDEC"});
  }
  EXPECT_TRUE(split);

  CliResult md = Vigie({"--db", db, "kb", "diff", "--from", "2020-10", "--to", "2023-09",
                        "--substance", "méthotrexate", "--format", "md"});
  ASSERT_EQ(md.code, 0);
  EXPECT_EQ(md.out.rfind("# Veille réglementaire", 0), 0u) << md.out;
  EXPECT_NE(md.out.find("CI → CI, ASDEC (p. 162 → p. 166)"), std::string::npos) << md.out;

  CliResult hist = Vigie({"--db", db, "--json", "kb", "history", "--substance", "Méthotrexate"});
  ASSERT_EQ(hist.code, 0) << hist.err;
  nlohmann::json h = nlohmann::json::parse(hist.out);
  ASSERT_EQ(h["timeline"].size(), 1u);
  EXPECT_EQ(h["timeline"][0]["to"], "2023-09");

  EXPECT_EQ(Vigie({"--db", db, "kb", "diff", "--from", "2020-10", "--to", "2019-09"}).code, 3);
  EXPECT_EQ(Vigie({"--db", db, "kb", "diff", "--from", "2020-10"}).code, 2);
  EXPECT_EQ(
      Vigie({"--db", db, "kb", "diff", "--from", "2020-10", "--to", "2023-09", "--format", "pdf"})
          .code,
      2);
}

}  // namespace
}  // namespace vigie::cli
