// Tests of the red-flag loader (ParseRedFlags) and of the pattern syntax.
// Thread-safety: single-threaded test.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "triage/red_flag_set.h"
#include "triage/test_data.h"

namespace vigie::triage {
namespace {

using nlohmann::json;

json ShippedJson() {
  return json::parse(testing::ReadFile(testing::SourceDir() + "/data/red-flags/red-flags.json"));
}

Status ParseError(const json& doc) {
  Result<RedFlagSet> r = ParseRedFlags(doc.dump());
  return r.ok() ? Status::Ok() : r.status();
}

TEST(RedFlagParseTest, ShippedFileLoadsWithEveryFlagSourced) {
  const RedFlagSet& set = testing::Shipped();
  EXPECT_GE(set.flag_count(), 12u);
  EXPECT_FALSE(set.version().empty());
  for (const CompiledFlag& flag : set.impl().flags) {
    EXPECT_FALSE(flag.source.empty()) << flag.id;
    EXPECT_FALSE(flag.patterns.empty()) << flag.id;
  }
}

TEST(RedFlagParseTest, BuiltInCopyIsTheDataFile) {
  EXPECT_EQ(ShippedRedFlagsJson(),
            testing::ReadFile(testing::SourceDir() + "/data/red-flags/red-flags.json"));
  EXPECT_TRUE(ParseRedFlags(ShippedRedFlagsJson()).ok());
}

TEST(RedFlagParseTest, IssueFlagsArePresent) {
  std::set<std::string> ids;
  for (const CompiledFlag& flag : testing::Shipped().impl().flags) ids.insert(flag.id);
  for (const char* id : {"chest_pain", "stroke_vite", "breathing_difficulty", "unconscious",
                         "heavy_bleeding", "burn", "poisoning", "anaphylaxis", "fever_purpura",
                         "fever_young_infant", "bronchiolitis_young_infant", "suicidal_thoughts"}) {
    EXPECT_EQ(ids.count(id), 1u) << id;
  }
}

TEST(RedFlagParseTest, MalformedJson) {
  Result<RedFlagSet> r = ParseRedFlags("{ not json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformedJson);
}

TEST(RedFlagParseTest, UnknownSourceIsNamed) {
  json doc = ShippedJson();
  doc["flags"][0]["sources"] = json::array({"nowhere"});
  Status s = ParseError(doc);
  EXPECT_EQ(s.code(), ErrorCode::kDataError);
  EXPECT_NE(s.Message(Lang::kEn).find("flags.chest_pain.sources"), std::string::npos);
}

TEST(RedFlagParseTest, FlagWithoutSourceIsRefused) {
  json doc = ShippedJson();
  doc["flags"][1].erase("sources");
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
}

TEST(RedFlagParseTest, BadPatternIsNamed) {
  json doc = ShippedJson();
  doc["flags"][2]["patterns"][0] = "(unclosed";
  Status s = ParseError(doc);
  EXPECT_EQ(s.code(), ErrorCode::kDataError);
  EXPECT_NE(s.Message(Lang::kEn).find("patterns[0]"), std::string::npos);
}

TEST(RedFlagParseTest, UnknownLevelCallAndMissingMessageAreRefused) {
  json doc = ShippedJson();
  doc["flags"][0]["level"] = "maybe";
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc = ShippedJson();
  doc["flags"][0]["call"] = "999";
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc = ShippedJson();
  doc["messages"].erase("privacy");
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc = ShippedJson();
  doc["flags"] = json::array();
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
}

// `requires` is one pattern or a list of patterns (every one must match);
// a bad item is named, an empty list or a wrong type is refused.
TEST(RedFlagParseTest, RequiresIsAPatternOrAListOfPatterns) {
  json doc = ShippedJson();
  size_t urgent = 0;
  while (urgent < doc["flags"].size() && doc["flags"][urgent]["level"] != "urgent") ++urgent;
  ASSERT_LT(urgent, doc["flags"].size());
  std::string id = doc["flags"][urgent]["id"];
  doc["flags"][urgent]["requires"] = json::array({"\\bx\\b", "(unclosed"});
  Status s = ParseError(doc);
  EXPECT_EQ(s.code(), ErrorCode::kDataError);
  EXPECT_NE(s.Message(Lang::kEn).find("flags." + id + ".requires[1]"), std::string::npos);
  doc["flags"][urgent]["requires"] = json::array();
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc["flags"][urgent]["requires"] = 7;
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc["flags"][urgent]["requires"] = "\\bx\\b";
  EXPECT_TRUE(ParseError(doc).ok());
  doc["flags"][urgent]["call"] = "15";  // urgent means a doctor today, not the SAMU
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
}

TEST(RedFlagParseTest, WrongTypesAreDataErrorsNotCrashes) {
  json doc = ShippedJson();
  doc["flags"][0]["patterns"] = 42;
  EXPECT_EQ(ParseError(doc).code(), ErrorCode::kDataError);
  doc = ShippedJson();
  doc["negation"] = "x";
  EXPECT_FALSE(ParseError(doc).ok());
  EXPECT_FALSE(ParseError(json::array()).ok());
}

TEST(RedFlagParseTest, ExpandPatternTermsAndSpaces) {
  std::map<std::string, std::string, std::less<>> terms = {{"A", "(?:x|{B})"}, {"B", "y z"}};
  EXPECT_EQ(ExpandPattern("{A} w", terms), "(?:x|y\\s+z)\\s+w");
  EXPECT_EQ(ExpandPattern("n'? ?a", terms), "n'?\\s*a");
  EXPECT_EQ(ExpandPattern("[ a] \\ b", terms), "[ a]\\s+\\ b");
  EXPECT_EQ(ExpandPattern("{UNKNOWN}", terms), "{UNKNOWN}");
  // A cycle stops after a few passes instead of looping.
  std::map<std::string, std::string, std::less<>> cycle = {{"C", "{C}"}};
  EXPECT_EQ(ExpandPattern("{C}", cycle), "{C}");
}

TEST(RedFlagParseTest, PrepareKeepsByteLength) {
  std::string folded = "auto-injecteur_x\ty";
  EXPECT_EQ(PrepareForMatching(folded), "auto injecteur x y");
}

}  // namespace
}  // namespace vigie::triage
