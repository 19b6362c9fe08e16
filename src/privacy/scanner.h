// Private to the de-identifier: the tokenizer, the detectors and the span
// type they share. Detectors add byte spans to a Scan; deid.cc resolves
// overlaps and converts bytes to code points. Thread-safety: a Scan is
// per-call; Lexicon is immutable after construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vigie/privacy/deid.h"

namespace vigie::privacy::internal {

struct Span {
  size_t begin = 0;  // bytes
  size_t end = 0;
  Label label = Label::kNom;
  int priority = 0;  // higher wins an overlap
};

enum class TokKind { kWord, kNumber, kPunct, kSpace };

struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokKind kind = TokKind::kPunct;
  bool newline = false;  // kSpace containing '\n'
};

// Words are ASCII letters or any non-ASCII byte, with inner ' - joining letters.
std::vector<Token> Tokenize(std::string_view text);

// Lower-cased ASCII, accents of common Latin-1 letters removed (cheap fold for cues).
std::string LowerAscii(std::string_view word);
bool IsCapitalized(std::string_view word);  // first letter upper case, some lower
bool IsAllCaps(std::string_view word);      // >= 2 letters, none lower case
struct Lexicon;
// An ordinary French word that no name dictionary holds ("contacter",
// "profession", "mise"): not taken as a name without a stronger cue.
bool PlainWord(const Lexicon& lex, Lang lang, const std::string& lower);

// Set of folded words kept as 32-bit fingerprints of their 64-bit hash (open
// addressing; 0 = empty slot). A false positive needs a 32-bit collision in
// a short probe run: about one word in a billion.
struct WordSet {
  std::vector<uint32_t> slots;
  size_t count = 0;
  void Build(const std::vector<uint64_t>& hashes);
  bool Contains(std::string_view lower) const;
  static uint64_t Hash(std::string_view lower);
};

struct Lexicon {
  std::unordered_set<std::string> first_names;  // LowerAscii
  std::unordered_set<std::string> wide_first;   // first names of other locales
  std::unordered_set<std::string> last_names;
  std::unordered_set<std::string> cities;
  // Hospital names as token sequences (LowerAscii), keyed by their first token.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> hospitals;
  std::unordered_set<std::string> stopwords;  // never names (LowerAscii)
  std::unordered_set<std::string> drugs;      // drug names (LowerAscii): no names without a cue
  WordSet french;                             // ordinary French words (LowerAscii of the word list)
  WordSet english;  // ordinary English words (lower-case entries of its list)
  // The list of the note's language.
  const WordSet& Words(Lang lang) const { return lang == Lang::kFr ? french : english; }
  // Bits of every dictionary word: 1 first name, 2 last name, 4 city, 8 stopword,
  // 64 first name of another locale (the tagger's flags, one look-up).
  std::unordered_map<std::string, uint8_t> word_flags;
  // Surrogate pools (pseudo mode), in file order.
  std::vector<std::string> first_pool, last_pool, city_pool;
};
void BuildLexicon(const DeidResources& resources, Lexicon* lexicon);

struct Scan {
  std::string_view text;
  Lang lang = Lang::kFr;
  std::vector<Token> tokens;
  std::vector<std::string> lower;  // LowerAscii of each word token ("" for the others)
  std::vector<Span> spans;
  void Add(size_t b, size_t e, Label l, int p) { spans.push_back({b, e, l, p}); }
  // Lower-cased text of the `bytes` before position `pos`.
  std::string Before(size_t pos, size_t bytes) const;
};

// Token-level view of a scan, for the passes that walk words.
struct TokenView {
  const Scan& scan;
  std::string_view Text(size_t i) const {
    const Token& t = scan.tokens[i];
    return scan.text.substr(t.begin, t.end - t.begin);
  }
  const std::string& Lower(size_t i) const { return scan.lower[i]; }
  TokKind Kind(size_t i) const { return scan.tokens[i].kind; }
  size_t size() const { return scan.tokens.size(); }
  // Next non-space token on the same line, or npos.
  size_t Next(size_t i) const {
    size_t j = i + 1;
    if (j < size() && Kind(j) == TokKind::kSpace) {
      if (scan.tokens[j].newline) return std::string::npos;
      ++j;
    }
    return j < size() ? j : std::string::npos;
  }
  // The token before i, skipping one space on the same line, or npos.
  size_t Prev(size_t i) const {
    if (i == 0) return std::string::npos;
    size_t j = i - 1;
    if (Kind(j) == TokKind::kSpace) {
      if (scan.tokens[j].newline || j == 0) return std::string::npos;
      --j;
    }
    return j;
  }
};

