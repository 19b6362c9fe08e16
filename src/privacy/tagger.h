// Private to the de-identifier: a greedy left-to-right averaged-perceptron
// tagger over word tokens, for the labels that rules miss most (names,
// cities, hospitals, addresses). Features: the word, its shape, affixes,
// neighbours, dictionary membership, the rule label and the previous tag.
// Weights are trained by bench/deid_train.cc and committed in
// data/deid/tagger.txt. Thread-safety: TaggerWeights is immutable once
// parsed; tagging works on a per-call Scan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {

inline constexpr int kTagCount = 6;  // O, NOM, PRENOM, VILLE, HOPITAL, ADRESSE
using TagScores = std::array<float, kTagCount>;

struct TaggerWeights {
  std::unordered_map<uint32_t, TagScores> w;
  bool empty() const { return w.empty(); }
  // Open-addressing copy of `w` for fast lookups (built by Freeze).
  std::vector<uint32_t> keys;  // 0 = empty slot (feature hash 0 is remapped to 1)
  std::vector<TagScores> values;
  void Freeze();
  const TagScores* Find(uint32_t feature) const;
};

// Tag index of a label, or 0 (O) for labels the tagger does not predict.
int LabelTag(Label label);
Label TagLabel(int tag);  // tag > 0

// Text format: '#' comment lines, then base64 lines of records
// (uint32 feature hash, kTagCount int16 weights x 1/256). false if malformed.
bool ParseTaggerWeights(std::string_view text, TaggerWeights* out);
std::string SerializeTaggerWeights(const TaggerWeights& weights);

// Indices of the word and number tokens of the scan (the tagger's sequence).
std::vector<size_t> TagSequence(const Scan& scan);

// Per-token facts computed once per scan (hashes of the lower-cased word
// and its shape, dictionary flags, rule label) for the positions of `seq`.
struct TagContext {
  std::vector<size_t> seq;     // indices of the word and number tokens
  std::vector<uint32_t> word;  // hash of the lower-cased text
  std::vector<uint32_t> shape;
  std::vector<uint32_t> suffix, prefix;
  std::vector<uint8_t> flags;  // bit 0 first name, 1 last name, 2 city, 3 stopword, 4 line start, 5
                               // French word, 6 first name of another locale
  std::vector<int> rule;       // rule label (Label + 1, or 0)
};
// rule_label: per token index, Label as int + 1, or 0.
TagContext MakeTagContext(const Scan& scan, const Lexicon& lex, const std::vector<int>& rule_label);

// Feature hashes of position k given the tag chosen for position k-1.
void TagFeatures(const TagContext& ctx, size_t k, int prev_tag, std::vector<uint32_t>* out);

// Best tag for the features.
int BestTag(const TaggerWeights& weights, const std::vector<uint32_t>& features);

// The rule pass shared by Run and the trainer: a Scan of `text` (tokens and
// lower-cased words), the rule spans kept after overlap resolution, and the
// rule label of every token (Label as int + 1, or 0).
Scan MakeScan(std::string_view text, Lang lang);
std::vector<Span> RuleSpans(Scan& scan, const Lexicon& lex, const std::vector<KnownName>& names);
std::vector<int> RuleLabels(const Scan& scan, const std::vector<Span>& kept);
// Keeps the highest-priority (then longest) spans that do not overlap, in text order.
std::vector<Span> Resolve(std::vector<Span> spans, size_t text_size);

// Tags the scan and adds a span (in text order) per token tagged with a
// label that no rule span touches. rule_label: per token index, Label as int + 1, or 0.
void ScanTagger(Scan& scan, const Lexicon& lex, const TaggerWeights& weights,
                const std::vector<int>& rule_label);

}  // namespace vigie::privacy::internal
