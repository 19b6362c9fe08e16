// Place and date-word detectors: street addresses (French "12 rue ...",
// English "12 Baker Street"), postcodes followed by a city, cities from the
// dictionary or after "né à"/"habite à", hospitals after a cue word (Hôpital,
// CHU, Clinique...) or from the dictionary, and dates written with month
// words. Thread-safety: pure functions over a per-call Scan.
#include <array>
#include <cctype>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

const std::array<std::string_view, 22> kFrStreets = {
    "rue",      "avenue", "av",      "bd",       "boulevard", "place", "chemin",  "allee",
    "impasse",  "route",  "quai",    "cours",    "square",    "voie",  "passage", "residence",
    "lieu-dit", "villa",  "sentier", "faubourg", "cite",      "parvis"};
const std::array<std::string_view, 24> kEnStreets = {
    "street", "st",      "avenue",    "ave",     "road",    "rd",    "lane",   "ln",
    "drive",  "dr",      "boulevard", "blvd",    "way",     "court", "ct",     "place",
    "pl",     "terrace", "circle",    "parkway", "highway", "hwy",   "square", "strasse"};
const std::array<std::string_view, 15> kHospitalCues = {
    "hopital", "chu", "chr",   "chru",     "clinique", "polyclinique", "hospital", "ghu",
    "ch",      "hop", "ehpad", "institut", "hopitaux", "centre",       "groupe"};
const std::array<std::string_view, 12> kHospitalQualifiers = {
    "prive",         "privee",        "universitaire", "regional",
    "departemental", "intercommunal", "general",       "interarmees",
    "militaire",     "specialise",    "mutualiste",    "hospitalo-universitaire"};
const std::array<std::string_view, 10> kConnectors = {"de", "du", "des", "la",  "le",
                                                      "d'", "l'", "of",  "the", "saint"};

// Days of the week, full and abbreviated ("mar" is also March: a date either way).
const std::array<std::string_view, 27> kWeekdays = {
    "lundi",  "mardi",   "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche",
    "lun",    "mar",     "mer",       "jeu",      "ven",      "sam",      "dim",
    "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
    "mon",    "tue",     "wed",       "thu",      "fri",      "sat"};

using View = TokenView;

bool CapWord(const View& v, size_t i) {
  return i != std::string::npos && v.Kind(i) == TokKind::kWord &&
         (IsCapitalized(v.Text(i)) || IsAllCaps(v.Text(i)));
}

// Extends a place name from token i over capitalised words and connectors.
size_t ExtendName(const View& v, size_t i, size_t max_words) {
  size_t last = std::string::npos;
  for (size_t n = 0; i != std::string::npos && n < max_words; ++n) {
    bool connector = v.Kind(i) == TokKind::kWord && In(kConnectors, v.Lower(i));
    if (!CapWord(v, i) && !connector && v.Text(i) != "-") break;
    // "Issy-les-Moulineaux - Tél": a spaced dash opens the next field.
    if (v.Text(i) == "-" && i > 0 && v.Kind(i - 1) == TokKind::kSpace) break;
    // "Bichat le Jeu 17 avril", "Necker Mars 2020": a date starts, not the name.
    if (In(kWeekdays, v.Lower(i)) || IsMonthWord(v.Lower(i))) break;
    if (!connector && v.Text(i) != "-") last = i;
    i = v.Next(i);
  }
  return last;
}

// French numbers in words that start an address ("sept allée des roses").
bool NumberWord(const std::string& w) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "un",    "une",   "deux",   "trois",    "quatre",    "cinq",    "six",      "sept",
      "huit",  "neuf",  "dix",    "onze",     "douze",     "treize",  "quatorze", "quinze",
      "seize", "vingt", "trente", "quarante", "cinquante", "soixante"};
  return In(kWords, w);
}

