// Substance vocabulary (see vocabulary.h). Thread-safety: immutable after Add.
#include "kb/vocabulary.h"

#include <algorithm>
#include <array>

#include "vigie/core/text.h"

namespace vigie::kb {
namespace {

// Words that name a salt, hydrate, ester or form rather than the substance.
constexpr std::array<std::string_view, 72> kSaltWords = {
    "chlorhydrate",   "dichlorhydrate", "hydrochlorure",
    "bromhydrate",    "sulfate",        "hemisulfate",
    "bisulfate",      "maleate",        "hydrogenomaleate",
    "tartrate",       "bitartrate",     "hemitartrate",
    "mesilate",       "mesylate",       "besilate",
    "tosilate",       "fumarate",       "hemifumarate",
    "succinate",      "citrate",        "acetate",
    "phosphate",      "diphosphate",    "lactate",
    "gluconate",      "oxalate",        "nitrate",
    "chlorure",       "bromure",        "iodure",
    "carbonate",      "bicarbonate",    "hydrogenocarbonate",
    "stearate",       "palmitate",      "propionate",
    "dipropionate",   "valerate",       "butyrate",
    "furoate",        "benzoate",       "salicylate",
    "embonate",       "pamoate",        "decanoate",
    "enantate",       "undecanoate",    "sodique",
    "disodique",      "potassique",     "calcique",
    "magnesique",     "trometamol",     "lysine",
    "arginine",       "erbumine",       "tert-butylamine",
    "monohydrate",    "monohydratee",   "dihydrate",
    "dihydratee",     "trihydrate",     "trihydratee",
    "hemihydrate",    "hemihydratee",   "sesquihydrate",
    "sesquihydratee", "hexahydrate",    "anhydre",
    "hydratee",       "base",           "micronise"};

constexpr std::array<std::string_view, 12> kConnectors = {
    "de", "d", "du", "des", "la", "le", "l", "en", "exprime", "exprimee", "equivalant", "a"};

bool In(std::string_view w, auto& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (word) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

std::string FoldKey(std::string_view s) {
  std::string f = text::Fold(s);
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (f[i] == ' ' && (out.empty() || out.back() == ' ')) {
      continue;
    } else {
      out += f[i];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (i > from ? " " : "") + words[i];
  return out;
}

std::vector<std::string> CoreWords(std::string_view bdpm_name) {
  std::string key = FoldKey(bdpm_name);
  for (std::string_view suffix :
       {" pour preparations homeopathiques", " pour preparation homeopathique"}) {
    size_t at = key.find(suffix);
    if (at != std::string::npos) key.resize(at);
  }
  std::vector<std::string> out;
  for (std::string& w : Words(key)) {
    if (!In(w, kSaltWords) && !In(w, kConnectors)) out.push_back(std::move(w));
  }
  return out;
}

void SubstanceVocabulary::Add(std::string_view printed) {
  std::string key = FoldKey(printed);
  if (key.empty()) return;
  keys_.emplace(key, std::string(printed));
  // "sodium (chlorure de)" -> "chlorure de sodium"; "adrenaline (voie ...)" -> "adrenaline".
  size_t open = key.find(" (");
  if (open != std::string::npos && key.back() == ')') {
    std::string head = key.substr(0, open);
    std::string inner = key.substr(open + 2, key.size() - open - 3);
    keys_.emplace(head, std::string(printed));
    if (inner.ends_with(" de") || inner.ends_with(" d'")) {
      keys_.emplace(inner + (inner.back() == '\'' ? "" : " ") + head, std::string(printed));
    }
  }
}

std::string SubstanceVocabulary::Lookup(const std::string& key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? "" : it->second;
}

std::string SubstanceVocabulary::Link(std::string_view name, std::string_view fraction) const {
  for (std::string_view form : {fraction, name}) {
    if (form.empty()) continue;
    if (std::string hit = Lookup(FoldKey(form)); !hit.empty()) return hit;
  }
  for (std::string_view form : {fraction, name}) {
    std::vector<std::string> core = CoreWords(form);
    // Longest run of core words that is a thesaurus name ("millepertuis" in
    // "extrait sec de la sommite fleurie de millepertuis").
    for (size_t len = core.size(); len >= 1; --len) {
      for (size_t from = 0; from + len <= core.size(); ++from) {
        std::string key = Join(core, from, from + len);
        if (len == 1 && key.size() < 4) continue;
        if (std::string hit = Lookup(key); !hit.empty()) return hit;
      }
    }
  }
  return "";
}

}  // namespace vigie::kb
