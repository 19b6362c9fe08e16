// Context detectors added after reading the misses of the development set
// (gen_dataset_train, public_small_train; never the report sets):
//  - postcodes by their place in an address ("39 quai Branly, 75019, Paris",
//    "dans le 75001", "92 100 BOULOGNE", Corsican "2A 801");
//  - dates written in words ("deux janvier mille neuf cent soixante dix
//    huit", "vingt-six 02 2012");
//  - a year alone after "en", "depuis" or a list dash ("en 2003", "- 1981").
// Thread-safety: pure functions over a per-call Scan.
#include <array>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(char c) { return c >= 'a' && c <= 'z'; }

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

const std::array<std::string_view, 16> kStreetWords = {
    "rue",  "avenue", "av",      "bd",    "boulevard", "place", "chemin",   "allee",
    "quai", "cours",  "impasse", "route", "square",    "voie",  "faubourg", "residence"};

// Number words of French dates ("vingt-six" is split on its hyphens).
const std::array<std::string_view, 30> kNumberWords = {
    "un",      "une",   "deux",   "trois",  "quatre",   "cinq",      "six",      "sept",
    "huit",    "neuf",  "dix",    "onze",   "douze",    "treize",    "quatorze", "quinze",
    "seize",   "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "et",
    "premier", "mille", "cent",   "cents",  "mil",      "zero"};

bool NumberWord(std::string_view lower) {
  // Cheap rejection first: this runs on every lower-case word of the text.
  if (lower.size() < 2 ||
      std::string_view("cdehmnopqstuvz").find(lower[0]) == std::string_view::npos) {
    return false;
  }
  size_t b = 0;
  while (b <= lower.size()) {
    size_t e = lower.find('-', b);
    if (e == std::string_view::npos) e = lower.size();
    if (!In(kNumberWords, lower.substr(b, e - b))) return false;
    b = e + 1;
  }
  return true;
}

// The next non-space token after i on the same line, or npos.
size_t Next(const Scan& s, size_t i) {
  size_t j = i + 1;
  if (j < s.tokens.size() && s.tokens[j].kind == TokKind::kSpace) {
    if (s.tokens[j].newline) return std::string::npos;
    ++j;
  }
  return j < s.tokens.size() ? j : std::string::npos;
}

std::string_view Text(const Scan& s, size_t i) {
  return s.text.substr(s.tokens[i].begin, s.tokens[i].end - s.tokens[i].begin);
}

bool CityWord(const Scan& s, size_t i) {
  if (i == std::string::npos || s.tokens[i].kind != TokKind::kWord) return false;
  std::string_view w = Text(s, i);
  // Three letters at least: "UI", "MG" after a number are units, not cities.
  return w.size() >= 3 && (Upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80);
}

bool Unit(std::string_view lower) {
  for (std::string_view u : {"mg", "g", "ml", "ui", "kg", "mcg", "l", "mmol", "cp", "ans", "u"}) {
    if (lower == u) return true;
  }
  return false;
}

// A street word among the few tokens before i on the same line.
bool AfterStreet(const Scan& s, size_t i) {
  for (size_t k = i, n = 0; k > 0 && n < 24; --k, ++n) {
    if (s.tokens[k - 1].newline) return false;
    if (s.tokens[k - 1].kind == TokKind::kWord && In(kStreetWords, s.lower[k - 1])) return true;
  }
  return false;
}

// Postcode at token i: returns its end byte, or 0. "75019", "92 100",
// "2A801", "2B 294".
size_t ZipEnd(const Scan& s, size_t i) {
  std::string_view t = s.text;
  size_t b = s.tokens[i].begin;
  std::string_view w = Text(s, i);
  if (w.size() == 5) return s.tokens[i].end;
  size_t p = b + w.size();
  bool corsica = w == "2" && p < t.size() && (t[p] == 'A' || t[p] == 'B');
  if (corsica) ++p;
  if (w.size() != 2 && !corsica) return 0;
  if (p < t.size() && t[p] == ' ') ++p;
  size_t q = p;
  while (q < t.size() && Digit(t[q])) ++q;
  bool tail_ok = q - p == 3 && (q == t.size() || !Digit(t[q]));
  return tail_ok ? q : 0;
}

