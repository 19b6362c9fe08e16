// Runs the evaluation sets and reports emergency recall, over- and
// under-triage: tests/triage/eval_set.jsonl (written before the rules, never
// edited to fit them, held to floors) and eval_set_2.jsonl (written after the
// urgent rules, committed before its first run, never tuned on, reported
// only). Numbers are recorded in docs/BENCHMARKS.md.
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

struct EvalCounts {
  int total = 0, emergencies = 0, emergencies_found = 0, over = 0, under = 0, exact = 0;
  int calls_right = 0, emergency_calls_right = 0, errors = 0;
  int by_level[3] = {0, 0, 0};
  int right_by_level[3] = {0, 0, 0};
};

// Triages every case of a JSONL evaluation file, prints every miss and the
// figures reported in docs/BENCHMARKS.md, and returns the counts.
EvalCounts RunEvalSet(const std::string& file) {
  std::istringstream lines(ReadFile(SourceDir() + "/tests/triage/" + file));
  std::string line;
  EvalCounts n;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json c = nlohmann::json::parse(line);
    Result<TriageResult> r = Triage(Shipped(), c["text"].get<std::string>(), Lang::kFr);
    if (!r.ok()) {
      ++n.errors;
      continue;
    }
    std::string got(LevelName(r->level));
    std::string want = c["level"].get<std::string>();
    std::string want_call = c["call"].is_null() ? "" : c["call"].get<std::string>();
    std::string got_call = r->call.value_or("");
    ++n.total;
    ++n.by_level[Rank(want)];
    if (got == want) {
      ++n.exact;
      ++n.right_by_level[Rank(want)];
    }
    if (Rank(got) > Rank(want)) ++n.over;
    if (Rank(got) < Rank(want)) ++n.under;
    if (got_call == want_call) ++n.calls_right;
    if (want == "emergency") {
      ++n.emergencies;
      if (got == "emergency") ++n.emergencies_found;
      if (got == "emergency" && got_call == want_call) ++n.emergency_calls_right;
    }
    if (got != want || got_call != want_call) {
      std::printf("  miss %s: want %s/%s got %s/%s  %s\n", c["id"].get<std::string>().c_str(),
                  want.c_str(), want_call.c_str(), got.c_str(), got_call.c_str(),
                  c["text"].get<std::string>().c_str());
    }
  }
  auto pct = [](int a, int d) { return d == 0 ? 0.0 : 100.0 * a / d; };
  std::printf("Public mode triage eval %s: %d cases (%d emergency, %d urgent, %d consult)\n",
              file.c_str(), n.total, n.by_level[2], n.by_level[1], n.by_level[0]);
  std::printf("  emergency recall: %d/%d = %.1f %%\n", n.emergencies_found, n.emergencies,
              pct(n.emergencies_found, n.emergencies));
  std::printf("  emergency with the right number: %d/%d = %.1f %%\n", n.emergency_calls_right,
              n.emergencies, pct(n.emergency_calls_right, n.emergencies));
  std::printf("  urgent exact: %d/%d = %.1f %%, consult exact: %d/%d = %.1f %%\n",
              n.right_by_level[1], n.by_level[1], pct(n.right_by_level[1], n.by_level[1]),
              n.right_by_level[0], n.by_level[0], pct(n.right_by_level[0], n.by_level[0]));
  std::printf(
      "  level exact: %d/%d = %.1f %%; over-triaged: %d = %.1f %%; under-triaged: %d = %.1f %%\n",
      n.exact, n.total, pct(n.exact, n.total), n.over, pct(n.over, n.total), n.under,
      pct(n.under, n.total));
  std::printf("  call exact: %d/%d = %.1f %%\n", n.calls_right, n.total,
              pct(n.calls_right, n.total));
  return n;
}

TEST(TriageEvalTest, EvalSetMetrics) {
  EvalCounts n = RunEvalSet("eval_set.jsonl");
  EXPECT_EQ(n.errors, 0);
  ASSERT_GE(n.total, 120);
  // Floors reached honestly on this set (see docs/BENCHMARKS.md); a rule change
  // that loses an emergency or adds over/under-triage fails here.
  EXPECT_EQ(n.emergencies_found, n.emergencies);
  EXPECT_EQ(n.emergency_calls_right, n.emergencies);
  EXPECT_LE(n.over, 1);
  EXPECT_LE(n.under, 36);  // urgent cases the sourced rules do not cover (docs/BENCHMARKS.md)
}

// The second set (tests/triage/eval_set_2.jsonl) is a generalisation check,
// committed before it was first run and never tuned on: its figures are
// reported, not held to floors, so that no rule is ever fitted to it.
TEST(TriageEvalTest, SecondSetIsTriagedAndReported) {
  EvalCounts n = RunEvalSet("eval_set_2.jsonl");
  EXPECT_EQ(n.errors, 0);
  EXPECT_GE(n.total, 40);
  EXPECT_GE(n.by_level[1] + n.by_level[0], 30);  // urgent and consult mostly
}

}  // namespace
}  // namespace vigie::triage
