// English-only detectors (branch privacy, third pass): a dictionary name
// alone in a sentence, a name that is also an English word after a role or
// a greeting ("her partner Rose", "Thanks, Will"), US street types, streets
// named without a number ("on Lindgren Estates"), towns by their shape after
// a preposition ("moved to Kelvinborough", "from North Jamirfield"), and the
// town after a street address ("102 9th Street, Port Viva,"). The word list
// only vetoes weak guesses: a capitalised dictionary name is never vetoed
// when a cue stands before it. Thread-safety: pure functions over a Scan.
#include <cstdint>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

// Size and first byte are compared before the bytes (no memcmp call for
// most words: this runs on every word of an English note).
template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  if (w.empty()) return false;
  for (std::string_view x : list) {
    if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
  }
  return false;
}

// Words that announce a person by their relation or role, or a greeting.
constexpr std::string_view kPersonCues[] = {"wife",       "husband",   "partner",   "daughter",
                                            "son",        "sister",    "brother",   "mother",
                                            "father",     "mom",       "dad",       "friend",
                                            "nurse",      "colleague", "neighbour", "neighbor",
                                            "dear",       "hi",        "hello",     "thanks",
                                            "spouse",     "fiance",    "fiancee",   "cousin",
                                            "aunt",       "uncle",     "niece",     "nephew",
                                            "grandson",   "caregiver", "sibling",   "granddaughter",
                                            "girlfriend", "boyfriend", "child",     "patient",
                                            "named",      "called",    "contact",   "mr",
                                            "mrs",        "ms",        "miss",      "dr",
                                            "call",       "ask",       "met",       "told",
                                            "thank",      "holder",    "name",      "hey",
                                            "reach",      "meet",      "am"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

// Prefixes of US town names ("North Jamirfield", "Lake Bramford").
constexpr std::string_view kTownPrefixes[] = {"north", "south", "east",  "west",  "new", "lake",
                                              "port",  "fort",  "mount", "saint", "st",  "grand"};

// Endings of US town names ("Kelvinborough", "Schultzview", "Medhursttown").
constexpr std::string_view kTownEndings[] = {
    "town",  "ton",   "land",  "ville", "berg", "burgh",   "burg",  "borough", "bury",
    "view",  "port",  "mouth", "stad",  "furt", "chester", "fort",  "haven",   "side",
    "shire", "worth", "field", "dale",  "ford", "wood",    "stead", "boro",    "cester"};

// Prepositions after which a town is told.
constexpr std::string_view kTownPrepositions[] = {"in",      "to",      "from", "near", "into",
                                                  "outside", "through", "by",   "at",   "via"};

using V = TokenView;

bool Cap(const V& v, size_t i) {
  return i != std::string::npos && v.Kind(i) == TokKind::kWord && IsCapitalized(v.Text(i));
}

bool TownEnding(std::string_view w) {
  for (std::string_view e : kTownEndings) {
    if (w.size() >= e.size() + 3 && w.ends_with(e)) return true;
  }
  return false;
}

// A capitalised word that may be part of a town name: not an ordinary
// English word, not a stopword, a month or a weekday.
bool TownWord(const V& v, const Lexicon& lex, size_t i) {
  if (!Cap(v, i)) return false;
  const std::string& w = v.Lower(i);
  return w.size() >= 3 && !lex.stopwords.contains(w) && !IsMonthWord(w) && !In(kWeekdays, w) &&
         !PlainWord(lex, Lang::kEn, w);
}

// The last token of a town starting at i ("Port Viva", "Kelvinborough",
// "North Jamirfield"), or npos. `told`: the place is already told by its
// position (after a street address), so any word that is no ordinary word
// is a town.
size_t Town(const V& v, const Lexicon& lex, size_t i, bool told) {
  if (!Cap(v, i)) return std::string::npos;
  const std::string& w = v.Lower(i);
  if (In(kTownPrefixes, w)) {
    size_t k = v.Next(i);
    if (TownWord(v, lex, k)) return k;
  }
  // "Bowling Green", "Dearborn Heights": a town of the dictionary in two words.
  size_t second = v.Next(i);
  if (Cap(v, second) && lex.cities.contains(w + " " + v.Lower(second))) return second;
  if (lex.cities.contains(w) && !lex.stopwords.contains(w)) return i;
  if (!TownWord(v, lex, i)) return std::string::npos;
  if (told || TownEnding(w)) {
    size_t k = v.Next(i);
    // "Spokane Valley", "Miami Beach": a second capitalised word closing it.
    if (told && Cap(v, k) && !lex.stopwords.contains(v.Lower(k))) {
      size_t after = v.Next(k);
      if (after == std::string::npos || v.Text(after) == "," || v.Text(after) == ".") return k;
    }
    return i;
  }
  return std::string::npos;
}

void LoneName(Scan& scan, const V& v, const Lexicon& lex, size_t i) {
  std::string_view text = v.Text(i);
  if (!IsCapitalized(text)) return;
  const std::string& token_lower = v.Lower(i);
  size_t end = scan.tokens[i].end;
  // "Kamille's": the possessive is not part of the name.
  bool possessive = token_lower.ends_with("'s");
  std::string trimmed;
  if (possessive) {
    trimmed = token_lower.substr(0, token_lower.size() - 2);
    end -= 2;
  }
  const std::string& lower = possessive ? trimmed : token_lower;
  // One look-up: first name (1), surname (2), stopword (8).
  auto flags_at = lex.word_flags.find(lower);
  uint8_t flags = flags_at == lex.word_flags.end() ? 0 : flags_at->second;
  bool first = (flags & 1) != 0;
  bool last = (flags & 2) != 0;
  size_t dash = lower.find('-');
  if (!first && !last && dash == std::string::npos) return;
  if (lower.size() < 2 || (flags & 8) != 0 || IsMonthWord(lower) || In(kWeekdays, lower)) return;
  // "Corwin-Murazik", "Bailey-Kris": every part a surname of the dictionary.
  if (!first && !last && dash != std::string::npos && lower.find('-', dash + 1) == lower.npos) {
    last = lex.last_names.contains(lower.substr(0, dash)) &&
           lex.last_names.contains(lower.substr(dash + 1));
  }
  if (!first && !last) return;
  size_t p = v.Prev(i);
  bool comma = p != std::string::npos && v.Text(p) == ",";
  if (p != std::string::npos && (comma || v.Text(p) == ":")) p = v.Prev(p);
  bool word_before = p != std::string::npos && v.Kind(p) == TokKind::kWord;
  bool cue = word_before && In(kPersonCues, v.Lower(p));
  // "Kuhlman, Ivy": a surname of the dictionary and a comma before it.
  cue = cue || (word_before && comma && IsCapitalized(v.Text(p)) &&
                lex.last_names.contains(v.Lower(p)) && !lex.english.Contains(v.Lower(p)));
  // "name was Price", "this is Mark": a verb after a word that announces a name.
  if (word_before && !cue && (v.Lower(p) == "is" || v.Lower(p) == "was")) {
    size_t q = v.Prev(p);
    cue = q != std::string::npos && v.Kind(q) == TokKind::kWord &&
          (v.Lower(q) == "name" || v.Lower(q) == "this" || v.Lower(q) == "it");
  }
  // "Hunter and Grace": two dictionary first names joined by "and" / "or".
  auto joined = [&](size_t conj, size_t other) {
    if (conj == std::string::npos || other == std::string::npos) return false;
    std::string_view c = v.Lower(conj);
    return (c == "and" || c == "or") && v.Kind(other) == TokKind::kWord &&
           IsCapitalized(v.Text(other)) && lex.first_names.contains(v.Lower(other));
  };
  if (!cue && first) {
    size_t after = v.Next(i);
    cue = (word_before && joined(p, v.Prev(p))) ||
          (after != std::string::npos && joined(after, v.Next(after)));
  }
  // "Discussed with Walker.": after "with", a name that ends the clause.
  if (word_before && !cue && v.Lower(p) == "with") {
    cue = end == scan.text.size() ||
          std::string_view(".,;!?").find(scan.text[end]) != std::string_view::npos;
  }
  bool title = cue && (v.Lower(p) == "mr" || v.Lower(p) == "mrs" || v.Lower(p) == "ms" ||
                       v.Lower(p) == "miss" || v.Lower(p) == "dr");
  // An ordinary English word ("Rose", "Mark", "Will") needs the cue.
  if (lex.english.Contains(lower) && !cue) return;
  Label label = first && !(last && title) ? Label::kPrenom : Label::kNom;
  scan.Add(scan.tokens[i].begin, end, label, 42);
}

// "on Lindgren Estates", "at Forest Avenue": a street named without its
// number, closed by a US street type.
void StreetWithoutNumber(Scan& scan, const V& v, const Lexicon& lex, size_t i) {
  std::string_view w = v.Lower(i);
  if (w.size() > 5 || (w != "on" && w != "at" && w != "off" && w != "along")) return;
  size_t k = v.Next(i);
  size_t first = k;
  // "on E Pine Street": a compass letter before the name.
  if (k != std::string::npos &&
      (v.Text(k) == "N" || v.Text(k) == "S" || v.Text(k) == "E" || v.Text(k) == "W"))
    k = v.Next(k);
  if (!Cap(v, k) || lex.stopwords.contains(v.Lower(k))) return;
  for (int n = 0; n < 3 && Cap(v, k); ++n) {
    if (n > 0 && EnStreetType(v.Lower(k))) {
      scan.Add(scan.tokens[first].begin, scan.tokens[k].end, Label::kAdresse, 46);
      return;
    }
    if (IsMonthWord(v.Lower(k)) || In(kWeekdays, v.Lower(k))) return;
    k = v.Next(k);
  }
}

void TownAfterPreposition(Scan& scan, const V& v, const Lexicon& lex, size_t i) {
  if (!In(kTownPrepositions, v.Lower(i))) return;
  size_t k = v.Next(i);
  size_t last = Town(v, lex, k, false);
  if (last == std::string::npos) return;
  // A person, not a town: "to Kamille", "from Homenick".
  if (last == k && (lex.first_names.contains(v.Lower(k)) || lex.last_names.contains(v.Lower(k))))
    return;
  scan.Add(scan.tokens[k].begin, scan.tokens[last].end, Label::kVille, 50);
}

// Anywhere in an English note, a town whose shape is clear: a word of 7
// letters or more with a town ending that is no English word and no name of
// the dictionaries ("Kelvinborough"), or a prefix before a dictionary name
// or such a word ("New Abigail", "Port Jaydenfort"; not "West Nile").
void TownByShape(Scan& scan, const V& v, const Lexicon& lex, size_t i) {
  if (!Cap(v, i)) return;
  const std::string& w = v.Lower(i);
  auto shaped = [&](size_t k) {
    const std::string& x = v.Lower(k);
    return x.size() >= 7 && TownEnding(x) && TownWord(v, lex, k) && !lex.english.Contains(x) &&
           !lex.first_names.contains(x) && !lex.last_names.contains(x);
  };
  if (In(kTownPrefixes, w)) {
    size_t k = v.Next(i);
    if (!Cap(v, k) || lex.stopwords.contains(v.Lower(k))) return;
    const std::string& x = v.Lower(k);
    if (shaped(k) ||
        ((lex.first_names.contains(x) || lex.last_names.contains(x)) && !lex.english.Contains(x)))
      scan.Add(scan.tokens[i].begin, scan.tokens[k].end, Label::kVille, 48);
    return;
  }
  if (!shaped(i)) return;
  // "Gloucester Road": a street, not a town.
  size_t next = v.Next(i);
  if (next != std::string::npos && v.Kind(next) == TokKind::kWord && EnStreetType(v.Lower(next)))
    return;
  scan.Add(scan.tokens[i].begin, scan.tokens[i].end, Label::kVille, 48);
}

// "Age: 93", "aged 97", "turned 91", "at the age of 102": an age over 89
// (an identifier under HIPAA's safe harbour and issue 7) after an age word.
void AgeAfterAgeWord(Scan& scan, const V& v, size_t i) {
  std::string_view n = v.Text(i);
  if (n.size() < 2 || n.size() > 3) return;
  int age = 0;
  for (char c : n) age = age * 10 + (c - '0');
  if (age < 90 || age > 130) return;
  if (i + 1 < v.size() && v.Kind(i + 1) == TokKind::kNumber) return;
  size_t p = v.Prev(i);
  if (p != std::string::npos && v.Text(p) == ":") p = v.Prev(p);
  if (p == std::string::npos || v.Kind(p) != TokKind::kWord) return;
  std::string_view w = v.Lower(p);
  bool cue = w == "age" || w == "aged" || w == "turned" || w == "turns";
  if (!cue && w == "of") {
    size_t q = v.Prev(p);
    cue = q != std::string::npos && v.Lower(q) == "age";
  }
  if (cue) scan.Add(scan.tokens[i].begin, scan.tokens[i].end, Label::kAge, 70);
}

}  // namespace

