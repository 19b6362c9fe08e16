// DrugIndex: codes map (CIS, CIP7, CIP13) and a folded-word inverted index over
// denominations and substance names, with prefix and bounded-typo matching.
// Thread-safety: immutable after Build; Search allocates only locals.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "kb/drug_tokens.h"
#include "vigie/kb/drug.h"

namespace vigie::kb {

struct DrugIndex::Impl {
  std::unordered_map<std::string, uint32_t> cis, cip7, cip13;
  std::vector<std::string> words;                // sorted vocabulary
  std::vector<std::vector<uint32_t>> by_length;  // word length -> word indices (typo scan)
  // postings[w]: (drug, weight) with weight 1.0 for denomination words and
  // 0.9 for substance words.
  std::vector<std::vector<std::pair<uint32_t, float>>> postings;
  std::vector<std::unordered_set<std::string>> numbers;  // per drug
  std::vector<uint32_t> denomination_tokens;             // per drug, for brevity
};

DrugIndex::DrugIndex(std::shared_ptr<const DrugCatalog> catalog, std::unique_ptr<Impl> impl)
    : catalog_(std::move(catalog)), impl_(std::move(impl)) {}
DrugIndex::~DrugIndex() = default;

std::unique_ptr<DrugIndex> DrugIndex::Build(std::shared_ptr<const DrugCatalog> catalog) {
  auto impl = std::make_unique<Impl>();
  std::map<std::string, std::unordered_map<uint32_t, float>> post;
  impl->numbers.resize(catalog->drugs.size());
  impl->denomination_tokens.resize(catalog->drugs.size());
  for (uint32_t i = 0; i < catalog->drugs.size(); ++i) {
    const Drug& d = catalog->drugs[i];
    impl->cis.emplace(d.cis, i);
    for (const std::string& c : d.cip7) impl->cip7.emplace(c, i);
    for (const std::string& c : d.cip13) impl->cip13.emplace(c, i);
    auto add = [&](std::string_view text, float w, bool denom) {
      for (const Token& t : Tokenize(text)) {
        if (t.number) {
          impl->numbers[i].insert(t.text);
        } else {
          float& cur = post[t.text][i];
          cur = std::max(cur, w);
        }
        if (denom) ++impl->denomination_tokens[i];
      }
    };
    add(d.denomination, 1.0f, true);
    for (const DrugSubstance& s : d.substances) {
      add(s.name, 0.9f, false);
      add(s.fraction, 0.9f, false);
      add(s.dosage, 0.9f, false);
    }
  }
  for (auto& [word, drugs] : post) {
    if (impl->by_length.size() <= word.size()) impl->by_length.resize(word.size() + 1);
    impl->by_length[word.size()].push_back(static_cast<uint32_t>(impl->words.size()));
    impl->words.push_back(word);
    impl->postings.emplace_back(drugs.begin(), drugs.end());
  }
  return std::unique_ptr<DrugIndex>(new DrugIndex(std::move(catalog), std::move(impl)));
}

const Drug* DrugIndex::FindCis(std::string_view cis) const {
  auto it = impl_->cis.find(std::string(cis));
  return it == impl_->cis.end() ? nullptr : &catalog_->drugs[it->second];
}

namespace {

// Matches of one query word in the vocabulary: (word index, weight).
std::vector<std::pair<size_t, float>> MatchWord(const DrugIndex::Impl& impl, const std::string& w) {
  const std::vector<std::string>& words = impl.words;
  std::vector<std::pair<size_t, float>> out;
  auto lo = std::lower_bound(words.begin(), words.end(), w);
  bool exact = lo != words.end() && *lo == w;
  if (exact) out.emplace_back(static_cast<size_t>(lo - words.begin()), 1.0f);
  if (w.size() >= 3) {
    for (auto it = exact ? lo + 1 : lo; it != words.end() && it->starts_with(w); ++it) {
      out.emplace_back(static_cast<size_t>(it - words.begin()), 0.85f);
    }
  }
  if (exact || w.size() < 4) return out;
  // Typos: words of a close length that share the first or the second letter
  // (a typo rarely hits both), within a bounded edit distance.
  size_t max_d = w.size() <= 6 ? 1 : 2;
  for (size_t len = w.size() - max_d; len <= w.size() + max_d && len < impl.by_length.size();
       ++len) {
    for (uint32_t i : impl.by_length[len]) {
      const std::string& x = words[i];
      if (x[0] != w[0] && x[1] != w[1]) continue;
      size_t d = BoundedEditDistance(w, x, max_d);
      if (d <= max_d) out.emplace_back(i, 0.8f - 0.1f * static_cast<float>(d));
    }
  }
  return out;
}

// Digits-only queries of 7, 8 or 13 digits are codes (CIP7, CIS, CIP13).
std::vector<DrugCandidate> CodeSearch(const DrugIndex::Impl& impl, const DrugCatalog& cat,
                                      std::string_view query, bool* is_code) {
  std::string digits;
  *is_code = false;
  for (char c : query) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != ' ') {
      return {};
    }
  }
  const std::unordered_map<std::string, uint32_t>* map = nullptr;
  const char* kind = "";
  if (digits.size() == 8) map = &impl.cis, kind = "cis";
  if (digits.size() == 7) map = &impl.cip7, kind = "cip7";
  if (digits.size() == 13) map = &impl.cip13, kind = "cip13";
  if (map == nullptr) return {};
  *is_code = true;
  auto it = map->find(digits);
  if (it == map->end()) return {};
  return {DrugCandidate{&cat.drugs[it->second], 1.0, kind}};
}

}  // namespace