void Address(Scan& scan, const View& v, const Lexicon& lex, size_t i) {
  // i: a number of 1-4 digits, or a number in words.
  bool in_words = v.Kind(i) == TokKind::kWord;
  bool en = scan.lang == Lang::kEn;
  // US house numbers have up to five digits ("20051 Cormier Light"); such a
  // number is only taken when a street type closes the name.
  bool five = en && !in_words && v.Text(i).size() == 5;
  if (!in_words && v.Text(i).size() > 4 && !five) return;
  // "chambre 12 Passage au bloc": a room, bed or box number is no street number.
  if (i >= 2 && v.Kind(i - 2) == TokKind::kWord) {
    const std::string& room = v.Lower(i - 2);
    if (room == "chambre" || room == "lit" || room == "box" || room == "salle" ||
        room == "bureau" || room == "porte" || room == "room" || room == "bed") {
      return;
    }
  }
  size_t j = v.Next(i);
  // "47-83 Boulevard": a range of numbers.
  if (!in_words && j != std::string::npos && v.Text(j) == "-") {
    size_t m = v.Next(j);
    if (m != std::string::npos && v.Kind(m) == TokKind::kNumber && v.Text(m).size() <= 4)
      j = v.Next(m);
  }
  // "28 bis", "28 ter, place...".
  for (int n = 0; n < 2 && j != std::string::npos &&
                  (v.Lower(j) == "bis" || v.Lower(j) == "ter" || v.Text(j) == ",");
       ++n) {
    j = v.Next(j);
  }
  // "758 S 5th Street": a compass letter before an ordinal street.
  if (en && j != std::string::npos && v.Text(j).size() == 1 &&
      (v.Text(j) == "N" || v.Text(j) == "S" || v.Text(j) == "E" || v.Text(j) == "W")) {
    size_t m = v.Next(j);
    if (m != std::string::npos && v.Kind(m) == TokKind::kNumber) j = m;
  }
  // "102 9th Street": an ordinal street number after the house number.
  if (en && !in_words && j != std::string::npos && v.Kind(j) == TokKind::kNumber &&
      v.Text(j).size() <= 3 && j + 1 < v.size() && v.Kind(j + 1) == TokKind::kWord &&
      (v.Lower(j + 1) == "st" || v.Lower(j + 1) == "nd" || v.Lower(j + 1) == "rd" ||
       v.Lower(j + 1) == "th")) {
    size_t k = v.Next(j + 1);
    if (k == std::string::npos || !CapWord(v, k) || !EnStreetType(v.Lower(k))) return;
    size_t e = scan.tokens[k].end;
    scan.Add(scan.tokens[i].begin, e, Label::kAdresse, 65);
    TownAfterAddress(scan, lex, k);
    return;
  }
  if (j == std::string::npos || v.Kind(j) != TokKind::kWord) return;
  bool fr = In(kFrStreets, v.Lower(j));
  if (in_words && !fr) return;
  if (in_words) {
    // "une impasse thérapeutique" is no address: a name or "de"/"des" must follow.
    size_t k = v.Next(j);
    if (k == std::string::npos || v.Kind(k) != TokKind::kWord ||
        !(In(kConnectors, v.Lower(k)) || CapWord(v, k) || lex.first_names.contains(v.Lower(k)) ||
          lex.last_names.contains(v.Lower(k))))
      return;
  }
  size_t end = std::string::npos;
  if (fr) {
    end = j;
    size_t k = v.Next(j);
    for (int n = 0; k != std::string::npos && n < 8; ++n) {
      if (v.Kind(k) == TokKind::kPunct && v.Text(k) != "'" && v.Text(k) != "-" && v.Text(k) != ".")
        break;
      if (v.Kind(k) == TokKind::kNumber) break;
      // "2438 boulevard d'Assas à Lyon": the town follows "à".
      if (v.Text(k) == "\xC3\xA0" && CapWord(v, v.Next(k))) break;
      if (v.Kind(k) == TokKind::kWord) end = k;
      k = v.Next(k);
    }
    // ", APPT 283", ", STUDIO 25", ", bât. B": the flat belongs to the address.
    size_t a = v.Next(end);
    if (a != std::string::npos && v.Text(a) == ",") a = v.Next(a);
    if (a != std::string::npos &&
        (v.Lower(a) == "appt" || v.Lower(a) == "appartement" || v.Lower(a) == "studio" ||
         v.Lower(a) == "bat" || v.Lower(a) == "batiment" || v.Lower(a) == "etage" ||
         v.Lower(a) == "escalier")) {
      size_t num = v.Next(a);
      if (num != std::string::npos && v.Text(num) == ".") num = v.Next(num);
      if (num != std::string::npos &&
          (v.Kind(num) == TokKind::kNumber || v.Text(num).size() == 1)) {
        end = num;
      }
    }
  } else {
    size_t k = j, last_cap = std::string::npos;
    int n = 0;
    // "152 W Division Street": a compass letter before the name (English notes).
    if (en && v.Text(k).size() == 1 &&
        (v.Text(k) == "N" || v.Text(k) == "S" || v.Text(k) == "E" || v.Text(k) == "W")) {
      size_t m = v.Next(k);
      if (m != std::string::npos && v.Text(m) == ".") m = v.Next(m);
      if (CapWord(v, m)) k = m;
    }
    for (; k != std::string::npos && n < 5 && CapWord(v, k); ++n) {
      last_cap = k;
      if (n > 0 && (en ? EnStreetType(v.Lower(k)) : In(kEnStreets, v.Lower(k)))) {
        end = k;
        break;
      }
      k = v.Next(k);
    }
    // English: "5074 Kuhn Fork, ..." — capitalised words closed by a comma,
    // a full stop or the end of the line.
    bool closed = k == std::string::npos || v.Text(k) == "," || v.Text(k) == ".";
    if (five && end == std::string::npos) return;
    if (end == std::string::npos && scan.lang == Lang::kEn && n >= 2 && closed &&
        v.Text(i).size() <= 5) {
      end = last_cap;
    }
    // "7889 Brookside, Spokane": one word that is no ordinary word, then a
    // comma and a capitalised word (the town).
    if (end == std::string::npos && en && n == 1 && k != std::string::npos && v.Text(k) == "," &&
        CapWord(v, v.Next(k)) && !PlainWord(lex, scan.lang, v.Lower(last_cap)) &&
        !lex.stopwords.contains(v.Lower(last_cap)) && !IsMonthWord(v.Lower(last_cap))) {
      end = last_cap;
    }
    if (end != std::string::npos) {
      // "Apt. 12", "Suite 400"
      size_t a = v.Next(end);
      if (a != std::string::npos && v.Text(a) == ",") a = v.Next(a);
      if (a != std::string::npos && (v.Lower(a) == "apt" || v.Lower(a) == "suite")) {
        size_t num = v.Next(a);
        if (num != std::string::npos && v.Text(num) == ".") num = v.Next(num);
        if (num != std::string::npos && v.Kind(num) == TokKind::kNumber) end = num;
      }
    }
  }
  if (end == std::string::npos) return;
  size_t e = scan.tokens[end].end;
  if (e < scan.text.size() && scan.text[e] == '.' && !fr) ++e;
  scan.Add(scan.tokens[i].begin, e, Label::kAdresse, 65);
  if (en && !fr) TownAfterAddress(scan, lex, end);
}