void ZipInAddress(Scan& s, size_t i) {
  size_t end = ZipEnd(s, i);
  if (end == 0) return;
  size_t b = s.tokens[i].begin;
  if (b > 0 && (Digit(s.text[b - 1]) || s.text[b - 1] == '/' || s.text[b - 1] == '.')) return;
  std::string before = s.Before(b, 12);
  bool cue = before.ends_with("dans le ") || before.ends_with("code postal ") ||
             before.ends_with("postal : ") || before.ends_with("postal: ") ||
             before.ends_with("cp ") || before.ends_with("cp : ");
  // The token after the postcode (past a comma), for the city.
  size_t k = i;
  while (k < s.tokens.size() && s.tokens[k].end <= end) ++k;
  if (k < s.tokens.size() && s.tokens[k].kind == TokKind::kSpace && !s.tokens[k].newline) ++k;
  if (k < s.tokens.size() && Text(s, k) == ",") k = Next(s, k);
  bool city = k != std::string::npos && k < s.tokens.size() && CityWord(s, k);
  // After a street: "39 quai Branly, 75019, Paris", "11 COURS ALBERT THOMAS 13 608 LYON".
  // "14 avenue Franklin 35 133 et": a spaced postcode after a street also
  // without a city, when no unit follows ("10 000 UI").
  bool unit = k != std::string::npos && k < s.tokens.size() && s.tokens[k].kind == TokKind::kWord &&
              (!Lower(Text(s, k)[0]) || Unit(s.lower[k]));
  // A field between commas before a town: "..., 34223, Montauban.", "97 289, Saint-Denis".
  bool field = city && before.ends_with(", ") && end < s.text.size() && s.text[end] == ',';
  if (!cue && !field && !(AfterStreet(s, i) && (city || end - b == 5 || (end - b == 6 && !unit))))
    return;
  s.Add(b, end, Label::kZip, 63);
  if (!city) return;
  size_t last = k;
  for (size_t n = 0, j = Next(s, k); n < 3 && j != std::string::npos && CityWord(s, j); ++n) {
    last = j;
    j = Next(s, j);
  }
  s.Add(s.tokens[k].begin, s.tokens[last].end, Label::kVille, 54);
}

// A two-digit year ends its date: then punctuation, the end of the line or
// of the text; not a word ("20 minutes") nor another number.
bool TwoDigitYearEnds(const Scan& s, size_t y) {
  size_t e = s.tokens[y].end;
  if (e == s.text.size()) return true;
  char c = s.text[e];
  if (c == '\n' || c == ',' || c == ';' || c == ')') return true;
  if (c == '.') return e + 1 == s.text.size() || !Digit(s.text[e + 1]);
  if (c != ' ') return false;
  size_t n = Next(s, y);
  return n == std::string::npos || s.tokens[n].kind == TokKind::kPunct;
}

// Day in words, month as a word or two digits, year in digits or words:
// "deux janvier mille neuf cent soixante dix huit".
void WordNumberDate(Scan& s, size_t i) {
  if (!NumberWord(s.lower[i]) || s.lower[i] == "et" || s.lower[i] == "mille") return;
  if (i > 0) {
    size_t p = i - 1;
    if (s.tokens[p].kind == TokKind::kSpace && p > 0) --p;
    if (s.tokens[p].kind == TokKind::kWord && NumberWord(s.lower[p])) return;  // not the start
  }
  size_t k = i, last_day = i;
  for (int n = 0; n < 4; ++n) {
    size_t j = Next(s, k);
    if (j == std::string::npos || s.tokens[j].kind != TokKind::kWord || !NumberWord(s.lower[j])) {
      break;
    }
    last_day = k = j;
  }
  size_t m = Next(s, last_day);
  if (m == std::string::npos) return;
  bool month_word = s.tokens[m].kind == TokKind::kWord && IsMonthWord(s.lower[m]);
  bool month_num = s.tokens[m].kind == TokKind::kNumber && Text(s, m).size() == 2;
  if (!month_word && !month_num) return;
  size_t end = m;
  size_t y = Next(s, m);
  if (y != std::string::npos && s.tokens[y].kind == TokKind::kNumber && Text(s, y).size() == 4) {
    end = y;
  } else if (month_word && y != std::string::npos && s.tokens[y].kind == TokKind::kNumber &&
             Text(s, y).size() == 2 && TwoDigitYearEnds(s, y)) {
    end = y;  // "vingt mars 20,": a two-digit year
  } else {
    for (int n = 0; n < 8 && y != std::string::npos && s.tokens[y].kind == TokKind::kWord &&
                    NumberWord(s.lower[y]);
         ++n) {
      end = y;
      y = Next(s, y);
    }
  }
  if (month_num && end == m) return;  // "vingt 12": no year, not a date
  size_t b = s.tokens[i].begin;
  Label l = BirthContext(s, b) ? Label::kDateNaissance : Label::kDate;
  // Above the digit rules: "vingt-six 02 2012 12:32" is a date, not a record number.
  s.Add(b, s.tokens[end].end, l, 81);
}

