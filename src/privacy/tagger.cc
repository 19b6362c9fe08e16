// Averaged-perceptron tagger (see tagger.h). Thread-safety: pure functions.
#include "privacy/tagger.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace vigie::privacy::internal {
namespace {

uint32_t Fnv(std::string_view s, uint32_t h = 2166136261U) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619U;
  }
  return h;
}

// Hash of the word's shape ("Xx", "X", "d", "xud"...): character classes,
// repeats collapsed, at most 6 classes.
uint32_t ShapeHash(std::string_view w) {
  uint32_t h = 2166136261U;
  char last = 0;
  int n = 0;
  for (size_t i = 0; i < w.size() && n < 6; ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    char k = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : static_cast<char>(c);
    if (k == last) continue;
    last = k;
    ++n;
    h = (h ^ static_cast<unsigned char>(k)) * 16777619U;
  }
  return h;
}

}  // namespace

int LabelTag(Label label) {
  switch (label) {
    case Label::kNom:
      return 1;
    case Label::kPrenom:
      return 2;
    case Label::kVille:
      return 3;
    case Label::kHopital:
      return 4;
    case Label::kAdresse:
      return 5;
    default:
      return 0;
  }
}

Label TagLabel(int tag) {
  static const Label kLabels[kTagCount] = {Label::kNom,   Label::kNom,     Label::kPrenom,
                                           Label::kVille, Label::kHopital, Label::kAdresse};
  return kLabels[tag];
}

bool ParseTaggerWeights(std::string_view text, TaggerWeights* out) {
  constexpr size_t kRecord = 4 + 2 * kTagCount;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string bin(line.size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), line.data(),
                          line.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len % kRecord != 0) {
      return false;
    }
    for (size_t r = 0; r < len; r += kRecord) {
      uint32_t h = 0;
      std::memcpy(&h, bin.data() + r, 4);
      TagScores s{};
      for (int t = 0; t < kTagCount; ++t) {
        int16_t q = 0;
        std::memcpy(&q, bin.data() + r + 4 + 2 * static_cast<size_t>(t), 2);
        s[static_cast<size_t>(t)] = static_cast<float>(q) / 256.0F;
      }
      out->w[h] = s;
    }
  }
  out->Freeze();
  return true;
}

