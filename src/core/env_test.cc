#include "vigie/core/env.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace vigie {
namespace {

// The same behaviour is asserted against both implementations.
class EnvTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      env_ = NewPosixEnv();
      root_ =
          (std::filesystem::temp_directory_path() /
           ("vigie_env_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed())))
              .string();
      std::filesystem::remove_all(root_);
    } else {
      env_ = std::make_unique<MemEnv>();
      root_ = "/mem";
    }
    ASSERT_TRUE(env_->CreateDirs(root_).ok());
  }
  void TearDown() override {
    if (GetParam()) std::filesystem::remove_all(root_);
  }
  std::unique_ptr<Env> env_;
  std::string root_;
};

TEST_P(EnvTest, WriteReadAppendList) {
  std::string a = JoinPath(root_, "a.txt");
  ASSERT_TRUE(env_->WriteFile(a, "hello").ok());
  ASSERT_TRUE(env_->AppendFile(a, " world").ok());
  EXPECT_EQ(*env_->ReadFile(a), "hello world");
  ASSERT_TRUE(env_->WriteFile(JoinPath(root_, "b.txt"), "x").ok());
  auto names = env_->ListDir(root_);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_TRUE(env_->IsDirectory(root_));
  EXPECT_TRUE(env_->FileExists(a));
  ASSERT_TRUE(env_->RemoveFile(a).ok());
  EXPECT_FALSE(env_->FileExists(a));
}

TEST_P(EnvTest, MissingFileIsFileNotFound) {
  Result<std::string> r = env_->ReadFile(JoinPath(root_, "nope"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kFileNotFound);
}

INSTANTIATE_TEST_SUITE_P(Impl, EnvTest, ::testing::Values(false, true),
                         [](const auto& param_info) { return param_info.param ? "Posix" : "Mem"; });

TEST(MemEnvTest, ClockMovesOnlyWhenTold) {
  MemEnv env;
  int64_t t0 = env.NowMicros();
  EXPECT_EQ(env.NowMicros(), t0);
  env.AdvanceMicros(5);
  EXPECT_EQ(env.NowMicros(), t0 + 5);
}

TEST(JoinPathTest, OneSlash) {
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
}

}  // namespace
}  // namespace vigie