bool IsMonthWord(std::string_view lower);         // "mars", "sept", "March"
bool BirthContext(const Scan& scan, size_t pos);  // "né le", "DDN", "born" just before
// The identifier cue word nearest before `pos` (within 40 bytes: "IPP",
// "dossier", "tél", "NIR"...) and its label; `word` is set to it when given.
bool ContextLabel(const Scan& scan, size_t pos, Label* label, std::string_view* word = nullptr);
void ScanAlnumIds(Scan& scan);  // scan_mail.cc, called by ScanDigits

// Detectors (scan_ids.cc, scan_names.cc, scan_places.cc, scan_context.cc).
void ScanMailUrl(Scan& scan);
void ScanDigits(Scan& scan);
void ScanIban(Scan& scan);
void ScanNames(Scan& scan, const Lexicon& lexicon);
void ScanPlaces(Scan& scan, const Lexicon& lexicon);
void ScanKnownNames(Scan& scan, const std::vector<KnownName>& names);
// English notes only (scan_en.cc): lone dictionary names, names that are
// words after a role or greeting, streets without a number, towns after a
// preposition; US street types; the town after a street address (`end`:
// the address's last token).
void ScanEnglish(Scan& scan, const Lexicon& lexicon);
bool EnStreetType(std::string_view lower);
void TownAfterAddress(Scan& scan, const Lexicon& lexicon, size_t end);
void ScanContext(Scan& scan);  // scan_context.cc
// Cells of table columns whose header names them (scan_tables.cc).
void ScanTableColumns(Scan& scan);
void ScanMonthDates(Scan& scan);  // scan_dates.cc, called by ScanContext
// Last pass over the kept spans (in text order, no overlap): initials next to
// a name become first names; runs of names get one first-name/surname split
// (name_runs.cc).
void FixNameRuns(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans);
// Drops name, town and hospital spans whose words are all drug names unless
// a strong cue says they are names, and towns that are a title ("à Mme")
// (name_cues.cc, called by FixNameRuns).
void DropNonNames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans);
// The name a field label or a birth-name word before `pos` asks for: "Nom :",
// "Nom d'usage :", "née" give NOM, "Prénom(s) :" PRENOM (name_cues.cc).
bool NameFieldCue(const Scan& scan, size_t pos, Label* label);
// The name after "née", "épouse", "ep." (capitalised or upper case, no
// ordinary word) is a surname (name_cues.cc, called by FixNameRuns).
void AddBirthNames(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans);
// "Henri de Saint-Aubin": a particle and the capitalised word after a first
// name are its surname (name_cues.cc, called by FixNameRuns).
void AddParticleAfterFirstName(const Scan& scan, const Lexicon& lex, std::vector<Span>* spans);
// A title word ("Mme", "Dr.", "Monsieur") right before `pos` (name_cues.cc).
bool TitleBefore(const Scan& scan, size_t pos);
// After the tagger and the name runs, on the resolved spans sorted by position
// (scan_dates.cc): birth dates by the NIR's year or beside the patient's name,
// postcodes beside a city.
void RefineSpans(const Scan& scan, std::vector<Span>& kept);
// Postcodes beside towns, a town's cedex and district (scan_towns.cc).
void RefineTowns(const Scan& scan, std::vector<Span>& kept);

// Pseudo mode (surrogate.cc): a realistic value of the same kind, a keyed
// hash of (label, value) under the secret; dates move by the patient offset.
struct SurrogateKey {
  unsigned char key[32];
  int64_t date_shift_days = 0;
};
SurrogateKey MakeSurrogateKey(const DeidOptions& options);
std::string Surrogate(const Lexicon& lex, const SurrogateKey& key, Lang lang, Label label,
                      std::string_view value);

}  // namespace vigie::privacy::internal
