// Detectors of structured identifiers written with digits: IP, phone, NIR,
// dates, ages over 89, record numbers (IPP/NDA/RPPS/ADELI/FINESS by shape and
// context words). Mail, URL, IBAN: scan_mail.cc. Thread-safety: pure functions over a per-call
// Scan.
#include <algorithm>
#include <array>
#include <cstring>

#include "privacy/scanner.h"
#include "vigie/privacy/validators.h"

namespace vigie::privacy::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool Alnum(char c) { return Digit(c) || Alpha(c); }

struct Run {
  size_t begin = 0;
  std::vector<size_t> group_begin;  // byte start of each group
  std::vector<size_t> group_end;    // byte end of each group
  std::vector<std::string> groups;  // digits (or 2A/2B)
  std::vector<std::string> seps;    // separator before group i (seps[0] empty)
};

std::string Join(const Run& r, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += r.groups[i];
  return s;
}

bool ValidDmy(int d, int m, int y) { return d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 0; }

// Value of up to 9 leading digits (longer groups saturate: no overflow).
int Num(std::string_view s) {
  int v = 0;
  for (size_t i = 0; i < s.size() && i < 9; ++i) v = v * 10 + (Digit(s[i]) ? s[i] - '0' : 0);
  return s.size() > 9 ? 999999999 : v;
}

std::string Trimmed(const std::string& sep) {
  std::string out;
  for (char c : sep) {
    if (c != ' ') out += c;
  }
  return out;
}

bool IsDate(const Run& r, size_t n) {
  bool marked = false;
  for (size_t i = 1; i < n; ++i) {
    if (r.seps[i].find_first_of("/.-|") != std::string::npos) marked = true;
  }
  if (n == 3 && marked && Trimmed(r.seps[1]) == Trimmed(r.seps[2])) {
    const auto& g = r.groups;
    if (g[0].size() == 4 && g[1].size() <= 2 && g[2].size() <= 2) {
      return ValidDmy(Num(g[2]), Num(g[1]), Num(g[0]));
    }
    return g[0].size() <= 2 && g[1].size() <= 2 && (g[2].size() == 2 || g[2].size() == 4) &&
           (ValidDmy(Num(g[0]), Num(g[1]), 0) || ValidDmy(Num(g[1]), Num(g[0]), 0));
  }
  // "10 / 03 | 2020": a day and a month, then a four-digit year after
  // another mark (each separator one of / . - |).
  if (n == 3 && r.groups[0].size() <= 2 && r.groups[1].size() <= 2 && r.groups[2].size() == 4) {
    std::string s1 = Trimmed(r.seps[1]), s2 = Trimmed(r.seps[2]);
    int y = Num(r.groups[2]);
    if (s1.size() == 1 && s2.size() == 1 && std::strchr("/.-|", s1[0]) != nullptr &&
        std::strchr("/.-|", s2[0]) != nullptr && y >= 1900 && y <= 2100 &&
        ValidDmy(Num(r.groups[0]), Num(r.groups[1]), 0)) {
      return true;
    }
  }
  // "20 12 2003": day, month and a four-digit year separated by spaces.
  if (n == 3 && r.seps[1] == " " && r.seps[2] == " " && r.groups[0].size() <= 2 &&
      r.groups[1].size() <= 2 && r.groups[2].size() == 4) {
    int y = Num(r.groups[2]);
    if (ValidDmy(Num(r.groups[0]), Num(r.groups[1]), 0) && y >= 1900 && y <= 2100) return true;
  }
  // "16/09", "13 / 03": day and month without a year (both written with two digits).
  if (n == 2 && r.seps[1].find('/') != std::string::npos && r.groups[0].size() == 2 &&
      r.groups[1].size() == 2) {
    return ValidDmy(Num(r.groups[0]), Num(r.groups[1]), 0);
  }
  // "03/2020", "03-2020", "03.2020": a month and a year.
  if (n == 2 && marked && r.groups[1].size() == 4 && r.groups[0].size() <= 2) {
    int m = Num(r.groups[0]), y = Num(r.groups[1]);
    bool sep = r.seps[1].find('/') != std::string::npos ||
               (r.groups[0].size() == 2 && (r.seps[1] == "-" || r.seps[1] == "."));
    return m >= 1 && m <= 12 && y >= 1900 && y <= 2100 && sep;
  }
  // Spaced-out digits: "0 7 0 8 1 9 8 3", "1 2 . 0 6 . 1 9 8 1".
  std::string d = Join(r, n);
  if (n >= 6 && d.size() == 8) {
    for (size_t i = 0; i < n; ++i) {
      if (r.groups[i].size() > 2) return false;
    }
    int y = Num(d.substr(4));
    return ValidDmy(Num(d.substr(0, 2)), Num(d.substr(2, 2)), 0) && y >= 1900 && y <= 2100;
  }
  return false;
}

