// Drug names are not names (see scanner.h, DropDrugNames). A clinical note
// whose drugs are masked is useless: "Metformin", "Héparine", "Lovenox" are
// kept unless a strong cue says the word names a person. Thread-safety:
// stateless.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {

namespace {

bool IsNameLike(Label l) {
  return l == Label::kNom || l == Label::kPrenom || l == Label::kVille || l == Label::kHopital;
}

// Every word of the span is a drug name.
bool AllDrugs(const Scan& scan, const Lexicon& lex, const Span& s) {
  bool any = false;
  for (const Token& t : Tokenize(scan.text.substr(s.begin, s.end - s.begin))) {
    if (t.kind != TokKind::kWord) continue;
    std::string lower = LowerAscii(scan.text.substr(s.begin + t.begin, t.end - t.begin));
    if (!lex.drugs.contains(lower)) return false;
    any = true;
  }
  return any;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The folded text of the line before `pos`, trailing spaces removed, and
// whether it ends with a field colon (removed too).
std::string LineBefore(const Scan& scan, size_t pos, bool* field) {
  std::string before = scan.Before(pos, 40);
  size_t nl = before.rfind('\n');
  if (nl != std::string::npos) before.erase(0, nl + 1);
  auto trim = [&] {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.pop_back();
  };
  trim();
  *field = !before.empty() && before.back() == ':';
  if (*field) {
    before.pop_back();
    trim();
  }
  return before;
}

// A title right before `pos` ("Mme", "Dr.", "Mr"), or a field label on the
// same line ("Nom :", "Prénom :", "Name:", "née").
bool StrongCue(const Scan& scan, size_t pos) {
  bool field = false;
  std::string before = LineBefore(scan, pos, &field);
  if (!before.empty() && before.back() == '.') before.pop_back();
  size_t b = before.size();
  while (b > 0 && ((before[b - 1] >= 'a' && before[b - 1] <= 'z') || before[b - 1] == '\'')) --b;
  std::string_view word = std::string_view(before).substr(b);
  for (std::string_view t :
       {"m",          "mr",     "mme",      "mlle",         "dr",  "pr",    "docteur",
        "professeur", "madame", "monsieur", "mademoiselle", "mrs", "ms",    "miss",
        "mister",     "doctor", "prof",     "professor",    "nee", "epouse"}) {
    if (word == t) return true;
  }
  Label l;
  return field && NameFieldCue(scan, pos, &l);
}

// A dose right after `pos`: a number (0,5 / 40 / 1.5) and a unit ("mg",
// "UI", "cp"...): the word before it is a drug ("Zorbalix 40 mg").
bool DoseAfter(const Scan& scan, size_t pos) {
  std::string_view t = scan.text;
  size_t p = pos;
  if (p < t.size() && t[p] == ' ') ++p;
  size_t digits = p;
  while (p < t.size() && ((t[p] >= '0' && t[p] <= '9') || t[p] == ',' || t[p] == '.')) ++p;
  if (p == digits || t[digits] < '0' || t[digits] > '9') return false;
  if (p < t.size() && t[p] == ' ') ++p;
  size_t u = p;
  while (p < t.size() && (std::isalpha(static_cast<unsigned char>(t[p])) != 0 ||
                          static_cast<unsigned char>(t[p]) >= 0x80))
    ++p;
  if (p == u) return false;
  std::string unit = LowerAscii(t.substr(u, p - u));
  for (std::string_view d :
       {"mg",        "g",       "\xc2\xb5g", "mcg",     "ug",       "ng",      "ml",   "ui",
        "u",         "unites",  "units",     "unit",    "iu",       "cp",      "cps",  "comprime",
        "comprimes", "gel",     "gelule",    "gelules", "amp",      "ampoule", "mmol", "meq",
        "gtt",       "gouttes", "sachet",    "sachets", "bouffees", "puffs",   "mui",  "ku"}) {
    if (unit == d) return true;
  }
  return false;
}

}  // namespace

bool NameFieldCue(const Scan& scan, size_t pos, Label* label) {
  // Cheap test first (called for every lone name): a field ends with ':', a
  // birth or married name follows "née", "épouse" or "ep.".
  size_t p = pos;
  while (p > 0 && (scan.text[p - 1] == ' ' || scan.text[p - 1] == '\t')) --p;
  if (p == 0) return false;
  char c = scan.text[p - 1];
  if (c != ':' && c != 'e' && c != 'E' && c != '.') return false;
  bool field = false;
  std::string before = LineBefore(scan, pos, &field);
  if (field) {
    if (before.ends_with("(s)")) before.erase(before.size() - 3);
    if (before.ends_with("s")) before.pop_back();  // "Prénoms"
    for (std::string_view t : {"prenom", "first name", "given name", "forename"}) {
      if (EndsWith(before, t)) {
        *label = Label::kPrenom;
        return true;
      }
    }
    for (std::string_view t :
         {"nom", "nom de naissance", "nom d'usage", "nom de jeune fille", "nom marital",
          "nom patronymique", "nom de famille", "last name", "surname", "family name"}) {
      if (EndsWith(before, t)) {
        *label = Label::kNom;
        return true;
      }
    }
    return false;
  }
  // "Mme Bertin née Gautrand", "épouse Gautrand": a birth or married name.
  if (EndsWith(before, " nee") || EndsWith(before, " epouse") || EndsWith(before, " ep.")) {
    *label = Label::kNom;
    return true;
  }
  return false;
}

void DropNonNames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  std::vector<Span>& all = *spans;
  size_t out = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    const Span& s = all[k];
    if (s.label == Label::kVille && s.priority < 100) {
      std::string lower = LowerAscii(scan.text.substr(s.begin, s.end - s.begin));
      if (lower == "mme" || lower == "mlle" || lower == "m" || lower == "dr" || lower == "pr" ||
          lower == "madame" || lower == "monsieur" || lower == "mademoiselle" ||
          lower == "docteur" || lower == "professeur")
        continue;
    }
    bool drop = !lex.drugs.empty() && IsNameLike(s.label) && s.priority < 100 &&
                AllDrugs(scan, lex, s) && !StrongCue(scan, s.begin);
    // A lone word before a dose is a drug that no list holds.
    if (!drop && IsNameLike(s.label) && s.priority < 100 && DoseAfter(scan, s.end) &&
        scan.text.substr(s.begin, s.end - s.begin).find(' ') == std::string_view::npos &&
        !StrongCue(scan, s.begin))
      drop = true;
    // A drug word beside a dictionary name ("Lucie Heparine") is a surname:
    // kept.
    if (drop && (s.label == Label::kNom || s.label == Label::kPrenom)) {
      auto name_beside = [&](const Span& o) {
        if (o.label != Label::kNom && o.label != Label::kPrenom) return false;
        size_t a = o.end <= s.begin ? o.end : s.end, b = o.end <= s.begin ? s.begin : o.begin;
        if (b != a + 1 || scan.text[a] != ' ') return false;
        std::string w = LowerAscii(scan.text.substr(o.begin, o.end - o.begin));
        return lex.first_names.contains(w) || lex.last_names.contains(w);
      };
      if ((out > 0 && name_beside(all[out - 1])) || (k + 1 < all.size() && name_beside(all[k + 1])))
        drop = false;
    }
    if (!drop) all[out++] = s;
  }
  all.resize(out);
}

