// Benchmarks of the calculator registry call path (issue 5): lookup by id,
// input validation with unit alternatives, compute, and the JSON round trip
// an HTTP request makes. No peer exists in the same process; these guard
// against regressions. Results: docs/BENCHMARKS.md, "Calculators".
#include <benchmark/benchmark.h>

#include <string>

#include <nlohmann/json.hpp>

#include "vigie/calc/registry.h"

namespace {

using nlohmann::json;

const json kPatient = {{"age_years", 80},
                       {"sex", "F"},
                       {"weight_kg", 60},
                       {"height_cm", 160},
                       {"creatinine_umol_l", 106},
                       {"creatinine_date", "2026-11-02"},
                       {"allergies", json::array()},
                       {"conditions", json::array()}};

void BM_EvaluateCockcroftGault(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vigie::calc::Evaluate("cockcroft-gault", kPatient));
}
BENCHMARK(BM_EvaluateCockcroftGault);

void BM_EvaluateCkdEpiMgDl(benchmark::State& state) {
  const json in = {{"age", 60}, {"sex", "F"}, {"creatinine_mg_dl", 0.8}};
  for (auto _ : state) benchmark::DoNotOptimize(vigie::calc::Evaluate("ckd-epi-2021", in));
}
BENCHMARK(BM_EvaluateCkdEpiMgDl);

void BM_EvaluateWellsPe(benchmark::State& state) {
  const json in = {{"dvt_signs", true},        {"pe_most_likely", false},
                   {"heart_rate_bpm", 110},    {"immobilization_or_surgery", false},
                   {"previous_dvt_pe", false}, {"hemoptysis", false},
                   {"malignancy", false}};
  for (auto _ : state) benchmark::DoNotOptimize(vigie::calc::Evaluate("wells-pe", in));
}
BENCHMARK(BM_EvaluateWellsPe);

// What POST /v1/calc/{id} does around the engine: parse the body, evaluate, serialise.
void BM_HttpBodyRoundTrip(benchmark::State& state) {
  const std::string body = kPatient.dump();
  for (auto _ : state) {
    json in = json::parse(body);
    vigie::Result<vigie::calc::CalcResult> r = vigie::calc::Evaluate("cockcroft-gault", in);
    benchmark::DoNotOptimize(vigie::calc::ToJson(*r).dump());
  }
}
BENCHMARK(BM_HttpBodyRoundTrip);

void BM_ErrorPath(benchmark::State& state) {
  const json in = {{"weight_kg", 70}, {"height_cm", 999}};
  for (auto _ : state)
    benchmark::DoNotOptimize(vigie::calc::Evaluate("bmi", in).status().Message(vigie::Lang::kFr));
}
BENCHMARK(BM_ErrorPath);

void BM_ListJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vigie::calc::ListJson().dump());
}
BENCHMARK(BM_ListJson);

}  // namespace

BENCHMARK_MAIN();
