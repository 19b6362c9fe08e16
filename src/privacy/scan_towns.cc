// Towns and their postcodes, after every detector and the tagger (the spans
// are resolved, sorted and free of overlaps), called by RefineSpans:
//  - a postcode stands beside a city or a hospital ("Marseille, 13006",
//    "34223, Deuil-La Barre", "Toulouse (31000)"), four digits for the
//    neighbouring countries ("3049 Leipzig"), Corsican "2B826";
//  - a town keeps its "cedex" and its district number ("STRASBOURG Cedex 9",
//    "75011 PARIS 11").
// Rules written from the development sets' misses and our own probe lines,
// never from a report set. Thread-safety: pure.
#include <algorithm>
#include <string>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A postcode: five digits, or "35 133".
bool PostcodeAt(std::string_view t, size_t b, size_t* e) {
  size_t i = b;
  while (i < t.size() && Digit(t[i])) ++i;
  if (i - b == 5) {
    *e = i;
  } else if (i - b == 2 && i + 4 <= t.size() && t[i] == ' ' && Digit(t[i + 1]) && Digit(t[i + 2]) &&
             Digit(t[i + 3]) && (i + 4 == t.size() || !Digit(t[i + 4]))) {
    *e = i + 4;
  } else {
    return false;
  }
  return *e == t.size() || !(Digit(t[*e]) || Alpha(t[*e]) || t[*e] == '/' || t[*e] == '-');
}

// "SchlussStrasse 13, 3049 Leipzig", "1 60 04 25 311 114 26, 6432, Deuil":
// four digits before a town (Belgium, Switzerland, Austria...) opening a
// line or a field after a comma, not a year ("En 2015, Toulouse").
bool ForeignPostcode(std::string_view t, size_t s, size_t a, size_t lo) {
  if (s + 4 > a || !Digit(t[s]) || !Digit(t[s + 1]) || !Digit(t[s + 2]) || !Digit(t[s + 3])) {
    return false;
  }
  size_t e = s + 4;
  if (t.substr(e, a - e).find_first_not_of(" ,") != std::string_view::npos) return false;
  int v = std::stoi(std::string(t.substr(s, 4)));
  if (v < 1000 || (v >= 1900 && v <= 2100)) return false;
  size_t p = s;
  while (p > lo && t[p - 1] == ' ') --p;
  return p == 0 || t[p - 1] == ',' || t[p - 1] == '\n' || t[p - 1] == '|';
}

// "2B826": a Corsican department then three digits, standing alone.
bool CorsicanPostcode(std::string_view t, size_t b) {
  return b + 5 <= t.size() && t[b] == '2' && (t[b + 1] == 'A' || t[b + 1] == 'B') &&
         Digit(t[b + 2]) && Digit(t[b + 3]) && Digit(t[b + 4]) &&
         (b == 0 || !(Digit(t[b - 1]) || Alpha(t[b - 1]))) &&
         (b + 5 == t.size() || !(Digit(t[b + 5]) || Alpha(t[b + 5])));
}

