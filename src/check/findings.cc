// Line-level checks other than interactions and allergies: duplicate
// substances, availability (commercialisation, shortages, prescribing
// conditions), the weekly-methotrexate never-event, and the patient's own
// limits from the posology rules (dose, renal, hepatic, pregnancy, age).
// Thread-safety: pure functions.
#include "check/internal.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

std::string_view SubstanceId(const ResolvedSubstance& s) {
  return s.key.empty() ? s.name_key : s.key;
}

bool Parenteral(const Line& l, const kb::Drug& d) {
  std::string r = text::Fold(l.route);
  if (!r.empty())
    return r.find("oral") == std::string::npos && r.find("orale") == std::string::npos;
  for (const std::string& route : d.routes) {
    if (text::Fold(route).find("orale") != std::string::npos) return false;
  }
  return !d.routes.empty();
}

}  // namespace

void CheckDuplicates(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                     std::vector<Finding>& out) {
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = i + 1; j < lines.size(); ++j) {
      for (const auto& s : lines[i].substances) {
        bool same = false;
        for (const auto& t : lines[j].substances) same = same || SubstanceId(s) == SubstanceId(t);
        if (!same) continue;
        Finding f;
        f.kind = "duplicate";
        f.level = "warning";
        f.SetLines(lines[i].index, lines[j].index);
        f.substances = {s.name};
        f.message =
            std::string(
                Tr(lang, "Même substance sur deux lignes : ", "Same substance on two lines: ")) +
            std::string(s.name);
        f.conduct = Tr(lang, "Vérifier la dose totale ; supprimer le doublon.",
                       "Check the total dose; remove the duplicate.");
        f.source = {"BDPM — CIS_COMPO_bdpm.txt",
                    bdpm,
                    0,
                    "CIS " + lines[i].drug->cis + ", " + lines[j].drug->cis,
                    nullptr,
                    nullptr};
        out.push_back(std::move(f));
        break;
      }
    }
  }
}

void CheckAvailability(const std::vector<ResolvedLine>& lines, const std::string& bdpm, Lang lang,
                       std::vector<Finding>& out) {
  for (const ResolvedLine& l : lines) {
    const kb::Drug& d = *l.drug;
    auto make = [&](std::string level, std::string msg, std::string_view document) {
      Finding f;
      f.kind = "availability";
      f.level = std::move(level);
      f.SetLines(l.index);
      f.message = std::move(msg);
      f.source = {document, bdpm, 0, "CIS " + d.cis, nullptr, nullptr};
      out.push_back(std::move(f));
    };
    if (!d.commercialised) {
      make("warning",
           std::string(Tr(lang, "Spécialité non commercialisée : ", "Specialty not marketed: ")) +
               d.denomination,
           "BDPM — CIS_bdpm.txt");
    }
    for (const std::string& a : d.availability) {
      make("info", std::string(Tr(lang, "Disponibilité : ", "Availability: ")) + a,
           "BDPM — CIS_CIP_Dispo_Spec.txt");
    }
    for (const std::string& c : d.prescribing_conditions) {
      make("info",
           std::string(Tr(lang, "Condition de prescription : ", "Prescribing condition: ")) + c,
           "BDPM — CIS_CPD_bdpm.txt");
    }
  }
}

void CheckNeverEvents(const Request& req, const std::vector<ResolvedLine>& lines, Lang lang,
                      std::vector<Finding>& out) {
  for (const ResolvedLine& l : lines) {
    if (!l.methotrexate || Parenteral(req.lines[l.index], *l.drug)) continue;
    if (!l.amounts.intakes_per_week || *l.amounts.intakes_per_week <= 1 + 1e-9) continue;
    Finding f;
    f.kind = "dose";
    f.level = "contraindicated";
    f.SetLines(l.index);
    f.substances = {"METHOTREXATE"};
    f.message =
        Tr(lang,
           "Méthotrexate oral prescrit plus d'une fois par semaine (prise hebdomadaire attendue)",
           "Oral methotrexate prescribed more than once a week (taken once weekly)");
    f.risk = Tr(lang, "Surdosage grave, potentiellement mortel (toxicité hématologique).",
                "Severe, potentially fatal overdose (haematological toxicity).");
    f.conduct =
        Tr(lang, "Une seule prise par semaine, jour fixe écrit en toutes lettres sur l'ordonnance.",
           "One intake a week, on a fixed day written in full on the prescription.");
    f.source = {
        "Ministère de la Santé — liste des « never events »",
        "",
        0,
        "Erreur lors de l'administration du méthotrexate par voie orale (hors cancérologie)",
        nullptr,
        nullptr};
    out.push_back(std::move(f));
  }
}

