// Renal function estimators: Cockcroft-Gault CrCl, CKD-EPI 2021 and MDRD
// (IDMS) eGFR. Every result states the formula, the weight convention (CG)
// and the creatinine date when given (HAS LAP certification, criterion 11).
// Thread-safe: pure functions.
#include <cmath>

#include "calc/calculator.h"
#include "vigie/core/units.h"

namespace vigie::calc {
namespace {

constexpr double kDevineMinHeightCm = 152.4;  // Devine: "per inch over 5 feet"

double DevineIbw(bool female, double height_cm) {
  return (female ? 45.5 : 50.0) + 2.3 * (height_cm / 2.54 - 60.0);
}

std::string DateNote(const Inputs& in) {
  if (!in.Has("creatinine_date"))
    return "; date de la créatinine non fournie / creatinine date not given";
  return "; créatinine du / creatinine of " + in.Text("creatinine_date");
}

double CreatinineMgDl(const Inputs& in) {
  if (in.GivenAs("creatinine_umol_l") == "creatinine_mg_dl")
    return in.GivenNumber("creatinine_umol_l");
  return units::CreatinineUmolLToMgDl(in.Number("creatinine_umol_l"));
}

// KDIGO 2012 GFR categories, for eGFR in mL/min/1.73 m².
Output Staged(double egfr, const std::string& formula) {
  struct Band {
    double min;
    const char* code;
  };
  static const Band kBands[] = {{90, "G1"},  {60, "G2"}, {45, "G3a"},
                                {30, "G3b"}, {15, "G4"}, {0, "G5"}};
  const char* code = "G5";
  for (const Band& b : kBands) {
    if (egfr >= b.min) {
      code = b.code;
      break;
    }
  }
  Output out;
  out.value = egfr;
  out.interpretation_fr = std::string("Catégorie de DFG KDIGO 2012 : ") + code;
  out.interpretation_en = std::string("KDIGO 2012 GFR category: ") + code;
  out.formula = formula;
  return out;
}

struct CgWeight {
  double kg;
  std::string text;
};

Result<CgWeight> ChooseWeight(const Inputs& in) {
  double actual = in.Number("weight_kg");
  const std::string& convention = in.Text("weight_convention");
  if (convention == "actual") return CgWeight{actual, "poids réel / actual body weight"};
  if (!in.Has("height_cm")) {
    return Status::Error(ErrorCode::kMissingInput,
                         {"height_cm (weight_convention=" + convention + ")"});
  }
  double height = in.Number("height_cm");
  if (height < kDevineMinHeightCm) {
    return Status::Error(ErrorCode::kOutOfRange,
                         {"height_cm (weight_convention=" + convention + ")", "152.4", "260"});
  }
  double ibw = DevineIbw(in.Female(), height);
  if (convention == "ideal") {
    return CgWeight{ibw,
                    "poids idéal (Devine) / ideal body weight (Devine) " + Fixed(ibw, 1) + " kg"};
  }
  double bmi = actual / std::pow(height / 100.0, 2);
  if (bmi < 25) {
    return CgWeight{actual, "poids réel (IMC < 25) / actual body weight (BMI < 25)"};
  }
  double adjusted = ibw + 0.4 * (actual - ibw);
  return CgWeight{adjusted, "poids ajusté IBW + 0,4 × (poids − IBW) / adjusted body weight " +
                                Fixed(adjusted, 1) + " kg"};
}

Result<Output> CockcroftGault(const Inputs& in) {
  Result<CgWeight> weight = ChooseWeight(in);
  if (!weight.ok()) return weight.status();
  double age = in.Number("age");
  bool female = in.Female();
  Output out;
  if (in.GivenAs("creatinine_umol_l") == "creatinine_mg_dl") {
    out.value = (140 - age) * weight->kg * (female ? 0.85 : 1.0) / (72 * CreatinineMgDl(in));
    out.formula = "(140 − âge) × poids × (0,85 si F) / (72 × Scr mg/dL) [Cockcroft-Gault 1976]";
  } else {
    out.value = (140 - age) * weight->kg * (female ? 1.04 : 1.23) / in.Number("creatinine_umol_l");
    out.formula =
        "(140 − âge) × poids × K / Scr µmol/L, K = 1,23 (M) / 1,04 (F) [Cockcroft-Gault, forme SI]";
  }
  out.formula += "; " + weight->text + DateNote(in);
  out.interpretation_fr =
      "Clairance de la créatinine estimée (Cockcroft-Gault) : " + Fixed(out.value, 1) +
      " mL/min (non indexée à la surface corporelle)";
  out.interpretation_en =
      "Estimated creatinine clearance (Cockcroft-Gault): " + Fixed(out.value, 1) +
      " mL/min (not indexed to body surface area)";
  return out;
}

Result<Output> CkdEpi2021(const Inputs& in) {
  bool female = in.Female();
  double scr = CreatinineMgDl(in);
  double kappa = female ? 0.7 : 0.9;
  double alpha = female ? -0.241 : -0.302;
  double ratio = scr / kappa;
  double egfr = 142 * std::pow(std::min(ratio, 1.0), alpha) *
                std::pow(std::max(ratio, 1.0), -1.200) * std::pow(0.9938, in.Number("age")) *
                (female ? 1.012 : 1.0);
  return Staged(
      egfr, "CKD-EPI 2021 (sans race / race-free), Scr en mg/dL = µmol/L ÷ 88,4" + DateNote(in));
}

Result<Output> Mdrd(const Inputs& in) {
  double egfr = 175 * std::pow(CreatinineMgDl(in), -1.154) * std::pow(in.Number("age"), -0.203) *
                (in.Female() ? 0.742 : 1.0);
  return Staged(egfr, "MDRD IDMS 175 × Scr^−1,154 × âge^−0,203 × 0,742 (F), sans facteur ethnique" +
                          DateNote(in));
}

InputSpec WeightConvention() {
  InputSpec s = Num("weight_convention", "", 0, 0, "Poids utilisé", "Weight used");
  s.type = InputType::kChoice;
  s.choices = {"actual", "ideal", "adjusted"};
  s.required = false;
  return s;
}

}  // namespace

std::vector<Calculator> RenalCalculators() {
  std::vector<Calculator> out;
  out.push_back(
      {{"cockcroft-gault",
        "Clairance de la créatinine (Cockcroft-Gault)",
        "Creatinine clearance (Cockcroft-Gault)",
        {AgeInput(18), SexInput(), WeightInput(), CreatinineInput(), CreatinineDateInput(),
         WeightConvention(), Optional(HeightInput())},
        "mL/min",
        1,
        "(140 − age) × weight × (0.85 if F) / (72 × Scr mg/dL); with Scr in µmol/L the French SI "
        "form K = 1.23 (M) / 1.04 (F). Actual body weight unless weight_convention = ideal "
        "(Devine) or adjusted (IBW + 0.4 × (W − IBW) when BMI ≥ 25).",
        "Cockcroft DW, Gault MH. Nephron 1976;16:31-41"},
       &CockcroftGault});
  out.push_back(
      {{"ckd-epi-2021",
        "DFG estimé CKD-EPI 2021",
        "eGFR CKD-EPI 2021 (creatinine)",
        {AgeInput(18), SexInput(), CreatinineInput(), CreatinineDateInput()},
        "mL/min/1.73m2",
        1,
        "142 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.200 × 0.9938^age × 1.012 (F); κ 0.7 (F) / 0.9 (M); "
        "α −0.241 (F) / −0.302 (M); Scr mg/dL",
        "Inker LA et al. N Engl J Med 2021;385:1737-49"},
       &CkdEpi2021});
  out.push_back({{"mdrd",
                  "DFG estimé MDRD (IDMS)",
                  "eGFR MDRD (IDMS-traceable)",
                  {AgeInput(18), SexInput(), CreatinineInput(), CreatinineDateInput()},
                  "mL/min/1.73m2",
                  1,
                  "175 × Scr^−1.154 × age^−0.203 × 0.742 (F); Scr mg/dL",
                  "Levey AS et al. Ann Intern Med 2006;145:247-54"},
                 &Mdrd});
  return out;
}

}  // namespace vigie::calc