// Postcodes right after (", ") or right before a city or hospital span.
void PostcodesBesidePlaces(const Scan& scan, std::vector<Span>& kept) {
  std::string_view t = scan.text;
  std::vector<Span> added;
  for (size_t k = 0; k < kept.size(); ++k) {
    Label l = kept[k].label;
    if (l != Label::kVille && l != Label::kHopital) continue;
    // After: "Marseille, 13006", "Pompidou 75015".
    size_t b = kept[k].end;
    if (b < t.size() && t[b] == ',') ++b;
    if (b < t.size() && t[b] == ' ') ++b;
    if (b < t.size() && t[b] == '(') ++b;  // "Toulouse (31000)"
    size_t limit = k + 1 < kept.size() ? kept[k + 1].begin : t.size();
    size_t e = 0;
    if (b < limit && Digit(t[b]) && PostcodeAt(t, b, &e) && e <= limit) {
      added.push_back({b, e, Label::kZip, 63});
    }
    // Before: "34223, Deuil-La Barre" (a city only: "12345 Bichat" may be a room).
    if (l != Label::kVille) continue;
    size_t a = kept[k].begin;
    size_t lo = k > 0 ? kept[k - 1].end : 0;
    if (a >= 2 && t[a - 1] == ' ') --a;
    if (a >= 1 && t[a - 1] == ',') --a;
    size_t s = a;
    while (s > lo && (Digit(t[s - 1]) || t[s - 1] == ' ') && a - s < 6) --s;
    while (s < a && t[s] == ' ') ++s;
    if (s < a && (s == 0 || !(Digit(t[s - 1]) || Alpha(t[s - 1]))) && PostcodeAt(t, s, &e) &&
        e == a) {
      added.push_back({s, e, Label::kZip, 63});
    } else if (s < a && ForeignPostcode(t, s, a, lo)) {
      added.push_back({s, s + 4, Label::kZip, 63});
    } else if (a >= lo + 5 && CorsicanPostcode(t, a - 5)) {
      added.push_back({a - 5, a, Label::kZip, 63});
    }
  }
  if (added.empty()) return;
  // A postcode between two towns is found after the first and before the
  // second: keep it once.
  std::sort(added.begin(), added.end(),
            [](const auto& x, const auto& y) { return x.begin < y.begin; });
  added.erase(std::unique(added.begin(), added.end(),
                          [](const auto& x, const auto& y) { return y.begin < x.end; }),
              added.end());
  kept.insert(kept.end(), added.begin(), added.end());
  std::sort(kept.begin(), kept.end(),
            [](const auto& x, const auto& y) { return x.begin < y.begin; });
}

// "STRASBOURG cedex 29", "Créteil Cedex", "75011 PARIS 11", "Lyon 3e": the
// end of a town span after its cedex and district number.
size_t TownEnd(const Scan& scan, const std::vector<Span>& kept, size_t k) {
  std::string_view t = scan.text;
  size_t e = kept[k].end;
  size_t limit = k + 1 < kept.size() ? kept[k + 1].begin : t.size();
  auto number_after = [&](size_t p, bool need_zip) -> size_t {
    if (p + 1 >= limit || t[p] != ' ' || !Digit(t[p + 1])) return 0;
    size_t q = p + 1;
    while (q < limit && Digit(t[q])) ++q;
    if (q - p - 1 > 2) return 0;  // before stoi: a long run would not fit an int
    int v = std::stoi(std::string(t.substr(p + 1, q - p - 1)));
    if (v < 1 || v > 20) return 0;
    std::string_view rest = t.substr(q, 4);
    q += rest.starts_with("eme")  ? 3u
         : rest.starts_with("er") ? 2u
         : rest.starts_with("e")  ? 1u
                                  : 0u;
    if (q < t.size() && (Alpha(t[q]) || Digit(t[q]))) return 0;
    // A district number follows a postcode ("75011 PARIS 11"), never a
    // bare town ("Lyon 3 fois").
    if (need_zip &&
        !(k > 0 && kept[k - 1].label == Label::kZip && kept[k].begin - kept[k - 1].end <= 2)) {
      return 0;
    }
    if (q < t.size() && !(t[q] == '\n' || t[q] == ' ' || t[q] == ',' || t[q] == '|' ||
                          t[q] == '.' || t[q] == ')')) {
      return 0;
    }
    if (q < t.size() && t[q] == ' ' && q + 1 < t.size() && Alpha(t[q + 1]) && t[q + 1] >= 'a') {
      return 0;  // "Paris 2 semaines"
    }
    return q;
  };
  std::string after = LowerAscii(t.substr(e, 7));
  if (after.starts_with(" cedex") && e + 6 <= limit && (e + 6 == t.size() || !Alpha(t[e + 6]))) {
    e += 6;
    if (size_t q = number_after(e, false); q != 0) e = q;
    return e;
  }
  if (size_t q = number_after(e, true); q != 0) return q;
  return kept[k].end;
}

}  // namespace

void RefineTowns(const Scan& scan, std::vector<Span>& kept) {
  PostcodesBesidePlaces(scan, kept);
  for (size_t k = 0; k < kept.size(); ++k) {
    if (kept[k].label == Label::kVille) kept[k].end = TownEnd(scan, kept, k);
  }
}

}  // namespace vigie::privacy::internal