void CheckPatientLimits(const CheckKnowledge& k, const Request& req,
                        const std::vector<ResolvedLine>& lines, std::vector<Finding>& out,
                        std::vector<NotEvaluated>& not_evaluated) {
  const Patient& p = req.patient;
  const bool fr = req.lang == Lang::kFr;
  if (!p.creatinine_umol_l && !p.egfr) {
    not_evaluated.push_back({"renal", std::nullopt, "creatinine_umol_l | egfr",
                             fr ? "Non évalué : fonction rénale non renseignée"
                                : "Not evaluated: missing renal function"});
  }
  bool may_be_pregnant = (!p.sex || *p.sex == Sex::kFemale) &&
                         (!p.AgeYears() || (*p.AgeYears() >= 10 && *p.AgeYears() <= 55));
  if (may_be_pregnant && !p.pregnant) {
    not_evaluated.push_back(
        {"pregnancy", std::nullopt, "pregnant",
         fr ? "Non évalué : grossesse non renseignée" : "Not evaluated: missing pregnant"});
  }
  if (may_be_pregnant && !p.breastfeeding) {
    not_evaluated.push_back(
        {"breastfeeding", std::nullopt, "breastfeeding",
         fr ? "Non évalué : allaitement non renseigné" : "Not evaluated: missing breastfeeding"});
  }
  const dose::PosologyBook* book = k.posology();
  if (book == nullptr) {
    not_evaluated.push_back({"dose", std::nullopt, "data/posology",
                             fr ? "Non évalué : règles de posologie non chargées"
                                : "Not evaluated: posology rules not loaded"});
  }
  for (const ResolvedLine& l : lines) {
    const Line& in = req.lines[l.index];
    for (const ResolvedSubstance& s : l.substances) {
      // Found at load for a catalog substance (folding the name is costly).
      const dose::Substance* rule = s.link != nullptr && s.link->posology_known
                                        ? s.link->posology
                                        : k.FindPosologyRule(s.key, s.name_key);
      if (rule == nullptr) {
        // No rule in data/posology: the dose was not checked, say so.
        if (book != nullptr) {
          not_evaluated.push_back(NotEvaluated{
              "dose", l.index, "posology_rule",
              fr ? "Dose non vérifiée : pas de règle de posologie pour " + std::string(s.name) +
                       " dans les données de Vigie (data/posology)"
                 : "Dose not checked: no posology rule for " + std::string(s.name) +
                       " in Vigie's data (data/posology)"});
        }
        continue;
      }
      Result<std::vector<dose::Finding>> found = std::vector<dose::Finding>{};
      if (!in.dose || !in.timing) {
        not_evaluated.push_back(NotEvaluated{"dose", l.index, "dose | timing",
                                             fr ? "Non évalué : dose ou rythme non donné"
                                                : "Not evaluated: dose or timing not given"});
        found = dose::CheckPatientBands(*book, p, rule->name);  // limits that hold at any dose
      } else {
        dose::PrescriptionLine pl{rule->name,
                                  "",
                                  in.dose->value,
                                  in.dose->unit,
                                  in.timing->frequency,
                                  in.timing->period,
                                  in.timing->period_unit,
                                  in.duration_days};
        found = dose::CheckLine(*book, p, pl);
      }
      if (!found.ok()) {
        auto args = found.status().args();
        not_evaluated.push_back(NotEvaluated{"dose", l.index, args.empty() ? "" : args[0],
                                             found.status().Message(req.lang)});
        continue;
      }
      for (dose::Finding& d : *found) {
        std::string_view kind = "dose";  // "dose.*" and the rules' general cautions
        std::string_view prefix = std::string_view(d.code).substr(0, d.code.find('.'));
        for (std::string_view named : {"renal", "hepatic", "pregnancy", "breastfeeding", "age"}) {
          if (prefix == named) kind = named;
        }
        const std::string& msg = fr ? d.message.fr : d.message.en;
        if (d.code == "dose.not_evaluated" || d.code.starts_with("dose.no_rule")) {
          not_evaluated.push_back(NotEvaluated{kind, l.index, "", msg});
          continue;
        }
        Finding f;
        f.kind = kind;
        f.level = d.severity == "critical" ? "contraindicated" : d.severity;
        f.SetLines(l.index);
        f.substances = {rule->name};
        f.message = msg;
        f.source.owned = std::move(d.source);
        f.extra.emplace_back("code", d.code);
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace vigie::check
