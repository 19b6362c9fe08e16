// Test-only: the decision-rule rows of ../shared/clinical/formula_test_vectors.csv
// (Ottawa ankle, Canadian CT head, Canadian C-spine) mapped to calculator
// inputs; shared by the calc and exam tests so both read the same cases.
// Thread-safety: immutable data.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace vigie::testing {

struct Mapped {
  std::string calc_id;  // empty: the row is about an exclusion criterion (exam rules only)
  nlohmann::json inputs;
};

using nlohmann::json;

inline json Flags(std::initializer_list<const char*> names, json base) {
  for (const char* n : names) base[n] = true;
  return base;
}

inline const json kAnkleNone = {{"malleolar_pain", false},
                                {"lateral_malleolus_tenderness", false},
                                {"medial_malleolus_tenderness", false},
                                {"midfoot_pain", false},
                                {"fifth_metatarsal_tenderness", false},
                                {"navicular_tenderness", false},
                                {"unable_to_bear_weight", false}};
inline const json kHeadNone = {{"age", 30},
                               {"gcs_below_15_at_2h", false},
                               {"suspected_open_or_depressed_fracture", false},
                               {"basal_skull_fracture_signs", false},
                               {"vomiting_2_or_more", false},
                               {"retrograde_amnesia_30min", false},
                               {"dangerous_mechanism", false}};
inline const json kSpineNone = {{"age", 35},
                                {"dangerous_mechanism", false},
                                {"paresthesias", false},
                                {"simple_rear_end_mvc", false},
                                {"sitting_in_ed", false},
                                {"ambulatory_any_time", false},
                                {"delayed_neck_pain", false},
                                {"no_midline_tenderness", false}};

inline json With(json base, const json& extra) {
  base.update(extra);
  return base;
}

// "No X-ray", "No imaging", "Rule negative..." -> 0; other decisions -> 1.
inline double DecisionValue(const std::string& expected) {
  return (expected.rfind("No ", 0) == 0 || expected.rfind("Rule negative", 0) == 0) ? 0 : 1;
}

// Key: formula + " | " + inputs, as printed in the CSV.
inline const std::map<std::string, Mapped>& DecisionRows() {
  static const std::map<std::string, Mapped> kRows = {
      {"Ottawa ankle - ankle series | malleolar pain + tenderness posterior edge/tip lateral "
       "malleolus, bears weight",
       {"ottawa-ankle", Flags({"malleolar_pain", "lateral_malleolus_tenderness"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | malleolar pain, no bone tenderness, bore weight 4 steps "
       "immediately and in ED",
       {"ottawa-ankle", Flags({"malleolar_pain"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | malleolar pain, no bone tenderness, unable to bear weight 4 "
       "steps",
       {"ottawa-ankle", Flags({"malleolar_pain", "unable_to_bear_weight"}, kAnkleNone)}},
      {"Ottawa ankle - foot series | midfoot pain + tenderness at base of 5th metatarsal",
       {"ottawa-ankle", Flags({"midfoot_pain", "fifth_metatarsal_tenderness"}, kAnkleNone)}},
      {"Ottawa ankle - ankle series | no pain in malleolar zone (isolated lateral ligament pain), "
       "bears weight",
       {"ottawa-ankle", kAnkleNone}},
      {"Canadian CT head rule | age 70, GCS 15 at 2h, no other factor",
       {"canadian-ct-head", With(kHeadNone, {{"age", 70}})}},
      {"Canadian CT head rule | age 30, GCS 15, vomited twice",
       {"canadian-ct-head", Flags({"vomiting_2_or_more"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15, retrograde amnesia 45 min",
       {"canadian-ct-head", Flags({"retrograde_amnesia_30min"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15, fell from 5 stairs",
       {"canadian-ct-head", Flags({"dangerous_mechanism"}, kHeadNone)}},
      {"Canadian CT head rule | age 30, GCS 15 at 2h, no risk factor",
       {"canadian-ct-head", kHeadNone}},
      {"Canadian C-spine rule | age 70, low-energy fall",
       {"canadian-c-spine", With(kSpineNone, {{"age", 70}})}},
      {"Canadian C-spine rule | age 35, paresthesias in extremities",
       {"canadian-c-spine", Flags({"paresthesias"}, kSpineNone)}},
      {"Canadian C-spine rule | age 35, simple rear-end MVC, no high-risk factor, rotates 45 deg "
       "both sides",
       {"canadian-c-spine",
        With(Flags({"simple_rear_end_mvc"}, kSpineNone), {{"can_rotate_45", true}})}},
      {"Canadian C-spine rule | age 35, simple rear-end MVC, cannot rotate 45 deg left",
       {"canadian-c-spine",
        With(Flags({"simple_rear_end_mvc"}, kSpineNone), {{"can_rotate_45", false}})}},
      {"Canadian C-spine rule | age 35, no high-risk factor, NO low-risk factor (midline "
       "tenderness, not ambulatory, supine)",
       {"canadian-c-spine", kSpineNone}},
      {"Canadian CT head rule | patient on anticoagulant",
       {"", {{"anticoagulant_or_bleeding_disorder", true}}}},
  };
  return kRows;
}

}  // namespace vigie::testing