// Seven spaced single digits making a whole run: a day, a month and a year
// cut short ("2 9 0 2 1 9 9": the first three digits of 19xx or 20xx). Only
// the whole run: inside a longer one the digits belong to a NIR or a date.
bool ShortSpacedDate(const Scan& scan, const Run& r, size_t n) {
  if (n != 7 || r.groups.size() != 7) return false;
  std::string d = Join(r, n);
  if (d.size() != 7 || (d.compare(4, 2, "19") != 0 && d.compare(4, 2, "20") != 0)) {
    return false;
  }
  for (size_t i = 1; i < n; ++i) {
    if (r.seps[i] != " ") return false;
  }
  size_t b = r.begin;
  std::string_view t = scan.text;
  if (b >= 2 && (t[b - 1] == ' ' || t[b - 1] == '.' || t[b - 1] == '-') && Digit(t[b - 2])) {
    return false;
  }
  return ValidDmy(Num(d.substr(0, 2)), Num(d.substr(2, 2)), 0);
}

// Strict shapes first; with `fallback`, any run of >= 8 digits in one group
// or in space-separated groups is a record number (IPP).
struct Context {
  bool has_cue = false;
  Label cue = Label::kIpp;
  std::string_view word;  // the cue word
  bool noisy = false;     // the whole run: many groups of three sizes or more
  // A cue naming a record ("IPP", "dossier"), not only the patient.
  bool Record() const {
    return has_cue && cue != Label::kTel && cue != Label::kSecu && word != "patient";
  }
};

// Sex 1 or 2 then a month 01-12, or 20 and above (unknown or special month).
bool NirMonth(const std::string& d) {
  if (d[0] != '1' && d[0] != '2') return false;
  int m = (d[3] - '0') * 10 + (d[4] - '0');
  return (m >= 1 && m <= 12) || m >= 20;
}

// A NIR is written in one block, digit by digit, or split between its
// fields: sex (1), year (2), month (2), department (2), commune (3), order
// (3), key (2). "1 85 05 78 006 084 91", "2 82 0410 454 828"; not "39 102 102 ...".
bool NirGrouping(const Run& r, size_t n) {
  bool singles = true;
  for (size_t i = 0; i < n && singles; ++i) singles = r.groups[i].size() == 1;
  if (n == 1 || singles) return true;
  size_t pos = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    pos += r.groups[i].size();
    if (pos != 1 && pos != 3 && pos != 5 && pos != 7 && pos != 10 && pos != 13) return false;
  }
  return true;
}

// A date word just before `pos`: "le", "du", "au", "depuis", "date :".
bool DateWordBefore(const Scan& scan, size_t pos) {
  std::string before = scan.Before(pos, 10);
  for (std::string_view cue : {" le ", " du ", " au ", "depuis ", "date : ", "date: "}) {
    if (before.ends_with(cue)) return true;
  }
  return before == "le " || before == "du " || before == "au ";
}

// After a date word: "le 23022018" (eight digits making a day, a month and
// a year 1900-2100), "le 3/4", "le 12.03" (a day and a month: without the
// word they are doses, fractions and decimals).
// "en", "depuis", "fin", "début", "courant" just before `pos`.
bool TimeCueBefore(const Scan& scan, size_t pos) {
  std::string before = scan.Before(pos, 10);
  return before.ends_with(" en ") || before == "en " || before.ends_with("depuis ") ||
         before.ends_with("fin ") || before.ends_with("debut ") || before.ends_with("courant ");
}

