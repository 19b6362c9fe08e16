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

double MedianSeconds(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
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
  double th_full = MedianSeconds(runs, [&] {
    n_th = vigie::watch::Diff(**kb, {"2009-06", "2023-09", "thesaurus", ""})->changes.size();
  });
  auto t0 = (*kb)->ThesaurusVersion("2009-06");
  auto t1 = (*kb)->ThesaurusVersion("2023-09");
  double th_engine =
      MedianSeconds(runs, [&] { (void)vigie::watch::DiffThesaurus(*t0, *t1).size(); });
  double bdpm_full = MedianSeconds(runs, [&] {
    n_bdpm = vigie::watch::Diff(**kb, {"2025-07", "2026-01", "bdpm", ""})->changes.size();
  });

  std::string tmp = fs::temp_directory_path().string();
  std::string pdf0 = ThesaurusPdf(data + "/ansm-thesaurus/2009-06");
  std::string pdf1 = ThesaurusPdf(data + "/ansm-thesaurus/2023-09");
  double naive_th = MedianSeconds(runs, [&] {
    Shell("pdftotext -layout '" + pdf0 + "' " + tmp + "/wb0.txt && pdftotext -layout '" + pdf1 +
          "' " + tmp + "/wb1.txt && diff " + tmp + "/wb0.txt " + tmp + "/wb1.txt > " + tmp +
          "/wb.diff");
  });
  double naive_th_diff_only = MedianSeconds(
      runs, [&] { Shell("diff " + tmp + "/wb0.txt " + tmp + "/wb1.txt > " + tmp + "/wb.diff"); });
  std::string files;
  for (const char* f : {"CIS_bdpm.txt", "CIS_CIP_bdpm.txt", "CIS_CPD_bdpm.txt",
                        "CIS_GENER_bdpm.txt", "CIS_CIP_Dispo_Spec.txt", "CIS_MITM.txt"}) {
    files += "diff " + data + "/bdpm/2025-07/" + f + " " + data + "/bdpm/2026-01/" + f + " >> " +
             tmp + "/wbb.diff; ";
  }
  double naive_bdpm = MedianSeconds(runs, [&] { Shell("rm -f " + tmp + "/wbb.diff; " + files); });

  std::printf("runs per measure: %d (median)\n", runs);
  std::printf("thesaurus 2009-06 -> 2023-09, vigie from KB (read + diff): %.3f s, %zu changes\n",
              th_full, n_th);
  std::printf("thesaurus 2009-06 -> 2023-09, vigie engine only:           %.3f s\n", th_engine);
  std::printf("baseline pdftotext x2 + diff:                               %.3f s\n", naive_th);
  std::printf("baseline diff of the two pdftotext outputs only:            %.3f s\n",
              naive_th_diff_only);
  std::printf("BDPM 2025-07 -> 2026-01, vigie from KB (read + diff):       %.3f s, %zu changes\n",
              bdpm_full, n_bdpm);
  std::printf("baseline diff of the 6 watched raw BDPM files:              %.3f s\n", naive_bdpm);
  return 0;
}
