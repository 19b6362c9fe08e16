// Thrombosis and bleeding scores: CHA2DS2-VASc, HAS-BLED, Wells PE, Wells DVT,
// PERC. Items are booleans named after the item; vital signs are numbers.
// Thread-safe: pure functions.
#include "calc/calculator.h"

namespace vigie::calc {
namespace {

Output Score(double value, std::string fr, std::string en) {
  Output out;
  out.value = value;
  out.interpretation_fr = std::move(fr);
  out.interpretation_en = std::move(en);
  return out;
}

Result<Output> Cha2ds2Vasc(const Inputs& in) {
  double age = in.Number("age");
  double v = SumItems(in, {{"congestive_heart_failure", 1},
                           {"hypertension", 1},
                           {"diabetes", 1},
                           {"stroke_tia_thromboembolism", 2},
                           {"vascular_disease", 1}});
  v += age >= 75 ? 2 : (age >= 65 ? 1 : 0);
  v += in.Female() ? 1 : 0;
  return Score(v, "Score CHA2DS2-VASc " + Fixed(v, 0) + "/9",
               "CHA2DS2-VASc score " + Fixed(v, 0) + "/9");
}

Result<Output> HasBled(const Inputs& in) {
  double v = SumItems(in, {{"hypertension", 1},
                           {"abnormal_renal_function", 1},
                           {"abnormal_liver_function", 1},
                           {"stroke", 1},
                           {"bleeding", 1},
                           {"labile_inr", 1},
                           {"drugs", 1},
                           {"alcohol", 1}});
  v += in.Number("age") > 65 ? 1 : 0;
  if (v >= 3) {
    return Score(v, "Score ≥ 3 : risque hémorragique élevé (Pisters 2010)",
                 "Score ≥ 3: high bleeding risk (Pisters 2010)");
  }
  return Score(v, "Score < 3 (seuil de risque élevé : ≥ 3, Pisters 2010)",
               "Score < 3 (high-risk threshold: ≥ 3, Pisters 2010)");
}

Result<Output> WellsPe(const Inputs& in) {
  double v = SumItems(in, {{"dvt_signs", 3},
                           {"pe_most_likely", 3},
                           {"immobilization_or_surgery", 1.5},
                           {"previous_dvt_pe", 1.5},
                           {"hemoptysis", 1},
                           {"malignancy", 1}});
  v += in.Number("heart_rate_bpm") > 100 ? 1.5 : 0;
  if (v > 4)
    return Score(v, "Score > 4 : EP probable (modèle à deux niveaux)",
                 "Score > 4: PE likely (two-level model)");
  return Score(v, "Score ≤ 4 : EP peu probable (modèle à deux niveaux)",
               "Score ≤ 4: PE unlikely (two-level model)");
}

Result<Output> WellsDvt(const Inputs& in) {
  double v = SumItems(in, {{"active_cancer", 1},
                           {"paralysis_paresis_cast", 1},
                           {"bedridden_or_major_surgery", 1},
                           {"localized_tenderness", 1},
                           {"entire_leg_swollen", 1},
                           {"calf_swelling_3cm", 1},
                           {"pitting_edema", 1},
                           {"collateral_superficial_veins", 1},
                           {"previous_dvt", 1},
                           {"alternative_diagnosis_likely", -2}});
  if (v >= 2) return Score(v, "Score ≥ 2 : TVP probable", "Score ≥ 2: DVT likely");
  return Score(v, "Score < 2 : TVP peu probable", "Score < 2: DVT unlikely");
}

Result<Output> Perc(const Inputs& in) {
  double v = SumItems(in, {{"unilateral_leg_swelling", 1},
                           {"hemoptysis", 1},
                           {"recent_surgery_trauma", 1},
                           {"previous_dvt_pe", 1},
                           {"hormone_use", 1}});
  v += in.Number("age") >= 50 ? 1 : 0;
  v += in.Number("heart_rate_bpm") >= 100 ? 1 : 0;
  v += in.Number("sao2_percent") < 95 ? 1 : 0;
  if (v == 0) {
    return Score(
        v,
        "PERC négatif : EP exclue sans D-dimères seulement si la probabilité clinique est faible "
        "(< 15 %)",
        "PERC negative: PE ruled out without D-dimer only if clinical probability is low (< 15 %)");
  }
  return Score(v, "PERC positif : EP non exclue par la règle",
               "PERC positive: PE not ruled out by the rule");
}

// Age-adjusted D-dimer threshold (ADJUST-PE): age x 10 µg/L after 50 years.
Result<Output> DDimerThreshold(const Inputs& in) {
  double age = in.Number("age");
  double v = age > 50 ? age * 10 : 500;
  return Score(v, "Seuil de D-dimères ajusté à l'âge : " + Fixed(v, 0) + " µg/L (FEU)",
               "Age-adjusted D-dimer threshold: " + Fixed(v, 0) + " µg/L (FEU)");
}

InputSpec HeartRate() {
  return Num("heart_rate_bpm", "/min", 20, 300, "Fréquence cardiaque", "Heart rate");
}

}  // namespace

std::vector<Calculator> ThromboCalculators() {
  std::vector<Calculator> out;
  out.push_back(
      {{"cha2ds2-vasc",
        "Score CHA2DS2-VASc",
        "CHA2DS2-VASc score",
        {AgeInput(0), SexInput(),
         Flag("congestive_heart_failure", "Insuffisance cardiaque", "Congestive heart failure"),
         Flag("hypertension", "Hypertension artérielle", "Hypertension"),
         Flag("diabetes", "Diabète", "Diabetes mellitus"),
         Flag("stroke_tia_thromboembolism", "AVC, AIT ou thromboembolie",
              "Stroke, TIA or thromboembolism"),
         Flag("vascular_disease", "Maladie vasculaire (IDM, AOMI, plaque aortique)",
              "Vascular disease")},
        "points",
        0,
        "CHF 1, hypertension 1, age ≥ 75 2, diabetes 1, stroke/TIA/thromboembolism 2, vascular "
        "disease 1, "
        "age 65–74 1, female 1",
        "Lip GYH et al. Chest 2010;137:263-72"},
       &Cha2ds2Vasc});
  out.push_back(
      {{"has-bled",
        "Score HAS-BLED",
        "HAS-BLED score",
        {AgeInput(0), Flag("hypertension", "HTA (PAS > 160 mmHg)", "Hypertension (SBP > 160 mmHg)"),
         Flag("abnormal_renal_function", "Fonction rénale anormale", "Abnormal renal function"),
         Flag("abnormal_liver_function", "Fonction hépatique anormale", "Abnormal liver function"),
         Flag("stroke", "Antécédent d'AVC", "Prior stroke"),
         Flag("bleeding", "Saignement ou prédisposition", "Bleeding history or predisposition"),
         Flag("labile_inr", "INR instable", "Labile INR"),
         Flag("drugs", "Antiagrégant ou AINS", "Antiplatelet or NSAID"),
         Flag("alcohol", "Alcool ≥ 8 verres/semaine", "Alcohol ≥ 8 drinks/week")},
        "points",
        0,
        "1 point each: H, A (renal, liver), S, B, L, E (age > 65), D (drugs, alcohol)",
        "Pisters R et al. Chest 2010;138:1093-100"},
       &HasBled});
  out.push_back(
      {{"wells-pe",
        "Score de Wells (embolie pulmonaire)",
        "Wells score for pulmonary embolism",
        {Flag("dvt_signs", "Signes cliniques de TVP", "Clinical signs of DVT"),
         Flag("pe_most_likely", "EP diagnostic le plus probable", "PE the most likely diagnosis"),
         HeartRate(),
         Flag("immobilization_or_surgery", "Immobilisation ≥ 3 j ou chirurgie < 4 sem.",
              "Immobilisation ≥ 3 d or surgery < 4 wk"),
         Flag("previous_dvt_pe", "Antécédent de TVP/EP", "Previous DVT/PE"),
         Flag("hemoptysis", "Hémoptysie", "Haemoptysis"),
         Flag("malignancy", "Cancer actif", "Malignancy")},
        "points",
        1,
        "DVT signs 3, PE most likely 3, HR > 100 1.5, immobilisation/surgery 1.5, previous DVT/PE "
        "1.5, "
        "haemoptysis 1, malignancy 1; > 4 PE likely",
        "Wells PS et al. Thromb Haemost 2000;83:416-20"},
       &WellsPe});
  out.push_back(
      {{"wells-dvt",
        "Score de Wells (thrombose veineuse profonde)",
        "Wells score for DVT",
        {Flag("active_cancer", "Cancer actif", "Active cancer"),
         Flag("paralysis_paresis_cast", "Paralysie, parésie ou plâtre récent",
              "Paralysis, paresis or recent cast"),
         Flag("bedridden_or_major_surgery", "Alitement ≥ 3 j ou chirurgie majeure < 12 sem.",
              "Bedridden ≥ 3 d or major surgery < 12 wk"),
         Flag("localized_tenderness", "Douleur le long du trajet veineux profond",
              "Tenderness along deep veins"),
         Flag("entire_leg_swollen", "Jambe entière gonflée", "Entire leg swollen"),
         Flag("calf_swelling_3cm", "Mollet > 3 cm vs controlatéral", "Calf swelling > 3 cm"),
         Flag("pitting_edema", "Œdème prenant le godet", "Pitting oedema"),
         Flag("collateral_superficial_veins", "Veines superficielles collatérales",
              "Collateral superficial veins"),
         Flag("previous_dvt", "Antécédent de TVP", "Previous DVT"),
         Flag("alternative_diagnosis_likely", "Autre diagnostic au moins aussi probable",
              "Alternative diagnosis as likely")},
        "points",
        0,
        "9 items 1 point each; alternative diagnosis as likely −2; ≥ 2 DVT likely",
        "Wells PS et al. N Engl J Med 2003;349:1227-35"},
       &WellsDvt});
  out.push_back(
      {{"perc",
        "Règle PERC (embolie pulmonaire)",
        "PERC rule for pulmonary embolism",
        {AgeInput(0), HeartRate(), Num("sao2_percent", "%", 50, 100, "SaO2", "SaO2"),
         Flag("unilateral_leg_swelling", "Œdème unilatéral de jambe", "Unilateral leg swelling"),
         Flag("hemoptysis", "Hémoptysie", "Haemoptysis"),
         Flag("recent_surgery_trauma", "Chirurgie ou traumatisme récent",
              "Recent surgery or trauma"),
         Flag("previous_dvt_pe", "Antécédent de TVP/EP", "Previous DVT/PE"),
         Flag("hormone_use", "Prise d'hormones (œstrogènes)", "Hormone use")},
        "criteria",
        0,
        "criteria present among: age ≥ 50, HR ≥ 100, SaO2 < 95 %, unilateral leg swelling, "
        "haemoptysis, "
        "recent surgery/trauma, previous DVT/PE, hormone use; applies only at low clinical "
        "probability",
        "Kline JA et al. J Thromb Haemost 2004;2:1247-55"},
       &Perc});
  out.push_back({{"d-dimer-age-adjusted",
                  "Seuil de D-dimères ajusté à l'âge",
                  "Age-adjusted D-dimer threshold",
                  {AgeInput(18)},
                  "µg/L FEU",
                  0,
                  "age × 10 µg/L after 50 years, 500 µg/L up to 50 years",
                  "Righini M et al. JAMA 2014;311:1117-24 (ADJUST-PE)"},
                 &DDimerThreshold});
  return out;
}

}  // namespace vigie::calc