void YearAlone(Scan& s, size_t i) {
  std::string_view w = Text(s, i);
  if (w.size() != 4 || !(w.starts_with("19") || w.starts_with("20"))) return;
  size_t b = s.tokens[i].begin, e = s.tokens[i].end;
  // "2020." ends a sentence; "2020.5", "2020/21" are no year alone.
  bool dot_ends =
      e < s.text.size() && s.text[e] == '.' && (e + 1 == s.text.size() || !Digit(s.text[e + 1]));
  if (e < s.text.size() && (Digit(s.text[e]) || s.text[e] == '/' || s.text[e] == '.') &&
      !dot_ends) {
    return;
  }
  // "(2015)": a year alone in parentheses.
  bool parens = b > 0 && s.text[b - 1] == '(' && e < s.text.size() && s.text[e] == ')';
  // "1998 : appendicectomie", "2005 - fracture": a year opening a line of
  // a history list.
  size_t lb = b;
  while (lb > 0 && (s.text[lb - 1] == ' ' || s.text[lb - 1] == '-' || s.text[lb - 1] == '*')) --lb;
  std::string_view rest = s.text.substr(e, 3);
  bool line_start = (lb == 0 || s.text[lb - 1] == '\n') &&
                    (rest.starts_with(" :") || rest.starts_with(":") || rest.starts_with(" - "));
  // "2015-2016": the second year of a range (a later year, within 30).
  auto year_at = [&](size_t p) {
    if (p + 4 > s.text.size() || (p > 0 && Digit(s.text[p - 1]))) return 0;
    int v = 0;
    for (size_t k = p; k < p + 4; ++k) {
      if (!Digit(s.text[k])) return 0;
      v = v * 10 + (s.text[k] - '0');
    }
    return v >= 1900 && v <= 2099 ? v : 0;
  };
  int self = year_at(b);
  int first = b >= 5 && s.text[b - 1] == '-' ? year_at(b - 5) : 0;
  bool range = first > 0 && self > first && self - first <= 30;
  if (b > 0 && !(s.text[b - 1] == ' ') && !parens && !range && !(line_start && lb == b)) return;
  std::string before = s.Before(b, 10);
  bool cue = parens || line_start || before.ends_with(" en ") || before.ends_with("depuis ") ||
             before.ends_with(" - ") || before.ends_with("annee ") || before.ends_with(" in ") ||
             before.ends_with("since ") || before.ends_with("fin ") || before.ends_with("debut ") ||
             before.ends_with("courant ") || before == "en ";
  // "vers 2015", "avant 2010", "jusqu'en 2018", "l'été 2019", "1er trimestre
  // 2020", "entre 2015 et 2017".
  if (!cue) {
    for (std::string_view c :
         {" vers ", "avant ", "apres ", "'en ",
          "\x99"
          "en ",
          "entre ", "ete ", "hiver ", "printemps ", "automne ", "trimestre ", "semestre "}) {
      cue = cue || before.ends_with(c);
    }
    cue = cue || (before.ends_with(" et ") && s.Before(b, 24).find("entre ") != std::string::npos);
    // "de 2010 à 2015": a year after "de" when a later year follows "à".
    if (!cue && before.ends_with(" de ")) {
      std::string_view after = s.text.substr(e, 4);
      size_t y = after.starts_with(" \xC3\xA0 ") ? e + 4 : after.starts_with(" a ") ? e + 3 : 0;
      int next = y != 0 ? year_at(y) : 0;
      cue = next > self && next - self <= 30;
    }
    // ... and the later year after "à" ("2010 à 2015").
    if (!cue && (before.ends_with(" a ") || before == "a ")) {
      size_t a = s.text.substr(0, b).ends_with(" \xC3\xA0 ") ? 4 : 3;
      int prev = b >= a + 4 ? year_at(b - a - 4) : 0;
      cue = prev > 0 && self > prev && self - prev <= 30;
    }
  }
  cue = cue || range;
  if (!cue) return;
  size_t n = Next(s, i);
  if (n != std::string::npos && s.tokens[n].kind == TokKind::kWord) {
    std::string_view unit = s.lower[n];
    for (std::string_view u : {"mg", "g", "ml", "ui", "kg", "mcg", "l", "mmol", "cp", "ans"}) {
      if (unit == u) return;
    }
  }
  s.Add(b, e, BirthContext(s, b) ? Label::kDateNaissance : Label::kDate, 60);  // "né en 1962"
}