void AddBirthNames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  const auto& toks = scan.tokens;
  std::vector<Span> added;
  for (size_t i = 0; i + 2 < toks.size(); ++i) {
    if (toks[i].kind != TokKind::kWord) continue;
    const std::string& cue = scan.lower[i];
    if (cue != "nee" && cue != "epouse") continue;
    size_t w = i + 2;
    if (toks[i + 1].kind != TokKind::kSpace || toks[i + 1].newline ||
        toks[w].kind != TokKind::kWord)
      continue;
    std::string_view word = scan.text.substr(toks[w].begin, toks[w].end - toks[w].begin);
    const std::string& lower = scan.lower[w];
    if (!(IsCapitalized(word) || IsAllCaps(word)) || lex.stopwords.contains(lower) ||
        PlainWord(lex, scan.lang, lower) || IsMonthWord(lower) || lex.drugs.contains(lower))
      continue;
    // Already covered (by a name or anything else): leave it.
    bool covered = false;
    for (const Span& s : *spans)
      covered = covered || (s.begin < toks[w].end && toks[w].begin < s.end);
    if (!covered) added.push_back({toks[w].begin, toks[w].end, Label::kNom, 40});
  }
  if (added.empty()) return;
  spans->insert(spans->end(), added.begin(), added.end());
  std::stable_sort(spans->begin(), spans->end(),
                   [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

bool TitleBefore(const Scan& scan, size_t pos) {
  size_t p = pos;
  while (p > 0 && (scan.text[p - 1] == ' ' || scan.text[p - 1] == '.')) --p;
  size_t b = p;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(scan.text[b - 1])) != 0) --b;
  if (b == p || p == pos) return false;
  std::string word = LowerAscii(scan.text.substr(b, p - b));
  for (std::string_view t : {"m", "mr", "mme", "mlle", "dr", "pr", "docteur", "professeur",
                             "madame", "monsieur", "mademoiselle"}) {
    if (word == t) return true;
  }
  return false;
}

