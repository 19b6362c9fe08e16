// Substance vocabulary: links BDPM composition substances (salts, hydrates,
// esters, plant extracts) to the substance names of the ANSM thesaurus, and
// the core name used to prove a substance has no thesaurus entry.
// Private to src/kb. Thread-safety: a built vocabulary is immutable.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigie::kb {

// Folded (no accents, lower case), ’ as ', spaces collapsed, trimmed.
std::string FoldKey(std::string_view s);

// The words of a BDPM substance name without salt, hydrate and ester words,
// connectors, or the homeopathic suffix: "CHLORHYDRATE DE METFORMINE" ->
// {"metformine"}, "AMOXICILLINE TRIHYDRATÉE" -> {"amoxicilline"}.
std::vector<std::string> CoreWords(std::string_view bdpm_name);
std::string Join(const std::vector<std::string>& words, size_t from, size_t to);

class SubstanceVocabulary {
 public:
  // Adds a name as printed in a thesaurus text or index; the first name added
  // for a key is the one shown, so add the newest version first.
  void Add(std::string_view printed);

  // The thesaurus name for a BDPM substance (its fraction thérapeutique when
  // given first), or "" when no thesaurus name matches.
  std::string Link(std::string_view name, std::string_view fraction) const;
  size_t size() const { return keys_.size(); }

 private:
  std::string Lookup(const std::string& key) const;
  std::unordered_map<std::string, std::string> keys_;  // folded key -> printed
};

}  // namespace vigie::kb