// After a city: "cedex 29", "CEDEX", or an arrondissement ("PARIS 11").
size_t CityTail(const View& v, size_t last) {
  size_t k = v.Next(last);
  if (k != std::string::npos && v.Lower(k) == "cedex") {
    last = k;
    k = v.Next(k);
  }
  if (k != std::string::npos && v.Kind(k) == TokKind::kNumber && v.Text(k).size() <= 2) {
    size_t after = v.Next(k);
    // The number ends the line or the field ("PARIS 11", "cedex 29 |").
    if (after == std::string::npos || v.Kind(after) == TokKind::kPunct) last = k;
  }
  return last;
}

void ZipCity(Scan& scan, const View& v, size_t i) {
  size_t zip_begin = i;
  // "95 523 Colombes": a postcode spaced after its department, on its own
  // line or after a street.
  if (v.Text(i).size() == 2 &&
      (i == 0 || scan.tokens[i - 1].newline || (i >= 2 && v.Text(i - 2) == ","))) {
    size_t k = v.Next(i);
    if (k != std::string::npos && v.Kind(k) == TokKind::kNumber && v.Text(k).size() == 3) i = k;
  }
  if (v.Text(i).size() != 5 && i == zip_begin) return;
  size_t j = v.Next(i);
  bool after_state = i >= 2 && IsAllCaps(v.Text(i - 2)) && v.Text(i - 2).size() == 2;
  if (!CapWord(v, j) && !after_state) return;
  if (i != zip_begin && !CapWord(v, j)) return;
  scan.Add(scan.tokens[zip_begin].begin, scan.tokens[i].end, Label::kZip, 62);
  if (after_state && i >= 5 && v.Text(i - 3) == " " && v.Text(i - 4) == ",") {
    // "..., Port Jaydenfort, NV 89501": the words before the state are the city.
    size_t k = i - 5, first = std::string::npos;
    for (int n = 0; n < 4 && CapWord(v, k); ++n) {
      first = k;
      if (k < 2 || scan.tokens[k - 1].kind != TokKind::kSpace || scan.tokens[k - 1].newline) break;
      k -= 2;
    }
    if (first != std::string::npos) {
      scan.Add(scan.tokens[first].begin, scan.tokens[i - 5].end, Label::kVille, 56);
    }
  }
  if (!CapWord(v, j)) return;
  size_t last = ExtendName(v, j, 5);
  if (last != std::string::npos)
    scan.Add(scan.tokens[j].begin, scan.tokens[CityTail(v, last)].end, Label::kVille, 55);
}