bool EnStreetType(std::string_view w) {
  // Street types of US addresses (USPS Publication 28, common suffixes and
  // their usual abbreviations).
  constexpr std::string_view kTypes[] = {
      "alley",     "avenue",   "ave",      "bend",     "bluff",      "bluffs",    "branch",
      "bridge",    "brook",    "burg",     "burgs",    "bypass",     "camp",      "canyon",
      "cape",      "causeway", "center",   "centre",   "circle",     "cir",       "cliff",
      "cliffs",    "club",     "common",   "commons",  "corner",     "corners",   "course",
      "court",     "ct",       "courts",   "cove",     "coves",      "creek",     "crescent",
      "crest",     "crossing", "curve",    "dale",     "dam",        "divide",    "drive",
      "dr",        "drives",   "estate",   "estates",  "expressway", "extension", "falls",
      "ferry",     "fields",   "flat",     "flats",    "ford",       "fords",     "forest",
      "forge",     "forges",   "fork",     "forks",    "freeway",    "garden",    "gardens",
      "gateway",   "glen",     "glens",    "green",    "greens",     "grove",     "groves",
      "harbor",    "harbors",  "haven",    "heights",  "highway",    "hwy",       "hill",
      "hills",     "hollow",   "inlet",    "island",   "islands",    "isle",      "junction",
      "key",       "keys",     "knoll",    "knolls",   "lake",       "lakes",     "landing",
      "lane",      "ln",       "light",    "lights",   "loaf",       "lock",      "locks",
      "lodge",     "loop",     "mall",     "manor",    "manors",     "meadow",    "meadows",
      "mews",      "mill",     "mills",    "motorway", "mount",      "mountain",  "neck",
      "orchard",   "oval",     "overpass", "park",     "parkway",    "pkwy",      "pass",
      "passage",   "path",     "pike",     "pines",    "place",      "pl",        "plain",
      "plains",    "plaza",    "point",    "points",   "prairie",    "ranch",     "rapid",
      "rapids",    "ridge",    "road",     "rd",       "route",      "row",       "rue",
      "shoal",     "shoals",   "shore",    "shores",   "skyway",     "springs",   "square",
      "stravenue", "street",   "st"};
  constexpr std::string_view kMore[] = {
      "summit",   "terrace",  "throughway", "trace",      "track",    "trafficway", "trail",
      "tunnel",   "turnpike", "underpass",  "valley",     "via",      "viaduct",    "view",
      "village",  "vista",    "walk",       "way",        "wells",    "blvd",       "boulevard",
      "spur",     "close",    "field",      "croft",      "ways",     "parkways",   "streets",
      "roads",    "avenues",  "lanes",      "extensions", "terraces", "trails",     "run",
      "rest",     "union",    "unions",     "ridges",     "station",  "stream",     "spring",
      "villages", "views"};
  return In(kTypes, w) || In(kMore, w);
}