bool Alpha(char c) { return Lower(c) || Upper(c); }

// Cue words naming the identifier that follows them (moved from scan_ids.cc).
struct Cue {
  std::string_view word;
  Label label;
  bool whole = false;  // the word must end there ("tel", not "telle")
};
const Cue kCues[] = {
    {"tel", Label::kTel, true},
    {"telephone", Label::kTel, true},
    {"fax", Label::kTel, true},
    {"portable", Label::kTel, true},
    {"mobile", Label::kTel, true},
    {"standard", Label::kTel, true},
    {"secretariat", Label::kTel, true},
    {"joignable", Label::kTel, true},
    {"joignables", Label::kTel, true},
    {"appeler", Label::kTel, true},
    {"hospitalisation", Label::kNda},
    {"iep", Label::kNda, true},
    {"assure", Label::kSecu, true},
    {"assuree", Label::kSecu, true},
    {"rpps", Label::kRpps},
    {"adeli", Label::kAdeli},
    {"finess", Label::kFiness},
    {"ipp", Label::kIpp},
    {"nip", Label::kIpp},
    {"identifiant", Label::kIpp},
    {"mrn", Label::kIpp},
    {"record", Label::kIpp},
    {"patient", Label::kIpp},
    {"nda", Label::kNda},
    {"sejour", Label::kNda},
    {"venue", Label::kNda},
    {"dossier", Label::kNda},
    {"visit", Label::kNda},
    {"admission", Label::kNda},
    {"episode", Label::kNda},
    {"secu", Label::kSecu},
    {"nir", Label::kSecu},
    {"ins", Label::kSecu},
    {"securite", Label::kSecu},
    {"ssn", Label::kSecu},
    {"immatriculation", Label::kSecu},
};

}  // namespace

bool ContextLabel(const Scan& scan, size_t pos, Label* label, std::string_view* word) {
  std::string before = scan.Before(pos, 40);
  // The nearest cue starts the rightmost word that begins with one; at the
  // same place the longer wins ("telephone", not "tel"). One pass over the
  // word starts, from the end (this runs for every digit run).
  for (size_t at = before.size(); at-- > 0;) {
    if (!Alpha(before[at]) || (at > 0 && Alpha(before[at - 1]))) continue;
    const Cue* found = nullptr;
    for (const Cue& cue : kCues) {
      if (cue.word[0] != before[at] || before.compare(at, cue.word.size(), cue.word) != 0) continue;
      size_t end = at + cue.word.size();
      if (cue.whole && end < before.size() && Alpha(before[end])) continue;
      if (found == nullptr || cue.word.size() > found->word.size()) found = &cue;
    }
    if (found != nullptr) {
      *label = found->label;
      if (word != nullptr) *word = found->word;
      return true;
    }
  }
  return false;
}

void ScanContext(Scan& scan) {
  ScanMonthDates(scan);
  for (size_t i = 0; i < scan.tokens.size(); ++i) {
    TokKind kind = scan.tokens[i].kind;
    if (kind == TokKind::kNumber) {
      ZipInAddress(scan, i);
      YearAlone(scan, i);
    } else if (kind == TokKind::kWord && Lower(Text(scan, i)[0])) {
      WordNumberDate(scan, i);
    }
  }
}

}  // namespace vigie::privacy::internal
