// Private pieces of the check engine shared by its .cc files: the thesaurus of
// one version keyed for matching, condition predicates, resolved lines and
// findings. Thread-safety: plain data, immutable once built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/check/check.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::check {

// Matching key of a thesaurus name: folded, apostrophes unified, parenthesised
// qualifiers removed, spaces collapsed ("MACROLIDES (SAUF SPIRAMYCINE)" ->
// "macrolides").
std::string NameKey(std::string_view printed);

// A three-valued answer: the condition holds, does not hold, or cannot be
// decided from what the prescription says.
enum class Tri { kFalse, kTrue, kUnknown };

// One alternative of a condition ("- des doses antiagrégantes ... et en cas
// d'antécédent d'ulcère"): the predicates Vigie can read in it.
struct Alternative {
  unsigned aspirin_doses = 0;    // bit set of AspirinDose values named
  std::optional<double> mtx_gt;  // methotrexate > N mg/week
  std::optional<double> mtx_le;  // methotrexate <= N mg/week
  bool undecidable = false;      // names something the request cannot tell (ulcer history...)
};

struct LevelRule {
  kb::Level level;
  std::string code;                       // "CI", "ASDEC", "PE", "APEC"
  std::string condition;                  // as printed, "" when the entry has one level
  std::vector<Alternative> alternatives;  // empty: unconditional
};

struct Entry {
  std::string a, b;          // as printed
  std::string key_a, key_b;  // NameKey; "AUTRES X" gives key_b == key of X
  bool same_class = false;   // "X + AUTRES X"
  std::string level_label, risk, conduct;
  int page = 0;
  std::vector<LevelRule> levels;  // most severe first
};

struct ThesaurusData {
  std::string version;
  std::vector<Entry> entries;
  // key of A or B -> entries naming it
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  // substance key -> class keys it belongs to; key -> name as printed
  std::unordered_map<std::string, std::vector<std::string>> classes_of;
  std::unordered_map<std::string, std::string> printed;
  // every substance key the thesaurus names (members and non-class headings)
  std::unordered_map<std::string, std::string> substance_keys;
  size_t max_key_words = 1;
  // BDPM substance (name + '\x1f' + fraction) -> its links, filled at load so
  // that a check does no Unicode folding for catalog substances.
  struct Link {
    std::string key;       // thesaurus key or ""
    std::string name_key;  // NameKey of the BDPM name
  };
  std::unordered_map<std::string, Link> links;
  std::unordered_map<std::string, std::string> denomination_keys;  // CIS -> NameKey
};

// The thesaurus key of a BDPM substance (via its active moiety first).
ThesaurusData::Link LinkSubstance(const ThesaurusData& th, const kb::DrugSubstance& s);

// Parses the condition text of one level into alternatives.
std::vector<Alternative> ParseCondition(std::string_view condition);

enum AspirinDose : unsigned {
  kAntiInflammatory = 1,
  kAnalgesic = 2,  // antalgique ou antipyrétique
  kAntiplatelet = 4,
};

// Per-intake, per-day and per-week amounts in mg (when given).
struct Amounts {
  std::optional<double> per_intake_mg, per_day_mg, per_week_mg;
  std::optional<double> intakes_per_week;
};
Amounts AmountsOf(const Line& line);

struct ResolvedSubstance {
  std::string name;      // BDPM
  std::string key;       // thesaurus key, "" when the thesaurus has none
  std::string name_key;  // NameKey(name)
  std::string atc;
  std::string code;  // BDPM substance code
};

struct ResolvedLine {
  size_t index = 0;
  const kb::Drug* drug = nullptr;
  std::string matched_by;
  double score = 0;
  std::vector<ResolvedSubstance> substances;
  std::vector<std::string> protagonists;  // thesaurus keys: substances and their classes
  Amounts amounts;
  bool aspirin = false, methotrexate = false;
  std::string denomination_key;  // NameKey of the specialty's name
};

struct Source {
  std::string document, version;
  int page = 0;
  std::string section;
  nlohmann::json raw;  // a source object as the posology rules give it
  nlohmann::json ToJson() const;
};

struct Finding {
  std::string kind, level;  // level: CI/ASDEC/PE/APEC or contraindicated/warning/info
  nlohmann::json levels;    // interactions only
  std::optional<bool> resolved;
  std::vector<size_t> lines;
  std::vector<std::string> substances;
  std::string message, risk, conduct;
  Source source;
  nlohmann::json extra;  // other entries, class names
  int Rank() const;      // 0 most severe
};

// Writes the response JSON of issue 4 into `out` (response.cc).
void WriteResponse(const CheckKnowledge& k, const ThesaurusData& th, const Request& req,
                   const std::vector<const Finding*>& found, const std::vector<ResolvedLine>& lines,
                   const nlohmann::json& unresolved, const nlohmann::json& not_evaluated,
                   std::string& out);

// Links BDPM substances of `line` to thesaurus keys and classes.
void LinkToThesaurus(const ThesaurusData& th, ResolvedLine& line);

void CheckInteractions(const ThesaurusData& th, const std::vector<ResolvedLine>& lines, Lang lang,
                       std::vector<Finding>& out);
void CheckDuplicates(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                     std::vector<Finding>& out);
void CheckAllergies(const CheckKnowledge& k, const Request& req,
                    const std::vector<ResolvedLine>& lines, Lang lang, std::vector<Finding>& out,
                    nlohmann::json& not_evaluated);
void CheckAvailability(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                       std::vector<Finding>& out);
void CheckNeverEvents(const Request& req, const std::vector<ResolvedLine>& lines, Lang lang,
                      std::vector<Finding>& out);
void CheckPatientLimits(const CheckKnowledge& k, const Request& req,
                        const std::vector<ResolvedLine>& lines, std::vector<Finding>& out,
                        nlohmann::json& not_evaluated);

inline const char* Tr(Lang lang, const char* fr, const char* en) {
  return lang == Lang::kFr ? fr : en;
}

}  // namespace vigie::check
