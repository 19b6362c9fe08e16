// Runs the evaluation set (tests/triage/eval_set.jsonl, written before the
// rules and never edited to fit them) and reports emergency recall, over- and
// under-triage. Numbers are recorded in docs/BENCHMARKS.md.
// Thread-safety: single-threaded test.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "triage/test_data.h"

namespace vigie::triage {
namespace {

using testing::ReadFile;
using testing::Shipped;
using testing::SourceDir;

int Rank(const std::string& level) {
  if (level == "emergency") return 2;
  if (level == "urgent") return 1;
  return 0;
}

TEST(TriageEvalTest, EvalSetMetrics) {
  std::istringstream lines(ReadFile(SourceDir() + "/tests/triage/eval_set.jsonl"));
  std::string line;
  int total = 0, emergencies = 0, emergencies_found = 0, over = 0, under = 0, exact = 0;
  int calls_right = 0, emergency_calls_right = 0;
  int by_level[3] = {0, 0, 0};
  int right_by_level[3] = {0, 0, 0};
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json c = nlohmann::json::parse(line);
    Result<TriageResult> r = Triage(Shipped(), c["text"].get<std::string>(), Lang::kFr);
    ASSERT_TRUE(r.ok()) << c["id"];
    std::string got(LevelName(r->level));
    std::string want = c["level"].get<std::string>();
    std::string want_call = c["call"].is_null() ? "" : c["call"].get<std::string>();
    std::string got_call = r->call.value_or("");
    ++total;
    ++by_level[Rank(want)];
    if (got == want) {
      ++exact;
      ++right_by_level[Rank(want)];
    }
    if (Rank(got) > Rank(want)) ++over;
    if (Rank(got) < Rank(want)) ++under;
    if (got_call == want_call) ++calls_right;
    if (want == "emergency") {
      ++emergencies;
      if (got == "emergency") ++emergencies_found;
      if (got == "emergency" && got_call == want_call) ++emergency_calls_right;
    }
    if (got != want || got_call != want_call) {
      std::printf("  miss %s: want %s/%s got %s/%s  %s\n", c["id"].get<std::string>().c_str(),
                  want.c_str(), want_call.c_str(), got.c_str(), got_call.c_str(),
                  c["text"].get<std::string>().c_str());
    }
  }
  auto pct = [](int n, int d) { return d == 0 ? 0.0 : 100.0 * n / d; };
  std::printf("Public mode triage eval: %d cases (%d emergency, %d urgent, %d consult)\n", total,
              by_level[2], by_level[1], by_level[0]);
  std::printf("  emergency recall: %d/%d = %.1f %%\n", emergencies_found, emergencies,
              pct(emergencies_found, emergencies));
  std::printf("  emergency with the right number: %d/%d = %.1f %%\n", emergency_calls_right,
              emergencies, pct(emergency_calls_right, emergencies));
  std::printf("  urgent exact: %d/%d = %.1f %%, consult exact: %d/%d = %.1f %%\n",
              right_by_level[1], by_level[1], pct(right_by_level[1], by_level[1]),
              right_by_level[0], by_level[0], pct(right_by_level[0], by_level[0]));
  std::printf(
      "  level exact: %d/%d = %.1f %%; over-triaged: %d = %.1f %%; under-triaged: %d = %.1f %%\n",
      exact, total, pct(exact, total), over, pct(over, total), under, pct(under, total));
  std::printf("  call exact: %d/%d = %.1f %%\n", calls_right, total, pct(calls_right, total));
  ASSERT_GE(total, 120);
  // Floors reached honestly on this set (see docs/BENCHMARKS.md); a rule change
  // that loses an emergency or adds over/under-triage fails here.
  EXPECT_EQ(emergencies_found, emergencies);
  EXPECT_EQ(emergency_calls_right, emergencies);
  EXPECT_LE(over, 1);
  EXPECT_LE(under, 36);  // urgent cases the sourced rules do not cover (docs/BENCHMARKS.md)
}

}  // namespace
}  // namespace vigie::triage
