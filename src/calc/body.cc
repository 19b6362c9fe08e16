// Body size and simple lab corrections: BMI, BSA (Mosteller, DuBois), ideal
// body weight (Devine), albumin-corrected calcium (Payne).
// Thread-safe: pure functions.
#include <cmath>

#include "calc/calculator.h"

namespace vigie::calc {
namespace {

constexpr double kCalciumMgDlPerMmolL = 4.008;  // Ca 40.08 g/mol

Output Plain(double value) {
  Output out;
  out.value = value;
  return out;
}

Result<Output> Bmi(const Inputs& in) {
  double bmi = in.Number("weight_kg") / std::pow(in.Number("height_cm") / 100.0, 2);
  struct Band {
    double min;
    const char* fr;
    const char* en;
  };
  static const Band kBands[] = {{40, "obésité classe III", "obesity class III"},
                                {35, "obésité classe II", "obesity class II"},
                                {30, "obésité classe I", "obesity class I"},
                                {25, "surpoids", "overweight"},
                                {18.5, "corpulence normale", "normal range"},
                                {0, "insuffisance pondérale", "underweight"}};
  Output out = Plain(bmi);
  for (const Band& b : kBands) {
    if (bmi >= b.min) {
      out.interpretation_fr = std::string("Adulte (OMS) : ") + b.fr;
      out.interpretation_en = std::string("Adult (WHO): ") + b.en;
      break;
    }
  }
  return out;
}

Result<Output> BsaMosteller(const Inputs& in) {
  return Plain(std::sqrt(in.Number("height_cm") * in.Number("weight_kg") / 3600.0));
}

Result<Output> BsaDuBois(const Inputs& in) {
  return Plain(0.007184 * std::pow(in.Number("weight_kg"), 0.425) *
               std::pow(in.Number("height_cm"), 0.725));
}

Result<Output> IbwDevine(const Inputs& in) {
  return Plain((in.Female() ? 45.5 : 50.0) + 2.3 * (in.Number("height_cm") / 2.54 - 60.0));
}

// Computed in the unit system of the calcium given (the two forms of Payne's
// formula are not exactly equivalent, and labs report in one system).
Result<Output> CorrectedCalcium(const Inputs& in) {
  double albumin_g_l = in.Number("albumin_g_l");
  Output out;
  if (in.GivenAs("calcium_mmol_l") == "calcium_mg_dl") {
    out.value = in.GivenNumber("calcium_mmol_l") + 0.8 * (4.0 - albumin_g_l / 10.0);
    out.unit = "mg/dL";
    out.formula = "Ca (mg/dL) + 0.8 × (4 − albumine g/dL)";
  } else {
    out.value = in.Number("calcium_mmol_l") + 0.02 * (40.0 - albumin_g_l);
    out.unit = "mmol/L";
    out.formula = "Ca (mmol/L) + 0.02 × (40 − albumine g/L)";
  }
  return out;
}

InputSpec CalciumInput() {
  InputSpec s = Num("calcium_mmol_l", "mmol/L", 0.5, 5.0, "Calcémie totale", "Total serum calcium");
  s.alternatives = {{"calcium_mg_dl", "mg/dL", 1.0 / kCalciumMgDlPerMmolL, 0}};
  return s;
}

InputSpec AlbuminInput() {
  InputSpec s = Num("albumin_g_l", "g/L", 5, 70, "Albuminémie", "Serum albumin");
  s.alternatives = {{"albumin_g_dl", "g/dL", 10, 0}};
  return s;
}

InputSpec DevineHeight() {
  InputSpec s = HeightInput();
  s.min = 152.4;  // Devine: 2.3 kg "per inch over 5 feet"
  return s;
}

}  // namespace

std::vector<Calculator> BodyCalculators() {
  std::vector<Calculator> out;
  out.push_back({{"bmi",
                  "Indice de masse corporelle (IMC)",
                  "Body mass index (BMI)",
                  {WeightInput(), HeightInput()},
                  "kg/m2",
                  1,
                  "weight (kg) / height (m)²",
                  "WHO. Obesity: preventing and managing the global epidemic. TRS 894, 2000"},
                 &Bmi});
  out.push_back({{"bsa-mosteller",
                  "Surface corporelle (Mosteller)",
                  "Body surface area (Mosteller)",
                  {WeightInput(), HeightInput()},
                  "m2",
                  3,
                  "√(height cm × weight kg / 3600)",
                  "Mosteller RD. N Engl J Med 1987;317:1098"},
                 &BsaMosteller});
  out.push_back({{"bsa-dubois",
                  "Surface corporelle (DuBois)",
                  "Body surface area (DuBois)",
                  {WeightInput(), HeightInput()},
                  "m2",
                  3,
                  "0.007184 × weight^0.425 × height^0.725",
                  "DuBois D, DuBois EF. Arch Intern Med 1916;17:863-71"},
                 &BsaDuBois});
  out.push_back({{"ibw-devine",
                  "Poids idéal (Devine)",
                  "Ideal body weight (Devine)",
                  {SexInput(), DevineHeight()},
                  "kg",
                  1,
                  "50 kg (M) / 45.5 kg (F) + 2.3 kg per inch over 60 inches",
                  "Devine BJ. Drug Intell Clin Pharm 1974;8:650-5"},
                 &IbwDevine});
  out.push_back(
      {{"corrected-calcium",
        "Calcémie corrigée (Payne)",
        "Albumin-corrected calcium (Payne)",
        {CalciumInput(), AlbuminInput()},
        "mmol/L",
        2,
        "Ca + 0.02 × (40 − albumin g/L) in mmol/L; Ca + 0.8 × (4 − albumin g/dL) in mg/dL",
        "Payne RB et al. Br Med J 1973;4:643-6"},
       &CorrectedCalcium});
  return out;
}

}  // namespace vigie::calc
