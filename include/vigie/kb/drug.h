// Drugs as the engines see them (one specialty with its substances, status and
// codes) and the in-memory index that resolves free text or codes (brand, DCI,
// typos, CIS, CIP7, CIP13) to ranked candidates. DrugCatalog is loaded from
// the KB once (KnowledgeBase::LoadDrugs); DrugIndex::Search is a pure function
// of the index and the query. Thread-safety: a built DrugIndex is immutable and
// safe for concurrent Search calls.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigie/core/status.h"

namespace vigie::kb {

struct DrugSubstance {
  std::string code;            // BDPM substance code
  std::string name;            // as in CIS_COMPO ("CHLORHYDRATE DE METFORMINE")
  std::string dosage;          // "850 mg"
  std::string dosage_ref;      // "un comprimé"
  std::string fraction;        // active moiety (ST row of the same link), if any
  std::string thesaurus_name;  // linked ANSM thesaurus substance, "" if none
  std::string atc;             // ATC code (CIS_MITM, carried over by substance)
};

struct Drug {
  std::string cis;
  std::string denomination;
  std::string form;
  std::vector<std::string> routes;
  bool commercialised = false;
  std::string amm_status;
  std::string atc;  // CIS_MITM code of the specialty, or carried over
  std::vector<DrugSubstance> substances;
  std::string generic_group_id;
  std::string generic_group;
  std::vector<std::string> prescribing_conditions;  // CIS_CPD
  std::vector<std::string> availability;            // CIS_CIP_Dispo_Spec status labels
  std::vector<std::string> cip7;
  std::vector<std::string> cip13;
  nlohmann::json ToJson() const;
};

// Every specialty of one BDPM view (snapshots used per table).
struct DrugCatalog {
  std::vector<Drug> drugs;
  std::vector<std::string> snapshot_versions;  // versions the view combines
};

struct DrugCandidate {
  const Drug* drug = nullptr;
  double score = 0;        // 0..1
  std::string matched_by;  // "cis", "cip7", "cip13", "text"
  nlohmann::json ToJson() const;
};

class DrugIndex {
 public:
  // Builds the index over `catalog` (kept alive by the index).
  static std::unique_ptr<DrugIndex> Build(std::shared_ptr<const DrugCatalog> catalog);
  ~DrugIndex();

  // Ranked candidates for a query (at most k). Empty query or no match: empty.
  std::vector<DrugCandidate> Search(std::string_view query, size_t k) const;
  // The specialty with this CIS, or nullptr.
  const Drug* FindCis(std::string_view cis) const;
  const DrugCatalog& catalog() const { return *catalog_; }

  struct Impl;  // opaque (src/kb/drug_index.cc)

 private:
  DrugIndex(std::shared_ptr<const DrugCatalog> catalog, std::unique_ptr<Impl> impl);
  std::shared_ptr<const DrugCatalog> catalog_;
  std::unique_ptr<Impl> impl_;
};

// Opens the KB at `kb_path`, loads the catalog of `as_of` ("" = newest view)
// and builds its index: what front ends call once at start-up.
// Failure: as KnowledgeBase::Open and LoadDrugs.
Result<std::shared_ptr<const DrugIndex>> LoadDrugIndex(const std::string& kb_path,
                                                       std::string_view as_of = "");

}  // namespace vigie::kb
