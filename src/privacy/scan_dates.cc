// Date cues (month words, "né le") used by the digit and word detectors, and
// a refinement after every detector and the tagger have run (the spans are
// resolved, sorted and free of overlaps): what one span means given the
// others of the note.
//  - A DATE is the birth date when its year is the year of birth written in
//    a NIR of the same note (characters 2-3, identifiers.md), or when it
//    stands right after the patient's name in a header or a table row
//    ("Jean Martin, 23/04/1976") in a note without a NIR (or ten years
//    before the note's latest date), or after a sex column ("| F |
//    10/05/1986"); not after a practitioner's name, not with a time (a
//    signature).
//  - Towns and postcodes: scan_towns.cc (RefineTowns).
// Rules written from the development sets' misses (gen_dataset_train,
// public_small_train), never from a report set. Thread-safety: pure.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The two digits of the year of birth of a NIR span ("1 84 03 ..." -> "84"),
// or "" when the span does not hold a NIR's first characters.
std::string NirYear(std::string_view nir) {
  std::string d;
  for (char c : nir) {
    if (Digit(c)) d += c;
    if (d.size() == 3) break;
  }
  if (d.size() < 3 || std::string_view("123478").find(d[0]) == std::string_view::npos) return "";
  return d.substr(1, 2);
}

// The year of a date span written with digits ("14/03/1984", "02-11-76",
// "2 1 1 1 1 9 7 6", "14 juillet 1975"), as written: "1984", "76", or "".
std::string DateYearDigits(std::string_view date) {
  std::vector<std::string> runs;
  std::string cur;
  for (char c : date) {
    if (Digit(c)) {
      cur += c;
    } else if (!cur.empty()) {
      runs.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) runs.push_back(cur);
  if (runs.empty()) return "";
  bool singles = std::all_of(runs.begin(), runs.end(), [](const auto& r) { return r.size() == 1; });
  if (singles && runs.size() == 8) return runs[4] + runs[5] + runs[6] + runs[7];
  const std::string& last = runs.back();
  if (last.size() == 4) return last;
  if (last.size() == 2 && runs.size() >= 3) return last;
  if (last.size() == 8 && runs.size() == 1) return last.substr(4);
  return "";
}

// Its two last digits ("84"), or "".
std::string DateYear(std::string_view date) {
  std::string y = DateYearDigits(date);
  return y.size() == 4 ? y.substr(2) : y;
}

// Its year in full (two digits: 00-30 -> 20xx, else 19xx), or 0.
int FullYear(std::string_view date) {
  std::string y = DateYearDigits(date);
  if (y.empty()) return 0;
  int v = std::stoi(y);
  if (y.size() == 2) v += v <= 30 ? 2000 : 1900;
  return v;
}

// "| F | 10/05/1986": a sex column right before the date (identity rows).
bool AfterSexColumn(std::string_view t, size_t b) {
  size_t i = b;
  auto skip_spaces = [&] {
    while (i > 0 && t[i - 1] == ' ') --i;
  };
  skip_spaces();
  if (i == 0 || t[i - 1] != '|') return false;
  --i;
  skip_spaces();
  if (i == 0 || (t[i - 1] != 'F' && t[i - 1] != 'M' && t[i - 1] != 'H')) return false;
  --i;
  return i > 0 && (t[i - 1] == ' ' || t[i - 1] == '|');
}

bool IsName(Label l) { return l == Label::kNom || l == Label::kPrenom; }

// "12/03/2020 16:34", "le 03/03/2021 à 10h": a date with a time is an event.
bool FollowedByTime(std::string_view t, size_t e) {
  size_t i = e;
  while (i < t.size() && (t[i] == ' ' || t[i] == ',')) ++i;
  if (t.compare(i, 2, "a ") == 0) i += 2;
  if (t.compare(i, 3, "\xC3\xA0 ") == 0) i += 3;  // "à "
  size_t d = i;
  while (d < t.size() && Digit(t[d])) ++d;
  return d > i && d - i <= 2 && d < t.size() && (t[d] == ':' || t[d] == 'h' || t[d] == 'H');
}

// Text between a name and a date: spaces, commas, '|' and at most one sex
// column ("F", "M", "H"). Returns true when it is only that.
bool NameToDateGap(std::string_view gap) {
  int letters = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    // "DUPONT Marie (12/03/1950)", a table's cell ('|' or a tab).
    if (c == ' ' || c == ',' || c == '|' || c == '(' || c == '\t') continue;
    // "MARTIN Jean - 12/03/1976": a dash between spaces.
    if (c == '-' && i > 0 && gap[i - 1] == ' ' && i + 1 < gap.size() && gap[i + 1] == ' ') continue;
    if ((c == 'F' || c == 'M' || c == 'H') && letters == 0 && (i == 0 || !Alpha(gap[i - 1])) &&
        (i + 1 == gap.size() || !Alpha(gap[i + 1]))) {
      ++letters;
      continue;
    }
    return false;
  }
  // A sex column stands between two '|' or tabs ("| F |"), not glued to the name.
  return letters == 0 || gap.find_first_of("|\t") != std::string_view::npos;
}

