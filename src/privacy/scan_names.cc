// Tokenizer, lexicon and the name detectors: title cues (M., Mme, Dr, Pr...),
// field cues (Nom :, Prénom :), runs of capitalised words holding a known
// first name, and the names stated in the request. Thread-safety: the
// Lexicon is immutable once built; detectors work on a per-call Scan.
#include <algorithm>
#include <array>
#include <sstream>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

bool Letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Latin-1 supplement letters (2-byte UTF-8 starting 0xC3) folded to ASCII.
char FoldC3(unsigned char c) {
  static const char kMap[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  return kMap[(c & 0x1F)];
}

const std::array<std::string_view, 8> kTitleWords = {"m",  "mr", "mme", "mlle",
                                                     "dr", "pr", "mrs", "ms"};

}  // namespace

std::vector<Token> Tokenize(std::string_view t) {
  std::vector<Token> out;
  out.reserve(t.size() / 3 + 1);
  size_t i = 0;
  while (i < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    Token tok;
    tok.begin = i;
    if (Letter(c)) {
      tok.kind = TokKind::kWord;
      while (i < t.size()) {
        unsigned char d = static_cast<unsigned char>(t[i]);
        if (Letter(d)) {
          ++i;
        } else if ((d == '-' || d == '\'') && i + 1 < t.size() &&
                   Letter(static_cast<unsigned char>(t[i + 1]))) {
          i += 2;
        } else {
          break;
        }
      }
    } else if (c >= '0' && c <= '9') {
      tok.kind = TokKind::kNumber;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      tok.kind = TokKind::kSpace;
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) {
        tok.newline = tok.newline || t[i] == '\n';
        ++i;
      }
    } else {
      tok.kind = TokKind::kPunct;
      ++i;
    }
    tok.end = i;
    out.push_back(tok);
  }
  return out;
}

std::string LowerAscii(std::string_view w) {
  std::string s;
  s.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xC3 && i + 1 < w.size()) {
      s += FoldC3(static_cast<unsigned char>(w[++i]));
    } else if (c >= 'A' && c <= 'Z') {
      s += static_cast<char>(c + 32);
    } else if (c < 0x80) {
      s += static_cast<char>(c);
    }
  }
  return s;
}

namespace {
bool UpperByte(std::string_view w, size_t i) {
  unsigned char c = static_cast<unsigned char>(w[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < w.size()) {
    unsigned char d = static_cast<unsigned char>(w[i + 1]);
    return d >= 0x80 && d <= 0x9E;
  }
  return false;
}
bool LowerByte(std::string_view w, size_t i) {
  unsigned char c = static_cast<unsigned char>(w[i]);
  if (c >= 'a' && c <= 'z') return true;
  if (c == 0xC3 && i + 1 < w.size()) return static_cast<unsigned char>(w[i + 1]) >= 0x9F;
  return false;
}
}  // namespace

bool IsCapitalized(std::string_view w) {
  if (w.empty() || !UpperByte(w, 0)) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (LowerByte(w, i)) return true;
  }
  return false;
}

bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (LowerByte(w, i)) return false;
    if (UpperByte(w, i)) ++letters;
  }
  return letters >= 2;
}

uint64_t WordSet::Hash(std::string_view lower) {
  uint64_t h = 14695981039346656037ULL;
  for (char c : lower) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h == 0 ? 1 : h;
}

// 32-bit fingerprints (the high half of the hash; 0 marks an empty slot) in a
// table of at least 1.5x the count: 2 MB for the 346k words of wfrench, so a
// look-up per word stays in cache.
void WordSet::Build(const std::vector<uint64_t>& hashes) {
  size_t size = 16;
  while (size < hashes.size() + hashes.size() / 2) size *= 2;
  slots.assign(size, 0);
  count = 0;
  for (uint64_t h : hashes) {
    auto print = static_cast<uint32_t>(h >> 32);
    if (print == 0) print = 1;
    size_t slot = static_cast<size_t>(h) & (size - 1);
    while (slots[slot] != 0 && slots[slot] != print) slot = (slot + 1) & (size - 1);
    if (slots[slot] == 0) ++count;
    slots[slot] = print;
  }
}

bool WordSet::Contains(std::string_view lower) const {
  if (count == 0) return false;
  uint64_t h = Hash(lower);
  auto print = static_cast<uint32_t>(h >> 32);
  if (print == 0) print = 1;
  size_t mask = slots.size() - 1;
  for (size_t slot = static_cast<size_t>(h) & mask;; slot = (slot + 1) & mask) {
    if (slots[slot] == print) return true;
    if (slots[slot] == 0) return false;
  }
}

