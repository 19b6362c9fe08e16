// Benchmark of the prescription check (issue 4), recorded in
// docs/BENCHMARKS.md "Prescription check": a realistic 10-line prescription
// given by CIS codes for an 80-year-old, p50 / p99 over N runs (default
// 100,000), and free-text resolution of the same 10 lines measured apart.
// The KB is $VIGIE_DB if set, else built from $VIGIE_DATA (or ../shared/data)
// into a temporary file. Run from the repository root (or set
// VIGIE_SOURCE_DIR) so that data/posology and data/check are found. Usage: check_bench [runs].
// CHECK_BODY_FILE=F writes the request (F) for bench/check_http.sh;
// CHECK_OUT_FILE=F writes the serialized responses (F: by CIS, F.text.json:
// by free text) to diff before/after an optimisation.
// Single-threaded.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/check/check.h"
#include "vigie/kb/import.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

const std::vector<std::pair<std::string, double>> kLines = {
    {"KARDEGIC 75 mg", 75},     {"warfarine 5 mg", 5},        {"amiodarone 200 mg", 200},
    {"simvastatine 20 mg", 20}, {"ibuprofène 400 mg", 400},   {"furosémide 40 mg", 40},
    {"ramipril 5 mg", 5},       {"metformine 1000 mg", 1000}, {"paracétamol 1000 mg", 1000},
    {"oméprazole 20 mg", 20}};

std::string BuildKb() {
  if (const char* db = std::getenv("VIGIE_DB"); db != nullptr && *db != '\0') return db;
  std::string data = std::getenv("VIGIE_DATA") ? std::getenv("VIGIE_DATA") : "../shared/data";
  std::string path = (std::filesystem::temp_directory_path() / "vigie_check_bench.sqlite").string();
  std::filesystem::remove(path);
  auto env = vigie::NewPosixEnv();
  for (const char* v : {"2026-01", "2026-07"})
    (void)vigie::kb::ImportBdpm(*env, path, data + "/bdpm/" + v);
  (void)vigie::kb::ImportThesaurus(*env, path, data + "/ansm-thesaurus/2023-09");
  return path;
}

// The authored content of data/ (posology rules and allergy table): the dose,
// renal and allergy checks run in the bench too.
vigie::check::CheckContent Content() {
  std::string root = std::getenv("VIGIE_SOURCE_DIR") ? std::getenv("VIGIE_SOURCE_DIR") : ".";
  std::vector<vigie::check::ContentFile> files;
  for (const char* sub : {"posology", "check"}) {
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(root + "/data/" + sub, ec)) {
      std::ifstream in(f.path());
      std::stringstream text;
      text << in.rdbuf();
      files.emplace_back(std::string(sub) + "/" + f.path().filename().string(), text.str());
    }
  }
  auto content = vigie::check::ParseCheckContent(files);
  if (!content.ok()) return {};
  std::printf("posology substances: %zu, allergy table: %s\n",
              content->posology ? content->posology->substances.size() : 0,
              content->allergy ? "yes" : "no");
  return *content;
}

// CPU time of this thread in µs: the work of one check, apart from the time
// the thread waits for a core on a loaded machine.
double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

void Report(const char* what, std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  auto at = [&](double q) {
    return us[static_cast<size_t>(q * static_cast<double>(us.size() - 1))];
  };
  std::printf("%s: runs=%zu p50=%.1f us p99=%.1f us max=%.1f us\n", what, us.size(), at(0.5),
              at(0.99), us.back());
}

}  // namespace

int main(int argc, char** argv) {
  size_t runs = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  std::string path = BuildKb();
  auto kb = vigie::kb::KnowledgeBase::Open(path);
  auto index = vigie::kb::LoadDrugIndex(path);
  if (!kb.ok() || !index.ok()) {
    std::fprintf(stderr, "KB unavailable: %s\n", path.c_str());
    return 1;
  }
  auto k = vigie::check::CheckKnowledge::Load(**kb, path, *index, Content());
  if (!k.ok()) return 1;
  json text_req = {{"patient",
                    {{"age_years", 80},
                     {"sex", "F"},
                     {"weight_kg", 60},
                     {"creatinine_umol_l", 110},
                     {"allergies", {"pénicillines"}}}},
                   {"lines", json::array()}};
  for (const auto& [name, mg] : kLines) {
    text_req["lines"].push_back(
        {{"drug", name}, {"dose", {{"value", mg}, {"unit", "mg"}}}, {"per_day", 1}});
  }
  auto treq = vigie::check::RequestFromJson(text_req);
  auto tout = vigie::check::Check(**k, *treq);
  if (!tout.ok()) return 1;
  json cis_req = text_req;
  for (const json& l : (*tout)["lines"]) {
    json& line = cis_req["lines"][l["index"].get<size_t>()];
    line.erase("drug");
    line["cis"] = l["cis"];
  }
  for (const json& u : (*tout)["unresolved"]) {
    // An ambiguous free-text line (same substance, several brands): the bench
    // takes the first candidate, as the prescriber would pick one.
    std::printf("unresolved by text, first candidate taken: %s\n", u["input"].dump().c_str());
    if (u["candidates"].empty()) continue;
    json& line = cis_req["lines"][u["index"].get<size_t>()];
    line.erase("drug");
    line["cis"] = u["candidates"][0]["cis"];
  }
  auto creq = vigie::check::RequestFromJson(cis_req);
  auto cout = vigie::check::Check(**k, *creq);
  if (!cout.ok()) return 1;
  std::printf("10 lines resolved: %zu, findings: %zu, response: %zu bytes\n",
              (*cout)["lines"].size(), (*cout)["findings"].size(), cout->dump().size());
  if (const char* body = std::getenv("CHECK_BODY_FILE"); body != nullptr && *body != '\0') {
    std::ofstream(body) << cis_req.dump();  // the same request for bench/check_http.sh
    std::ofstream(std::string(body) + ".response.json") << cout->dump(1);
  }
  // The serialized response exactly as POST /v1/check sends it: diff it
  // before/after an optimisation (the bytes must not change).
  if (const char* raw = std::getenv("CHECK_OUT_FILE"); raw != nullptr && *raw != '\0') {
    auto text = vigie::check::CheckSerialized(**k, *creq);
    auto free_text = vigie::check::CheckSerialized(**k, *treq);
    if (!text.ok() || !free_text.ok()) return 1;
    std::ofstream(raw) << text->json;
    std::ofstream(std::string(raw) + ".text.json") << free_text->json;
  }
  std::vector<double> us, cpu;
  us.reserve(runs);
  cpu.reserve(runs);
  size_t sink = 0;
  for (size_t r = 0; r < runs; ++r) {
    double c0 = ThreadCpuMicros();
    auto t0 = Clock::now();
    auto out = vigie::check::CheckSerialized(**k, *creq);
    auto t1 = Clock::now();
    cpu.push_back(ThreadCpuMicros() - c0);
    sink += out.ok() ? out->findings : 0;
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  Report("check, 10 lines by CIS, in-process, wall time", us);
  Report("check, 10 lines by CIS, in-process, thread CPU time", cpu);
  us.clear();
  size_t text_runs = std::max<size_t>(runs / 20, 100);
  for (size_t r = 0; r < text_runs; ++r) {
    auto t0 = Clock::now();
    auto out = vigie::check::CheckSerialized(**k, *treq);
    auto t1 = Clock::now();
    sink += out.ok() ? 1u : 0u;
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  Report("check, 10 lines by free text (resolution included)", us);
  return sink == 0 ? 1 : 0;
}