// A practitioner's title or role just before the name that starts at `b`.
bool PractitionerBefore(const Scan& scan, size_t b) {
  std::string before = scan.Before(b, 16);
  while (!before.empty() && (before.back() == ' ' || before.back() == '.' || before.back() == ':'))
    before.pop_back();
  for (std::string_view title :
       {"dr", "docteur", "pr", "professeur", "interne", "internes", "externe", "cadre", "ide",
        "medecin", "chirurgien", "par", "signe"}) {
    if (before.size() >= title.size() && before.ends_with(title) &&
        (before.size() == title.size() || !Alpha(before[before.size() - title.size() - 1]))) {
      return true;
    }
  }
  return false;
}

// Index of the first span of the run of name spans ending at kept[k - 1],
// separated only by spaces, hyphens, dots or commas.
size_t NameRunStart(const Scan& scan, const std::vector<Span>& kept, size_t k) {
  size_t s = k - 1;
  while (s > 0 && IsName(kept[s - 1].label) && kept[s].begin >= kept[s - 1].end &&
         kept[s].begin - kept[s - 1].end <= 3) {
    std::string_view gap = scan.text.substr(kept[s - 1].end, kept[s].begin - kept[s - 1].end);
    if (gap.find_first_not_of(" -.,") != std::string_view::npos) break;
    --s;
  }
  return s;
}

bool BesideTheName(const Scan& scan, const std::vector<Span>& kept, size_t k) {
  if (k == 0 || !IsName(kept[k - 1].label)) return false;
  const Span& date = kept[k];
  const Span& name = kept[k - 1];
  if (date.begin < name.end || date.begin - name.end > 12) return false;
  if (!NameToDateGap(scan.text.substr(name.end, date.begin - name.end))) return false;
  if (FollowedByTime(scan.text, date.end)) return false;
  return !PractitionerBefore(scan, kept[NameRunStart(scan, kept, k)].begin);
}

}  // namespace

bool IsMonthWord(std::string_view lower) {
  // Cheap rejection first (this runs on most words): three to nine letters
  // starting like a month.
  if (lower.size() < 3 || lower.size() > 9 ||
      std::string_view("jfmasond").find(lower[0]) == std::string_view::npos) {
    return false;
  }
  static const std::array<std::string_view, 44> kMonths = {
      "janvier", "fevrier",   "mars",     "avril",    "mai",      "juin",    "juillet",
      "aout",    "septembre", "octobre",  "novembre", "decembre", "january", "february",
      "march",   "april",     "may",      "june",     "july",     "august",  "september",
      "october", "november",  "december", "janv",     "jan",      "fev",     "fevr",
      "feb",     "avr",       "apr",      "juil",     "jul",      "jun",     "aug",
      "sept",    "sep",       "oct",      "nov",      "dec",      "mar",     "janu",
      "fevrie",  "decemb"};
  for (std::string_view m : kMonths) {
    if (lower == m) return true;
  }
  return false;
}