bool PlainWord(const Lexicon& lex, Lang lang, const std::string& lower) {
  const WordSet& words = lex.Words(lang);
  if (lex.first_names.contains(lower) || lex.last_names.contains(lower) ||
      lex.cities.contains(lower))
    return false;
  if (words.Contains(lower)) return true;
  // An elided word: "s'est", "l'examen", "qu'il" (the list holds the word alone).
  size_t quote = lower.find('\'');
  return quote != std::string::npos && quote <= 2 && quote + 1 < lower.size() &&
         words.Contains(std::string_view(lower).substr(quote + 1));
}

std::string Scan::Before(size_t pos, size_t bytes) const {
  size_t b = pos > bytes ? pos - bytes : 0;
  return LowerAscii(text.substr(b, pos - b));
}

void BuildLexicon(const DeidResources& r, Lexicon* lex) {
  auto lines = [](const std::string& text, auto&& add) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::istringstream entries(line);
      std::string entry;
      while (std::getline(entries, entry, ',')) {
        if (!entry.empty()) add(entry);
      }
    }
  };
  lines(r.first_names, [&](const std::string& l) {
    lex->first_names.insert(LowerAscii(l));
    lex->first_pool.push_back(l);
  });
  lines(r.first_names_wide, [&](const std::string& l) { lex->wide_first.insert(LowerAscii(l)); });
  lines(r.last_names, [&](const std::string& l) {
    lex->last_names.insert(LowerAscii(l));
    lex->last_pool.push_back(l);
  });
  lines(r.cities, [&](const std::string& l) {
    lex->cities.insert(LowerAscii(l));
    lex->city_pool.push_back(l);
  });
  lines(r.hospitals, [&](const std::string& l) {
    std::vector<std::string> seq;
    for (const Token& t : Tokenize(l)) {
      if (t.kind == TokKind::kWord) seq.push_back(LowerAscii(l.substr(t.begin, t.end - t.begin)));
    }
    if (!seq.empty()) lex->hospitals[seq[0]].push_back(std::move(seq));
  });
  lines(r.stopwords, [&](const std::string& l) { lex->stopwords.insert(LowerAscii(l)); });
  lines(r.drugs, [&](const std::string& l) { lex->drugs.insert(LowerAscii(l)); });
  // The word lists: one word a line (no commas to split); capitalised
  // entries are proper names, not ordinary words.
  auto word_list = [](const std::string& text, WordSet* set) {
    std::vector<uint64_t> hashes;
    hashes.reserve(text.size() / 9);
    for (size_t pos = 0; pos < text.size();) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string_view w(text.data() + pos, end - pos);
      if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
      bool proper = !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || w[0] == '#');
      if (!w.empty() && !proper) hashes.push_back(WordSet::Hash(LowerAscii(w)));
      pos = end + 1;
    }
    set->Build(hashes);
  };
  word_list(r.words, &lex->french);
  word_list(r.words_en, &lex->english);
  auto flag = [lex](const std::unordered_set<std::string>& set, uint8_t bit) {
    for (const std::string& w : set)
      lex->word_flags[w] = static_cast<uint8_t>(lex->word_flags[w] | bit);
  };
  flag(lex->first_names, 1);
  flag(lex->last_names, 2);
  flag(lex->cities, 4);
  flag(lex->stopwords, 8);
  flag(lex->wide_first, 64);
}

// ---- name detectors ----