bool CompactDate(const Scan& scan, const Run& r, size_t n) {
  // "depuis 03/20", "fin 11/21": a month and a two-digit year that cannot
  // be a day and a month, after a cue of time.
  if (n == 2 && r.seps[1] == "/" && r.groups[0].size() == 2 && r.groups[1].size() == 2) {
    int m = Num(r.groups[0]), y = Num(r.groups[1]);
    size_t e = r.group_end[1];
    bool ends = e >= scan.text.size() || !(Digit(scan.text[e]) || Alpha(scan.text[e]));
    if (m >= 1 && m <= 12 && y > 12 && ends && TimeCueBefore(scan, r.begin)) return true;
  }
  if (n == 2 && r.groups[0].size() <= 2 && r.groups[1].size() <= 2 &&
      (r.seps[1] == "/" || (r.seps[1] == "." && r.groups[1].size() == 2))) {
    // Not "depuis 2/3 semaines" (a duration).
    return ValidDmy(Num(r.groups[0]), Num(r.groups[1]), 0) && DateWordBefore(scan, r.begin) &&
           !scan.Before(r.begin, 8).ends_with("depuis ") &&
           (r.group_end[1] >= scan.text.size() || !Digit(scan.text[r.group_end[1]]));
  }
  // "en 07 2002", "depuis 11 2015": a month and a year with a space.
  if (n == 2 && r.seps[1] == " " && r.groups[0].size() == 2 && r.groups[1].size() == 4) {
    int m = Num(r.groups[0]), y = Num(r.groups[1]);
    return m >= 1 && m <= 12 && y >= 1900 && y <= 2100 &&
           (TimeCueBefore(scan, r.begin) || DateWordBefore(scan, r.begin));
  }
  if (n != 1 || r.groups[0].size() != 8) return false;
  const std::string& g = r.groups[0];
  int y = Num(std::string_view(g).substr(4));
  if (!ValidDmy(Num(std::string_view(g).substr(0, 2)), Num(std::string_view(g).substr(2, 2)), 0) ||
      y < 1900 || y > 2100) {
    return false;
  }
  return DateWordBefore(scan, r.begin);
}