void AddParticleAfterFirstName(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans) {
  const auto& toks = scan.tokens;
  auto particle = [](const std::string& w) {
    for (std::string_view t : {"de", "du", "des", "la", "le", "van", "von", "di", "da", "del"}) {
      if (w == t) return true;
    }
    return false;
  };
  auto one_space = [&](size_t t) {
    return t < toks.size() && toks[t].kind == TokKind::kSpace && !toks[t].newline &&
           toks[t].end - toks[t].begin == 1;
  };
  auto covered = [&](size_t b, size_t e) {
    for (const Span& s : *spans) {
      if (s.begin < e && b < s.end) return true;
    }
    return false;
  };
  std::vector<Span> added;
  for (const Span& s : *spans) {
    if (s.label != Label::kNom && s.label != Label::kPrenom) continue;
    std::string first = LowerAscii(scan.text.substr(s.begin, s.end - s.begin));
    if (!lex.first_names.contains(first) && !lex.wide_first.contains(first)) continue;
    auto it = std::lower_bound(toks.begin(), toks.end(), s.end,
                               [](const Token& t, size_t b) { return t.begin < b; });
    size_t p = static_cast<size_t>(it - toks.begin()) + 1;  // the particle
    if (!one_space(p - 1) || p + 2 >= toks.size() || toks[p].kind != TokKind::kWord ||
        !particle(scan.lower[p]) || !one_space(p + 1))
      continue;
    size_t w = p + 2;  // "de la Varenne": a second particle
    if (w + 2 < toks.size() && toks[w].kind == TokKind::kWord && particle(scan.lower[w]) &&
        one_space(w + 1))
      w += 2;
    if (toks[w].kind != TokKind::kWord) continue;
    std::string_view word = scan.text.substr(toks[w].begin, toks[w].end - toks[w].begin);
    if (!(IsCapitalized(word) || IsAllCaps(word)) || lex.stopwords.contains(scan.lower[w]) ||
        PlainWord(lex, scan.lang, scan.lower[w]) || IsMonthWord(scan.lower[w]))
      continue;
    if (!covered(toks[p].begin, toks[w].begin)) {
      // The word itself may be a name span already: it is replaced by the
      // surname from the particle on.
      added.push_back({toks[p].begin, toks[w].end, Label::kNom, 40});
    }
  }
  if (added.empty()) return;
  std::vector<Span> kept;
  kept.reserve(spans->size() + added.size());
  for (const Span& s : *spans) {
    bool inside = false;
    for (const Span& a : added) inside = inside || (a.begin <= s.begin && s.end <= a.end);
    if (!inside) kept.push_back(s);
  }
  kept.insert(kept.end(), added.begin(), added.end());
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Span& a, const Span& b) { return a.begin < b.begin; });
  *spans = std::move(kept);
}

}  // namespace vigie::privacy::internal