// "admise à l'Necker", "orienté vers l'A.CHENEVIER", "service de cardiologie
// de l'PAUL BROUSSE": a capitalised name after "l'" where a stay, a transfer
// or a department is told is the hospital (w is the word without "l'").
bool ElidedHospital(Scan& scan, const View& v, const Lexicon& lex, size_t i, const std::string& w) {
  std::string_view text = v.Text(i);
  if (!text.starts_with("l'") && !text.starts_with("L'")) return false;
  std::string_view name = text.substr(2);
  bool initial = name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z';
  if (!(IsCapitalized(name) || IsAllCaps(name) || initial) || lex.stopwords.contains(w))
    return false;
  if (i < 2 || v.Kind(i - 1) != TokKind::kSpace) return false;
  const std::string& prev = v.Lower(i - 2);
  if (prev != "a" && prev != "vers" && prev != "de" && prev != "dans") return false;
  std::string before = scan.Before(scan.tokens[i].begin, 48);
  bool told = false;
  for (std::string_view cue :
       {"admis", "transfer", "orient", "hospitalis", "service", "adress", "accueilli", "urgences",
        "sejour", "sortie", "suivi", "pris en charge"}) {
    told = told || before.find(cue) != std::string::npos;
  }
  if (!told) return false;
  size_t last = i, j = v.Next(i);
  // "l'A.CHENEVIER", "l'PAUL BROUSSE": initials and capitalised words after it.
  for (int n = 0; n < 5 && j != std::string::npos; ++n) {
    bool after_initial = v.Text(last).size() <= 3 && v.Text(j) == ".";  // "A." or "l'A."
    if (!after_initial && !CapWord(v, j)) break;
    if (CapWord(v, j) && (In(kWeekdays, v.Lower(j)) || IsMonthWord(v.Lower(j)))) break;
    if (CapWord(v, j)) last = j;
    j = v.Next(j);
  }
  scan.Add(scan.tokens[i].begin + 2, scan.tokens[last].end, Label::kHopital, 56);
  return true;
}

void Hospital(Scan& scan, const View& v, const Lexicon& lex, size_t i) {
  std::string w = v.Lower(i);
  // The cue word belongs to the name ("Hôpital Bichat", as EDS-Pseudo
  // annotates it), without an elided article ("l'Hôpital").
  size_t cue_begin = scan.tokens[i].begin;
  if (w.starts_with("l'") || w.starts_with("d'")) {
    w = w.substr(2);
    cue_begin += 2;
  }
  if (In(kHospitalCues, w) && (CapWord(v, i) || w == "hopital")) {
    size_t j = v.Next(i);
    if ((w == "centre" || w == "groupe") && j != std::string::npos &&
        v.Lower(j).starts_with("hospitali")) {
      j = v.Next(j);
    } else if (w == "centre" || w == "groupe" || w == "institut") {
      return;
    }
    // "Hôpital privé Saint-Martin", "Centre hospitalier universitaire X".
    while (j != std::string::npos && In(kHospitalQualifiers, v.Lower(j))) j = v.Next(j);
    while (j != std::string::npos && v.Kind(j) == TokKind::kWord && In(kConnectors, v.Lower(j)) &&
           !CapWord(v, j)) {
      j = v.Next(j);
    }
    // "Polyclinique de La Rochelle", "CHR de Le Mans": a town opening with
    // its article.
    size_t k = v.Next(j);
    bool article = CapWord(v, j) &&
                   (v.Lower(j) == "la" || v.Lower(j) == "le" || v.Lower(j) == "les") &&
                   CapWord(v, k) && !lex.stopwords.contains(v.Lower(k));
    if (!CapWord(v, j) || (lex.stopwords.contains(v.Lower(j)) && !article)) return;
    size_t last = ExtendName(v, j, 6);
    if (last != std::string::npos) scan.Add(cue_begin, scan.tokens[last].end, Label::kHopital, 58);
    return;
  }
  if (ElidedHospital(scan, v, lex, i, w)) return;
  auto found = lex.hospitals.find(w);
  if (found == lex.hospitals.end() || !CapWord(v, i)) return;
  for (const auto& seq : found->second) {
    size_t k = i, last = i;
    size_t n = 0;
    for (; n < seq.size() && k != std::string::npos; ++n) {
      while (k != std::string::npos && v.Kind(k) != TokKind::kWord) k = v.Next(k);
      if (k == std::string::npos || v.Lower(k) != seq[n]) break;
      last = k;
      k = v.Next(k);
    }
    if (n == seq.size()) {
      scan.Add(scan.tokens[i].begin, scan.tokens[last].end, Label::kHopital, 57);
      return;
    }
  }
}

