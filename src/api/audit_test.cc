// Tests of the audit sinks (JSON lines through Env, memory).
#include "vigie/api/audit.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigie::api {
namespace {

TEST(AuditTest, JsonLinesAreAppended) {
  MemEnv env;
  JsonLinesAuditSink sink(env, "/audit.jsonl");
  AuditEvent e;
  e.time_us = 5;
  e.request_id = "r1";
  e.actor = "local";
  e.role = "clinician";
  e.action = "patient.normalize";
  e.outcome = "ok";
  ASSERT_TRUE(sink.Append(e).ok());
  e.request_id = "r2";
  ASSERT_TRUE(sink.Append(e).ok());
  std::string text = *env.ReadFile("/audit.jsonl");
  size_t newline = text.find('\n');
  ASSERT_NE(newline, std::string::npos);
  auto first = nlohmann::json::parse(text.substr(0, newline));
  EXPECT_EQ(first["request_id"], "r1");
  EXPECT_EQ(first["action"], "patient.normalize");
  EXPECT_NE(text.find("\"r2\""), std::string::npos);
}

TEST(AuditTest, MemorySinkKeepsEvents) {
  MemoryAuditSink sink;
  ASSERT_TRUE(sink.Append(AuditEvent{}).ok());
  EXPECT_EQ(sink.Events().size(), 1u);
}

}  // namespace
}  // namespace vigie::api
