// Private pieces of the check engine shared by its .cc files: the thesaurus of
// one version keyed for matching, condition predicates, resolved lines and
// findings. Thread-safety: plain data, immutable once built.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <list>
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
  std::string a, b;             // as printed
  std::string key_a, key_b;     // NameKey; "AUTRES X" gives key_b == key of X
  uint32_t id_a = 0, id_b = 0;  // the keys interned (ThesaurusData::ids)
  bool same_class = false;      // "X + AUTRES X"
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
    uint32_t id = kNoId;   // the key interned, kNoId when it names no entry or class
    // CheckKnowledge::PosologyRule of the key, else of the name key (found at
    // load; `posology_known` false for a link made during a check).
    const dose::Substance* posology = nullptr;
    bool posology_known = false;
  };
  std::unordered_map<std::string, Link> links;
  // The same links by catalog substance (the catalog is immutable): no key
  // is built or hashed during a check.
  std::unordered_map<const kb::DrugSubstance*, const Link*> link_of;
  // Interned keys: every key naming an entry or a class, or listed in a
  // class, has an id; by_key and classes_of by id (same order), so that the
  // pair loop of a check compares integers.
  static constexpr uint32_t kNoId = UINT32_MAX;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> entries_of_id, classes_of_id;
  uint32_t Id(const std::string& key) const {
    auto it = ids.find(key);
    return it == ids.end() ? kNoId : it->second;
  }
  std::unordered_map<std::string, std::string> denomination_keys;  // CIS -> NameKey
};

// The thesaurus key of a BDPM substance (via its active moiety first).
ThesaurusData::Link LinkSubstance(const ThesaurusData& th, const kb::DrugSubstance& s);
// NameKey of a specialty's denomination: found at load for a catalog drug,
// folded now otherwise.
std::string DenominationKey(const ThesaurusData& th, const kb::Drug& d);
// NameKey of a substance's active moiety (fraction, else name): the link
// found at load for a catalog substance, folded now otherwise.
std::string SubstanceNameKey(const ThesaurusData& th, const kb::DrugSubstance& s);
// Interns the keys of by_key and classes_of (end of the load).
void InternKeys(ThesaurusData& th);

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

// Views point into the drug catalog and the thesaurus links (immutable), or
// into ResolvedLine::own_links for a substance outside the catalog.
struct ResolvedSubstance {
  std::string_view name;      // BDPM
  std::string_view key;       // thesaurus key, "" when the thesaurus has none
  std::string_view name_key;  // NameKey(name)
  std::string_view atc;
  std::string_view code;  // BDPM substance code
  uint32_t id = ThesaurusData::kNoId;
  const ThesaurusData::Link* link = nullptr;
};

struct ResolvedLine {
  size_t index = 0;
  const kb::Drug* drug = nullptr;
  std::string matched_by;
  double score = 0;
  std::vector<ResolvedSubstance> substances;
  std::vector<uint32_t> protagonists;  // interned thesaurus keys: substances and their classes
  Amounts amounts;
  bool aspirin = false, methotrexate = false;
  std::string denomination_key;              // NameKey of the specialty's name
  std::list<ThesaurusData::Link> own_links;  // links computed for a substance outside the catalog
};

struct Source {
  std::string_view document, version;
  int page = 0;
  std::string section;
  const nlohmann::json* raw = nullptr;  // a source object of the knowledge (allergy table)
  nlohmann::json owned;                 // a source object given by the dose engine
};

// One level of an interaction entry and whether its condition holds.
struct LevelOut {
  const LevelRule* rule = nullptr;
  Tri applies = Tri::kUnknown;
};

// A less severe entry of the same line pair (listed by name, level, page).
struct OtherEntry {
  const Entry* entry = nullptr;
  kb::Level level = kb::Level::kAPEC;
};

// A finding as written in the response. Views point into the knowledge, the
// resolved lines (which outlive the findings) or literals.
struct Finding {
  std::string kind, level;  // level: CI/ASDEC/PE/APEC or contraindicated/warning/info
  bool has_levels = false;  // interactions: "levels" written (maybe empty)
  std::vector<LevelOut> levels;
  std::optional<bool> resolved;
  std::array<size_t, 2> lines{};  // the first n_lines are used
  size_t n_lines = 0;
  std::vector<std::string_view> substances;
  std::string message;
  std::string_view risk, conduct;
  Source source;
  bool has_other_entries = false;  // interactions: "other_entries" written (maybe empty)
  std::vector<OtherEntry> other_entries;
  // The other members of the finding, (name, string value), in name order;
  // every name sorts before "other_entries".
  std::vector<std::pair<std::string_view, std::string>> extra;
  void SetLines(size_t a) {
    lines = {a, 0};
    n_lines = 1;
  }
  void SetLines(size_t a, size_t b) {
    lines = {a, b};
    n_lines = 2;
  }
  bool LinesBefore(const Finding& o) const {
    return std::lexicographical_compare(lines.begin(), lines.begin() + n_lines, o.lines.begin(),
                                        o.lines.begin() + o.n_lines);
  }
  int Rank() const;  // 0 most severe
};

// A check that could not run, and why ("not_evaluated" of the response).
struct NotEvaluated {
  std::string_view check;
  std::optional<size_t> line;
  std::string missing, message;
};

// Writes the response JSON of issue 4 into `out` (response.cc).
void WriteResponse(const CheckKnowledge& k, const ThesaurusData& th, const Request& req,
                   const std::vector<const Finding*>& found, const std::vector<ResolvedLine>& lines,
                   const nlohmann::json& unresolved, const std::vector<NotEvaluated>& not_evaluated,
                   std::string& out);

// Links BDPM substances of `line` to thesaurus keys and classes.
void LinkToThesaurus(const ThesaurusData& th, ResolvedLine& line);

void CheckInteractions(const ThesaurusData& th, const std::vector<ResolvedLine>& lines, Lang lang,
                       std::vector<Finding>& out);
void CheckDuplicates(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                     std::vector<Finding>& out);
void CheckAllergies(const CheckKnowledge& k, const ThesaurusData& th, const Request& req,
                    const std::vector<ResolvedLine>& lines, Lang lang, std::vector<Finding>& out,
                    std::vector<NotEvaluated>& not_evaluated);
void CheckAvailability(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                       std::vector<Finding>& out);
void CheckNeverEvents(const Request& req, const std::vector<ResolvedLine>& lines, Lang lang,
                      std::vector<Finding>& out);
void CheckPatientLimits(const CheckKnowledge& k, const Request& req,
                        const std::vector<ResolvedLine>& lines, std::vector<Finding>& out,
                        std::vector<NotEvaluated>& not_evaluated);

inline const char* Tr(Lang lang, const char* fr, const char* en) {
  return lang == Lang::kFr ? fr : en;
}

}  // namespace vigie::check
