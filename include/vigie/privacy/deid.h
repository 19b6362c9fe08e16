// De-identification of clinical free text (French and English): finds
// identities (names, dates, addresses, phone numbers, NIR, IBAN...) and
// replaces them by [LABEL] (mask) or by consistent surrogates (pseudo).
// The engine is pure: dictionaries and the model are given as text by the
// caller (read through an Env), the secret key comes from the caller; no I/O,
// no clock, no global. Offsets are Unicode code points into the input.
// Thread-safety: a built Deidentifier is immutable and safe to share.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"

namespace vigie::privacy {

// Entity labels (issue 7; wire names are the enum names without the k).
enum class Label {
  kNom,
  kPrenom,
  kDate,
  kDateNaissance,
  kAge,
  kAdresse,
  kZip,
  kVille,
  kHopital,
  kTel,
  kMail,
  kSecu,
  kIpp,
  kNda,
  kRpps,
  kAdeli,
  kFiness,
  kIban,
  kUrl,
  kIp,
};
inline constexpr int kLabelCount = 20;
std::string_view LabelName(Label label);  // "NOM", "DATE_NAISSANCE"...
bool ParseLabel(std::string_view name, Label* label);

enum class DeidMode { kMask, kPseudo };

// A name the request states (patient, relative): always caught, in any case.
struct KnownName {
  std::string text;
  Label label = Label::kNom;  // kNom or kPrenom
};

struct DeidOptions {
  Lang lang = Lang::kFr;
  DeidMode mode = DeidMode::kMask;
  std::vector<KnownName> names;
  // Pseudo mode: surrogates are a keyed hash of (label, value) under this
  // secret, so the same person gets the same surrogate in every document.
  std::string secret;
  // Pseudo mode: dates of one patient move by the same offset (intervals
  // kept); empty = derive it from the stated names.
  std::string patient_key;
};

struct DeidEntity {
  size_t start = 0;  // code points, inclusive
  size_t end = 0;    // code points, exclusive
  Label label = Label::kNom;
  std::string replacement;
};

struct DeidResult {
  std::string text;
  std::vector<DeidEntity> entities;
};

// The dictionaries, as file contents (entries separated by newlines or
// commas; a line starting with '#' is a comment). Each may be empty.
struct DeidResources {
  std::string first_names;
  std::string last_names;
  std::string cities;
  std::string hospitals;
  std::string stopwords;  // capitalised words that are never names (Le, Patient, IRM...)
  std::string tagger;     // averaged-perceptron weights (tagger.txt); empty = rules only
  // First names of other locales (first_names_wide.txt, optional): tell a
  // first name from a surname in a run of names; never a name on their own.
  std::string first_names_wide;
  // Drug names (drugs.txt, optional): never a name, town or hospital without
  // a strong cue (title, "Nom :" field, stated name).
  std::string drugs;
  // French word list, one word a line (Debian wfrench, /usr/share/dict/french):
  // tells lower-case names from ordinary words. Empty = not used.
  std::string words;
  // English word list (Debian wamerican, /usr/share/dict/american-english),
  // for English notes; capitalised entries (proper names) are skipped.
  std::string words_en;
};

class Deidentifier {
 public:
  // Builds the matcher; malformed tagger weights give kDataError.
  static Result<std::unique_ptr<Deidentifier>> Create(const DeidResources& resources);
  ~Deidentifier();

  // Detects and replaces. Invalid UTF-8 gives kInvalidArgument; never throws.
  Result<DeidResult> Run(std::string_view text, const DeidOptions& options) const;

  struct Impl;

 private:
  explicit Deidentifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::privacy
