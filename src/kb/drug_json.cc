// JSON views of Drug and DrugCandidate (the shape of `vigie drug find --json`
// and POST /v1/drugs/search). Thread-safety: pure functions.
#include "vigie/kb/drug.h"

namespace vigie::kb {

nlohmann::json Drug::ToJson() const {
  nlohmann::json subs = nlohmann::json::array();
  for (const DrugSubstance& s : substances) {
    nlohmann::json j = {{"name", s.name},
                        {"code", s.code},
                        {"dosage", s.dosage},
                        {"dosage_reference", s.dosage_ref},
                        {"thesaurus_name", s.thesaurus_name},
                        {"atc", s.atc}};
    if (!s.fraction.empty()) j["fraction"] = s.fraction;
    subs.push_back(std::move(j));
  }
  nlohmann::json generic = nullptr;
  if (!generic_group_id.empty()) generic = {{"id", generic_group_id}, {"label", generic_group}};
  return {{"cis", cis},
          {"denomination", denomination},
          {"form", form},
          {"routes", routes},
          {"commercialised", commercialised},
          {"atc", atc},
          {"substances", std::move(subs)},
          {"generic_group", std::move(generic)},
          {"status",
           {{"amm", amm_status},
            {"availability", availability},
            {"prescribing_conditions", prescribing_conditions}}},
          {"cip7", cip7},
          {"cip13", cip13}};
}

nlohmann::json DrugCandidate::ToJson() const {
  nlohmann::json j = drug != nullptr ? drug->ToJson() : nlohmann::json::object();
  j["score"] = score;
  j["matched_by"] = matched_by;
  return j;
}

}  // namespace vigie::kb
