// Group commit of the hash-chained audit log: events appended from many
// threads share writes (one fsync of the log and one of the head per group)
// and the chain still verifies; after a failed write every later event is
// refused instead of being chained to a record that may be missing.
// Thread-safety: the test drives the sink from several threads on purpose.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "vigie/privacy/audit_log.h"

namespace vigie::privacy {
namespace {

// An in-memory Env whose log appends are slow (as an fsync is) and counted,
// and which can be told to fail them.
class SlowEnv final : public MemEnv {
 public:
  Status AppendFile(const std::string& path, std::string_view data) override {
    ++appends;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (fail) return Status::Error(ErrorCode::kIoError, {path});
    return MemEnv::AppendFile(path, data);
  }
  std::atomic<int> appends{0};
  std::atomic<bool> fail{false};
};

TEST(AuditGroupCommitTest, ConcurrentEventsShareWritesAndTheChainVerifies) {
  SlowEnv env;
  auto sink = ChainedAuditSink::Open(env, "audit.jsonl", std::nullopt);
  ASSERT_TRUE(sink.ok());
  constexpr int kThreads = 8, kEach = 25;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        api::AuditEvent e{i, "r" + std::to_string(t), "tok", "clinician", "check.run", "ok", {}};
        if ((*sink)->Append(e).ok()) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads * kEach);
  auto v = VerifyAuditFile(env, "audit.jsonl");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok());
  EXPECT_EQ(v->records, static_cast<size_t>(kThreads * kEach));
  EXPECT_LT(env.appends.load(), kThreads * kEach);  // some events shared a write
}

TEST(AuditGroupCommitTest, AFailedWriteRefusesLaterEvents) {
  SlowEnv env;
  auto sink = ChainedAuditSink::Open(env, "audit.jsonl", std::nullopt);
  ASSERT_TRUE(sink.ok());
  api::AuditEvent e{1, "r", "tok", "clinician", "check.run", "ok", {}};
  ASSERT_TRUE((*sink)->Append(e).ok());
  env.fail = true;
  EXPECT_EQ((*sink)->Append(e).code(), ErrorCode::kIoError);
  env.fail = false;
  EXPECT_EQ((*sink)->Append(e).code(), ErrorCode::kIoError);  // until reopened
  auto v = VerifyAuditFile(env, "audit.jsonl");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok());
  EXPECT_EQ(v->records, 1u);
  auto reopened = ChainedAuditSink::Open(env, "audit.jsonl", std::nullopt);
  ASSERT_TRUE(reopened.ok());
  EXPECT_TRUE((*reopened)->Append(e).ok());
  EXPECT_TRUE(VerifyAuditFile(env, "audit.jsonl")->ok());
}

}  // namespace
}  // namespace vigie::privacy
