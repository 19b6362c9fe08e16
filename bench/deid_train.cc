// Trains the de-identifier's averaged-perceptron tagger (src/privacy/tagger.h)
// on annotated JSONL files {note_text, entities[start,end,label]} (code
// points) and writes data/deid/tagger.txt with its provenance. Train only on
// deid-fr/eds-pseudo/gen_dataset_train.jsonl (never on a report set).
// Usage: deid_train --dict data/deid --out data/deid/tagger.txt
//                   [--epochs 8] [--commit SHA] TRAIN.jsonl...
// Thread-safety: single-threaded program.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/core/env.h"
#include "vigie/core/text.h"
#include "vigie/privacy/resources.h"

namespace internal = vigie::privacy::internal;

namespace {

struct Example {
  std::vector<uint32_t> features;
  int gold = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dict = "data/deid", out_path = "data/deid/tagger.txt", commit = "unknown";
  int epochs = 8;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dict" && i + 1 < argc)
      dict = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out_path = argv[++i];
    else if (a == "--commit" && i + 1 < argc)
      commit = argv[++i];
    else if (a == "--epochs" && i + 1 < argc)
      epochs = std::stoi(argv[++i]);
    else
      files.push_back(a);
  }
  auto env = vigie::NewPosixEnv();
  auto res = vigie::privacy::LoadDeidResources(*env, dict);
  if (!res.ok()) return 1;
  internal::Lexicon lex;
  internal::BuildLexicon(*res, &lex);
  std::vector<Example> examples;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      std::string text = j.value("note_text", "");
      if (!vigie::text::IsValidUtf8(text)) continue;
      std::vector<int> gold_byte(text.size(), 0);
      for (const auto& e : j["entities"]) {
        vigie::privacy::Label label;
        if (!vigie::privacy::ParseLabel(e["label"].get<std::string>(), &label)) continue;
        size_t b = vigie::text::CodePointToByte(text, e["start"].get<size_t>());
        size_t en = vigie::text::CodePointToByte(text, e["end"].get<size_t>());
        for (size_t k = b; k < en && k < text.size(); ++k) gold_byte[k] = internal::LabelTag(label);
      }
      internal::Scan scan = internal::MakeScan(text, vigie::Lang::kFr);
      std::vector<internal::Span> kept = internal::RuleSpans(scan, lex, {});
      std::vector<int> rule = internal::RuleLabels(scan, kept);
      internal::TagContext ctx = internal::MakeTagContext(scan, lex, rule);
      int prev = 0;
      for (size_t k = 0; k < ctx.seq.size(); ++k) {
        if (scan.tokens[ctx.seq[k]].kind != internal::TokKind::kWord) {
          prev = 0;  // as ScanTagger: only words are tagged
          continue;
        }
        Example ex;
        ex.gold = gold_byte[scan.tokens[ctx.seq[k]].begin];
        internal::TagFeatures(ctx, k, prev, &ex.features);
        prev = ex.gold;
        examples.push_back(std::move(ex));
      }
    }
  }
  // Averaged perceptron (Collins 2002; the "lazy averaging" form).
  std::unordered_map<uint32_t, internal::TagScores> w, u;
  std::mt19937 rng(7);
  double c = 1;
  internal::TaggerWeights current;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(examples.begin(), examples.end(), rng);
    size_t errors = 0;
    for (const Example& ex : examples) {
      internal::TagScores total{};
      for (uint32_t f : ex.features) {
        auto it = w.find(f);
        if (it == w.end()) continue;
        for (size_t t = 0; t < total.size(); ++t) total[t] += it->second[t];
      }
      int best = 0;
      for (int t = 1; t < internal::kTagCount; ++t) {
        if (total[static_cast<size_t>(t)] > total[static_cast<size_t>(best)]) best = t;
      }
      if (best != ex.gold) {
        ++errors;
        for (uint32_t f : ex.features) {
          w[f][static_cast<size_t>(ex.gold)] += 1;
          w[f][static_cast<size_t>(best)] -= 1;
          u[f][static_cast<size_t>(ex.gold)] += static_cast<float>(c);
          u[f][static_cast<size_t>(best)] -= static_cast<float>(c);
        }
      }
      c += 1;
    }
    std::fprintf(stderr, "epoch %d: %zu errors / %zu tokens\n", epoch + 1, errors, examples.size());
  }
  internal::TaggerWeights avg;
  for (const auto& [f, s] : w) {
    internal::TagScores a{};
    float norm = 0;
    for (size_t t = 0; t < a.size(); ++t) {
      a[t] = s[t] - u[f][t] / static_cast<float>(c);
      norm = std::max(norm, std::abs(a[t]));
    }
    if (norm >= 0.01F) avg.w[f] = a;  // prune features that quantise to zero
  }
  std::ofstream out(out_path);
  out << "# Averaged-perceptron tagger of the de-identifier (src/privacy/tagger.h).\n"
      << "# Trained by bench/deid_train.cc at commit " << commit << ", " << epochs
      << " epochs, on:\n";
  for (const std::string& f : files) {
    out << "#   " << f.substr(f.rfind("shared/") == std::string::npos ? 0 : f.rfind("shared/"))
        << "\n";
  }
  out << "# " << avg.w.size() << " features; records: uint32 hash + 6 int16 weights/256, base64.\n"
      << internal::SerializeTaggerWeights(avg);
  std::fprintf(stderr, "%zu features written to %s\n", avg.w.size(), out_path.c_str());
  return 0;
}
