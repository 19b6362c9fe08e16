// Tests of the hash-chained audit log: each kind of tampering is detected and
// named, on an in-memory Env.
#include "vigie/privacy/audit_log.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

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

TEST_F(AuditLogTest, MissingHeadIsNamed) {
  EXPECT_TRUE(Has(VerifyAuditLog(Join(lines_), ""), "head_missing", 0));
  ASSERT_TRUE(env_.RemoveFile("audit.jsonl.head").ok());
  EXPECT_FALSE(ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt).ok());
}

TEST_F(AuditLogTest, DeletedLogWhoseHeadRemainsIsTruncation) {
  ASSERT_TRUE(env_.RemoveFile("audit.jsonl").ok());
  auto v = VerifyAuditFile(env_, "audit.jsonl");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(Has(*v, "truncated", 1));
  // Starting a fresh chain over the old head would hide the deletion.
  EXPECT_FALSE(ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt).ok());
}

TEST_F(AuditLogTest, HeadThatLagsTheLogIsNamed) {
  // Head of record 4 with 5 records: a record appended without its head
  // (crash between the two writes, or a forged append).
  nlohmann::json r4 = nlohmann::json::parse(lines_[3]);
  nlohmann::json head = {{"seq", 4}, {"hash", r4["hash"]}};
  AuditVerification v = VerifyAuditLog(Join(lines_), head.dump());
  EXPECT_TRUE(Has(v, "head_behind", 5));
  EXPECT_EQ(v.problems.size(), 1u);
  ASSERT_TRUE(env_.WriteFile("audit.jsonl.head", head.dump()).ok());
  EXPECT_FALSE(ChainedAuditSink::Open(env_, "audit.jsonl", std::nullopt).ok());
}

TEST_F(AuditLogTest, HeadNamingAnotherHashIsAnEdit) {
  nlohmann::json head = nlohmann::json::parse(head_);
  head["hash"] = std::string(64, 'a');
  EXPECT_TRUE(Has(VerifyAuditLog(Join(lines_), head.dump()), "edited", 5));
}

// An Env whose head writes fail after `ok_writes` successes: the crash
// between appending a record and replacing the head.
class HeadWriteFails : public MemEnv {
 public:
  Status WriteFile(const std::string& path, std::string_view data) override {
    if (path.ends_with(".head") && ok_writes-- <= 0) {
      return Status::Error(ErrorCode::kIoError, {path});
    }
    return MemEnv::WriteFile(path, data);
  }
  int ok_writes = 2;
};

TEST(AuditLogCrash, AppendWithoutHeadIsReportedAndNotExtended) {
  HeadWriteFails env;
  auto sink = ChainedAuditSink::Open(env, "a.jsonl", std::nullopt);
  ASSERT_TRUE(sink.ok());
  for (int i = 0; i < 2; ++i)
    ASSERT_TRUE((*sink)->Append({i, "r", "t", "admin", "x", "ok", {}}).ok());
  EXPECT_FALSE((*sink)->Append({3, "r", "t", "admin", "x", "ok", {}}).ok());
  auto v = VerifyAuditFile(env, "a.jsonl");
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->problems.size(), 1u);
  EXPECT_EQ(v->problems[0].kind, "head_behind");
  EXPECT_EQ(v->problems[0].seq, 3u);
  // Reopening would reuse sequence number 3: refused.
  EXPECT_FALSE(ChainedAuditSink::Open(env, "a.jsonl", std::nullopt).ok());
}

class SealedHeadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_[0] = 7;
    auto sink = ChainedAuditSink::Open(env_, "a.jsonl", Cipher(key_));
    ASSERT_TRUE(sink.ok());
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE((*sink)->Append({i, "r", "t", "admin", "x", "ok", {}}).ok());
    lines_ = Split(env_.ReadFile("a.jsonl").value());
  }
  MemEnv env_;
  Key key_{};
  std::vector<std::string> lines_;
};

TEST_F(SealedHeadTest, SealedHeadVerifiesAndChainContinues) {
  Cipher c(key_);
  auto v = VerifyAuditFile(env_, "a.jsonl", &c);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok());
  EXPECT_TRUE(v->head_authenticated);
  auto sink = ChainedAuditSink::Open(env_, "a.jsonl", Cipher(key_));
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Append({9, "r", "t", "admin", "x", "ok", {}}).ok());
  EXPECT_TRUE(VerifyAuditFile(env_, "a.jsonl", &c)->ok());
}

TEST_F(SealedHeadTest, TruncationWithARewrittenHeadIsCaught) {
  // The attacker drops the last record and writes a head naming record 2:
  // consistent for the chain, but the seal cannot be forged without the key.
  nlohmann::json r2 = nlohmann::json::parse(lines_[1]);
  nlohmann::json head = {{"seq", 2}, {"hash", r2["hash"]}};
  std::string log = Join({lines_[0], lines_[1]});
  EXPECT_TRUE(VerifyAuditLog(log, head.dump()).ok());  // without the key: undetectable
  Cipher c(key_);
  AuditVerification v = VerifyAuditLog(log, head.dump(), &c);
  ASSERT_EQ(v.problems.size(), 1u);
  EXPECT_EQ(v.problems[0].kind, "head_forged");
  Key other{};
  other[0] = 8;
  head["seal"] = Cipher(other).Seal("", "audit.head:2:" + r2["hash"].get<std::string>());
  EXPECT_EQ(VerifyAuditLog(log, head.dump(), &c).problems.size(), 1u);
  ASSERT_TRUE(env_.WriteFile("a.jsonl", log).ok());
  ASSERT_TRUE(env_.WriteFile("a.jsonl.head", head.dump()).ok());
  EXPECT_FALSE(ChainedAuditSink::Open(env_, "a.jsonl", Cipher(key_)).ok());
}

TEST(AuditLogPosix, HeadIsReplacedWithoutLeavingTemporaries) {
  auto env = NewPosixEnv();
  std::string dir = ::testing::TempDir() + "/vigie_audit_head";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(env->CreateDirs(dir).ok());
  auto sink = ChainedAuditSink::Open(*env, dir + "/a.jsonl", std::nullopt);
  ASSERT_TRUE(sink.ok());
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE((*sink)->Append({i, "r", "t", "admin", "x", "ok", {}}).ok());
  EXPECT_EQ(env->ListDir(dir).value(), (std::vector<std::string>{"a.jsonl", "a.jsonl.head"}));
  EXPECT_TRUE(env->IsPrivate(dir + "/a.jsonl.head"));
  EXPECT_TRUE(VerifyAuditFile(*env, dir + "/a.jsonl")->ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigie::privacy
