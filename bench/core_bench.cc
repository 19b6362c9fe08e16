// Micro-benchmarks of core text functions (the hot path of every matcher).
// No peer exists for these; they guard against regressions.
#include <benchmark/benchmark.h>

#include <string>

#include "vigie/core/text.h"

namespace {

const std::string kSentence =
    "Association déconseillée : AINS et méthotrexate à des doses supérieures à 20 mg/semaine. "
    "Œdème, hépatotoxicité, majoration de la toxicité hématologique.";

void BM_Fold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vigie::text::Fold(kSentence));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(kSentence.size()));
}
BENCHMARK(BM_Fold);

void BM_CodePointCount(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vigie::text::CodePointCount(kSentence));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(kSentence.size()));
}
BENCHMARK(BM_CodePointCount);

}  // namespace

BENCHMARK_MAIN();
