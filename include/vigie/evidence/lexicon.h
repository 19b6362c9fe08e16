// French <-> English medical lexicon used to translate and expand queries.
// Built from data files (data/lexicon/*.tsv, each with its provenance) that
// the caller reads and passes in: word and phrase pairs, and morphology rules
// (suffix pairs such as -ite -> -itis) whose candidates are kept only when
// the index knows the produced word. Keys are accent-folded, lower case.
// Thread-safety: immutable after construction; safe to share.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::evidence {

class Lexicon {
 public:
  // Adds the entries of one TSV file: lines "source<TAB>target[<TAB>...]",
  // '#' comments. `kind` "pairs" (fr<TAB>en), "suffixes" (fr suffix<TAB>en
  // suffix) or "synonyms" (English word<TAB>English synonym, one word each,
  // as AddSynonym). A line with fewer than two fields gives kDataError.
  Status AddTsv(std::string_view tsv, std::string_view source_name, std::string_view kind);

  // Translations of a folded word or phrase, both directions (fr->en, en->fr).
  std::vector<std::string> Translate(std::string_view folded) const;
  // Morphological candidates of a folded word (fr->en and en->fr suffixes).
  std::vector<std::string> MorphCandidates(std::string_view folded) const;
  // Drug names: a brand (folded, one word) and the DCI of one of its
  // substances (folded), one direction only (a DCI has many brands).
  void AddDrugName(std::string_view brand, std::string_view dci);
  // DCIs of a folded brand; empty when the word is not a known brand.
  std::vector<std::string> DrugNames(std::string_view folded) const;
  size_t drug_name_count() const { return drug_names_.size(); }
  // English synonyms (WordNet): both directions, single words, folded.
  void AddSynonym(std::string_view a, std::string_view b);
  std::vector<std::string> Synonyms(std::string_view folded) const;
  size_t synonym_count() const { return synonyms_.size(); }
  // Longest phrase (in words) that has an entry.
  size_t max_phrase_words() const { return max_phrase_words_; }
  size_t size() const { return pairs_.size(); }
  bool empty() const {
    return pairs_.empty() && suffixes_.empty() && drug_names_.empty() && synonyms_.empty();
  }

 private:
  std::multimap<std::string, std::string, std::less<>> pairs_;
  std::multimap<std::string, std::string, std::less<>> drug_names_;  // brand -> DCI
  std::multimap<std::string, std::string, std::less<>> synonyms_;    // both directions
  std::vector<std::pair<std::string, std::string>> suffixes_;        // (from, to), both directions
  size_t max_phrase_words_ = 1;
};

// Loads every *.tsv of `dir` and its sub-folders through `env`: *suffixes.tsv are
// morphology rules, *synonyms.tsv English synonyms, the others word pairs.
// Missing dir: kFileNotFound.
Result<Lexicon> LoadLexicon(Env& env, const std::string& dir);

}  // namespace vigie::evidence