bool Classify(const Scan& scan, const Run& r, size_t n, bool plus, bool fallback,
              const Context& ctx, Label* label) {
  std::string d = Join(r, n);
  bool corsica = d.find_first_of("AB") != std::string::npos;
  if (IsDate(r, n) || CompactDate(scan, r, n) || ShortSpacedDate(scan, r, n)) {
    // "22/01/1965 (27 ans)": a date followed by an age is a birth date.
    std::string_view after = scan.text.substr(r.group_end[n - 1], 12);
    size_t ans = after.find(" ans");
    bool aged = after.starts_with(" (") && ans != std::string_view::npos && ans <= 5;
    *label = aged || BirthContext(scan, r.begin) ? Label::kDateNaissance : Label::kDate;
    return true;
  }
  if (corsica && !(d.size() == 15 || d.size() == 13 || d.size() == 9)) return false;
  // After a phone cue: eight to ten digits from 0 in pairs or blocks,
  // dotted too ("04 09 56 98", "02.72.43.92": not an IP address).
  if (ctx.has_cue && ctx.cue == Label::kTel && d[0] == '0' && d.size() >= 8 && d.size() <= 10 &&
      !corsica) {
    bool short_groups = true;
    for (size_t i = 0; i < n && short_groups; ++i) short_groups = r.groups[i].size() <= 4;
    if (short_groups || n == 1) return *label = Label::kTel, true;
  }
  bool dotted = n == 4;
  for (size_t i = 1; i < n && dotted; ++i) dotted = r.seps[i] == ".";
  if (dotted) {
    for (size_t i = 0; i < n && dotted; ++i)
      dotted = r.groups[i].size() <= 3 && Num(r.groups[i]) <= 255;
    // Four dotted numbers alone: not inside a longer dotted run (an OID
    // "1.2.250.1.213.1.4.8", a version).
    std::string_view t = scan.text;
    size_t e = r.group_end[3];
    bool longer = (e + 1 < t.size() && t[e] == '.' && Digit(t[e + 1])) ||
                  (r.begin > 1 && t[r.begin - 1] == '.' && Digit(t[r.begin - 2]));
    if (dotted && !longer) return *label = Label::kIp, true;
  }
  Label cue = ctx.cue;
  bool has_cue = ctx.has_cue;
  // "00-36-20-46-42", "0 0 - 1 7 - 3 3 ...": ten digits written as a phone number.
  bool pairs = n >= 5;
  for (size_t i = 0; i < n && pairs; ++i) pairs = r.groups[i].size() <= 2;
  if (pairs && d.size() == 10 && d[0] == '0') return *label = Label::kTel, true;
  // Ten digits from "00" (an international prefix) are a phone number
  // unless a record cue names them ("IPP : 0012345678").
  if (d.size() == 10 && d[0] == '0' && d[1] == '0' && !ctx.Record() && !corsica) {
    return *label = Label::kTel, true;
  }
  if ((d.size() == 10 && d[0] == '0' && d[1] != '0') ||
      (plus && (d.size() >= 10 && d.size() <= 12)) ||
      (d.size() == 13 && d.compare(0, 4, "0033") == 0) ||
      (scan.lang == Lang::kEn && (d.size() == 10 || (d.size() == 11 && d[0] == '1')) && n >= 2)) {
    if (!has_cue || cue == Label::kSecu || cue == Label::kTel || d[0] == '0' || plus) {
      return *label = Label::kTel, true;
    }
  }
  // A NIR is written in one block or in groups split by spaces (or dots),
  // never across a field separator ("1991 | 9056297478").
  // Dashes too ("1-85-05-78-006-084-91"), and " - " before the key.
  bool spaces = true;
  for (size_t i = 1; i < n && spaces; ++i) {
    const std::string& sp = r.seps[i];
    spaces = sp == " " || sp == "." || sp == "-" || (i + 1 == n && sp == " - ");
  }
  bool spaced = n >= 5;
  for (size_t i = 0; i < n && spaced; ++i) spaced = r.groups[i].size() <= 3;
  spaces = spaces && NirGrouping(r, n);
  if (std::strchr("123478", d[0]) != nullptr && spaces &&
      (d.size() == 15 || (spaced && d.size() >= 13 && d.size() <= 15))) {
    return *label = Label::kSecu, true;
  }
  if (d.size() == 13 && has_cue && cue == Label::kSecu) return *label = Label::kSecu, true;
  // A NIR without its key by its shape alone: sex, year, month, then digits
  // grouped by spaces in any way.
  if (spaces && d.size() == 13 && NirMonth(d)) return *label = Label::kSecu, true;
  // The word "patient" alone names a record number of seven digits or more
  // (not "Marseille, 13006" in a sentence about the patient).
  if (has_cue && d.size() >= (ctx.word == "patient" ? 7u : 5u) && d.size() <= 14) {
    if ((cue == Label::kRpps && d.size() == 11) || (cue == Label::kAdeli && d.size() == 9) ||
        (cue == Label::kFiness && d.size() == 9) || cue == Label::kIpp || cue == Label::kNda) {
      return *label = cue, true;
    }
  }
  if (d.size() == 11 && RppsValid(d) && n == 1) return *label = Label::kRpps, true;
  if (!fallback || d.size() < 8 || corsica) return false;
  for (size_t i = 1; i < n; ++i) {
    if (r.seps[i] != " ") return false;
  }
  // Without a record cue, groups of one size after the first ("123 456
  // 789", "12 34 56 78"), at most an identifier's length: a run of short
  // numbers of uneven sizes is a table of values, not a record number.
  if (!ctx.Record() && n > 1) {
    if (d.size() > 15 || ctx.noisy) return false;
    for (size_t i = 2; i + 1 < n; ++i) {
      if (r.groups[i].size() != r.groups[1].size()) return false;
    }
    // A shorter key last after two groups of one size ("402 654 803 958 12").
    size_t last = r.groups[n - 1].size();
    if (last > r.groups[1].size() || (last < r.groups[1].size() && n < 4)) return false;
  }
  return *label = has_cue && cue != Label::kTel ? cue : Label::kIpp, true;
}