namespace {

struct Words {
  const Scan& scan;
  std::string_view Text(size_t i) const {
    const Token& t = scan.tokens[i];
    return scan.text.substr(t.begin, t.end - t.begin);
  }
  const std::string& Lower(size_t i) const { return scan.lower[i]; }
  // Index of the next word/number token after i across at most one plain
  // space (and an optional '.' when allow_dot), or npos.
  size_t Next(size_t i, bool allow_dot = false) const {
    size_t j = i + 1;
    if (allow_dot && j < scan.tokens.size() && Text(j) == ".") ++j;
    if (j < scan.tokens.size() && scan.tokens[j].kind == TokKind::kSpace && !scan.tokens[j].newline)
      ++j;
    if (j < scan.tokens.size() && scan.tokens[j].kind == TokKind::kWord) return j;
    return std::string::npos;
  }
};

// Lower-case words that follow a title or a role in ordinary prose ("Mme a
// été vue", "le patient présente"): never a name written in lower case.
bool CommonWord(const std::string& lower) {
  static constexpr std::array<std::string_view, 124> kCommon = {
      "a",        "ai",          "as",           "avait",      "avons",     "est",      "etait",
      "sont",     "ont",         "fut",          "sera",       "serait",    "etre",     "avoir",
      "ete",      "de",          "du",           "des",        "le",        "la",       "les",
      "un",       "une",         "et",           "ou",         "au",        "aux",      "en",
      "pour",     "par",         "sur",          "avec",       "sans",      "sous",     "chez",
      "dans",     "qui",         "que",          "qu",         "ne",        "se",       "sa",
      "son",      "ses",         "leur",         "dont",       "ans",       "age",      "agee",
      "ne",       "nee",         "vu",           "vue",        "recu",      "recue",    "admis",
      "admise",   "suivi",       "suivie",       "traite",     "traitee",   "opere",    "operee",
      "presente", "presentant",  "souffre",      "souffrant",  "atteint",   "atteinte", "connu",
      "connue",   "hospitalise", "hospitalisee", "adresse",    "adressee",  "revu",     "revue",
      "pris",     "prise",       "sortant",      "sortante",   "decede",    "decedee",  "porteur",
      "porteuse", "signale",     "rapporte",     "decrit",     "declare",   "refuse",   "accepte",
      "consulte", "rentre",      "vit",          "via",        "lors",      "vous",     "prevu",
      "prevue",   "recueilli",   "referent",     "satisfaite", "satisfait", "fatiguee", "fatigue",
      "sort",     "doit",        "peut",         "the",        "was",       "is",       "has",
      "had",      "and",         "with",         "for",        "from",      "who",      "will",
      "her",      "his",         "are",          "were",       "been"};
  for (std::string_view w : kCommon) {
    if (w == lower) return true;
  }
  return false;
}

// A word in lower case that can be a name right after a title or a role
// ("Mme krajewski patrice"): three letters or more, no common word.
// Words ending like a French participle, adverb or adjective ("arrivée",
// "prévu" aside) are not taken unless a name dictionary holds them.
bool LowerName(const Lexicon& lex, Lang lang, std::string_view w, const std::string& lower) {
  if (w.size() < 3 || lex.stopwords.contains(lower) || CommonWord(lower) || IsMonthWord(lower))
    return false;
  if (lex.first_names.contains(lower) || lex.last_names.contains(lower)) return true;
  if (lex.Words(lang).Contains(lower)) return false;  // an ordinary word: "transmis", "bilan"
  for (std::string_view end :
       {"\xC3\xA9",
        "\xC3\xA9"
        "e",
        "\xC3\xA9"
        "s",
        "\xC3\xA9"
        "es",
        "ant", "ment", "ait", "aient", "ique", "eux", "euse", "ive", "ible", "able", "tion"}) {
    if (w.ends_with(end)) return false;
  }
  return true;
}

bool NameLike(const Lexicon& lex, std::string_view w, const std::string& lower) {
  return (IsCapitalized(w) || IsAllCaps(w)) && !lex.stopwords.contains(lower);
}

void LabelRun(Scan& scan, const Lexicon& lex, const std::vector<size_t>& run, int priority) {
  Words words{scan};
  size_t k = run.size();
  std::vector<bool> first(k);
  size_t n_first = 0;
  for (size_t i = 0; i < k; ++i) {
    first[i] = lex.first_names.contains(words.Lower(run[i]));
    if (first[i]) ++n_first;
  }
  for (size_t i = 0; i < k; ++i) {
    Label l = Label::kNom;
    if (k > 1) {
      if (n_first > 0 && n_first < k) {
        l = first[i] ? Label::kPrenom : Label::kNom;
      } else if (IsAllCaps(words.Text(run[0])) && !IsAllCaps(words.Text(run[1]))) {
        l = i == 0 ? Label::kNom : Label::kPrenom;
      } else {
        l = i + 1 < k ? Label::kPrenom : Label::kNom;
      }
    }
    const Token& t = scan.tokens[run[i]];
    scan.Add(t.begin, t.end, l, priority);
  }
}

// Collects up to 3 name-like words starting at token i.
std::vector<size_t> NameRun(const Scan& scan, const Lexicon& lex, size_t i, bool lenient) {
  Words words{scan};
  std::vector<size_t> run;
  while (i != std::string::npos && run.size() < 4) {
    std::string_view w = words.Text(i);
    bool ok = NameLike(lex, w, words.Lower(i)) ||
              (lenient && LowerName(lex, scan.lang, w, words.Lower(i)));
    // Past two words, an ordinary word ends the name ("OGER Dominique
    // Contacter") unless the run has no surname yet ("Albert Pierre Goupil")
    // or it is an upper-case surname after the first names.
    bool surname_yet = false;
    for (size_t r : run) {
      surname_yet = surname_yet || (!lex.first_names.contains(words.Lower(r)) &&
                                    !lex.wide_first.contains(words.Lower(r)));
    }
    if (!ok || (run.size() >= 2 && surname_yet && PlainWord(lex, scan.lang, words.Lower(i)) &&
                !(IsAllCaps(w) && !IsAllCaps(words.Text(run.back())))))
      break;
    run.push_back(i);
    i = words.Next(i);
  }
  return run;
}

// English runs of capitalised words: none after an article or a
// determiner ("the General Practitioner", "a Will"); a role or kinship word
// before a first name that is no surname is no name ("Sister Alma").
void EnglishRun(const Scan& scan, const Lexicon& lex, std::vector<size_t>* run) {
  if (run->empty()) return;
  Words words{scan};
  size_t first = run->front();
  if (first >= 2 && scan.tokens[first - 1].kind == TokKind::kSpace &&
      !scan.tokens[first - 1].newline && scan.tokens[first - 2].kind == TokKind::kWord) {
    std::string_view d = words.Lower(first - 2);
    if (d == "the" || d == "a" || d == "an" || d == "this" || d == "that" || d == "these" ||
        d == "those" || d == "each" || d == "every" || d == "any" || d == "no") {
      run->clear();
      return;
    }
  }
  // Roles and kinship words that faker also holds as first names.
  static constexpr std::string_view kRoles[] = {
      "sister",  "brother", "nurse",   "general", "father", "mother",   "aunt",   "uncle",
      "captain", "chief",   "officer", "judge",   "pastor", "reverend", "doctor", "major"};
  std::string_view w = words.Lower(first);
  bool role = std::find(std::begin(kRoles), std::end(kRoles), w) != std::end(kRoles);
  if (run->size() >= 2 && role && lex.first_names.contains(words.Lower((*run)[1])) &&
      !lex.last_names.contains(words.Lower((*run)[1]))) {
    run->erase(run->begin());
  }
}

}  // namespace

