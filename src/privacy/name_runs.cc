// Last pass over the names found by the rules and the tagger: initials next
// to a name are first names ("DERUDDER N.", "Lecoq S.-E.", "J.M MIROVSKY"),
// and in a run of adjacent name words the split between first names and
// surname is chosen from the evidence of every word (first-name and surname
// dictionaries, the French word list, upper case for the surname, a comma
// after the surname) rather than word by word. Thread-safety: pure function
// over a per-call Scan.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

bool UpperLetter(char c) { return c >= 'A' && c <= 'Z'; }

bool IsName(Label l) { return l == Label::kNom || l == Label::kPrenom; }

// An initial word: one upper-case letter, or letters joined by '-' ("J-L").
bool InitialWord(std::string_view w) {
  if (w.empty() || w.size() > 5) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter_place = i % 2 == 0;
    if (letter_place ? !UpperLetter(w[i]) : w[i] != '-') return false;
  }
  return w.size() % 2 == 1;
}

// Initials as one span: "J", "J-L", "M.E.J", "S.-E", "MA." (at most two
// letters in a row, four in all, joined by '.' or '-').
bool Initials(std::string_view w) {
  int letters = 0, run = 0;
  for (char c : w) {
    if (UpperLetter(c)) {
      ++letters;
      if (++run > 2) return false;
    } else if (c == '.' || c == '-') {
      run = 0;
    } else {
      return false;
    }
  }
  return letters >= 1 && letters <= 4 &&
         (letters == 1 || w.find_first_of(".-") != std::string_view::npos);
}

struct Cluster {
  size_t first_tok = 0, last_tok = 0;  // the initials' word tokens
  size_t end_tok = 0;                  // one past the last token (trailing '.' included)
};

