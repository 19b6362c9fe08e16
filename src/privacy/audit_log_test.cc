// Tests of the hash-chained audit log: each kind of tampering is detected and
// named, on an in-memory Env.
#include "vigie/privacy/audit_log.h"

#include <gtest/gtest.h>

#include <sstream>

namespace vigie::privacy {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sink = ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt);
    ASSERT_TRUE(sink.ok());
    for (int i = 0; i < 5; ++i) {
      api::AuditEvent e{
          1000 + i, "req" + std::to_string(i),        "tok_1", "clinician", "deid.run",
          "ok",     {{"entities", std::to_string(i)}}};
      ASSERT_TRUE((*sink)->Append(e).ok());
    }
    lines_ = Split(env_.ReadFile("audit.jsonl").value());
    head_ = env_.ReadFile("audit.jsonl.head").value();
  }
  bool Has(const AuditVerification& v, const std::string& kind, uint64_t seq) {
    for (const auto& p : v.problems) {
      if (p.kind == kind && p.seq == seq) return true;
    }
    return false;
  }
  MemEnv env_;
  std::vector<std::string> lines_;
  std::string head_;
};

TEST_F(AuditLogTest, IntactLogVerifies) {
  ASSERT_EQ(lines_.size(), 5u);
  AuditVerification v = VerifyAuditLog(Join(lines_), head_);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(v.records, 5u);
}

TEST_F(AuditLogTest, EditedRecordIsNamed) {
  auto lines = lines_;
  lines[2].replace(lines[2].find("\"ok\""), 4, "\"KO\"");
  EXPECT_TRUE(Has(VerifyAuditLog(Join(lines), head_), "edited", 3));
}

TEST_F(AuditLogTest, DeletedRecordIsNamed) {
  auto lines = lines_;
  lines.erase(lines.begin() + 1);
  AuditVerification v = VerifyAuditLog(Join(lines), head_);
  EXPECT_TRUE(Has(v, "deleted", 2));
  EXPECT_EQ(v.problems.size(), 1u);
}

TEST_F(AuditLogTest, ReorderedRecordIsNamed) {
  auto lines = lines_;
  std::swap(lines[1], lines[2]);
  AuditVerification v = VerifyAuditLog(Join(lines), head_);
  EXPECT_TRUE(Has(v, "reordered", 2));
  for (const auto& p : v.problems) EXPECT_NE(p.kind, "deleted");
}

TEST_F(AuditLogTest, ForgedHugeSequenceNumberIsReportedOnce) {
  auto lines = lines_;
  lines[1].replace(lines[1].find("\"seq\":2"), 7, "\"seq\":9000000000000");
  AuditVerification v = VerifyAuditLog(Join(lines), head_);
  EXPECT_FALSE(v.ok());
  EXPECT_LT(v.problems.size(), 10u);
}

TEST_F(AuditLogTest, TruncatedLogIsNamed) {
  auto lines = lines_;
  lines.pop_back();
  EXPECT_TRUE(Has(VerifyAuditLog(Join(lines), head_), "truncated", 5));
  std::string cut = Join(lines_);
  cut.resize(cut.size() - 10);
  EXPECT_FALSE(VerifyAuditLog(cut, head_).ok());
}

TEST_F(AuditLogTest, ReopenContinuesTheChainAndRefusesABrokenOne) {
  auto sink = ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt);
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Append(api::AuditEvent{2000, "r", "tok_1", "admin", "x", "ok", {}}).ok());
  auto v = VerifyAuditFile(env_, "audit.jsonl");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok());
  EXPECT_EQ(v->records, 6u);
  auto lines = lines_;
  lines.erase(lines.begin());
  ASSERT_TRUE(env_.WriteFile("audit.jsonl", Join(lines)).ok());
  EXPECT_FALSE(ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt).ok());
}

TEST(AuditLogSealed, AttributesAreEncrypted) {
  MemEnv env;
  Key k{};
  k[0] = 7;
  auto sink = ChainedAuditSink::Open(env, "a.jsonl", Cipher(k));
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(
      (*sink)->Append({1, "r", "tok", "clinician", "x", "ok", {{"site", "SECRETSITE"}}}).ok());
  std::string log = env.ReadFile("a.jsonl").value();
  EXPECT_EQ(log.find("SECRETSITE"), std::string::npos);
  EXPECT_TRUE(VerifyAuditFile(env, "a.jsonl")->ok());
}

}  // namespace
}  // namespace vigie::privacy