void ScanNames(Scan& scan, const Lexicon& lex) {
  Words words{scan};
  const auto& toks = scan.tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokKind::kWord) continue;
    const std::string& lower = words.Lower(i);
    std::string_view lv = lower;  // compares its size first, then its bytes
    bool title = std::find(kTitleWords.begin(), kTitleWords.end(), lower) != kTitleWords.end() ||
                 lv == "madame" || lv == "monsieur" || lv == "mademoiselle" || lv == "docteur" ||
                 lv == "professeur" || lv == "doctor" || lv == "miss" || lv == "prof" ||
                 lv == "mmes";
    // "J.M", "M.E.J.": a letter of initials, not Monsieur.
    if (title && lv == "m" && i > 0 && (words.Text(i - 1) == "." || words.Text(i - 1) == "-"))
      title = false;
    bool field = lv == "nom" || lv == "prenom" || lv == "name" || lv == "patient" ||
                 lv == "patiente" || lv == "internes" || lv == "interne" || lv == "externe" ||
                 lv == "signe" || lv == "par" || lv == "epouse" || lv == "epoux" || lv == "fille" ||
                 lv == "fils";
    // Lower-case names after a role and at a line start: French notes only
    // (English lower-case prose is not filtered well enough by the common words).
    bool fr = scan.lang == Lang::kFr;
    bool role = fr && (lv == "patient" || lv == "patiente" || lv == "usager" || lv == "usagere" ||
                       lv == "beneficiaire" || lv == "enfant");
    if (role) field = true;
    if (title || field) {
      size_t j = i + 1;
      while (j < toks.size() && j <= i + 4 &&
             (toks[j].kind == TokKind::kSpace || words.Text(j) == "." || words.Text(j) == ":")) {
        if (toks[j].newline) break;
        ++j;
      }
      // An initial after a title: "Dr A. Labelle" (the initial is a first name).
      if (title && j + 2 < toks.size() && toks[j].kind == TokKind::kWord &&
          toks[j].end - toks[j].begin == 1 && IsAllCaps(std::string(words.Text(j)) + "X") &&
          words.Text(j + 1) == ".") {
        scan.Add(toks[j].begin, toks[j].end, Label::kPrenom, 60);
        j += 2;
        if (j < toks.size() && toks[j].kind == TokKind::kSpace && !toks[j].newline) ++j;
      }
      if (j < toks.size() && toks[j].kind == TokKind::kWord && j > i + 1) {
        // After a title or a person's role, names may be written in lower case.
        std::vector<size_t> run = NameRun(scan, lex, j, title || role);
        if (!run.empty()) {
          if (lower == "prenom") {
            for (size_t r : run) scan.Add(toks[r].begin, toks[r].end, Label::kPrenom, 60);
          } else {
            LabelRun(scan, lex, run, title ? 60 : 50);
          }
          i = run.back();
          continue;
        }
      }
    }
    // An initial then a name: "I. ABOUINASR", "J. Delorenzi".
    if (toks[i].end - toks[i].begin == 1 && IsAllCaps(std::string(words.Text(i)) + "X") &&
        i + 3 < toks.size() && words.Text(i + 1) == "." && toks[i + 2].kind == TokKind::kSpace &&
        !toks[i + 2].newline && toks[i + 3].kind == TokKind::kWord &&
        NameLike(lex, words.Text(i + 3), words.Lower(i + 3)) &&
        !PlainWord(lex, scan.lang, words.Lower(i + 3)) &&
        (i == 0 || toks[i - 1].kind == TokKind::kSpace || words.Text(i - 1) == "(")) {
      scan.Add(toks[i].begin, toks[i].end, Label::kPrenom, 44);
      scan.Add(toks[i + 3].begin, toks[i + 3].end, Label::kNom, 44);
      i += 3;
      continue;
    }
    // A line that starts with a name in lower case ("krier franck", "Aubin
    // gaston"): two or three words, one of them a dictionary first name,
    // none a common word.
    bool line_start = i == 0 || (toks[i - 1].kind == TokKind::kSpace && toks[i - 1].newline) ||
                      (i == 1 && toks[0].kind == TokKind::kSpace);
    if (fr && line_start && LowerName(lex, scan.lang, words.Text(i), lower)) {
      std::vector<size_t> run = NameRun(scan, lex, i, true);
      if (run.size() > 3) run.resize(3);
      size_t n_first = 0;
      for (size_t r : run) n_first += lex.first_names.contains(words.Lower(r)) ? 1U : 0U;
      if (run.size() >= 2 && n_first > 0 && n_first < run.size()) {
        LabelRun(scan, lex, run, 45);
        i = run.back();
        continue;
      }
      // A first name in lower case alone on its line ("maria"), not a word of the language.
      bool line_end = i + 1 == toks.size() || toks[i + 1].newline;
      if (line_end && lex.first_names.contains(lower) && !lex.french.Contains(lower) &&
          !IsCapitalized(words.Text(i)) && !IsAllCaps(words.Text(i))) {
        scan.Add(toks[i].begin, toks[i].end, Label::kPrenom, 45);
        continue;
      }
    }
    // Runs of 2-3 capitalised words holding a dictionary first name. In
    // English an ordinary word that no name dictionary holds does not open
    // the run ("Ask Trisha", "Thanks Kamille").
    if (NameLike(lex, words.Text(i), lower) &&
        !(scan.lang == Lang::kEn && PlainWord(lex, scan.lang, lower))) {
      std::vector<size_t> run = NameRun(scan, lex, i, false);
      if (scan.lang == Lang::kEn) EnglishRun(scan, lex, &run);
      bool has_first = false;
      for (size_t r : run) has_first = has_first || lex.first_names.contains(words.Lower(r));
      if (run.size() >= 2 && has_first) {
        LabelRun(scan, lex, run, 45);
        i = run.back();
      }
    }
  }
}

void ScanKnownNames(Scan& scan, const std::vector<KnownName>& names) {
  if (names.empty()) return;
  // Words of multi-word names first, so a one-word entry ("Zoé" as PRENOM)
  // decides the label of that word.
  std::unordered_map<std::string, Label> wanted;
  for (int pass = 0; pass < 2; ++pass) {
    for (const KnownName& n : names) {
      std::vector<Token> toks = Tokenize(n.text);
      size_t words = 0;
      for (const Token& t : toks) words += t.kind == TokKind::kWord ? 1U : 0U;
      if ((pass == 0) != (words > 1)) continue;
      for (const Token& t : toks) {
        if (t.kind == TokKind::kWord && t.end - t.begin >= 2) {
          wanted[LowerAscii(n.text.substr(t.begin, t.end - t.begin))] = n.label;
        }
      }
    }
  }
  for (const Token& t : scan.tokens) {
    if (t.kind != TokKind::kWord) continue;
    auto it = wanted.find(LowerAscii(scan.text.substr(t.begin, t.end - t.begin)));
    if (it != wanted.end()) scan.Add(t.begin, t.end, it->second, 100);
  }
}

}  // namespace vigie::privacy::internal
