// The prescription check (issue 4): a patient and the lines of a prescription
// go in; findings come out (interactions at the four ANSM levels with their
// conditions resolved by dose and timing, duplicates, allergies, the patient's
// own limits from the posology rules, availability, the weekly-methotrexate
// never-event), each with its official source. `Check` is a pure function of
// the loaded knowledge and the request; loading (`CheckKnowledge::Load`) reads
// the KB once. Nothing here throws: every failure is a Status.
// Thread-safety: a loaded CheckKnowledge is immutable and may be shared by any
// number of threads calling Check concurrently.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/check/content.h"
#include "vigie/core/patient.h"
#include "vigie/core/status.h"
#include "vigie/dose/posology.h"
#include "vigie/kb/drug.h"
#include "vigie/kb/kb.h"

namespace vigie::check {

struct Dose {
  double value = 0;
  std::string unit = "mg";  // mg, g, µg (mcg), UI
};

// FHIR Dosage-like timing: `frequency` intakes every `period` `period_unit`.
struct Timing {
  double frequency = 1;
  double period = 1;
  std::string period_unit = "d";  // h, d, wk
};

struct Line {
  std::string drug;  // free text as typed
  std::string cis;
  std::string cip13;
  std::optional<Dose> dose;
  std::optional<Timing> timing;
  std::string route;
  std::optional<double> duration_days;
};

struct Request {
  Patient patient;
  bool has_allergies = false;     // the field was given (an empty list means "none known")
  std::string as_of;              // BDPM snapshot date limit, "" = newest
  std::string thesaurus_version;  // "" = newest imported
  std::string min_level;          // "", "CI", "ASDEC", "PE", "APEC"
  std::vector<Line> lines;
  Lang lang = Lang::kFr;
};

// Reads the request JSON of DESIGN.md / issue 4. Unknown fields, wrong types,
// bad units or periods give kInvalidArgument / kUnknownField naming the field;
// no line gives kMissingInput.
Result<Request> RequestFromJson(const nlohmann::json& body, Lang lang = Lang::kFr);

struct ThesaurusData;  // parsed entries, classes and name keys of one version

// What the engine reads: the drug index of one BDPM view, every imported
// thesaurus version, and the posology rules.
class CheckKnowledge {
 public:
  // Reads every thesaurus version of `kb` (entries and class memberships
  // through a read-only connection to `kb_path`) into memory once: a check
  // then runs no query. `content` is the authored data (posology rules,
  // allergy table) and its hash, mixed into hash(). Failure: kNotFound (no
  // thesaurus imported), kIoError.
  static Result<std::shared_ptr<const CheckKnowledge>> Load(
      const kb::KnowledgeBase& kb, const std::string& kb_path,
      std::shared_ptr<const kb::DrugIndex> drugs, CheckContent content);
  ~CheckKnowledge();

  const kb::DrugIndex& drugs() const { return *drugs_; }
  const dose::PosologyBook* posology() const { return content_.posology.get(); }
  const AllergyTable* allergy() const { return content_.allergy.get(); }
  // The posology rules of a substance (as PosologyBook::Find: folded name or
  // alias), from an index built at load; nullptr when none.
  const dose::Substance* PosologyRule(std::string_view name) const;
  // The rules of a linked substance: by its thesaurus key, else by the key
  // of its name; nullptr when none (or no posology book).
  const dose::Substance* FindPosologyRule(std::string_view key, std::string_view name_key) const;
  // Hash of the authored data/ files read ("" when none was read).
  const std::string& content_hash() const { return content_.hash; }
  // The version's data, or nullptr; "" gives the newest.
  const ThesaurusData* Thesaurus(const std::string& version) const;
  const std::string& newest_thesaurus() const { return newest_; }
  // The BDPM snapshot versions used ("2026-01+2026-07") and the hash of the
  // KB snapshots (source, version, fingerprint) and of the content files.
  const std::string& bdpm_versions() const { return bdpm_; }
  const std::string& hash() const { return hash_; }

 private:
  CheckKnowledge() = default;
  std::shared_ptr<const kb::DrugIndex> drugs_;
  CheckContent content_;
  // Folded substance name or alias -> its rules (PosologyBook::Find folds
  // every name of the book on every call: most of a check's time).
  std::unordered_map<std::string, const dose::Substance*> posology_index_;
  std::map<std::string, std::unique_ptr<ThesaurusData>> thesaurus_;
  std::string newest_, bdpm_, hash_;
};

// The response as JSON text, with the counts the audit records.
struct CheckOutput {
  std::string json;
  size_t lines = 0, unresolved = 0, findings = 0, critical = 0;
  std::string thesaurus;
};

// Runs every check and writes the response text (what the HTTP route sends).
// Failure: as Check below.
Result<CheckOutput> CheckSerialized(const CheckKnowledge& knowledge, const Request& request);

// Runs every check. The response is the JSON of issue 4: {"findings",
// "lines", "unresolved", "not_evaluated", "kb", "thesaurus_version"}.
// Failure: kNotFound (thesaurus_version not imported), kInvalidArgument
// (min_level), kInternal (never expected; nothing escapes).
Result<nlohmann::json> Check(const CheckKnowledge& knowledge, const Request& request);

}  // namespace vigie::check