// True when the line holding byte `at` has two pipes or more (a table row).
bool TableRow(std::string_view t, size_t at) {
  size_t lb = t.rfind('\n', at);
  lb = lb == std::string_view::npos ? 0 : lb + 1;
  size_t le = t.find('\n', at);
  std::string_view line = t.substr(lb, le == std::string_view::npos ? t.size() - lb : le - lb);
  return std::count(line.begin(), line.end(), '|') >= 2;
}

Run ReadRun(std::string_view t, size_t i) {
  Run r;
  r.begin = i;
  std::string sep;
  while (i < t.size() && r.groups.size() < 40) {
    size_t e = i;
    while (e < t.size() && Digit(t[e])) ++e;
    if (e < t.size() && e == i + 1 && t[i] == '2' && (t[e] == 'A' || t[e] == 'B')) ++e;
    if (e == i) break;
    if (e < t.size() && Alpha(t[e])) {
      if (r.groups.empty()) return r;  // "12h", "3mg": not an identifier run
      break;
    }
    r.seps.push_back(sep);
    r.group_begin.push_back(i);
    r.groups.emplace_back(t.substr(i, e - i));
    r.group_end.push_back(e);
    size_t s = e;
    while (s < t.size() && s - e < 3 && std::strchr(" ./-|)", t[s]) != nullptr) ++s;
    if (s == e || s >= t.size() || !Digit(t[s])) break;
    std::string_view next_sep = t.substr(e, s - e);
    if (next_sep.size() > 1 && Trimmed(std::string(next_sep)).empty())
      break;  // two spaces: another field
    // "02 84 06 25 96 - 8513 bd ...": a spaced dash after a whole phone
    // number written with another separator splits the fields of a line (a
    // NIR's key may follow one: "2 85 05 78 006 084 - 12"); a spaced pipe in a table row (two pipes
    // or more) splits its cells ("1955 | 46266924").
    bool spaced = next_sep.size() == 3 && next_sep[0] == ' ' && next_sep[2] == ' ';
    if (spaced && next_sep[1] == '-' && !sep.empty() && sep != next_sep) {
      std::string d = Join(r, r.groups.size());
      if (d.size() == 10 && d[0] == '0') break;  // a whole phone number before it
    }
    if (spaced && next_sep[1] == '|' && TableRow(t, e)) break;
    sep.assign(next_sep);
    i = s;
  }
  return r;
}

// "(33) 1 45 56 78 90", "(33)0163752553", "(52)672466711": a country code
// in parentheses then nine or ten digits. Adds the phone span (with the
// parenthesis) and returns the number of groups it took (0: not a phone).
size_t CountryCodePhone(Scan& scan, const Run& r) {
  std::string_view t = scan.text;
  size_t open = r.begin;
  if (open > 0 && t[open - 1] == ' ') --open;  // "( 3 3 ) 0 6 ..."
  if (open == 0 || t[open - 1] != '(' || r.groups.size() < 2) return 0;
  // The country code: the groups before the separator holding ')'.
  size_t c = 1;
  std::string code = r.groups[0];
  while (c < r.groups.size() && r.seps[c].find(')') == std::string::npos) code += r.groups[c++];
  if (c >= r.groups.size() || code.size() < 2 || code.size() > 3 ||
      Trimmed(r.seps[c]).rfind(')', 0) != 0) {
    return 0;
  }
  std::string rest;
  for (size_t k = c; k < r.groups.size(); ++k) {
    rest += r.groups[k];
    if (rest.size() == 9 || rest.size() == 10) {
      size_t next = k + 1;
      bool more = next < r.groups.size() && rest.size() == 9 && r.groups[next].size() == 1;
      if (more) continue;
      scan.Add(open - 1, r.group_end[k], Label::kTel, 80);
      return k + 1;
    }
  }
  return 0;
}