bool BirthContext(const Scan& scan, size_t pos) {
  std::string b = scan.Before(pos, 24);
  for (std::string_view cue : {"ne le", "nee le", "ne(e)", "naiss", "ddn", "d.d.n", "birth", "dob",
                               "born", "ne en", "nee en", "au monde le"}) {
    size_t at = b.rfind(cue);
    if (at == std::string::npos) continue;
    // A whole word: not "Sainte-Anne le", "née LEGRAND" ("ne le", "nee le";
    // "naiss" and "birth" open longer words).
    size_t e = at + cue.size();
    bool open = cue == "naiss" || cue == "birth";
    if ((at > 0 && std::isalpha(static_cast<unsigned char>(b[at - 1]))) ||
        (!open && e < b.size() && std::isalpha(static_cast<unsigned char>(b[e])))) {
      continue;
    }
    // The cue must belong to this date: no other number between them.
    if (b.find_first_of("0123456789", at) == std::string::npos) return true;
  }
  // "45 ans (12/03/1976)": a date in parentheses after an age.
  if (b.ends_with(" ans (") && b.size() > 6 && b[b.size() - 7] >= '0' && b[b.size() - 7] <= '9') {
    return true;
  }
  // "Née à Albi le 12/05/1960": the date right after the birthplace.
  // (The raw text first: an "à " must stand in the 48 bytes before.)
  size_t from = pos > 48 ? pos - 48 : 0;
  if (b.ends_with(" le ") &&
      scan.text.substr(from, pos - from).find("\xC3\xA0 ") != std::string_view::npos) {
    b = scan.Before(pos, 48);
    for (std::string_view cue : {"ne a ", "nee a ", "ne(e) a "}) {
      size_t at = b.rfind(cue);
      if (at != std::string::npos && (at == 0 || b[at - 1] == ' ' || b[at - 1] == '\n') &&
          b.find_first_of("0123456789", at) == std::string::npos) {
        return true;
      }
    }
  }
  return false;
}
namespace {

// The next token after i, past one space or one '-' on the same line, or npos.
size_t After(const Scan& s, size_t i, bool dash) {
  size_t j = i + 1;
  if (j < s.tokens.size() && s.tokens[j].kind == TokKind::kSpace) {
    if (s.tokens[j].newline) return std::string::npos;
    ++j;
  } else if (dash && j < s.tokens.size() && s.text[s.tokens[j].begin] == '-' &&
             s.tokens[j].end == s.tokens[j].begin + 1) {
    ++j;
  }
  return j < s.tokens.size() ? j : std::string::npos;
}

bool NumberTok(const Scan& s, size_t i, size_t digits) {
  return i != std::string::npos && s.tokens[i].kind == TokKind::kNumber &&
         s.tokens[i].end - s.tokens[i].begin == digits;
}

// A two-digit year must end there: not "19 ans", "12h", "10:30", "93,5".
bool YearEnds(const Scan& s, size_t y) {
  size_t e = s.tokens[y].end;
  if (e < s.text.size() && (Alpha(s.text[e]) || s.text[e] == ':' ||
                            (s.text[e] == ',' && e + 1 < s.text.size() && Digit(s.text[e + 1])))) {
    return false;
  }
  size_t n = After(s, y, false);
  return n == std::string::npos || s.tokens[n].kind != TokKind::kWord ||
         (s.lower[n] != "ans" && s.lower[n] != "an" && s.lower[n] != "mg" && s.lower[n] != "h");
}

// Table columns: a header line whose cell holds a birth cue ("Date de
// naissance", "DDN") makes the dates of that column in the rows below birth
// dates. Cells are split by '|' or tabs; the table ends at a line without.
void BirthColumns(const Scan& scan, std::vector<Span>& kept) {
  std::string_view t = scan.text;
  char sep = 0;
  int column = -1;
  size_t k = 0;
  for (size_t lb = 0; lb < t.size();) {
    size_t le = t.find('\n', lb);
    if (le == std::string_view::npos) le = t.size();
    std::string_view line = t.substr(lb, le - lb);
    char here = std::count(line.begin(), line.end(), '|') >= 2 ? '|'
                : line.find('\t') != std::string_view::npos    ? '\t'
                                                               : 0;
    if (here == 0 || (sep != 0 && here != sep)) column = -1;
    if (here != 0 && line.find_first_of("0123456789") == std::string_view::npos) {
      std::string lower = LowerAscii(line);
      column = -1;
      for (std::string_view cue : {"naiss", "ddn", "d.d.n", "dob", "birth"}) {
        size_t at = lower.find(cue);
        if (at == std::string::npos) continue;
        column = static_cast<int>(
            std::count(lower.begin(), lower.begin() + static_cast<long>(at), here));
        sep = here;
        break;
      }
    } else if (column >= 0) {
      for (; k < kept.size() && kept[k].begin < le; ++k) {
        if (kept[k].begin < lb || kept[k].label != Label::kDate) continue;
        auto cell = std::count(t.begin() + static_cast<long>(lb),
                               t.begin() + static_cast<long>(kept[k].begin), sep);
        if (cell == column) kept[k].label = Label::kDateNaissance;
      }
    }
    while (k < kept.size() && kept[k].begin < le) ++k;
    lb = le + 1;
  }
}

// "Lundi 12/03/2021", "Ven., 9/06/2056": the day of the week before a date
// written in digits belongs to it.
void WeekdaysBeforeDates(const Scan& scan, std::vector<Span>& kept) {
  std::string_view t = scan.text;
  for (size_t k = 0; k < kept.size(); ++k) {
    Span& s = kept[k];
    if ((s.label != Label::kDate && s.label != Label::kDateNaissance) || !Digit(t[s.begin]))
      continue;
    size_t lo = k > 0 ? kept[k - 1].end : 0;
    size_t p = s.begin;
    while (p > lo && t[p - 1] == ' ') --p;
    if (p > lo && t[p - 1] == ',') --p;
    if (p > lo && t[p - 1] == '.') --p;
    size_t w = p;
    while (w > lo && Alpha(t[w - 1])) --w;
    if (w == p || p - w > 8 || (w > 0 && static_cast<unsigned char>(t[w - 1]) >= 0x80)) continue;
    std::string day = LowerAscii(t.substr(w, p - w));
    for (std::string_view d : {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                               "dimanche", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"}) {
      if (day == d) {
        s.begin = w;
        break;
      }
    }
  }
}

// "1 85 05 78 006 084 clé 91": the key written after its word is part of
// the NIR.
void NirKeyAfterItsWord(const Scan& scan, std::vector<Span>& kept) {
  std::string_view t = scan.text;
  size_t n = kept.size();
  for (size_t k = 0; k < n; ++k) {
    if (kept[k].label != Label::kSecu) continue;
    size_t e = kept[k].end;
    size_t limit = t.size();
    for (size_t j = k + 1; j < n && limit == t.size(); ++j) {
      if (kept[j].end > e + 8) limit = kept[j].begin;  // past a span on the word itself
    }
    std::string after = LowerAscii(t.substr(e, 12));
    size_t skip = 0;
    for (std::string_view w : {" cle : ", " cle: ", " cle ", " key "}) {
      if (after.starts_with(w)) {
        skip = w.size() + (t.substr(e, 8).find("\xC3\xA9") != std::string_view::npos ? 1 : 0);
        break;
      }
    }
    size_t b = e + skip;
    if (skip == 0 || b + 2 > limit || !Digit(t[b]) || !Digit(t[b + 1]) ||
        (b + 2 < t.size() && (Digit(t[b + 2]) || Alpha(t[b + 2])))) {
      continue;
    }
    kept.push_back({b, b + 2, Label::kSecu, 80});
  }
  if (kept.size() == n) return;
  std::sort(kept.begin(), kept.end(),
            [](const auto& x, const auto& y) { return x.begin < y.begin; });
}

// A day and a month at t[i] ("2/8", "28.09", "29/ 06"), with the year
// after another mark when there is one ("10 / 03 | 2020", "3/4/19").
// Returns its end, or 0 when it is no date or a unit follows ("3/4 mg").
size_t DayMonthAt(std::string_view t, size_t i) {
  auto number = [&](size_t* p, size_t most) {
    size_t q = *p;
    while (q < t.size() && Digit(t[q])) ++q;
    if (q == *p || q - *p > most) return -1;
    int v = std::stoi(std::string(t.substr(*p, q - *p)));
    *p = q;
    return v;
  };
  auto space = [&](size_t* p) {
    if (*p < t.size() && t[*p] == ' ') ++*p;
  };
  size_t p = i;
  int day = number(&p, 2);
  space(&p);
  if (day < 1 || day > 31 || p >= t.size() || (t[p] != '/' && t[p] != '.')) return 0;
  ++p;
  space(&p);
  int month = number(&p, 2);
  if (month < 1 || month > 12) return 0;
  size_t end = p;
  space(&p);
  if (p < t.size() && std::string_view("/.|-").find(t[p]) != std::string_view::npos) {
    ++p;
    space(&p);
    size_t q = p;
    int year = number(&q, 4);
    if (year >= 0 && (q - p == 2 || q - p == 4)) end = q;
  }
  if (end < t.size() &&
      (Digit(t[end]) || Alpha(t[end]) || t[end] == '%' || t[end] == '/' ||
       (end + 1 < t.size() && (t[end] == '.' || t[end] == ',') && Digit(t[end + 1])))) {
    return 0;
  }
  std::string_view rest = t.substr(end, 8);
  for (std::string_view unit : {" mg", " g ", " ml", " cp", " ui", " comp", " par ", " fois"}) {
    if (rest.starts_with(unit)) return 0;
  }
  return end;
}

// Lists of cures, cycles or sessions labelled by a capital and a number
// ("C1 3/4/19 C2 1/7/19 C3 2/8 C4 16/09 C5 28.09", "J1 4/3, J8 11/3",
// "S8 12 / 05, S9 01 / 07 | 1995"): each item's day and month is a date.
// Alone "2/8" or "28.09" could be a dose or a decimal, so a line needs two
// labelled items ("C3 3/10 sur l'échelle" is a score).
void ScanListDates(Scan& s) {
  std::string_view t = s.text;
  std::vector<std::pair<size_t, size_t>> items;
  auto flush = [&] {
    if (items.size() >= 2) {
      for (auto [b, e] : items) s.Add(b, e, Label::kDate, 80);
    }
    items.clear();
  };
  // Over the tokens: a one-letter capital word glued to a number ("C3").
  for (size_t k = 0; k + 1 < s.tokens.size(); ++k) {
    const Token& tok = s.tokens[k];
    if (tok.newline) flush();
    if (tok.kind != TokKind::kWord || tok.end != tok.begin + 1 ||
        s.tokens[k + 1].kind != TokKind::kNumber || s.tokens[k + 1].begin != tok.end) {
      continue;
    }
    size_t i = tok.begin;
    if (t[i] < 'A' || t[i] > 'Z' || (i > 0 && (Alpha(t[i - 1]) || Digit(t[i - 1])))) continue;
    size_t p = i + 1;
    while (p < t.size() && Digit(t[p]) && p - i <= 3) ++p;
    if (p == i + 1 || p - i > 3 || p + 1 >= t.size() || t[p] != ' ') continue;
    ++p;
    if (t[p] == ' ') ++p;  // "C9 01 /09  C10"
    if (p >= t.size() || !Digit(t[p])) continue;
    if (size_t e = DayMonthAt(t, p); e != 0) items.emplace_back(p, e);
  }
  flush();
}

// "du 12 au 18 mars 2021", "entre le 3 et le 5 avril": the first day of a
// range whose second day carries the month.
void ScanDayRanges(Scan& s) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (!NumberTok(s, i, 1) && !NumberTok(s, i, 2)) continue;
    size_t b = s.tokens[i].begin;
    size_t w = After(s, i, false);
    if (w == std::string::npos || (s.lower[w] != "au" && s.lower[w] != "et")) continue;
    std::string before = s.Before(b, 10);
    // "du 12 au", "entre le 3 et le 5", "le 12 et le 14", "les 2 et 4".
    if (!before.ends_with(" du ") && before != "du " && !before.ends_with(" le ") &&
        before != "le " && !before.ends_with("les ")) {
      continue;
    }
    int day = std::stoi(std::string(s.text.substr(b, s.tokens[i].end - b)));
    if (day < 1 || day > 31) continue;
    size_t n = After(s, w, false);
    if (n != std::string::npos && s.lower[n] == "le") n = After(s, n, false);
    if (!NumberTok(s, n, 1) && !NumberTok(s, n, 2)) continue;
    // "au 5/05/2021": the second day carries a month in digits.
    size_t ne = s.tokens[n].end;
    bool digit_month =
        ne + 1 < s.text.size() && (s.text[ne] == '/' || s.text[ne] == '.') && Digit(s.text[ne + 1]);
    size_t m = After(s, n, false);
    if (m != std::string::npos && s.lower[m] == "er") m = After(s, m, false);
    if (!digit_month && (m == std::string::npos || s.tokens[m].kind != TokKind::kWord ||
                         !IsMonthWord(s.lower[m]))) {
      continue;
    }
    s.Add(b, s.tokens[i].end, Label::kDate, 79);
  }
}

}  // namespace

