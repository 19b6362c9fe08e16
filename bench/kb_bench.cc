// Knowledge base benchmarks on the real data ($VIGIE_DATA or ../shared/data):
// full import of the newest complete BDPM snapshot (2026-01) and of the 15
// thesaurus versions (wall time, printed first), then drug resolution latency
// (Google Benchmark per query kind, plus p50/p99 over a mixed query set),
// against SQLite FTS5 over the same catalog (kb_fts5_peer.h) in the same run:
// latency and how many queries put a specialty of the expected substance first.
// Usage: kb_bench [--benchmark_* flags]; KB written to $TMPDIR/vigie_kb_bench.sqlite.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "kb_fts5_peer.h"
#include "vigie/core/text.h"
#include "vigie/kb/drug.h"
#include "vigie/kb/import.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Process CPU time since c0 (the machine is shared: wall time alone misleads).
double CpuSeconds(std::clock_t c0) {
  return static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
}

std::shared_ptr<const vigie::kb::DrugIndex> g_index;
std::unique_ptr<Fts5DrugPeer> g_fts5;

// The mixed query set and, for each, a substance the first candidate must
// hold (BDPM compositions: Doliprane is paracetamol, Kardegic lysine
// acetylsalicylate, Seretide salmeterol + fluticasone, Xarelto rivaroxaban;
// CIP13 3400949497294 is CIS 60002283 ANASTROZOLE, CIS 60234100 DOLIPRANE 1000).
struct Query {
  const char* text;
  const char* substance;  // folded, matched inside a substance name or moiety
};
const Query kQueries[] = {{"doliprane 1000", "paracetamol"},    {"KARDEGIC 75 mg", "acetylsalicyl"},
                          {"amoxicilline 500", "amoxicilline"}, {"amoxiciline", "amoxicilline"},
                          {"metformine 850", "metformine"},     {"levothyrox 75", "levothyroxine"},
                          {"3400949497294", "anastrozole"},     {"60234100", "paracetamol"},
                          {"paracetamol codeine", "codeine"},   {"ibuprofene 400", "ibuprofene"},
                          {"seretide", "salmeterol"},           {"xarelto 20", "rivaroxaban"}};

bool Holds(const vigie::kb::Drug* d, const char* substance) {
  if (d == nullptr) return false;
  for (const vigie::kb::DrugSubstance& s : d->substances) {
    if (vigie::text::Fold(s.name + " " + s.fraction).find(substance) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// p50/p99 over 200 rounds of the mixed set, and the number of queries whose
// first candidate holds the expected substance.
template <typename SearchFn>
void MixedSet(const char* engine, SearchFn search) {
  std::vector<double> us;
  int hits = 0;
  std::string misses;
  for (int rep = 0; rep < 200; ++rep) {
    for (const Query& q : kQueries) {
      auto s = std::chrono::steady_clock::now();
      const vigie::kb::Drug* top = search(q.text);
      us.push_back(Seconds(s) * 1e6);
      if (rep > 0) continue;
      if (Holds(top, q.substance)) {
        ++hits;
      } else {
        misses += std::string(" \"") + q.text + "\"";
      }
    }
  }
  std::sort(us.begin(), us.end());
  std::printf(
      "%-6s mixed queries: n=%zu p50=%.1f us p99=%.1f us max=%.0f us, right first: %d/%zu%s%s\n",
      engine, us.size(), us[us.size() / 2], us[us.size() * 99 / 100], us.back(), hits,
      std::size(kQueries), misses.empty() ? "" : ", missed:", misses.c_str());
}

const vigie::kb::Drug* VigieTop(const char* q) {
  auto r = g_index->Search(q, 10);
  return r.empty() ? nullptr : r[0].drug;
}

const vigie::kb::Drug* Fts5Top(const char* q) {
  auto r = g_fts5->Search(q, 10);
  return r.empty() ? nullptr : g_index->FindCis(r[0]);
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
  std::clock_t c0 = std::clock();
  auto bdpm = vigie::kb::ImportBdpm(*env, kb, data + "/bdpm/2026-01");
  if (!bdpm.ok()) return false;
  int64_t bytes = 0, rows = 0;
  for (const auto& f : bdpm->files) {
    bytes += f.bytes;
    rows += f.rows;
  }
  std::printf("import BDPM 2026-01 (%zu files, %.1f MB, %lld rows): %.2f s wall, %.2f s CPU\n",
              bdpm->files.size(), static_cast<double>(bytes) / 1e6, static_cast<long long>(rows),
              Seconds(t0), CpuSeconds(c0));
  t0 = std::chrono::steady_clock::now();
  c0 = std::clock();
  int64_t entries = 0, lines = 0;
  for (const auto& dir : fs::directory_iterator(data + "/ansm-thesaurus")) {
    auto r = vigie::kb::ImportThesaurus(*env, kb, dir.path().string());
    if (!r.ok()) return false;
    entries += r->entries;
    lines += r->entry_lines;
  }
  std::printf(
      "import 15 thesaurus versions: %.2f s wall, %.2f s CPU, %lld entries of %lld '+ ' lines\n",
      Seconds(t0), CpuSeconds(c0), static_cast<long long>(entries), static_cast<long long>(lines));
  t0 = std::chrono::steady_clock::now();
  auto index = vigie::kb::LoadDrugIndex(kb);
  if (!index.ok()) return false;
  g_index = *index;
  std::printf("load catalog + build index: %.2f s\n", Seconds(t0));
  t0 = std::chrono::steady_clock::now();
  g_fts5 = Fts5DrugPeer::Build(g_index->catalog());
  if (g_fts5 == nullptr) return false;
  std::printf("FTS5 peer: build index over the same catalog: %.2f s\n", Seconds(t0));
  MixedSet("Vigie", VigieTop);
  MixedSet("FTS5", Fts5Top);
  return true;
}

void BM_Search(benchmark::State& state, const char* query) {
  for (auto _ : state) benchmark::DoNotOptimize(g_index->Search(query, 10));
}
BENCHMARK_CAPTURE(BM_Search, brand_dose, "doliprane 1000")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, dci_typo, "amoxiciline")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, cip13, "3400949497294")->Unit(benchmark::kMicrosecond);

void BM_Fts5(benchmark::State& state, const char* query) {
  for (auto _ : state) benchmark::DoNotOptimize(g_fts5->Search(query, 10));
}
BENCHMARK_CAPTURE(BM_Fts5, brand_dose, "doliprane 1000")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Fts5, dci_typo, "amoxiciline")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Fts5, cip13, "3400949497294")->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  if (!Setup()) return 1;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