const std::array<std::string_view, 10> kTitles = {
    "dr", "pr", "mme", "mlle", "m", "docteur", "professeur", "madame", "monsieur", "mademoiselle"};

// A field or a verb naming the town that follows, or a letter's place.
// `last`: the town's last token (its first is i).
bool TownField(const Scan& scan, const View& v, size_t i, size_t last) {
  // The token before, past one space: "habite", the ':' of a field.
  size_t p = i > 0 && v.Kind(i - 1) == TokKind::kSpace && !scan.tokens[i - 1].newline ? i - 1 : i;
  if (p > 0 && v.Kind(p - 1) == TokKind::kWord && v.Lower(p - 1) == "habite") return true;
  if (p > 0 && v.Text(p - 1) == ":") {
    std::string b = scan.Before(scan.tokens[i].begin, 24);
    for (std::string_view f : {"ville : ", "ville: ", "commune : ", "commune: ", "residence : ",
                               "residence: ", "lieu de naissance : ", "lieu de naissance: ",
                               "domicile : ", "domicile: ", "localite : ", "localite: "}) {
      if (b.ends_with(f) && (b.size() == f.size() || !std::isalpha(static_cast<unsigned char>(
                                                         b[b.size() - f.size() - 1])))) {
        return true;
      }
    }
    return false;
  }
  // A letter's place opening a line: "Castelnaudary, le 03/04/2021".
  bool line_start = i == 0 || (i == 1 && v.Kind(0) == TokKind::kSpace) ||
                    (v.Kind(i - 1) == TokKind::kSpace && scan.tokens[i - 1].newline);
  size_t c = line_start ? v.Next(last) : std::string::npos;
  if (c == std::string::npos || v.Text(c) != ",") return false;
  size_t le = v.Next(c);
  if (le == std::string::npos || v.Lower(le) != "le") return false;
  size_t d = v.Next(le);
  return d != std::string::npos && v.Kind(d) == TokKind::kNumber;
}