std::string SerializeTaggerWeights(const TaggerWeights& weights) {
  std::string bin;
  for (const auto& [h, s] : weights.w) {
    bin.append(reinterpret_cast<const char*>(&h), 4);
    for (float f : s) {
      float scaled = f * 256.0F;
      scaled = scaled > 32767.0F ? 32767.0F : scaled < -32768.0F ? -32768.0F : scaled;
      auto q = static_cast<int16_t>(scaled);
      bin.append(reinterpret_cast<const char*>(&q), 2);
    }
  }
  // At most ~400 lines (the style gate limits files to 600 lines); each line
  // holds whole records and a multiple of 3 bytes.
  constexpr size_t kRecord = 4 + 2 * kTagCount;
  size_t per_line = (bin.size() / kRecord / 400 + 1) * kRecord * 3;
  std::string out;
  for (size_t off = 0; off < bin.size(); off += per_line) {
    size_t n = std::min(per_line, bin.size() - off);
    std::string line(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(line.data(), line.size(),
                      reinterpret_cast<const unsigned char*>(bin.data() + off), n,
                      sodium_base64_VARIANT_ORIGINAL);
    line.resize(line.size() - 1);
    out += line + "\n";
  }
  return out;
}

std::vector<size_t> TagSequence(const Scan& scan) {
  std::vector<size_t> seq;
  for (size_t i = 0; i < scan.tokens.size(); ++i) {
    if (scan.tokens[i].kind != TokKind::kSpace) seq.push_back(i);
  }
  return seq;
}

TagContext MakeTagContext(const Scan& scan, const Lexicon& lex,
                          const std::vector<int>& rule_label) {
  TagContext c;
  c.seq = TagSequence(scan);
  for (auto* v : {&c.word, &c.shape, &c.suffix, &c.prefix}) v->reserve(c.seq.size());
  c.flags.reserve(c.seq.size());
  c.rule.reserve(c.seq.size());
  for (size_t i : c.seq) {
    const Token& t = scan.tokens[i];
    std::string_view raw = scan.text.substr(t.begin, t.end - t.begin);
    bool word = t.kind == TokKind::kWord;
    std::string_view w = word ? std::string_view(scan.lower[i]) : raw;
    c.word.push_back(Fnv(w));
    c.shape.push_back(ShapeHash(raw));
    c.suffix.push_back(Fnv(w.size() > 3 ? w.substr(w.size() - 3) : w));
    c.prefix.push_back(Fnv(w.substr(0, 3)));
    uint8_t f = 0;
    if (word) {
      const std::string& lw = scan.lower[i];
      auto it = lex.word_flags.find(lw);
      f = it == lex.word_flags.end() ? 0 : it->second;
      // An ordinary word of the note's language (French list for French
      // notes, English list for English ones).
      if (lex.Words(scan.lang).Contains(lw)) f = static_cast<uint8_t>(f | 32);
    }
    if (i == 0 || scan.tokens[i - 1].newline) f = static_cast<uint8_t>(f | 16);
    c.flags.push_back(f);
    c.rule.push_back(rule_label[i]);
  }
  return c;
}

void TagFeatures(const TagContext& c, size_t k, int prev_tag, std::vector<uint32_t>* out) {
  out->clear();
  // Feature = hash of (kind, value): kinds are small integers.
  auto add = [out](uint32_t kind, uint32_t value) {
    out->push_back((value ^ (kind * 0x9E3779B1U)) * 16777619U + kind);
  };
  auto prev = static_cast<uint32_t>(prev_tag);
  add(1, 0);
  add(2, c.word[k]);
  add(3, c.shape[k]);
  add(4, c.suffix[k]);
  add(5, c.prefix[k]);
  add(6, c.flags[k]);
  add(7, static_cast<uint32_t>(c.rule[k]));
  add(8, prev);
  add(9, c.shape[k] * 31U + prev);
  add(10, static_cast<uint32_t>(c.rule[k]) * 31U + c.flags[k]);
  uint32_t kind = 20;
  for (int d : {-2, -1, 1, 2}) {
    int64_t pos = static_cast<int64_t>(k) + d;
    kind += 10;
    if (pos < 0 || pos >= static_cast<int64_t>(c.seq.size())) {
      add(kind, 0xFFFFFFFFU);
      continue;
    }
    auto j = static_cast<size_t>(pos);
    add(kind + 1, c.word[j]);
    add(kind + 2, c.shape[j]);
    add(kind + 3, static_cast<uint32_t>(c.rule[j]));
    if (d == -1 || d == 1) add(kind + 4, c.flags[j]);
  }
}

void TaggerWeights::Freeze() {
  size_t size = 16;
  while (size < w.size() * 2) size *= 2;
  keys.assign(size, 0);
  values.assign(size, TagScores{});
  for (const auto& [f, s] : w) {
    uint32_t key = f == 0 ? 1 : f;
    size_t slot = (key * 2654435761U) & (size - 1);
    while (keys[slot] != 0) slot = (slot + 1) & (size - 1);
    keys[slot] = key;
    values[slot] = s;
  }
}

const TagScores* TaggerWeights::Find(uint32_t feature) const {
  if (keys.empty()) return nullptr;
  uint32_t key = feature == 0 ? 1 : feature;
  size_t mask = keys.size() - 1;
  for (size_t slot = (key * 2654435761U) & mask;; slot = (slot + 1) & mask) {
    if (keys[slot] == key) return &values[slot];
    if (keys[slot] == 0) return nullptr;
  }
}

int BestTag(const TaggerWeights& weights, const std::vector<uint32_t>& features) {
  TagScores total{};
  for (uint32_t f : features) {
    const TagScores* s = weights.Find(f);
    if (s == nullptr) continue;
    for (size_t t = 0; t < total.size(); ++t) total[t] += (*s)[t];
  }
  int best = 0;
  for (int t = 1; t < kTagCount; ++t) {
    if (total[static_cast<size_t>(t)] > total[static_cast<size_t>(best)]) best = t;
  }
  return best;
}

void ScanTagger(Scan& scan, const Lexicon& lex, const TaggerWeights& weights,
                const std::vector<int>& rule_label) {
  if (weights.empty()) return;
  TagContext ctx = MakeTagContext(scan, lex, rule_label);
  std::vector<uint32_t> features;
  int prev = 0;
  for (size_t k = 0; k < ctx.seq.size(); ++k) {
    const Token& t = scan.tokens[ctx.seq[k]];
    // Only words are tagged (numbers and punctuation are the rules' job);
    // the trainer does the same, so the previous tag after them is O.
    if (t.kind != TokKind::kWord) {
      prev = 0;
      continue;
    }
    TagFeatures(ctx, k, prev, &features);
    int tag = BestTag(weights, features);
    // Rules win: only tokens no rule span touches get a tagger span.
    if (tag > 0 && ctx.rule[k] == 0) scan.Add(t.begin, t.end, TagLabel(tag), 30);
    prev = tag;
  }
}

}  // namespace vigie::privacy::internal
