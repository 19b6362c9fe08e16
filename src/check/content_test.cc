// The check's authored content (data/posology, data/check/allergy.json):
// parsed from the repository's real files, refused without sources, and
// hashed so that changing one rule changes kb.hash.
// Thread-safety: single-threaded test binary.
#include "vigie/check/content.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::check {
namespace {

std::vector<ContentFile> RepoFiles() {
  std::string root = std::getenv("VIGIE_SOURCE_DIR") ? std::getenv("VIGIE_SOURCE_DIR") : ".";
  std::vector<ContentFile> files;
  for (const char* sub : {"posology", "check"}) {
    for (const auto& f : std::filesystem::directory_iterator(root + "/data/" + sub)) {
      std::ifstream in(f.path());
      std::stringstream s;
      s << in.rdbuf();
      files.emplace_back(std::string(sub) + "/" + f.path().filename().string(), s.str());
    }
  }
  return files;
}

TEST(CheckContentTest, RepositoryContentParsesWithSources) {
  auto c = ParseCheckContent(RepoFiles());
  ASSERT_TRUE(c.ok()) << c.status().Message(Lang::kEn);
  ASSERT_NE(c->posology, nullptr);
  ASSERT_NE(c->allergy, nullptr);
  EXPECT_EQ(c->hash.size(), 16u);
  EXPECT_FALSE(c->allergy->classes.empty());
  EXPECT_FALSE(c->allergy->cross_reactivity.empty());
  for (const auto& r : c->allergy->cross_reactivity) {
    EXPECT_FALSE(r.source.value("document", "").empty()) << r.id;
    EXPECT_FALSE(r.source.value("url", "").empty()) << r.id;
  }
}

TEST(CheckContentTest, ChangingOneRuleChangesTheHash) {
  std::vector<ContentFile> files = RepoFiles();
  auto base = ParseCheckContent(files);
  ASSERT_TRUE(base.ok());
  // Same files in another order: same hash.
  std::vector<ContentFile> reversed(files.rbegin(), files.rend());
  EXPECT_EQ(ParseCheckContent(reversed)->hash, base->hash);
  // A file the check does not read does not count.
  std::vector<ContentFile> more = files;
  more.emplace_back("exam-rules/x.json", "{}");
  EXPECT_EQ(ParseCheckContent(more)->hash, base->hash);
  // One edited entry of the allergy table (a level) changes the hash.
  for (auto& [path, bytes] : files) {
    if (path != "check/allergy.json") continue;
    size_t at = bytes.find("\"level\": \"warning\"");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 18, "\"level\": \"info\"   ");
  }
  auto edited = ParseCheckContent(files);
  ASSERT_TRUE(edited.ok()) << edited.status().Message(Lang::kEn);
  EXPECT_NE(edited->hash, base->hash);
}

TEST(CheckContentTest, UnsourcedEntriesAreRefused) {
  const char* no_source = R"({"classes": [], "cross_reactivity": [
    {"id": "x", "declared_atc": ["J01C"], "line_atc": ["J01DD"], "level": "warning",
     "conduct": {"fr": "a", "en": "b"}}]})";
  EXPECT_EQ(ParseAllergyTable(no_source).status().code(), ErrorCode::kDataError);
  const char* bad_level = R"({"cross_reactivity": [
    {"id": "x", "declared_atc": ["J01C"], "line_atc": ["J01DD"], "level": "maybe",
     "conduct": {"fr": "a", "en": "b"}, "source": {"document": "d"}}]})";
  EXPECT_EQ(ParseAllergyTable(bad_level).status().code(), ErrorCode::kDataError);
  EXPECT_EQ(ParseCheckContent({{"check/allergy.json", "not json"}}).status().code(),
            ErrorCode::kDataError);
}

}  // namespace
}  // namespace vigie::check
