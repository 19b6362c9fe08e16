// Tests of `vigie evidence index`, `vigie search` and `vigie ask` (corpus
// files in a MemEnv, the Xapian index in a temporary folder).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "vigie/cli/command.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

struct CliRun {
  int code;
  std::string out;
};

CliRun Vigie(std::vector<std::string> args, MemEnv& env) {
  args.insert(args.begin(), "vigie");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  int code = Main(static_cast<int>(argv.size()), argv.data(), env, out, err);
  return {code, out.str()};
}

constexpr const char* kXml =
    "<PubmedArticleSet><PubmedArticle><PMID>777</PMID><ArticleTitle>Statins after stroke"
    "</ArticleTitle><Abstract><AbstractText>Atorvastatin 80 mg reduced recurrent stroke by 16% "
    "in the trial.</AbstractText></Abstract></PubmedArticle></PubmedArticleSet>";

TEST(EvidenceCommandsTest, IndexIsIncrementalThenSearchAndAskCite) {
  std::string dir =
      (std::filesystem::temp_directory_path() / ("vigie-evidence-cli-" + std::to_string(getpid())))
          .string();
  std::filesystem::remove_all(dir);
  MemEnv env;
  ASSERT_TRUE(env.WriteFile("/corpus/statins.xml", kXml).ok());
  CliRun first = Vigie({"--json", "evidence", "index", "--input", "/corpus", "--index", dir}, env);
  ASSERT_EQ(first.code, 0) << first.out;
  EXPECT_EQ(json::parse(first.out)["added"], 1);
  CliRun again = Vigie({"--json", "evidence", "index", "--input", "/corpus", "--index", dir}, env);
  EXPECT_EQ(json::parse(again.out)["unchanged"], 1);
  EXPECT_EQ(json::parse(again.out)["added"], 0);
  // --compact rewrites the index in place; it stays searchable and incremental.
  CliRun compact = Vigie(
      {"--json", "evidence", "index", "--input", "/corpus", "--index", dir, "--compact"}, env);
  ASSERT_EQ(compact.code, 0) << compact.out;
  EXPECT_EQ(json::parse(compact.out)["unchanged"], 1);
  EXPECT_EQ(json::parse(compact.out)["passages"], json::parse(first.out)["passages"]);
  EXPECT_FALSE(std::filesystem::exists(dir + ".compacting"));
  EXPECT_FALSE(std::filesystem::exists(dir + ".previous"));

  CliRun search =
      Vigie({"--json", "search", "atorvastatin stroke", "--index", dir, "--k", "3"}, env);
  ASSERT_EQ(search.code, 0) << search.out;
  EXPECT_EQ(json::parse(search.out)["hits"][0]["doc_id"], "777");
  CliRun ask =
      Vigie({"--json", "ask", "Does atorvastatin reduce recurrent stroke?", "--index", dir}, env);
  ASSERT_EQ(ask.code, 0) << ask.out;
  json answer = json::parse(ask.out);
  ASSERT_FALSE(answer["abstained"].get<bool>()) << ask.out;
  EXPECT_EQ(answer["citations"][0]["doc_id"], "777");
  EXPECT_EQ(answer["answer"][0]["text"],
            "Atorvastatin 80 mg reduced recurrent stroke by 16% in the trial.");
  std::filesystem::remove_all(dir);
}

// Without --index, index, search and ask use the configured location
// (setting evidence.index_dir, here from VIGIE_EVIDENCE_INDEX).
TEST(EvidenceCommandsTest, IndexFolderDefaultsToTheSetting) {
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("vigie-evidence-cli-default-" + std::to_string(getpid())))
                        .string();
  std::filesystem::remove_all(dir);
  MemEnv env;
  env.SetVar("VIGIE_EVIDENCE_INDEX", dir);
  ASSERT_TRUE(env.WriteFile("/corpus/statins.xml", kXml).ok());
  CliRun index = Vigie({"--json", "evidence", "index", "--input", "/corpus"}, env);
  ASSERT_EQ(index.code, 0) << index.out;
  EXPECT_EQ(json::parse(index.out)["index"], dir);
  EXPECT_TRUE(std::filesystem::is_directory(dir));
  CliRun search = Vigie({"--json", "search", "atorvastatin"}, env);
  ASSERT_EQ(search.code, 0) << search.out;
  EXPECT_EQ(json::parse(search.out)["hits"][0]["doc_id"], "777");
  std::filesystem::remove_all(dir);
}

TEST(EvidenceCommandsTest, MalformedCorpusAndMissingIndexAreClearErrors) {
  MemEnv env;
  ASSERT_TRUE(env.WriteFile("/bad.jsonl", "{\"pmid\": 1\n").ok());
  std::string dir =
      (std::filesystem::temp_directory_path() / ("vigie-evidence-bad-" + std::to_string(getpid())))
          .string();
  CliRun bad = Vigie({"evidence", "index", "--input", "/bad.jsonl", "--index", dir}, env);
  EXPECT_EQ(bad.code, 3);
  std::filesystem::remove_all(dir);
  CliRun missing = Vigie({"ask", "stroke", "--index", "/nonexistent/vigie-index"}, env);
  EXPECT_EQ(missing.code, 3);
}

}  // namespace
}  // namespace vigie::cli