void City(Scan& scan, const View& v, const Lexicon& lex, size_t i) {
  if (!CapWord(v, i)) return;
  const std::string& w = v.Lower(i);
  bool cue = false;
  if (i >= 2) {
    std::string b = scan.Before(scan.tokens[i].begin, 16);
    cue = b.ends_with("ne a ") || b.ends_with("nee a ") || b.ends_with("habite a ") ||
          b.ends_with("vit a ") || b.ends_with("domicilie a ") || b.ends_with("lives in ") ||
          b.ends_with("born in ") || b.ends_with("resident of ");
  }
  // Form fields ("Commune : Moissac", "Lieu de naissance : ..."), "habite
  // Caussade", a letter's place ("Castelnaudary, le 03/04/2021" opening a
  // line): a capitalised word that is no ordinary word, first name or title.
  // "Ville : Le Havre", "La Seyne-sur-Mer, le 30/03/2023": a town opening
  // with its article.
  size_t named = v.Next(i);
  if (!cue && scan.lang == Lang::kFr && (w == "le" || w == "la" || w == "les") &&
      CapWord(v, named) && TownField(scan, v, i, named)) {
    const std::string& n = v.Lower(named);
    size_t b = scan.tokens[i].begin, e = scan.tokens[named].end;
    bool known = lex.cities.contains(LowerAscii(scan.text.substr(b, e - b)));  // "Le Havre"
    if (known ||
        (!lex.stopwords.contains(n) && !PlainWord(lex, scan.lang, n) &&
         !lex.first_names.contains(n) && !IsMonthWord(n) && !In(kWeekdays, n) && !In(kTitles, n))) {
      scan.Add(b, e, Label::kVille, 52);
      return;
    }
  }
  if (!cue && scan.lang == Lang::kFr && TownField(scan, v, i, i) && !lex.stopwords.contains(w) &&
      !PlainWord(lex, scan.lang, w) && !lex.first_names.contains(w) && !IsMonthWord(w) &&
      !In(kWeekdays, w) && !In(kTitles, w)) {
    scan.Add(scan.tokens[i].begin, scan.tokens[i].end, Label::kVille, 52);
    return;
  }
  if (cue || (lex.cities.contains(w) && !lex.stopwords.contains(w))) {
    scan.Add(scan.tokens[i].begin, scan.tokens[i].end, Label::kVille, cue ? 52 : 40);
    return;
  }
  // French "à Vincennes", "à Nogent sur Marne": after "à", a capitalised
  // word that is no word of the language, no first name and no title.
  bool after_a =
      scan.lang == Lang::kFr && i >= 2 && v.Text(i - 1) == " " && v.Text(i - 2) == "\xC3\xA0";
  // "près de Montauban", "la périphérie de Tarbes", "originaire de Lyon".
  if (scan.lang == Lang::kFr && !after_a && i >= 2) {
    std::string b = scan.Before(scan.tokens[i].begin, 18);
    for (std::string_view n :
         {"pres de ", "peripherie de ", "banlieue de ", "region de ", "environs de ",
          "originaire de ", "proximite de ", "alentours de "}) {
      if (b.ends_with(n) && (b.size() == n.size() || b[b.size() - n.size() - 1] == ' ')) {
        after_a = true;
      }
    }
  }
  if (!after_a || lex.stopwords.contains(w) || PlainWord(lex, scan.lang, w) ||
      lex.first_names.contains(w) || lex.wide_first.contains(w) || IsMonthWord(w) ||
      In(kWeekdays, w) || w.size() < 3 || w == "dr" || w == "pr" || w == "mme" || w == "mlle" ||
      w == "docteur" || w == "professeur" || w == "madame" || w == "monsieur")
    return;
  size_t last = i;
  for (size_t k = v.Next(i); k != std::string::npos && v.Kind(k) == TokKind::kWord;) {
    const std::string& c = v.Lower(k);
    size_t n = v.Next(k);
    if ((c != "sur" && c != "sous" && c != "les" && c != "en") || !CapWord(v, n)) break;
    last = n;
    k = v.Next(n);
  }
  scan.Add(scan.tokens[i].begin, scan.tokens[last].end, Label::kVille, 38);
}

void WordDate(Scan& scan, const View& v, size_t i) {
  // "12 mars 2020", "1er mars", "March 3, 2020", "mars 2020"
  size_t b = i, m = i, e;
  if (v.Kind(i) == TokKind::kNumber) {
    if (v.Text(i).size() > 2) return;
    m = v.Next(i);
    if (m != std::string::npos &&
        (v.Lower(m) == "er" || v.Lower(m) == "st" || v.Lower(m) == "th")) {
      m = v.Next(m);
    }
    if (m != std::string::npos && v.Text(m) == ",") m = v.Next(m);  // "12, Mai 1973"
    if (m == std::string::npos || v.Kind(m) != TokKind::kWord || !IsMonthWord(v.Lower(m))) return;
    e = m;
  } else if (v.Kind(i) == TokKind::kWord && IsMonthWord(v.Lower(i)) && v.Lower(i).size() >= 3) {
    size_t d = v.Next(i);
    if (d == std::string::npos || v.Kind(d) != TokKind::kNumber) return;
    if (v.Text(d).size() != 4 && v.Text(d).size() > 2) return;
    if (v.Text(d).size() <= 2 && scan.lang != Lang::kEn) {
      // "Sept 01,2026" in a French note: the day must be followed by a year.
      size_t y = v.Next(d);
      if (y != std::string::npos && v.Text(y) == ",") y = v.Next(y);
      if (y == std::string::npos || v.Kind(y) != TokKind::kNumber || v.Text(y).size() != 4) return;
    }
    e = d;
  } else {
    return;
  }
  size_t y = v.Next(e);
  if (y != std::string::npos && v.Text(y) == ",") y = v.Next(y);
  if (y != std::string::npos && v.Kind(y) == TokKind::kNumber && v.Text(y).size() == 4) e = y;
  // "SAM 20 FÉVR 2083", "Jeu, 17 Avr 2098": the day of the week belongs to the date.
  if (v.Kind(i) == TokKind::kNumber && b >= 2 && v.Kind(b - 1) == TokKind::kSpace) {
    size_t p = b - 2;  // the token before the space
    if (p >= 1 && v.Text(p) == "," && v.Kind(p - 1) != TokKind::kSpace) --p;
    if (p >= 1 && v.Text(p) == "." && v.Kind(p - 1) == TokKind::kWord) --p;  // "Ven., 9 Juin"
    if (v.Kind(p) == TokKind::kWord && In(kWeekdays, v.Lower(p))) b = p;
  }
  Label l = BirthContext(scan, scan.tokens[b].begin) ? Label::kDateNaissance : Label::kDate;
  scan.Add(scan.tokens[b].begin, scan.tokens[e].end, l, 78);
}

}  // namespace