// Initials from token i: "N.", "S.-E.", "J.M", "M.M.", "D.-G", "T.A".
bool InitialCluster(const Scan& scan, size_t i, Cluster* out) {
  const auto& toks = scan.tokens;
  auto text = [&](size_t k) {
    return scan.text.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  if (toks[i].kind != TokKind::kWord || !InitialWord(text(i))) return false;
  if (i > 0 && toks[i - 1].kind != TokKind::kSpace && text(i - 1) != "(" && text(i - 1) != "|")
    return false;
  size_t last = i, k = i + 1;
  int letters = 1;
  while (k < toks.size() && letters < 3) {
    size_t j = k;
    while (j < toks.size() && j < k + 2 && (text(j) == "." || text(j) == "-")) ++j;
    if (j == k || j >= toks.size() || toks[j].kind != TokKind::kWord || !InitialWord(text(j)))
      break;
    last = j;
    k = j + 1;
    ++letters;
  }
  size_t end = last + 1;
  if (end < toks.size() && text(end) == ".") ++end;
  // The cluster ends a word: a space, the end, or punctuation ("J2", "T4N0" are codes).
  if (end < toks.size() && (toks[end].kind == TokKind::kWord || toks[end].kind == TokKind::kNumber))
    return false;
  out->first_tok = i;
  out->last_tok = last;
  out->end_tok = end;
  return true;
}

std::vector<Span> Merged(std::vector<Span>* spans, std::vector<Span>* added);
bool SingleSpace(const Scan& scan, size_t tok);
bool TitleWord(const std::string& lower);

// Index of the span covering byte `b`, or npos.
size_t SpanAt(const std::vector<Span>& spans, size_t b) {
  auto it = std::upper_bound(spans.begin(), spans.end(), b,
                             [](size_t x, const Span& s) { return x < s.begin; });
  if (it == spans.begin()) return std::string::npos;
  --it;
  return b < it->end ? static_cast<size_t>(it - spans.begin()) : std::string::npos;
}

// Only one space (no line break) between bytes a and b.
bool OneSpace(const Scan& scan, size_t a, size_t b) {
  if (b <= a || b - a > 2) return b == a;
  for (size_t k = a; k < b; ++k) {
    if (scan.text[k] != ' ') return false;
  }
  return true;
}

// A surname right after initials: capitalised or upper case, not a
// stopword nor an ordinary word.
bool SurnameAfterInitials(const Scan& scan, const Lexicon& lex, size_t tok) {
  if (tok >= scan.tokens.size() || scan.tokens[tok].kind != TokKind::kWord) return false;
  std::string_view w =
      scan.text.substr(scan.tokens[tok].begin, scan.tokens[tok].end - scan.tokens[tok].begin);
  const std::string& lower = scan.lower[tok];
  return (IsCapitalized(w) || IsAllCaps(w)) && !lex.stopwords.contains(lower) &&
         !PlainWord(lex, scan.lang, lower) && !IsMonthWord(lower);
}

void AddInitials(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  const auto& toks = scan.tokens;
  std::vector<Span> added;
  for (size_t i = 0; i < toks.size(); ++i) {
    Cluster c;
    if (!InitialCluster(scan, i, &c)) continue;
    size_t b = toks[c.first_tok].begin, e = toks[c.last_tok].end;
    size_t end_byte = toks[c.end_tok - 1].end;
    i = c.end_tok - 1;
    // Name spans over pieces of the initials ("E" and "J" of "M.E.J") become
    // one; any other span there leaves the initials alone.
    auto lo = std::lower_bound(spans->begin(), spans->end(), b,
                               [](const Span& s, size_t x) { return s.end <= x; });
    auto hi = lo;
    bool others = false;
    while (hi != spans->end() && hi->begin < e) {
      others = others || !IsName(hi->label) || hi->begin < b || hi->end > e;
      ++hi;
    }
    if (others) continue;
    if (hi - lo > 1) {
      Span merged{lo->begin, std::prev(hi)->end, Label::kPrenom, lo->priority};
      lo = spans->erase(lo, hi);
      spans->insert(lo, merged);
    }
    size_t own = SpanAt(*spans, b);
    bool covered = false;  // the initials are (now) one first-name span
    if (own != std::string::npos) {
      Span& s = (*spans)[own];
      // A name span made of (part of) the initials is a first name over all of them.
      if (!IsName(s.label) || s.begin != b || s.end > e) continue;
      bool free = own + 1 == spans->size() || (*spans)[own + 1].begin >= e;
      if (free) s.end = e;
      if (s.end != e) continue;
      s.label = Label::kPrenom;
      covered = true;
    }
    // A name right after ("J.M MIROVSKY") or right before ("DERUDDER N.").
    size_t after =
        end_byte + 1 < scan.text.size() ? SpanAt(*spans, end_byte + 1) : std::string::npos;
    bool next = after != std::string::npos && IsName((*spans)[after].label) &&
                OneSpace(scan, end_byte, (*spans)[after].begin);
    if (covered && next) continue;
    size_t before = b >= 2 ? SpanAt(*spans, b - 2) : std::string::npos;
    bool prev = before != std::string::npos && IsName((*spans)[before].label) &&
                OneSpace(scan, (*spans)[before].end, b);
    // "M. DUPONT" is Monsieur: a lone M before a name stays.
    bool monsieur = c.first_tok == c.last_tok && scan.text[b] == 'M' && !prev;
    if (monsieur) continue;
    if (!covered && (next || prev)) {
      added.push_back({b, e, Label::kPrenom, 40});
      continue;
    }
    // "MIROVSKY J.M", "Czernikowska S.": a surname no detector took, then
    // the initials ending the name (French; English "Vitamin D." needs two
    // letters or an upper-case surname).
    bool dotted_before = c.last_tok > c.first_tok || c.end_tok > c.last_tok + 1;
    size_t w = c.first_tok >= 2 ? c.first_tok - 2 : std::string::npos;
    bool ends = c.end_tok >= toks.size() || toks[c.end_tok].kind != TokKind::kWord;
    if (!covered && !next && dotted_before && ends && w != std::string::npos &&
        SingleSpace(scan, w + 1) && SurnameAfterInitials(scan, lex, w) &&
        !TitleWord(scan.lower[w]) && SpanAt(*spans, toks[w].begin) == std::string::npos) {
      std::string_view sw = scan.text.substr(toks[w].begin, toks[w].end - toks[w].begin);
      if (scan.lang == Lang::kFr || c.last_tok > c.first_tok || IsAllCaps(sw)) {
        added.push_back({toks[w].begin, toks[w].end, Label::kNom, 40});
        added.push_back({b, e, Label::kPrenom, 40});
        continue;
      }
    }
    // "T.A DELACROIX", "J.-M. Fortin": two initials, or one with its dot
    // (or after a title), then a surname no detector took.
    size_t n = c.end_tok;
    bool dotted = covered || c.last_tok > c.first_tok || c.end_tok > c.last_tok + 1;
    if (dotted && n + 1 < scan.tokens.size() && scan.tokens[n].kind == TokKind::kSpace &&
        !scan.tokens[n].newline && scan.tokens[n].end - scan.tokens[n].begin == 1 &&
        SurnameAfterInitials(scan, lex, n + 1) &&
        SpanAt(*spans, scan.tokens[n + 1].begin) == std::string::npos) {
      if (!covered) added.push_back({b, e, Label::kPrenom, 40});
      added.push_back({scan.tokens[n + 1].begin, scan.tokens[n + 1].end, Label::kNom, 40});
    }
  }
  if (!added.empty()) *spans = Merged(spans, &added);
}

// Evidence that a name word is a first name (> 0) or a surname (< 0).
bool Particle(const std::string& lower);

// An abbreviated first name before a dot: "Ph.", "Fm.", "Mt.", "DA." (two or
// three letters, the first a capital), not a title.
bool AbbreviatedFirst(const Scan& scan, const Span& s) {
  std::string_view w = scan.text.substr(s.begin, s.end - s.begin);
  if (w.size() < 2 || w.size() > 3 || !UpperLetter(w[0])) return false;
  if (s.end >= scan.text.size() || scan.text[s.end] != '.') return false;
  for (char c : w.substr(1)) {
    if (!UpperLetter(c) && (c < 'a' || c > 'z')) return false;
  }
  std::string lower = LowerAscii(w);
  return !TitleWord(lower) && lower != "st" && lower != "ste" && !Particle(lower);
}

double FirstNameEvidence(const Scan& scan, const Lexicon& lex, const Span& s, bool mixed_case) {
  std::string_view w = scan.text.substr(s.begin, s.end - s.begin);
  if (Initials(w) || AbbreviatedFirst(scan, s)) return 3.0;
  // Two capitals beside a surname ("KANTREL JM"): initials without dots.
  if (w.size() == 2 && IsAllCaps(w) && !Particle(LowerAscii(w))) return 2.5;
  std::string lower = LowerAscii(w);
  bool first = lex.first_names.contains(lower), last = lex.last_names.contains(lower);
  if (!first) {
    // A compound first name: every part is one ("Jean-Claude").
    size_t dash = lower.find('-');
    first = dash != std::string::npos && lex.first_names.contains(lower.substr(0, dash)) &&
            lex.first_names.contains(lower.substr(dash + 1));
  }
  bool wide = !first && lex.wide_first.contains(lower);  // "Sandalio", "Mickaël"
  if (!first && !wide) {
    // A compound of first names ("Jean-Mickaël"), not a double surname
    // whose first part is a first name ("Bernard-Bret").
    size_t dash = lower.find('-');
    auto any_first = [&](const std::string& p) {
      return lex.first_names.contains(p) || lex.wide_first.contains(p);
    };
    wide = dash != std::string::npos && any_first(lower.substr(0, dash)) &&
           any_first(lower.substr(dash + 1));
  }
  // A surname of the dictionary that other locales give as a first name
  // ("Mathieu") leans first name, weakly.
  double e = first && !last ? 2.0 : first ? 1.0 : last ? (wide ? 0.25 : -1.0) : wide ? 1.5 : -0.5;
  if (!first && lex.Words(scan.lang).Contains(lower)) e -= 1.0;  // "Rossignol", "Mulet"
  if (mixed_case) e += IsAllCaps(w) ? -0.75 : 0.75;              // "LEROY Jean-Claude"
  return e;
}

void RelabelRun(const Scan& scan, const Lexicon& lex, std::vector<Span>& spans,
                const std::vector<size_t>& run, const std::vector<bool>& comma_after) {
  size_t k = run.size();
  size_t caps = 0;
  for (size_t r : run) {
    caps += IsAllCaps(scan.text.substr(spans[r].begin, spans[r].end - spans[r].begin)) ? 1U : 0U;
  }
  bool mixed = caps > 0 && caps < k;
  std::vector<double> e(k);
  for (size_t i = 0; i < k; ++i) e[i] = FirstNameEvidence(scan, lex, spans[run[i]], mixed);
  // A field label before the run ("Nom :", "Prénom :") names its first word.
  // A "Prénom(s) :" field holds first names only.
  Label field;
  if (NameFieldCue(scan, spans[run[0]].begin, &field) && field == Label::kPrenom) {
    for (size_t r : run) spans[r].label = Label::kPrenom;
    return;
  }
  // (A field label before a run does not tell its order: "Nom : Jean-José
  // WANOU" holds the whole name.) A word repeated at once is a surname both
  // times ("TREMAUX, TREMAUX PIERRE", "Colette Vaubert Vaubert").
  for (size_t i = 1; i < k; ++i) {
    const Span &a = spans[run[i - 1]], &b = spans[run[i]];
    if (LowerAscii(scan.text.substr(a.begin, a.end - a.begin)) ==
        LowerAscii(scan.text.substr(b.begin, b.end - b.begin))) {
      e[i - 1] -= 3.0;
      e[i] -= 3.0;
    }
  }
  // Capitalised words in the same case read as prose, "Prénom Nom": a tie
  // goes to the first names first.
  double prose = caps == 0 ? 0.25 : 0.0;
  auto score = [&](auto&& label_of) {
    double s = 0;
    for (size_t i = 0; i < k; ++i) s += label_of(i) == Label::kPrenom ? e[i] : -e[i];
    return s;
  };
  // The current labelling is the bar to beat (ties keep what the detectors
  // said) when it is one block of first names and one of surnames; a run
  // with no surname or no first name pays a penalty.
  size_t changes = 0;
  for (size_t i = 1; i < k; ++i)
    changes += spans[run[i]].label != spans[run[i - 1]].label ? 1U : 0U;
  double best = -1e9;
  if (changes <= 1) {
    best = score([&](size_t i) { return spans[run[i]].label; }) + 0.5 - (changes == 0 ? 2.0 : 0.0);
  }
  int best_split = -1;
  bool best_nom_first = false;
  for (size_t split = 1; split < k; ++split) {
    for (bool nom_first : {false, true}) {
      double s =
          score([&](size_t i) { return (i < split) == nom_first ? Label::kNom : Label::kPrenom; });
      if (!nom_first) s += prose;
      // "Francomme, Michel": the surname before the comma.
      if (comma_after[split - 1]) s += nom_first ? 2.0 : -2.0;
      if (s > best) {
        best = s;
        best_split = static_cast<int>(split);
        best_nom_first = nom_first;
      }
    }
  }
  if (best_split < 0) return;
  for (size_t i = 0; i < k; ++i) {
    bool before = static_cast<int>(i) < best_split;
    spans[run[i]].label = before == best_nom_first ? Label::kNom : Label::kPrenom;
  }
}

std::vector<Span> Merged(std::vector<Span>* spans, std::vector<Span>* added) {
  std::sort(added->begin(), added->end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  merged.reserve(spans->size() + added->size());
  std::merge(spans->begin(), spans->end(), added->begin(), added->end(), std::back_inserter(merged),
             [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return merged;
}

bool SingleSpace(const Scan& scan, size_t tok) {
  return tok < scan.tokens.size() && scan.tokens[tok].kind == TokKind::kSpace &&
         !scan.tokens[tok].newline && scan.tokens[tok].end - scan.tokens[tok].begin == 1;
}

bool TitleWord(const std::string& lower) {
  for (std::string_view t : {"m", "mr", "mme", "mlle", "dr", "pr", "docteur", "professeur",
                             "madame", "monsieur", "mademoiselle"}) {
    if (lower == t) return true;
  }
  return false;
}

bool Particle(const std::string& lower) {
  for (std::string_view t : {"de", "du", "des", "la", "le", "van", "von", "di", "da", "del",
                             "della", "ben", "el", "al", "dos", "das"}) {
    if (lower == t) return true;
  }
  return false;
}

// "Dr Le Hen", "Docteur La Course", "Mme De Vestele": after a title, a
// capitalised particle and the next word are one surname.
void AddParticleSurnames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  const auto& toks = scan.tokens;
  std::vector<Span> added;
  for (size_t i = 0; i + 3 < toks.size(); ++i) {
    if (toks[i].kind != TokKind::kWord || !TitleWord(scan.lower[i])) continue;
    size_t p = i + 1;
    if (scan.text[toks[p].begin] == '.' && toks[p].kind == TokKind::kPunct) ++p;
    if (!SingleSpace(scan, p)) continue;
    ++p;
    if (p + 2 >= toks.size() || toks[p].kind != TokKind::kWord || !Particle(scan.lower[p]))
      continue;
    std::string_view particle = scan.text.substr(toks[p].begin, toks[p].end - toks[p].begin);
    size_t w = p + 2;
    std::string_view word = scan.text.substr(toks[w].begin, toks[w].end - toks[w].begin);
    if (!IsCapitalized(particle) && !IsAllCaps(particle)) continue;
    if (!SingleSpace(scan, p + 1) || toks[w].kind != TokKind::kWord ||
        !(IsCapitalized(word) || IsAllCaps(word)) || lex.stopwords.contains(scan.lower[w]))
      continue;
    if (SpanAt(*spans, toks[p].begin) != std::string::npos) continue;
    size_t own = SpanAt(*spans, toks[w].begin);
    if (own == std::string::npos) {
      added.push_back({toks[p].begin, toks[w].end, Label::kNom, 40});
    } else if (IsName((*spans)[own].label) && (*spans)[own].begin == toks[w].begin &&
               (*spans)[own].end == toks[w].end) {
      (*spans)[own].begin = toks[p].begin;
      (*spans)[own].label = Label::kNom;
    }
    i = w;
  }
  if (!added.empty()) *spans = Merged(spans, &added);
}

// "Francomme, Michel Camille", "Rossignol, Colette|22/08/03" opening a line
// or a field: the word before the comma is the surname when a name, or a
// first name ending its field, follows.
void AddRowSurnames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  const auto& toks = scan.tokens;
  auto text = [&](size_t k) {
    return scan.text.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  std::vector<Span> added;
  for (size_t i = 0; i + 3 < toks.size(); ++i) {
    bool opens = i == 0 || toks[i - 1].newline || text(i - 1) == "|";
    if (!opens || toks[i].kind != TokKind::kWord || text(i + 1) != "," ||
        !SingleSpace(scan, i + 2) || toks[i + 3].kind != TokKind::kWord)
      continue;
    std::string_view w = text(i);
    const std::string& lw = scan.lower[i];
    bool name_like = (IsCapitalized(w) || IsAllCaps(w)) ? !lex.stopwords.contains(lw)
                                                        : !lex.Words(scan.lang).Contains(lw);
    // English "Hello, John": only a known or upper-case surname opens a row.
    if (scan.lang != Lang::kFr && !IsAllCaps(w) && !lex.last_names.contains(lw)) continue;
    if (!name_like || w.size() < 2 || SpanAt(*spans, toks[i].begin) != std::string::npos) continue;
    size_t x = i + 3;
    size_t own = SpanAt(*spans, toks[x].begin);
    bool follows = own != std::string::npos && IsName((*spans)[own].label);
    if (own == std::string::npos) {
      std::string_view xw = text(x);
      bool ends =
          x + 1 == toks.size() || toks[x + 1].newline || text(x + 1) == "|" || text(x + 1) == "," ||
          (SingleSpace(scan, x + 1) && x + 2 < toks.size() && toks[x + 2].kind == TokKind::kNumber);
      bool first =
          lex.first_names.contains(scan.lower[x]) || lex.wide_first.contains(scan.lower[x]);
      if ((IsCapitalized(xw) || IsAllCaps(xw)) && first && ends) {
        added.push_back({toks[x].begin, toks[x].end, Label::kPrenom, 40});
        follows = true;
      }
    }
    if (follows) added.push_back({toks[i].begin, toks[i].end, Label::kNom, 40});
  }
  if (!added.empty()) *spans = Merged(spans, &added);
}

// Whether span k (in `all`, whose first `out` entries are the kept ones
// before it) has a name span or a title right before it.
bool NameBefore(const Scan& scan, const std::vector<Span>& all, size_t out, size_t k) {
  const Span& s = all[k];
  if (out > 0 && IsName(all[out - 1].label) &&
      (OneSpace(scan, all[out - 1].end, s.begin) ||
       scan.text.substr(all[out - 1].end, s.begin - all[out - 1].end) == ". "))
    return true;
  size_t p = s.begin;
  while (p > 0 && (scan.text[p - 1] == ' ' || scan.text[p - 1] == '.')) --p;
  size_t b = p;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(scan.text[b - 1])) != 0) --b;
  return b < p && TitleWord(LowerAscii(scan.text.substr(b, p - b)));
}

// The same, or a name span right after it.
bool NameBeside(const Scan& scan, const std::vector<Span>& all, size_t out, size_t k) {
  const Span& s = all[k];
  if (NameBefore(scan, all, out, k)) return true;
  return k + 1 < all.size() && IsName(all[k + 1].label) && OneSpace(scan, s.end, all[k + 1].begin);
}

}  // namespace

