// Regulation watch benchmark on the real data ($VIGIE_DATA or ../shared/data):
// time to diff the two most distant thesaurus versions (2009-06 -> 2023-09)
// and the BDPM snapshots 2025-07 -> 2026-01, end to end from the KB (read both
// versions + diff) and engine only (diff of data already in memory), median of
// N runs. No named peer exists for a semantic diff of these sources; the
// baseline run in the same process is the naive one a pharmacist could script:
// `pdftotext -layout` of both PDFs then `diff` of the texts, and `diff` of the
// raw BDPM files (line diffs, no meaning: no levels, no pairs, no fields).
// Usage: watch_bench [runs]; KB kept in $TMPDIR/vigie_watch_bench.sqlite
// (importing it again is a no-op).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "vigie/kb/import.h"
#include "vigie/watch/watch.h"

namespace {

namespace fs = std::filesystem;

// CPU seconds of this process and of its finished children (the shell
// baselines run as children): robust to a loaded host, unlike wall time.
double CpuSeconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
             static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

struct Timing {
  double wall = 0, cpu = 0;  // medians, seconds
};

Timing Median(int runs, const std::function<void()>& f) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    f();
    cpu.push_back(CpuSeconds() - c0);
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void Print(const char* what, Timing t, const std::string& extra = "") {
  std::printf("%-62s wall %.3f s  cpu %.3f s  %s\n", what, t.wall, t.cpu, extra.c_str());
}

std::string ThesaurusPdf(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    std::string lower = n;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower.find("thesaurus") != std::string::npos || lower.find("livret") != std::string::npos) {
      return e.path().string();
    }
  }
  return {};
}

int Shell(const std::string& cmd) { return std::system(cmd.c_str()); }

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const char* env_data = std::getenv("VIGIE_DATA");
  std::string data = env_data != nullptr ? env_data : "../shared/data";
  if (!fs::is_directory(data)) {
    std::fprintf(stderr, "watch_bench: %s absent (set VIGIE_DATA)\n", data.c_str());
    return 1;
  }
  std::string kb_path = (fs::temp_directory_path() / "vigie_watch_bench.sqlite").string();
  auto env = vigie::NewPosixEnv();
  for (const char* v : {"2009-06", "2023-09"}) {
    if (!vigie::kb::ImportThesaurus(*env, kb_path, data + "/ansm-thesaurus/" + v).ok()) return 1;
  }
  for (const char* v : {"2025-07", "2026-01"}) {
    if (!vigie::kb::ImportBdpm(*env, kb_path, data + "/bdpm/" + v).ok()) return 1;
  }
  auto kb = vigie::kb::KnowledgeBase::Open(kb_path);
  if (!kb.ok()) return 1;

  size_t n_th = 0, n_bdpm = 0;
  Timing th_full = Median(runs, [&] {
    n_th = vigie::watch::Diff(**kb, {"2009-06", "2023-09", "thesaurus", ""})->changes.size();
  });
  auto t0 = (*kb)->ThesaurusVersion("2009-06");
  auto t1 = (*kb)->ThesaurusVersion("2023-09");
  Timing th_engine = Median(runs, [&] { (void)vigie::watch::DiffThesaurus(*t0, *t1).size(); });
  Timing bdpm_full = Median(runs, [&] {
    n_bdpm = vigie::watch::Diff(**kb, {"2025-07", "2026-01", "bdpm", ""})->changes.size();
  });

  std::string tmp = fs::temp_directory_path().string();
  std::string pdf0 = ThesaurusPdf(data + "/ansm-thesaurus/2009-06");
  std::string pdf1 = ThesaurusPdf(data + "/ansm-thesaurus/2023-09");
  Timing naive_th = Median(runs, [&] {
    Shell("pdftotext -layout '" + pdf0 + "' " + tmp + "/wb0.txt && pdftotext -layout '" + pdf1 +
          "' " + tmp + "/wb1.txt && diff " + tmp + "/wb0.txt " + tmp + "/wb1.txt > " + tmp +
          "/wb.diff");
  });
  Timing naive_th_diff_only = Median(
      runs, [&] { Shell("diff " + tmp + "/wb0.txt " + tmp + "/wb1.txt > " + tmp + "/wb.diff"); });
  std::string files;
  for (const char* f : {"CIS_bdpm.txt", "CIS_CIP_bdpm.txt", "CIS_CPD_bdpm.txt",
                        "CIS_GENER_bdpm.txt", "CIS_CIP_Dispo_Spec.txt", "CIS_MITM.txt"}) {
    files += "diff " + data + "/bdpm/2025-07/" + f + " " + data + "/bdpm/2026-01/" + f + " >> " +
             tmp + "/wbb.diff; ";
  }
  Timing naive_bdpm = Median(runs, [&] { Shell("rm -f " + tmp + "/wbb.diff; " + files); });

  std::printf("runs per measure: %d (median)\n", runs);
  Print("thesaurus 2009-06 -> 2023-09, vigie from KB (read + diff)", th_full,
        std::to_string(n_th) + " changes");
  Print("thesaurus 2009-06 -> 2023-09, vigie engine only", th_engine);
  Print("baseline: pdftotext -layout x2 + diff", naive_th);
  Print("baseline: diff of the two pdftotext outputs only", naive_th_diff_only);
  Print("BDPM 2025-07 -> 2026-01, vigie from KB (read + diff)", bdpm_full,
        std::to_string(n_bdpm) + " changes");
  Print("baseline: diff of the 6 watched raw BDPM files", naive_bdpm);
  return 0;
}