// Returns the end of the phone number read from i, else of its first digit
// group (the groups after it are read again: "C4 16/09").
size_t GluedPhone(Scan& scan, size_t i) {
  std::string_view t = scan.text;
  Run r = ReadRun(t, i);
  if (r.groups.empty()) return i;
  std::string d;
  for (size_t k = 0; k < r.groups.size(); ++k) {
    d += r.groups[k];
    if (d.size() == 10 && d[0] == '0' && d[1] != '0') {
      scan.Add(i, r.group_end[k], Label::kTel, 80);
      return r.group_end[k];
    }
  }
  // "le12/03/2020": a full date glued to the word before it.
  if (r.groups.size() >= 3 && r.seps[1] != " " && IsDate(r, 3)) {
    scan.Add(i, r.group_end[2], BirthContext(scan, i) ? Label::kDateNaissance : Label::kDate, 80);
    return r.group_end[2];
  }
  return r.group_end[0];
}

// The sub-run of groups [from, to) of `r`.
Run SubRun(const Run& r, size_t from, size_t to) {
  Run sub;
  sub.begin = r.group_begin[from];
  for (size_t k = from; k < to; ++k) {
    sub.group_begin.push_back(r.group_begin[k]);
    sub.group_end.push_back(r.group_end[k]);
    sub.groups.push_back(r.groups[k]);
    sub.seps.push_back(k == from ? std::string() : r.seps[k]);
  }
  return sub;
}

// Start of a "+" just before `b` ("+33", "+ 3 3"), or npos.
size_t PlusBefore(std::string_view t, size_t b) {
  if (b > 0 && t[b - 1] == '+') return b - 1;
  if (b > 1 && t[b - 1] == ' ' && t[b - 2] == '+') return b - 2;
  return std::string_view::npos;
}

// Splits the groups [first, end) of a run into identifiers: the split that
// covers the most digits, a strict shape (date, phone, NIR, cue) counting
// twice a fallback record number (a date with separators three times),
// fewer pieces on a tie. Dynamic programming
// from the end: best[s] is the best score of the groups [s, end).
void SplitRun(Scan& scan, const Run& r, size_t first) {
  std::string_view t = scan.text;
  size_t g = r.groups.size();
  if (first >= g) return;
  struct Choice {
    size_t n = 1;  // groups taken
    bool labelled = false;
    Label label = Label::kDate;
  };
  std::vector<int> best(g + 1, 0), pieces(g + 1, 0);
  std::vector<Choice> choice(g + 1);
  // The cue word before the run holds for each of its groups (only digits
  // and separators lie between them).
  Context ctx;
  ctx.has_cue = ContextLabel(scan, r.group_begin[first], &ctx.cue, &ctx.word);
  std::array<bool, 8> sizes{};
  for (const std::string& group : r.groups) sizes[std::min<size_t>(group.size(), 7)] = true;
  ctx.noisy = g - first >= 6 && std::count(sizes.begin(), sizes.end(), true) >= 3;
  for (size_t s = g; s-- > first;) {
    best[s] = best[s + 1];
    pieces[s] = pieces[s + 1];
    Run sub = SubRun(r, s, std::min(g, s + 24));
    bool plus = s == 0 && PlusBefore(t, sub.begin) != std::string_view::npos;
    size_t digits = 0;
    for (size_t n = 1; n <= g - s && n <= 24; ++n) {  // no identifier has more groups
      digits += sub.groups[n - 1].size();
      for (int pass = 0; pass < 2; ++pass) {
        Label label = Label::kDate;
        if (!Classify(scan, sub, n, plus, pass == 1, ctx, &label)) continue;
        // A day, month and year written with separators ("31/10/83") is the
        // surest shape: it is never eaten by the spaced digits around it.
        bool full_date = (label == Label::kDate || label == Label::kDateNaissance) && n == 3 &&
                         sub.seps[1].find_first_of("/.-") != std::string::npos;
        int weight = pass == 1 ? 1 : full_date ? 3 : 2;
        int score = static_cast<int>(digits) * weight + best[s + n];
        int count = 1 + pieces[s + n];
        if (score > best[s] || (score == best[s] && count < pieces[s])) {
          best[s] = score;
          pieces[s] = count;
          choice[s] = {n, true, label};
        }
        break;
      }
    }
  }
  Label previous = Label::kDate;
  for (size_t s = first; s < g; s += choice[s].n) {
    if (!choice[s].labelled) continue;
    size_t n = choice[s].n;
    Label label = choice[s].label;
    size_t b = r.group_begin[s];
    // A table row: the date right after a NIR is the birth date.
    if (label == Label::kDate && s > first && previous == Label::kSecu)
      label = Label::kDateNaissance;
    if (label == Label::kTel && s == 0) {
      size_t p = PlusBefore(t, b);
      if (p != std::string_view::npos) b = p;
      if (b > 0 && t[b - 1] == '(') --b;
    }
    scan.Add(b, r.group_end[s + n - 1], label, 80);
    previous = label;
  }
}