void FixNameRuns(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  DropNonNames(scan, lex, spans);
  AddBirthNames(scan, lex, spans);
  // The tagger's guesses (priority 30) on an ordinary word in lower case
  // ("s'est", "conservé", "pause") are dropped; a town keeps its words after
  // its postcode or its first word ("63570 sainte édouard"); hospital names
  // keep theirs ("hôpital européen").
  {
    std::vector<Span>& all = *spans;
    size_t out = 0;
    for (size_t k = 0; k < all.size(); ++k) {
      const Span& s = all[k];
      bool guess = s.priority <= 30 && (IsName(s.label) || s.label == Label::kVille);
      bool drop = false;
      if (guess) {
        std::string_view w = scan.text.substr(s.begin, s.end - s.begin);
        std::string lower = LowerAscii(w);
        bool plain = PlainWord(lex, scan.lang, lower);
        // In English a word of the list is judged so even when a name
        // dictionary holds it ("will", "mark"): the guess is weak.
        bool word = plain || (scan.lang == Lang::kEn && lex.english.Contains(lower));
        drop = !IsCapitalized(w) && w.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == w.npos && word;
        // An ordinary capitalised word ("Visiter l'appartement") with no name
        // or title beside it. (Stopwords stay: the tagger rightly takes the
        // particles of "LE GLOAHEC", "DE PIERREPONT".)
        // A letter glued to a number is a code ("J2", "T4"), not an initial.
        if (w.size() == 1 && s.end < scan.text.size() && scan.text[s.end] >= '0' &&
            scan.text[s.end] <= '9')
          drop = true;
        // Initials and upper-case words ("C.", "COURT", "HOP") are not judged so.
        if (IsName(s.label) && plain && IsCapitalized(w) && w.size() >= 3 &&
            !NameBeside(scan, all, out, k))
          drop = true;
        // English: an ordinary word is in a name's place only after a name
        // or a title ("Bill Hunter", "Dr Hunter"); before a first name it is
        // a role or a verb ("Sister Alma", "Could Ana", "General Practitioner").
        // A word of the English list that a name dictionary also holds
        // ("Sister", "General") is judged so too: the tagger's guess is weak.
        if (scan.lang == Lang::kEn && IsName(s.label) && (plain || lex.english.Contains(lower)) &&
            IsCapitalized(w) && !NameBefore(scan, all, out, k))
          drop = true;
        if (drop && s.label == Label::kVille && out > 0) {
          // Right after the postcode ("63570 sainte"), or inside a town
          // ("saint martin des champs"): a town word before and after.
          const Span& p = all[out - 1];
          bool after_zip = p.label == Label::kZip && OneSpace(scan, p.end, s.begin);
          bool inside = p.label == Label::kVille && OneSpace(scan, p.end, s.begin) &&
                        k + 1 < all.size() && all[k + 1].label == Label::kVille &&
                        OneSpace(scan, s.end, all[k + 1].begin);
          drop = !after_zip && !inside;
        }
      }
      if (!drop) all[out++] = s;
    }
    all.resize(out);
  }
  AddParticleSurnames(scan, lex, spans);
  AddParticleAfterFirstName(scan, lex, spans);
  AddRowSurnames(scan, lex, spans);
  AddInitials(scan, lex, spans);
  // Runs of name spans separated by one space, or by ", " (a comma marks
  // the surname before it).
  std::vector<Span>& s = *spans;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsName(s[i].label)) {
      ++i;
      continue;
    }
    std::vector<size_t> run{i};
    std::vector<bool> comma;
    size_t j = i + 1;
    bool opened_by_initials = false;
    while (j < s.size() && IsName(s[j].label)) {
      size_t a = s[j - 1].end, b = s[j].begin;
      bool space = OneSpace(scan, a, b);
      bool sep_comma = b == a + 2 && scan.text[a] == ',' && scan.text[a + 1] == ' ';
      // "Fm. STAVELOT", "S.-J. Ravelonne": an abbreviated first name or
      // initials, and their dot, opening the run ("M." is Monsieur). A run
      // so opened ends before the next initials ("C. Carlizian D. DEMOUCHET").
      std::string_view prev = scan.text.substr(s[j - 1].begin, a - s[j - 1].begin);
      bool sep_abbrev = run.size() == 1 && b == a + 2 && scan.text.substr(a, 2) == ". " &&
                        (AbbreviatedFirst(scan, s[j - 1]) || (Initials(prev) && prev != "M"));
      if (sep_abbrev) opened_by_initials = true;
      std::string_view next = scan.text.substr(b, s[j].end - b);
      if (opened_by_initials && !sep_abbrev && Initials(next)) break;
      if (!space && !sep_comma && !sep_abbrev) break;
      comma.push_back(sep_comma);
      run.push_back(j);
      ++j;
    }
    comma.push_back(false);
    if (run.size() >= 2) RelabelRun(scan, lex, s, run, comma);
    Label field;
    if (run.size() == 1 && NameFieldCue(scan, s[i].begin, &field)) {
      s[i].label = field;
    } else if (run.size() == 1 && s[i].label == Label::kPrenom && TitleBefore(scan, s[i].begin) &&
               !Initials(scan.text.substr(s[i].begin, s[i].end - s[i].begin))) {
      // "Mme Martin": a lone name after a title is the surname.
      s[i].label = Label::kNom;
    }
    i = j;
  }
  // The replacement walks the spans in order: keep them sorted, never overlapping.
  std::stable_sort(s.begin(), s.end(),
                   [](const Span& a, const Span& b) { return a.begin < b.begin; });
  size_t out = 0, last_end = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    if (out > 0 && s[k].begin < last_end) continue;
    last_end = s[k].end;
    s[out++] = s[k];
  }
  s.resize(out);
}

}  // namespace vigie::privacy::internal