void ScanEnglish(Scan& scan, const Lexicon& lex) {
  if (scan.lang != Lang::kEn) return;
  V v{scan};
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.Kind(i) == TokKind::kNumber) AgeAfterAgeWord(scan, v, i);
    if (v.Kind(i) != TokKind::kWord) continue;
    unsigned char c = static_cast<unsigned char>(scan.text[scan.tokens[i].begin]);
    if (c >= 'A' && c <= 'Z') {
      LoneName(scan, v, lex, i);
      TownByShape(scan, v, lex, i);
    }
    StreetWithoutNumber(scan, v, lex, i);
    TownAfterPreposition(scan, v, lex, i);
  }
}

// The town after a street address: ", Port Viva," (called by Address()).
void TownAfterAddress(Scan& scan, const Lexicon& lex, size_t end) {
  V v{scan};
  size_t c = v.Next(end);
  if (c == std::string::npos || v.Text(c) != ",") return;
  size_t k = v.Next(c);
  size_t last = Town(v, lex, k, true);
  if (last == std::string::npos) return;
  size_t after = v.Next(last);
  if (after != std::string::npos && v.Text(after) != "," && v.Text(after) != ".") return;
  scan.Add(scan.tokens[k].begin, scan.tokens[last].end, Label::kVille, 54);
}

}  // namespace vigie::privacy::internal