// Dates with a month word that the place scanner's word dates leave out:
// a two-digit year ("le 28 mars 19", "en décembre 93"), an abbreviated month
// with its dot ("15 janv. 2020") or hyphens ("12-janv-2020").
void ScanMonthDates(Scan& s) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    size_t m = std::string::npos;
    size_t b = s.tokens[i].begin;
    // "mi-mars 2020": the month after "mi-" (one token), the date from it.
    bool mid = s.tokens[i].kind == TokKind::kWord && s.lower[i].starts_with("mi-") &&
               IsMonthWord(std::string_view(s.lower[i]).substr(3));
    if (mid) {
      m = i;
      b += 3;
    } else if (s.tokens[i].kind == TokKind::kNumber && s.tokens[i].end - b <= 2) {
      int day = std::stoi(std::string(s.text.substr(b, s.tokens[i].end - b)));
      if (day < 1 || day > 31) continue;
      m = After(s, i, true);
      if (m != std::string::npos && s.lower[m] == "er") m = After(s, m, false);  // "1er"
    } else if (s.tokens[i].kind == TokKind::kWord && IsMonthWord(s.lower[i]) &&
               s.lower[i].size() >= 3) {
      std::string before = s.Before(b, 8);
      if (before.ends_with("en ") || before.ends_with("depuis ") || before.ends_with("fin ") ||
          before.ends_with("debut ")) {
        m = i;
      }
    }
    if (m == std::string::npos || s.tokens[m].kind != TokKind::kWord ||
        !(mid || IsMonthWord(s.lower[m]))) {
      continue;
    }
    size_t k = m;
    bool dot = k + 1 < s.tokens.size() && s.text[s.tokens[k + 1].begin] == '.' &&
               s.tokens[k + 1].end == s.tokens[k + 1].begin + 1;
    if (dot) ++k;  // "janv."
    size_t y = After(s, k, true);
    bool four = NumberTok(s, y, 4);
    bool two = NumberTok(s, y, 2) && YearEnds(s, y);
    if (two && m == i) {  // no day: "en décembre 93." but not "en mars 15 patients"
      size_t n = After(s, y, false);
      two = n == std::string::npos || s.tokens[n].kind != TokKind::kWord;
    }
    if (!four && !two) continue;
    if (four && !dot && !mid && s.text[s.tokens[y].begin - 1] != '-')
      continue;  // the place scanner's
    Label l = BirthContext(s, b) ? Label::kDateNaissance : Label::kDate;
    s.Add(b, s.tokens[y].end, l, 79);
  }
  ScanListDates(s);
  ScanDayRanges(s);
}

