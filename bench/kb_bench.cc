// Knowledge base benchmarks on the real data ($VIGIE_DATA or ../shared/data):
// full import of the newest complete BDPM snapshot (2026-01) and of the 15
// thesaurus versions (wall time, printed first), then drug resolution latency
// (Google Benchmark per query kind, plus p50/p99 over a mixed query set).
// No peer is run: no Debian-packaged French drug resolver exists to compare.
// Usage: kb_bench [--benchmark_* flags]; KB written to $TMPDIR/vigie_kb_bench.sqlite.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "vigie/kb/drug.h"
#include "vigie/kb/import.h"

namespace {

std::shared_ptr<const vigie::kb::DrugIndex> g_index;

const char* kQueries[] = {"doliprane 1000", "KARDEGIC 75 mg", "amoxicilline 500",
                          "amoxiciline",    "metformine 850", "levothyrox 75",
                          "3400949497294",  "60234100",       "paracetamol codeine",
                          "ibuprofene 400", "seretide",       "xarelto 20"};

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string DataDir() {
  if (const char* d = std::getenv("VIGIE_DATA")) return d;
  return "../shared/data";
}

bool Setup() {
  namespace fs = std::filesystem;
  std::string data = DataDir();
  if (!fs::is_directory(data)) {
    std::fprintf(stderr, "kb_bench: %s absent (set VIGIE_DATA)\n", data.c_str());
    return false;
  }
  std::string kb = (fs::temp_directory_path() / "vigie_kb_bench.sqlite").string();
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(kb + ext);
  auto env = vigie::NewPosixEnv();
  auto t0 = std::chrono::steady_clock::now();
  auto bdpm = vigie::kb::ImportBdpm(*env, kb, data + "/bdpm/2026-01");
  if (!bdpm.ok()) return false;
  int64_t bytes = 0, rows = 0;
  for (const auto& f : bdpm->files) {
    bytes += f.bytes;
    rows += f.rows;
  }
  std::printf("import BDPM 2026-01 (%zu files, %.1f MB, %lld rows): %.2f s wall\n",
              bdpm->files.size(), static_cast<double>(bytes) / 1e6, static_cast<long long>(rows),
              Seconds(t0));
  t0 = std::chrono::steady_clock::now();
  int64_t entries = 0, lines = 0;
  for (const auto& dir : fs::directory_iterator(data + "/ansm-thesaurus")) {
    auto r = vigie::kb::ImportThesaurus(*env, kb, dir.path().string());
    if (!r.ok()) return false;
    entries += r->entries;
    lines += r->entry_lines;
  }
  std::printf("import 15 thesaurus versions: %.2f s wall, %lld entries of %lld '+ ' lines\n",
              Seconds(t0), static_cast<long long>(entries), static_cast<long long>(lines));
  t0 = std::chrono::steady_clock::now();
  auto index = vigie::kb::LoadDrugIndex(kb);
  if (!index.ok()) return false;
  g_index = *index;
  std::printf("load catalog + build index: %.2f s\n", Seconds(t0));
  std::vector<double> us;
  for (int rep = 0; rep < 200; ++rep) {
    for (const char* q : kQueries) {
      auto s = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(g_index->Search(q, 10));
      us.push_back(Seconds(s) * 1e6);
    }
  }
  std::sort(us.begin(), us.end());
  std::printf("Search mixed queries: n=%zu p50=%.0f us p99=%.0f us max=%.0f us\n", us.size(),
              us[us.size() / 2], us[us.size() * 99 / 100], us.back());
  return true;
}

void BM_Search(benchmark::State& state, const char* query) {
  for (auto _ : state) benchmark::DoNotOptimize(g_index->Search(query, 10));
}
BENCHMARK_CAPTURE(BM_Search, brand_dose, "doliprane 1000")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, dci_typo, "amoxiciline")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, cip13, "3400949497294")->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  if (!Setup()) return 1;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
