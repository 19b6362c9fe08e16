// Brand -> DCI pairs from the KB's drug catalog (public kb API only).
// Thread-safety: pure functions.
#include "vigie/evidence/drug_names.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "evidence/query_words.h"
#include "vigie/core/text.h"
#include "vigie/kb/kb.h"

namespace vigie::evidence {
namespace {

// Salt and form words of BDPM substance names ("CHLORHYDRATE DE METFORMINE",
// "METFORMINE BASE"): dropped to leave the DCI. Sorted for binary search.
bool IsSaltWord(std::string_view w) {
  static constexpr std::array<std::string_view, 31> kSalt = {
      "acetate",        "anhydre",      "base",      "besilate",   "bromhydrate",
      "calcique",       "chlorhydrate", "citrate",   "d",          "de",
      "dichlorhydrate", "dihydrate",    "du",        "fumarate",   "hemifumarate",
      "hemihydrate",    "hemisulfate",  "hydrate",   "magnesique", "maleate",
      "mesilate",       "monohydrate",  "phosphate", "potassique", "sel",
      "sesquihydrate",  "sodique",      "succinate", "sulfate",    "tartrate",
      "trihydrate"};
  return std::binary_search(kSalt.begin(), kSalt.end(), w);
}

// "CHLORHYDRATE DE METFORMINE" -> "metformine"; "" when nothing is left.
std::string Dci(const kb::DrugSubstance& s) {
  std::string out;
  for (const std::string& w : FoldedWords(text::Fold(s.fraction.empty() ? s.name : s.fraction))) {
    if (!IsSaltWord(w)) out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// The first word of a denomination when it is made of letters only.
std::string FirstWord(const std::string& denomination) {
  std::vector<std::string> words = FoldedWords(text::Fold(denomination));
  if (words.empty()) return "";
  const std::string& w = words.front();
  bool letters = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters ? w : "";
}

}  // namespace

size_t AddBrandNames(Lexicon& lexicon, const kb::DrugCatalog& catalog) {
  std::set<std::string> dci_words;
  std::map<std::string, std::set<std::string>> brands;
  for (const kb::Drug& drug : catalog.drugs) {
    std::string brand = FirstWord(drug.denomination);
    for (const kb::DrugSubstance& s : drug.substances) {
      std::string dci = Dci(s);
      if (dci.empty()) continue;
      for (std::string& w : FoldedWords(dci)) dci_words.insert(std::move(w));
      if (brand.size() >= 4 && !IsStopword(brand)) brands[brand].insert(dci);
    }
  }
  size_t added = 0;
  for (const auto& [brand, dcis] : brands) {
    if (dci_words.count(brand) != 0 || dcis.size() > 3) continue;
    for (const std::string& dci : dcis) lexicon.AddDrugName(brand, dci);
    ++added;
  }
  return added;
}

Result<size_t> AddBrandNamesFromKb(Lexicon& lexicon, const std::string& kb_path) {
  auto kb = kb::KnowledgeBase::Open(kb_path);
  if (!kb.ok()) return kb.status();
  auto catalog = (*kb)->LoadDrugs();
  if (!catalog.ok()) return catalog.status();
  return AddBrandNames(lexicon, **catalog);
}

Status AddBrandNamesIfKbPresent(Lexicon& lexicon, const std::string& kb_path) {
  if (kb_path.empty()) return Status::Ok();
  auto added = AddBrandNamesFromKb(lexicon, kb_path);
  if (added.ok()) return Status::Ok();
  ErrorCode code = added.status().code();
  return code == ErrorCode::kFileNotFound || code == ErrorCode::kNotFound ? Status::Ok()
                                                                          : added.status();
}

}  // namespace vigie::evidence