std::vector<DrugCandidate> DrugIndex::Search(std::string_view query, size_t k) const {
  bool is_code = false;
  std::vector<DrugCandidate> coded = CodeSearch(*impl_, *catalog_, query, &is_code);
  if (is_code || k == 0) return coded;
  std::vector<std::string> words, numbers;
  for (const Token& t : Tokenize(query)) {
    if (t.number) {
      numbers.push_back(t.text);
    } else if (!IsUnitWord(t.text)) {
      words.push_back(t.text);
    }
  }
  if (words.empty()) return {};
  size_t n = catalog_->drugs.size();
  std::vector<float> sum(n, 0.0f);
  std::vector<uint16_t> hits(n, 0);
  std::vector<uint32_t> touched;
  std::vector<float> best(n, 0.0f);
  for (const std::string& w : words) {
    std::vector<uint32_t> seen;
    for (auto [wi, weight] : MatchWord(*impl_, w)) {
      for (auto [drug, fw] : impl_->postings[wi]) {
        if (best[drug] == 0.0f) seen.push_back(drug);
        best[drug] = std::max(best[drug], weight * fw);
      }
    }
    for (uint32_t d : seen) {
      if (hits[d] == 0) touched.push_back(d);
      sum[d] += best[d];
      ++hits[d];
      best[d] = 0.0f;
    }
  }
  std::vector<DrugCandidate> out;
  for (uint32_t d : touched) {
    double words_score = sum[d] / static_cast<double>(words.size());
    size_t num_hits = 0;
    for (const std::string& num : numbers) num_hits += impl_->numbers[d].count(num);
    double num_score =
        numbers.empty() ? 1.0 : static_cast<double>(num_hits) / static_cast<double>(numbers.size());
    const Drug& drug = catalog_->drugs[d];
    double brevity = 1.0 / (1.0 + 0.1 * impl_->denomination_tokens[d]);
    double score =
        0.7 * words_score + 0.15 * num_score + 0.1 * (drug.commercialised ? 1 : 0) + 0.05 * brevity;
    out.push_back({&drug, score, "text"});
  }
  size_t top = std::min(k, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(),
                    [](const DrugCandidate& a, const DrugCandidate& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return a.drug->cis < b.drug->cis;
                    });
  out.resize(top);
  return out;
}

}  // namespace vigie::kb
