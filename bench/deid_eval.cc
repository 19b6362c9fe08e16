// Evaluation harness of the de-identifier: per-label token-level precision,
// recall and F1, token recall ignoring the label, and the share of documents
// fully redacted, on JSONL files {note_text, entities[start,end,label]}
// (code-point offsets). Usage:
//   deid_eval --lang fr --dict data/deid [--exclude TRAIN.jsonl] [--show-fn]
//             [--show-misses] [--show-label LABEL] FILE.jsonl...
// --exclude drops documents whose text also appears in TRAIN (the deid-fr
// templates overlap the generated set). Gold label IGNORE is neither a miss
// nor an error. Thread-safety: single-threaded program.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/env.h"
#include "vigie/core/text.h"
#include "vigie/privacy/resources.h"

using vigie::privacy::Deidentifier;
using vigie::privacy::DeidOptions;

namespace {

struct Counts {
  long tp = 0, pred = 0, gold = 0;
  long redacted = 0;   // gold tokens redacted under any label
  long pred_gold = 0;  // predicted tokens that are gold under any label
};

bool WordByte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// One line per gold entity with a letter or digit left unredacted:
// LABEL <tab> entity <tab> context (newlines shown as |).
// With `only` set (--show-label L): each gold entity of label L whose
// tokens are not all predicted as L, with the labels predicted (a label
// confusion, not only a miss): CONF L <tab> predicted <tab> entity <tab> context.
void PrintFalseNegatives(const std::string& text, const nlohmann::json& entities,
                         const std::vector<std::string>& pred, const std::string& only = "") {
  for (const auto& e : entities) {
    std::string label = e["label"].get<std::string>();
    if (label == "IGNORE") continue;
    if (!only.empty()) {
      if (label != only) continue;
      size_t b = vigie::text::CodePointToByte(text, e["start"].get<size_t>());
      size_t en = std::min(text.size(), vigie::text::CodePointToByte(text, e["end"].get<size_t>()));
      std::set<std::string> got;
      bool wrong = false;
      for (size_t k = b; k < en; ++k) {
        if (!WordByte(static_cast<unsigned char>(text[k]))) continue;
        got.insert(pred[k].empty() ? "-" : pred[k]);
        wrong |= pred[k] != label;
      }
      if (!wrong) continue;
      std::string labels;
      for (const std::string& g : got) labels += (labels.empty() ? "" : ",") + g;
      size_t cb = b > 60 ? b - 60 : 0;
      std::string ctx = text.substr(cb, en + 25 - cb);
      for (char& c : ctx) c = c == '\n' ? '|' : c;
      std::printf("CONF %s\t%s\t%s\t%s\n", label.c_str(), labels.c_str(),
                  text.substr(b, en - b).c_str(), ctx.c_str());
      continue;
    }
    size_t b = vigie::text::CodePointToByte(text, e["start"].get<size_t>());
    size_t en = std::min(text.size(), vigie::text::CodePointToByte(text, e["end"].get<size_t>()));
    bool missed = false;
    for (size_t k = b; k < en; ++k)
      missed |= WordByte(static_cast<unsigned char>(text[k])) && pred[k].empty();
    if (!missed) continue;
    size_t cb = b > 40 ? b - 40 : 0;
    std::string ctx = text.substr(cb, en + 25 - cb);
    for (char& c : ctx) c = c == '\n' ? '|' : c;
    std::printf("FN %s\t%s\t%s\n", label.c_str(), text.substr(b, en - b).c_str(), ctx.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string lang = "fr", dict = "data/deid";
  bool show = false;       // --show-misses: print missed and spurious spans (synthetic data only)
  bool show_fn = false;    // --show-fn: print each gold entity left partly unredacted
  std::string show_label;  // --show-label L: gold entities of L not all labelled L
  std::vector<std::string> files;
  std::set<std::string> excluded;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--dict" && i + 1 < argc) {
      dict = argv[++i];
    } else if (a == "--show-misses") {
      show = true;
    } else if (a == "--show-fn") {
      show_fn = true;
    } else if (a == "--show-label" && i + 1 < argc) {
      show_label = argv[++i];
    } else if (a == "--exclude" && i + 1 < argc) {
      for (const std::string& l : ReadLines(argv[++i])) {
        excluded.insert(nlohmann::json::parse(l, nullptr, false).value("note_text", ""));
      }
    } else {
      files.push_back(a);
    }
  }
  auto env = vigie::NewPosixEnv();
  auto res = vigie::privacy::LoadDeidResources(*env, dict);
  if (!res.ok()) {
    std::cerr << res.status().Message(vigie::Lang::kEn) << "\n";
    return 1;
  }
  auto deid = Deidentifier::Create(*res);
  DeidOptions opts;
  opts.lang = lang == "en" ? vigie::Lang::kEn : vigie::Lang::kFr;
  std::map<std::string, Counts> per_label;
  long tokens = 0, recalled = 0, docs = 0, full = 0, skipped = 0, masked = 0, masked_gold = 0;
  for (const std::string& file : files) {
    for (const std::string& line : ReadLines(file)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      std::string text = j.value("note_text", "");
      if (excluded.contains(text)) {
        ++skipped;
        continue;
      }
      auto out = (*deid)->Run(text, opts);
      if (!out.ok()) continue;
      ++docs;
      std::vector<std::string> gold(text.size()), pred(text.size());
      for (const auto& e : j["entities"]) {
        size_t b = vigie::text::CodePointToByte(text, e["start"].get<size_t>());
        size_t en = vigie::text::CodePointToByte(text, e["end"].get<size_t>());
        for (size_t k = b; k < en && k < text.size(); ++k) gold[k] = e["label"].get<std::string>();
      }
      for (const auto& e : out->entities) {
        size_t b = vigie::text::CodePointToByte(text, e.start);
        size_t en = vigie::text::CodePointToByte(text, e.end);
        for (size_t k = b; k < en; ++k) pred[k] = std::string(vigie::privacy::LabelName(e.label));
      }
      if (show_fn) PrintFalseNegatives(text, j["entities"], pred);
      if (!show_label.empty()) PrintFalseNegatives(text, j["entities"], pred, show_label);
      bool all = true;
      for (size_t k = 0; k < text.size();) {
        if (!WordByte(static_cast<unsigned char>(text[k]))) {
          ++k;
          continue;
        }
        size_t e = k;
        size_t tok_begin = k;
        std::string g, p;
        while (e < text.size() && WordByte(static_cast<unsigned char>(text[e]))) {
          if (g.empty()) g = gold[e];
          if (p.empty()) p = pred[e];
          ++e;
        }
        k = e;
        if (g == "IGNORE") continue;
        if (!g.empty()) {
          ++per_label[g].gold;
          ++tokens;
          if (!p.empty()) {
            ++recalled;
            ++per_label[g].redacted;
          } else
            all = false;
        }
        if (!p.empty()) ++per_label[p].pred;
        if (!p.empty() && !g.empty()) ++per_label[p].pred_gold;
        if (!p.empty()) ++masked;
        if (!p.empty() && !g.empty()) ++masked_gold;
        if (!g.empty() && g == p) ++per_label[g].tp;
        if (show && g != p) {
          std::printf("[%s] %s -> %s   | %s\n", text.substr(tok_begin, e - tok_begin).c_str(),
                      g.empty() ? "-" : g.c_str(), p.empty() ? "-" : p.c_str(),
                      text.substr(e > 60 ? e - 60 : 0, 80).c_str());
        }
      }
      if (all) ++full;
    }
  }
  std::printf("docs %ld (excluded as overlapping: %ld)\n\n", docs, skipped);
  // "redacted" is the recall ignoring the label (the token is hidden, maybe
  // under another label); "masks PHI" is the precision ignoring the label.
  std::printf(
      "| label | gold tokens | precision | recall | F1 | redacted | masks PHI |\n"
      "|---|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& [label, c] : per_label) {
    double p = c.pred ? static_cast<double>(c.tp) / static_cast<double>(c.pred) : 0;
    double r = c.gold ? static_cast<double>(c.tp) / static_cast<double>(c.gold) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double any_r = c.gold ? static_cast<double>(c.redacted) / static_cast<double>(c.gold) : 0;
    double any_p = c.pred ? static_cast<double>(c.pred_gold) / static_cast<double>(c.pred) : 0;
    std::printf("| %s | %ld | %.3f | %.3f | %.3f | %.3f | %.3f |\n", label.c_str(), c.gold, p, r, f,
                any_r, any_p);
  }
  std::printf(
      "\ntoken recall (any label): %.4f (%ld/%ld)\nfully redacted documents: %.3f (%ld/%ld)\n",
      tokens ? static_cast<double>(recalled) / static_cast<double>(tokens) : 0, recalled, tokens,
      docs ? static_cast<double>(full) / static_cast<double>(docs) : 0, full, docs);
  std::printf("token precision (any label): %.4f (%ld/%ld)\n",
              masked ? static_cast<double>(masked_gold) / static_cast<double>(masked) : 0,
              masked_gold, masked);
  return 0;
}
