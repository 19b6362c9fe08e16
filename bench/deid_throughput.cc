// Throughput of the de-identifier on a generated French corpus (>= 20 MB of
// synthetic notes: dictionary names, random identifiers, clinical filler),
// one thread, mask mode; and the latency distribution (p50, p99) of one
// ~10 KB note. Times are this thread's CPU time (MB/s per core, unaffected
// by other processes on a shared machine) and wall time.
// Usage: deid_throughput [--dict data/deid] [--mb 20] [--lang fr|en] [--text FILE].
// --text: notes of ~10 KB cut at blank lines from FILE instead of the French
// generator (e.g. English sentences of tools/deid/gen_en_dev.mjs).
// Thread-safety: single-threaded program.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/core/env.h"
#include "vigie/privacy/resources.h"

namespace {

std::vector<std::string> Entries(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, e;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream es(line);
    while (std::getline(es, e, ',')) out.push_back(e);
  }
  return out;
}

struct Gen {
  std::mt19937_64 rng{20261129};
  std::vector<std::string> first, last, cities;
  const std::string& Pick(const std::vector<std::string>& v) { return v[rng() % v.size()]; }
  std::string Digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng() % 10);
    return s;
  }
  std::string Upper(std::string s) {
    for (char& c : s) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return s;
  }
  std::string Paragraph() {
    std::string d =
        std::to_string(rng() % 28 + 1) + "/0" + std::to_string(rng() % 9 + 1) + "/20" + Digits(2);
    switch (rng() % 6) {
      case 0:
        return "Mme " + Upper(Pick(last)) + " " + Pick(first) + ", née le " + d +
               ", est hospitalisée pour une décompensation cardiaque. Traitement par furosémide "
               "40 mg/j, bisoprolol 2,5 mg. Créatinine 112 µmol/L, DFG 48 mL/min/1,73 m². ";
      case 1:
        return "Adressée par le Dr " + Pick(last) + " (RPPS " + Digits(11) + "), tél 06 " +
               Digits(2) + " " + Digits(2) + " " + Digits(2) + " " + Digits(2) +
               ". Pas d'allergie connue. Examen clinique sans particularité, TA 132/78 mmHg. ";
      case 2:
        return "Domicile : " + std::to_string(rng() % 90 + 1) + " rue " + Pick(last) + ", " +
               Digits(5) + " " + Pick(cities) + ". IPP : " + Digits(10) + ", NDA " + Digits(9) +
               ". Sortie prévue le " + d + ". ";
      case 3:
        return "Contact : " + Pick(first) + "." + Pick(last) + "@exemple.fr ; NIR 1 " + Digits(2) +
               " " + Digits(2) + " " + Digits(2) + " " + Digits(3) + " " + Digits(3) + " " +
               Digits(2) + ". L'évolution est favorable sous antibiothérapie. ";
      case 4:
        return "Le patient " + Pick(first) + " " + Upper(Pick(last)) +
               " signale des douleurs thoraciques atypiques depuis trois jours, sans dyspnée ni "
               "fièvre. ECG : rythme sinusal, pas de trouble de la repolarisation. ";
      default:
        return "Conclusion : insuffisance rénale chronique stade 3, hypertension artérielle "
               "équilibrée, diabète de type 2 sous metformine 1000 mg deux fois par jour. "
               "Prochain contrôle biologique dans trois mois. ";
    }
  }
  std::string Note(size_t bytes) {
    std::string n;
    while (n.size() < bytes) n += Paragraph() + (rng() % 3 == 0 ? "\n" : "");
    return n;
  }
};

double CpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dict = "data/deid";
  size_t mb = 20;
  std::string text_file;
  vigie::privacy::DeidOptions opts;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--dict") dict = argv[i + 1];
    if (a == "--mb") mb = static_cast<size_t>(std::stoul(argv[i + 1]));
    if (a == "--text") text_file = argv[i + 1];
    if (a == "--lang")
      opts.lang = std::string(argv[i + 1]) == "en" ? vigie::Lang::kEn : vigie::Lang::kFr;
  }
  auto env = vigie::NewPosixEnv();
  auto res = vigie::privacy::LoadDeidResources(*env, dict);
  if (!res.ok()) {
    std::fprintf(stderr, "%s\n", res.status().Message(vigie::Lang::kEn).c_str());
    return 1;
  }
  auto deid = vigie::privacy::Deidentifier::Create(*res).value();
  Gen gen;
  gen.first = Entries(res->first_names);
  gen.last = Entries(res->last_names);
  gen.cities = Entries(res->cities);
  std::vector<std::string> notes;
  size_t total = 0;
  if (!text_file.empty()) {
    std::ifstream in(text_file, std::ios::binary);
    std::string line, note;
    while (std::getline(in, line)) {
      note += line + "\n";
      if (line.empty() && note.size() >= 10 * 1024) {
        total += note.size();
        notes.push_back(std::move(note));
        note.clear();
      }
    }
    if (!note.empty()) {
      total += note.size();
      notes.push_back(std::move(note));
    }
    if (notes.empty()) {
      std::fprintf(stderr, "no text in %s\n", text_file.c_str());
      return 1;
    }
  }
  while (total < mb * 1000 * 1000 && text_file.empty()) {
    notes.push_back(gen.Note(10 * 1024));
    total += notes.back().size();
  }
  std::vector<double> lat_us, wall_us;
  size_t entities = 0;
  auto t0 = std::chrono::steady_clock::now();
  double c0 = CpuMicros();
  for (const std::string& n : notes) {
    auto a = std::chrono::steady_clock::now();
    double ca = CpuMicros();
    auto out = deid->Run(n, opts);
    lat_us.push_back(CpuMicros() - ca);
    wall_us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    if (out.ok()) entities += out->entities.size();
  }
  double secs = (CpuMicros() - c0) / 1e6;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::sort(lat_us.begin(), lat_us.end());
  std::sort(wall_us.begin(), wall_us.end());
  auto at = [](const std::vector<double>& v, double p) {
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
  };
  auto pct = [&](double p) { return at(lat_us, p); };
  std::printf("corpus: %.1f MB in %zu notes of ~10 KB, %zu entities\n",
              static_cast<double>(total) / 1e6, notes.size(), entities);
  std::printf("throughput: %.2f MB/s per core (CPU time), %.2f MB/s wall\n",
              static_cast<double>(total) / 1e6 / secs, static_cast<double>(total) / 1e6 / wall);
  std::printf("CPU time per 10 KB note: p50 %.0f us, p99 %.0f us, max %.0f us\n", pct(0.5),
              pct(0.99), lat_us.back());
  std::printf("wall time per 10 KB note: p50 %.0f us, p99 %.0f us\n", at(wall_us, 0.5),
              at(wall_us, 0.99));
  return 0;
}