// "la rue Rivoli", "avenue Foch": a street word and a capitalised name with
// no number before (the street word is not a plain "place" or "cours").
void StreetWithoutNumber(Scan& scan, const View& v, const Lexicon& lex, size_t i) {
  std::string_view w = v.Lower(i);
  if (scan.lang != Lang::kFr || (w != "rue" && w != "avenue" && w != "boulevard" && w != "bd" &&
                                 w != "allee" && w != "impasse" && w != "quai" && w != "chemin"))
    return;
  if (i >= 2 && v.Kind(i - 2) == TokKind::kNumber) return;  // Address() has it
  size_t k = v.Next(i);
  while (k != std::string::npos && v.Kind(k) == TokKind::kWord && In(kConnectors, v.Lower(k)) &&
         !CapWord(v, k)) {
    k = v.Next(k);
  }
  if (!CapWord(v, k) || lex.stopwords.contains(v.Lower(k)) || IsMonthWord(v.Lower(k))) return;
  size_t last = ExtendName(v, k, 5);
  if (last == std::string::npos) return;
  scan.Add(scan.tokens[i].begin, scan.tokens[last].end, Label::kAdresse, 45);
}

// "Jefferson university hospital", "Avicenne AP-HP Hospital": capitalised
// names before a trailing cue word (and its "university", "general"...).
void HospitalBeforeCue(Scan& scan, const View& v, const Lexicon& lex, size_t i) {
  std::string_view cue = v.Lower(i);
  if (cue != "hospital" && cue != "clinic" && cue != "infirmary") return;
  auto prev = [&](size_t k) -> size_t {
    if (k < 2 || v.Kind(k - 1) != TokKind::kSpace || scan.tokens[k - 1].newline ||
        v.Kind(k - 2) != TokKind::kWord)
      return std::string::npos;
    return k - 2;
  };
  size_t k = prev(i);
  while (k != std::string::npos &&
         (v.Lower(k) == "university" || v.Lower(k) == "general" || v.Lower(k) == "memorial" ||
          v.Lower(k) == "medical" || v.Lower(k) == "regional" || v.Lower(k) == "community")) {
    k = prev(k);
  }
  size_t first = std::string::npos;
  for (int n = 0; n < 4 && k != std::string::npos; ++n) {
    const std::string& w = v.Lower(k);
    bool saint = w == "saint" || w == "sainte" || w == "st";
    if (!CapWord(v, k) || lex.stopwords.contains(w) || (PlainWord(lex, scan.lang, w) && !saint))
      break;
    first = k;
    k = prev(k);
  }
  if (first == std::string::npos) return;
  scan.Add(scan.tokens[first].begin, scan.tokens[i].end, Label::kHopital, 55);
}

void ScanPlaces(Scan& scan, const Lexicon& lex) {
  View v{scan};
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.Kind(i) == TokKind::kNumber) {
      Address(scan, v, lex, i);
      ZipCity(scan, v, i);
      WordDate(scan, v, i);
    } else if (v.Kind(i) == TokKind::kWord) {
      if (scan.lang == Lang::kFr && NumberWord(v.Lower(i))) Address(scan, v, lex, i);
      StreetWithoutNumber(scan, v, lex, i);
      Hospital(scan, v, lex, i);
      HospitalBeforeCue(scan, v, lex, i);
      City(scan, v, lex, i);
      WordDate(scan, v, i);
    }
  }
}

}  // namespace vigie::privacy::internal
