// Benchmarks of the posology call path (issue 5) on the real data/posology
// files: substance lookup by name (the prescription check does it for every
// substance of every line), the dose for one patient (rule choice, renal
// estimate, bands) and the check of one prescription line. No peer exists in
// the same process; these guard against regressions as the rule files grow.
// Results: docs/BENCHMARKS.md, "Posology". Run from the repository root (or
// with VIGIE_SOURCE_DIR set).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "vigie/dose/posology.h"

namespace {

using nlohmann::json;

vigie::dose::PosologyBook LoadBook() {
  const char* root = std::getenv("VIGIE_SOURCE_DIR");
  std::filesystem::path dir = std::filesystem::path(root ? root : ".") / "data" / "posology";
  vigie::dose::PosologyBook book;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path());
    std::stringstream s;
    s << in.rdbuf();
    auto one = vigie::dose::ParsePosology(s.str());
    if (!one.ok() || !vigie::dose::MergeBooks(book, std::move(one).value()).ok()) std::abort();
  }
  if (book.substances.size() < 25) std::abort();  // wrong directory
  return book;
}

const vigie::dose::PosologyBook& Book() {
  static const vigie::dose::PosologyBook kBook = LoadBook();
  return kBook;
}

vigie::Patient Patient() {
  auto p = vigie::PatientFromJson({{"age", 75},
                                   {"sex", "F"},
                                   {"weight_kg", 60},
                                   {"creatinine_umol_l", 110},
                                   {"hepatic_impairment", "none"},
                                   {"pregnant", false},
                                   {"breastfeeding", false}});
  if (!p.ok()) std::abort();
  return *p;
}

// The last substance in file order and a name with no rule: the two slowest
// lookups for a linear search.
void BM_FindHit(benchmark::State& state) {
  const std::string name = Book().substances.back().aliases.empty()
                               ? Book().substances.back().name
                               : Book().substances.back().aliases.back();
  for (auto _ : state) benchmark::DoNotOptimize(Book().Find(name));
}
BENCHMARK(BM_FindHit);

void BM_FindMiss(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Book().Find("LEVOTHYROXINE SODIQUE"));
}
BENCHMARK(BM_FindMiss);

void BM_DoseForPatientRenalBands(benchmark::State& state) {
  const vigie::Patient p = Patient();
  for (auto _ : state)
    benchmark::DoNotOptimize(vigie::dose::DoseForPatient(Book(), "levocetirizine", p));
}
BENCHMARK(BM_DoseForPatientRenalBands);

void BM_CheckLine(benchmark::State& state) {
  const vigie::Patient p = Patient();
  vigie::dose::PrescriptionLine line{"paracetamol", "", 1, "g", 4, 1, "d", std::nullopt};
  for (auto _ : state) benchmark::DoNotOptimize(vigie::dose::CheckLine(Book(), p, line));
}
BENCHMARK(BM_CheckLine);

}  // namespace

BENCHMARK_MAIN();
