// Acute-care scores: CURB-65, qSOFA, Glasgow coma scale, Centor/McIsaac.
// Thresholds are those of the original papers (strict or inclusive as
// printed there). Thread-safe: pure functions.
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

Result<Output> Curb65(const Inputs& in) {
  double v = SumItems(in, {{"confusion", 1}});
  v += in.Number("urea_mmol_l") > 7 ? 1 : 0;
  v += in.Number("respiratory_rate") >= 30 ? 1 : 0;
  v += (in.Number("sbp_mmhg") < 90 || in.Number("dbp_mmhg") <= 60) ? 1 : 0;
  v += in.Number("age") >= 65 ? 1 : 0;
  if (v <= 1) return Score(v, "0–1 : risque faible (Lim 2003)", "0–1: low risk (Lim 2003)");
  if (v == 2)
    return Score(v, "2 : risque intermédiaire (Lim 2003)", "2: intermediate risk (Lim 2003)");
  return Score(v, "3–5 : pneumonie sévère (Lim 2003)", "3–5: severe pneumonia (Lim 2003)");
}

Result<Output> Qsofa(const Inputs& in) {
  if (!in.Has("gcs") && !in.Has("altered_mentation")) {
    return Status::Error(ErrorCode::kMissingInput, {"gcs / altered_mentation"});
  }
  bool altered = (in.Has("altered_mentation") && in.Bool("altered_mentation")) ||
                 (in.Has("gcs") && in.Number("gcs") < 15);
  double v = (altered ? 1 : 0) + (in.Number("respiratory_rate") >= 22 ? 1 : 0) +
             (in.Number("sbp_mmhg") <= 100 ? 1 : 0);
  if (v >= 2) return Score(v, "qSOFA ≥ 2 : positif", "qSOFA ≥ 2: positive");
  return Score(v, "qSOFA < 2 : négatif", "qSOFA < 2: negative");
}

Result<Output> Gcs(const Inputs& in) {
  double v = in.Number("eye") + in.Number("verbal") + in.Number("motor");
  if (v <= 8) return Score(v, "GCS ≤ 8 : atteinte sévère", "GCS ≤ 8: severe");
  if (v <= 12) return Score(v, "GCS 9–12 : atteinte modérée", "GCS 9–12: moderate");
  return Score(v, "GCS 13–15 : atteinte légère", "GCS 13–15: mild");
}

Result<Output> CentorMcIsaac(const Inputs& in) {
  double v =
      SumItems(in, {{"cough_absent", 1}, {"tender_anterior_nodes", 1}, {"tonsillar_exudate", 1}});
  v += in.Number("temperature_c") > 38 ? 1 : 0;
  double age = in.Number("age");
  v += (age >= 3 && age < 15) ? 1 : (age >= 45 ? -1 : 0);
  return Score(v, "Score de McIsaac " + Fixed(v, 0), "McIsaac score " + Fixed(v, 0));
}

InputSpec RespiratoryRate() {
  return Num("respiratory_rate", "/min", 0, 100, "Fréquence respiratoire", "Respiratory rate");
}
InputSpec Sbp() {
  return Num("sbp_mmhg", "mmHg", 20, 300, "Pression artérielle systolique", "Systolic BP");
}

InputSpec UreaInput() {
  InputSpec s = Num("urea_mmol_l", "mmol/L", 0.5, 150, "Urée sanguine", "Blood urea");
  s.alternatives = {{"bun_mg_dl", "mg/dL (BUN)", 10 / 28.014, 0},
                    {"urea_g_l", "g/L", 1000 / 60.06, 0}};
  return s;
}

InputSpec TemperatureInput() {
  InputSpec s = Num("temperature_c", "°C", 30, 45, "Température", "Temperature");
  s.alternatives = {{"temperature_f", "°F", 5.0 / 9.0, -160.0 / 9.0}};
  return s;
}

}  // namespace

std::vector<Calculator> AcuteCalculators() {
  std::vector<Calculator> out;
  out.push_back(
      {{"curb-65",
        "Score CURB-65 (pneumonie)",
        "CURB-65 score for pneumonia",
        {Flag("confusion", "Confusion", "Confusion"), UreaInput(), RespiratoryRate(), Sbp(),
         Num("dbp_mmhg", "mmHg", 10, 200, "Pression artérielle diastolique", "Diastolic BP"),
         AgeInput(0)},
        "points",
        0,
        "confusion, urea > 7 mmol/L, RR ≥ 30, SBP < 90 or DBP ≤ 60, age ≥ 65: 1 point each",
        "Lim WS et al. Thorax 2003;58:377-82"},
       &Curb65});
  out.push_back(
      {{"qsofa",
        "Score qSOFA",
        "qSOFA score",
        {RespiratoryRate(), Sbp(),
         Optional(Int("gcs", 3, 15, "Score de Glasgow", "Glasgow coma scale")),
         Optional(Flag("altered_mentation", "Altération de la conscience", "Altered mentation"))},
        "points",
        0,
        "RR ≥ 22, SBP ≤ 100, altered mentation (GCS < 15 or altered_mentation): 1 point each",
        "Seymour CW et al. JAMA 2016;315:762-74; Singer M et al. JAMA 2016;315:801-10"},
       &Qsofa});
  out.push_back({{"gcs",
                  "Score de Glasgow",
                  "Glasgow coma scale",
                  {Int("eye", 1, 4, "Ouverture des yeux (1–4)", "Eye opening (1–4)"),
                   Int("verbal", 1, 5, "Réponse verbale (1–5)", "Verbal response (1–5)"),
                   Int("motor", 1, 6, "Réponse motrice (1–6)", "Motor response (1–6)")},
                  "points",
                  0,
                  "E (1–4) + V (1–5) + M (1–6)",
                  "Teasdale G, Jennett B. Lancet 1974;2:81-4"},
                 &Gcs});
  out.push_back(
      {{"centor-mcisaac",
        "Score de Centor modifié (McIsaac)",
        "Modified Centor (McIsaac) score",
        {AgeInput(0), TemperatureInput(), Flag("cough_absent", "Absence de toux", "Cough absent"),
         Flag("tender_anterior_nodes", "Adénopathies cervicales antérieures sensibles",
              "Tender anterior cervical nodes"),
         Flag("tonsillar_exudate", "Exsudat ou gonflement amygdalien",
              "Tonsillar exudate or swelling")},
        "points",
        0,
        "temperature > 38 °C, no cough, tender anterior nodes, tonsillar exudate: 1 each; age 3–14 "
        "+1, "
        "≥ 45 −1",
        "Centor RM et al. Med Decis Making 1981;1:239-46; McIsaac WJ et al. CMAJ 1998;158:75-83"},
       &CentorMcIsaac});
  return out;
}

}  // namespace vigie::calc