void RefineSpans(const Scan& scan, std::vector<Span>& kept) {
  std::string years;  // two characters per NIR
  for (const Span& s : kept) {
    if (s.label != Label::kSecu) continue;
    std::string y = NirYear(scan.text.substr(s.begin, s.end - s.begin));
    if (!y.empty()) years += y;
  }
  int newest = 0;  // the latest year of the note's dates
  for (const Span& s : kept) {
    if (s.label == Label::kDate || s.label == Label::kDateNaissance) {
      newest = std::max(newest, FullYear(scan.text.substr(s.begin, s.end - s.begin)));
    }
  }
  // "Loi du 18 août 2013", "Décret n°2013-1066 du 3 juin 2013": the date
  // of a legal text names no patient.
  std::erase_if(kept, [&](const Span& s) {
    if (s.label != Label::kDate) return false;
    std::string before = scan.Before(s.begin, 32);
    if (!before.ends_with(" du ")) return false;
    for (std::string_view text : {"loi ", "decret", "arrete ", "circulaire", "ordonnance "}) {
      if (before.find(text) != std::string::npos) return true;
    }
    return false;
  });
  for (size_t k = 0; k < kept.size(); ++k) {
    Span& s = kept[k];
    if (s.label != Label::kDate) continue;
    std::string_view date = scan.text.substr(s.begin, s.end - s.begin);
    std::string y = DateYear(date);
    bool nir_year = false;
    for (size_t i = 0; !y.empty() && i + 1 < years.size() && !nir_year; i += 2) {
      nir_year = years.compare(i, 2, y) == 0;
    }
    // With a NIR in the note, a date beside the name is a birth date only
    // when it is ten years older than the note's latest date: in a
    // treatment table it is the date of a dose.
    int year = FullYear(date);
    bool old = year > 0 && year + 10 <= newest;
    if (nir_year || AfterSexColumn(scan.text, s.begin) ||
        ((years.empty() || old) && BesideTheName(scan, kept, k))) {
      s.label = Label::kDateNaissance;
    }
  }
  WeekdaysBeforeDates(scan, kept);
  NirKeyAfterItsWord(scan, kept);
  BirthColumns(scan, kept);
  RefineTowns(scan, kept);
}

}  // namespace vigie::privacy::internal