// "+33 (0)1 23 45 67 89": the trunk zero in parentheses after the country
// code (identifiers.md). Adds the phone from the '+' and returns its end, or 0.
size_t TrunkZeroPhone(Scan& scan, size_t i) {
  std::string_view t = scan.text;
  size_t plus = PlusBefore(t, i);
  if (plus == std::string_view::npos) return 0;
  size_t k = i;
  while (k < t.size() && Digit(t[k]) && k - i < 4) ++k;
  if (k - i < 1 || k - i > 3) return 0;
  if (k < t.size() && t[k] == ' ') ++k;
  if (t.compare(k, 3, "(0)") != 0) return 0;
  k += 3;
  if (k < t.size() && t[k] == ' ') ++k;
  if (k >= t.size() || !Digit(t[k])) return 0;
  Run r = ReadRun(t, k);
  std::string d;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    d += r.groups[g];
    if (d.size() == 9) {
      scan.Add(plus, r.group_end[g], Label::kTel, 80);
      return r.group_end[g];
    }
    if (d.size() > 9) break;
  }
  return 0;
}

bool AgeUnit(std::string_view t, size_t e) {
  std::string_view rest = t.substr(e, 12);
  return rest.starts_with(" ans") || rest.starts_with(" years") || rest.starts_with("-year") ||
         rest.starts_with(" yo") || rest.starts_with("ans");
}

}  // namespace

void ScanDigits(Scan& scan) {
  ScanAlnumIds(scan);
  std::string_view t = scan.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!Digit(t[i]) || (i > 0 && Digit(t[i - 1]))) continue;
    if (i > 1 && t[i - 1] == ',' && Digit(t[i - 2])) continue;  // decimal comma
    // "O1.42.15.93.30": a letter O typed for the first zero of a phone number.
    if (i > 0 && t[i - 1] == 'O' && (i == 1 || !Alnum(t[i - 2]))) {
      Run r = ReadRun(t, i);
      if (!r.groups.empty() && Join(r, r.groups.size()).size() == 9 && r.groups.size() >= 4) {
        scan.Add(i - 1, r.group_end.back(), Label::kTel, 80);
        i = r.group_end.back() - 1;
        continue;
      }
    }
    if (i > 0 && Alpha(t[i - 1])) {
      // Glued to a word ("le0641220310", "B12"): only a phone number is taken.
      i = GluedPhone(scan, i);
      while (i < t.size() && Alnum(t[i])) ++i;
      continue;
    }
    if (size_t end = TrunkZeroPhone(scan, i); end != 0) {
      i = end - 1;
      continue;
    }
    Run r = ReadRun(t, i);
    if (r.groups.empty()) {
      while (i < t.size() && Alnum(t[i])) ++i;
      continue;
    }
    size_t first = CountryCodePhone(scan, r);
    SplitRun(scan, r, first);
    const std::string& g = r.groups[0];
    size_t e = r.group_end[0];
    int v = Num(g);
    if (g.size() <= 3 && v >= 90 && v <= 130 && AgeUnit(t, e)) {
      scan.Add(i, e, Label::kAge, 70);
    }
    i = r.group_end.back() - 1;
  }
}

}  // namespace vigie::privacy::internal
