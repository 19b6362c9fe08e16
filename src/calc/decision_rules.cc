// Imaging decision rules as calculators: Ottawa ankle/foot, Canadian CT head,
// Canadian C-spine. value = 1 when the rule calls for imaging, 0 when it does
// not. The rules' exclusion criteria are handled by the exam rules
// (data/exam-rules, `vigie exam`), which state "not applicable"; here the
// interpretation reminds the population the rule was derived in.
// Thread-safe: pure functions.
#include "calc/calculator.h"

namespace vigie::calc {
namespace {

Output Decision(bool imaging, std::string fr, std::string en) {
  Output out;
  out.value = imaging ? 1 : 0;
  out.interpretation_fr = std::move(fr);
  out.interpretation_en = std::move(en);
  return out;
}

Result<Output> OttawaAnkle(const Inputs& in) {
  bool unable = in.Bool("unable_to_bear_weight");
  bool ankle = in.Bool("malleolar_pain") && (in.Bool("lateral_malleolus_tenderness") ||
                                             in.Bool("medial_malleolus_tenderness") || unable);
  bool foot = in.Bool("midfoot_pain") &&
              (in.Bool("fifth_metatarsal_tenderness") || in.Bool("navicular_tenderness") || unable);
  std::string fr;
  std::string en;
  if (ankle) {
    fr = "Radiographies de cheville indiquées";
    en = "Ankle X-ray series indicated";
  }
  if (foot) {
    fr += std::string(fr.empty() ? "" : " ; ") + "radiographies du pied indiquées";
    en += std::string(en.empty() ? "" : "; ") + "foot X-ray series indicated";
  }
  if (!ankle && !foot) {
    fr = "Pas de radiographie selon la règle (adulte, traumatisme < 10 jours)";
    en = "No X-ray by the rule (adult, injury < 10 days)";
  }
  return Decision(ankle || foot, fr, en);
}

Result<Output> CanadianCtHead(const Inputs& in) {
  bool high = in.Bool("gcs_below_15_at_2h") || in.Bool("suspected_open_or_depressed_fracture") ||
              in.Bool("basal_skull_fracture_signs") || in.Bool("vomiting_2_or_more") ||
              in.Number("age") >= 65;
  bool medium = in.Bool("retrograde_amnesia_30min") || in.Bool("dangerous_mechanism");
  if (high) {
    return Decision(true, "Scanner indiqué (facteur à haut risque)",
                    "CT indicated (high-risk factor)");
  }
  if (medium) {
    return Decision(true, "Scanner indiqué (facteur à risque moyen)",
                    "CT indicated (medium-risk factor)");
  }
  return Decision(false, "Règle négative : pas de scanner selon la règle (TC mineur, GCS 13–15)",
                  "Rule negative: no CT by the rule (minor head injury, GCS 13–15)");
}

Result<Output> CanadianCSpine(const Inputs& in) {
  if (in.Number("age") >= 65 || in.Bool("dangerous_mechanism") || in.Bool("paresthesias")) {
    return Decision(true, "Imagerie indiquée (facteur à haut risque)",
                    "Imaging indicated (high-risk factor)");
  }
  bool low_risk = in.Bool("simple_rear_end_mvc") || in.Bool("sitting_in_ed") ||
                  in.Bool("ambulatory_any_time") || in.Bool("delayed_neck_pain") ||
                  in.Bool("no_midline_tenderness");
  if (!low_risk) {
    return Decision(true, "Imagerie indiquée (aucun facteur à bas risque : mobilité non évaluable)",
                    "Imaging indicated (no low-risk factor: range of motion cannot be assessed)");
  }
  if (!in.Has("can_rotate_45")) return Status::Error(ErrorCode::kMissingInput, {"can_rotate_45"});
  if (!in.Bool("can_rotate_45")) {
    return Decision(true, "Imagerie indiquée (rotation active à 45° impossible)",
                    "Imaging indicated (cannot actively rotate neck 45°)");
  }
  return Decision(false, "Pas d'imagerie selon la règle", "No imaging by the rule");
}

}  // namespace

std::vector<Calculator> DecisionRuleCalculators() {
  std::vector<Calculator> out;
  out.push_back(
      {{"ottawa-ankle",
        "Règles d'Ottawa (cheville et pied)",
        "Ottawa ankle and foot rules",
        {Flag("malleolar_pain", "Douleur de la zone malléolaire", "Pain in the malleolar zone"),
         Flag("lateral_malleolus_tenderness",
              "Douleur à la palpation bord post./pointe malléole latérale (6 cm)",
              "Tenderness posterior edge/tip lateral malleolus"),
         Flag("medial_malleolus_tenderness",
              "Douleur à la palpation bord post./pointe malléole médiale (6 cm)",
              "Tenderness posterior edge/tip medial malleolus"),
         Flag("midfoot_pain", "Douleur du médio-pied", "Pain in the midfoot zone"),
         Flag("fifth_metatarsal_tenderness", "Douleur à la palpation base du 5e métatarsien",
              "Tenderness base of 5th metatarsal"),
         Flag("navicular_tenderness", "Douleur à la palpation de l'os naviculaire",
              "Tenderness navicular"),
         Flag("unable_to_bear_weight", "Appui impossible (4 pas) immédiatement et à l'examen",
              "Unable to bear weight (4 steps) immediately and in ED")},
        "decision",
        0,
        "Ankle series if malleolar pain and (tenderness lateral or medial malleolus or unable to "
        "bear "
        "weight); foot series if midfoot pain and (tenderness 5th metatarsal base or navicular or "
        "unable to bear weight)",
        "Stiell IG et al. JAMA 1993;269:1127-32"},
       &OttawaAnkle});
  out.push_back(
      {{"canadian-ct-head",
        "Règle canadienne du scanner cérébral",
        "Canadian CT head rule",
        {AgeInput(0),
         Flag("gcs_below_15_at_2h", "GCS < 15 à 2 h du traumatisme",
              "GCS < 15 at 2 h after injury"),
         Flag("suspected_open_or_depressed_fracture", "Suspicion de fracture ouverte ou embarrure",
              "Suspected open or depressed skull fracture"),
         Flag("basal_skull_fracture_signs", "Signe de fracture de la base du crâne",
              "Any sign of basal skull fracture"),
         Flag("vomiting_2_or_more", "Vomissements ≥ 2 épisodes", "Vomiting ≥ 2 episodes"),
         Flag("retrograde_amnesia_30min", "Amnésie rétrograde (avant l'impact) ≥ 30 min",
              "Amnesia before impact ≥ 30 min"),
         Flag("dangerous_mechanism", "Mécanisme dangereux", "Dangerous mechanism")},
        "decision",
        0,
        "CT if any high-risk factor (GCS < 15 at 2 h, suspected open/depressed fracture, basal "
        "skull "
        "fracture sign, vomiting ≥ 2, age ≥ 65) or medium-risk factor (amnesia before impact ≥ 30 "
        "min, "
        "dangerous mechanism)",
        "Stiell IG et al. Lancet 2001;357:1391-6"},
       &CanadianCtHead});
  out.push_back(
      {{"canadian-c-spine",
        "Règle canadienne du rachis cervical",
        "Canadian C-spine rule",
        {AgeInput(0), Flag("dangerous_mechanism", "Mécanisme dangereux", "Dangerous mechanism"),
         Flag("paresthesias", "Paresthésies des extrémités", "Paresthesias in extremities"),
         Flag("simple_rear_end_mvc", "Simple collision arrière", "Simple rear-end MVC"),
         Flag("sitting_in_ed", "Assis aux urgences", "Sitting position in ED"),
         Flag("ambulatory_any_time", "A marché depuis l'accident", "Ambulatory at any time"),
         Flag("delayed_neck_pain", "Douleur cervicale retardée", "Delayed onset of neck pain"),
         Flag("no_midline_tenderness", "Pas de douleur à la palpation médiane",
              "No midline C-spine tenderness"),
         Optional(Flag("can_rotate_45", "Rotation active 45° droite et gauche",
                       "Can actively rotate neck 45° left and right"))},
        "decision",
        0,
        "Imaging if a high-risk factor (age ≥ 65, dangerous mechanism, paresthesias), or no "
        "low-risk "
        "factor, or unable to rotate the neck actively 45° left and right",
        "Stiell IG et al. JAMA 2001;286:1841-8"},
       &CanadianCSpine});
  return out;
}

}  // namespace vigie::calc
