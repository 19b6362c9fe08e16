// Allergies: a declared substance, drug name (the product itself, or one of
// its substances on another specialty), ATC code or pharmacological class (WHO ATC, e.g.
// pénicillines = J01C, from data/check/allergy.json) that matches a line's substance; then the
// sourced cross-reactivity table of the same file (e.g. a penicillin allergy and a cephalosporin
// line). Nothing is inferred beyond the table. Thread-safety: pure functions.
#include <cctype>
#include <optional>

#include "check/internal.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

bool IsAtc(std::string_view s) {
  if (s.size() < 3 || s.size() > 7 || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  return std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[2]));
}

// Whole words of `needle` appear as a run in `hay` (both keys).
bool WordRun(std::string_view hay, const std::string& needle) {
  if (needle.size() < 3) return false;
  std::string h = " " + std::string(hay) + " ";
  return h.find(" " + needle + " ") != std::string::npos;
}

bool StartsWithAny(std::string_view atc, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes) {
    if (!atc.empty() && atc.starts_with(p)) return true;
  }
  return false;
}

// The ATC classes a declared allergy names: its class stems, or itself when
// it is an ATC code.
std::vector<std::string> DeclaredAtc(const AllergyTable* table, const std::string& trimmed,
                                     const std::string& key) {
  std::vector<std::string> out;
  if (IsAtc(trimmed)) out.push_back(trimmed);
  if (table == nullptr) return out;
  for (const AllergyClass& c : table->classes) {
    for (const std::string& stem : c.stems) {
      if (key.find(stem) != std::string::npos) {
        out.insert(out.end(), c.atc.begin(), c.atc.end());
        break;
      }
    }
  }
  return out;
}

// The class entry whose ATC prefix `atc` starts with.
const AllergyClass* ClassOf(const AllergyTable* table, const std::string& key,
                            std::string_view atc) {
  if (table == nullptr) return nullptr;
  for (const AllergyClass& c : table->classes) {
    bool named = false;
    for (const std::string& stem : c.stems) named = named || key.find(stem) != std::string::npos;
    if (named && StartsWithAny(atc, c.atc)) return &c;
  }
  return nullptr;
}

// The cross-reactivity entry that links a declared class to `atc`.
const CrossReactivity* CrossOf(const AllergyTable* table, const std::vector<std::string>& declared,
                               std::string_view atc) {
  if (table == nullptr || atc.empty()) return nullptr;
  for (const CrossReactivity& r : table->cross_reactivity) {
    if (!StartsWithAny(atc, r.line_atc)) continue;
    for (const std::string& d : declared) {
      for (const std::string& e : r.declared_atc) {
        if (d.starts_with(e) || e.starts_with(d)) return &r;
      }
    }
  }
  return nullptr;
}

// A declared name that designates a product ("Augmentin"): the specialties
// whose denomination begins with its words, and the substances they hold.
// Empty for a name no denomination begins with.
struct DeclaredProduct {
  std::string cis;  // one of the specialties, for the source
  std::vector<const kb::DrugSubstance*> substances;
};

DeclaredProduct ProductOf(const kb::DrugIndex& index, const ThesaurusData& th,
                          const std::string& trimmed, const std::string& key) {
  DeclaredProduct out;
  for (const kb::DrugCandidate& c : index.Search(trimmed, 10)) {
    std::string den = DenominationKey(th, *c.drug);
    if (den != key && !den.starts_with(key + " ")) continue;
    if (out.cis.empty()) out.cis = c.drug->cis;
    for (const kb::DrugSubstance& s : c.drug->substances) out.substances.push_back(&s);
  }
  return out;
}

// The line's substance that is one of the declared product's, or null.
const ResolvedSubstance* SharedWith(const ThesaurusData& th, const DeclaredProduct& p,
                                    const ResolvedLine& l) {
  for (const ResolvedSubstance& s : l.substances) {
    for (const kb::DrugSubstance* d : p.substances) {
      if ((!s.code.empty() && s.code == d->code) || SubstanceNameKey(th, *d) == s.name_key) {
        return &s;
      }
    }
  }
  return nullptr;
}

std::string_view LineAtc(const ResolvedLine& l, const ResolvedSubstance& s) {
  return s.atc.empty() ? std::string_view(l.drug->atc) : s.atc;
}

}  // namespace

void CheckAllergies(const CheckKnowledge& k, const ThesaurusData& th, const Request& req,
                    const std::vector<ResolvedLine>& lines, Lang lang, std::vector<Finding>& out,
                    std::vector<NotEvaluated>& not_evaluated) {
  if (!req.has_allergies) {
    not_evaluated.push_back(
        {"allergy", std::nullopt, "allergies",
         Tr(lang, "Non évalué : allergies non renseignées", "Not evaluated: missing allergies")});
    return;
  }
  const AllergyTable* table = k.allergy();
  if (table == nullptr && !req.patient.allergies.empty()) {
    not_evaluated.push_back(
        {"allergy", std::nullopt, "data/check/allergy.json",
         Tr(lang, "Non évalué : classes d'allergie et réactivité croisée non chargées",
            "Not evaluated: allergy classes and cross-reactivity not loaded")});
  }
  for (const std::string& declared : req.patient.allergies) {
    std::string trimmed(text::Trim(declared));
    std::string key = NameKey(trimmed);
    if (key.empty()) continue;
    std::vector<std::string> declared_atc = DeclaredAtc(table, trimmed, key);
    std::optional<DeclaredProduct> product;  // looked up once, when first needed
    for (const ResolvedLine& l : lines) {
      std::string why, atc_hit;
      const ResolvedSubstance* shared = nullptr;
      const AllergyClass* cls = nullptr;
      const CrossReactivity* cross = nullptr;
      for (const ResolvedSubstance& s : l.substances) {
        std::string_view atc = LineAtc(l, s);
        if (IsAtc(trimmed) && !atc.empty() && atc.starts_with(trimmed)) {
          why = "atc";
          atc_hit = trimmed;
        } else if (key == s.key || key == s.name_key || WordRun(s.name_key, key)) {
          why = "substance";
        } else if ((cls = ClassOf(table, key, atc)) != nullptr) {
          why = "class";
          atc_hit = atc;
        }
        if (!why.empty()) break;
      }
      if (why.empty() && WordRun(l.denomination_key, key) && l.denomination_key.starts_with(key)) {
        why = "drug_name";
      }
      if (why.empty() && declared_atc.empty()) {
        // A product named by the patient: its substances on another specialty.
        if (!product) product = ProductOf(k.drugs(), th, trimmed, key);
        if ((shared = SharedWith(th, *product, l)) != nullptr) why = "drug_substance";
      }
      if (why.empty()) {
        bool atc_known = !l.drug->atc.empty();
        for (const ResolvedSubstance& s : l.substances) {
          atc_known = atc_known || !s.atc.empty();
          if ((cross = CrossOf(table, declared_atc, LineAtc(l, s))) != nullptr) break;
        }
        if (cross == nullptr) {
          // A class allergy cannot be checked without the line's ATC code
          // (the BDPM gives it for CIS_MITM specialties only): say so.
          if (!declared_atc.empty() && !atc_known) {
            not_evaluated.push_back({"allergy", l.index, "atc",
                                     Tr(lang,
                                        "Non évalué : classe d'allergie déclarée, code ATC de la "
                                        "spécialité inconnu (BDPM)",
                                        "Not evaluated: declared allergy class, ATC code of the "
                                        "specialty unknown (BDPM)")});
          }
          continue;
        }
        why = "cross_reactivity";
      }
      Finding f;
      f.kind = "allergy";
      // The substance (or excipient) that caused a reaction to a named
      // product is not known: a warning, not a contra-indication.
      f.level = cross != nullptr ? cross->level : shared != nullptr ? "warning" : "contraindicated";
      f.SetLines(l.index);
      for (const auto& s : l.substances) f.substances.push_back(s.name);
      f.message =
          std::string(cross != nullptr
                          ? Tr(lang, "Allergie croisée possible (", "Possible cross-allergy (")
                          : Tr(lang, "Allergie déclarée (", "Declared allergy (")) +
          trimmed + ") : " + l.drug->denomination;
      if (shared != nullptr) {
        f.message +=
            std::string(Tr(lang, " contient ", " contains ")) + std::string(shared->name) +
            Tr(lang, ", substance du produit déclaré", ", a substance of the declared product");
      }
      // Extra members in name order: atc, condition, cross_reactivity, match.
      if (cls != nullptr || why == "atc") f.extra.emplace_back("atc", atc_hit);
      if (cross != nullptr) {
        f.risk = lang == Lang::kFr ? cross->risk_fr : cross->risk_en;
        f.conduct = lang == Lang::kFr ? cross->conduct_fr : cross->conduct_en;
        f.source.raw = &cross->source;
        if (!cross->condition.empty()) {
          f.resolved = false;
          f.extra.emplace_back("condition", cross->condition);
        }
        f.extra.emplace_back("cross_reactivity", cross->id);
      } else if (shared != nullptr) {
        f.conduct = Tr(lang,
                       "Préciser avec le patient la substance en cause ; ne pas administrer si "
                       "c'est celle-ci.",
                       "Ask the patient which substance caused the reaction; do not give it if "
                       "it is this one.");
      } else {
        f.conduct = Tr(lang, "Ne pas administrer ; choisir une autre classe.",
                       "Do not give; choose another class.");
      }
      f.extra.emplace_back("match", why);
      if (cls != nullptr) {
        f.source.raw = &cls->source;
      } else if (why == "atc") {
        f.source = {
            "WHO Collaborating Centre for Drug Statistics Methodology — ATC/DDD Index; "
            "BDPM CIS_MITM (ATC of the specialty)",
            "ATC",
            0,
            "ATC " + atc_hit,
            nullptr,
            nullptr};
      } else if (shared != nullptr) {
        f.source = {
            "BDPM — CIS_COMPO_bdpm.txt (substances of the specialties)",      "",      0,
            "CIS " + product->cis + " (" + trimmed + "), CIS " + l.drug->cis, nullptr, nullptr};
      } else if (cross == nullptr) {
        f.source = {"BDPM — CIS_COMPO_bdpm.txt (substances of the specialty)",
                    "",
                    0,
                    "CIS " + l.drug->cis,
                    nullptr,
                    nullptr};
      }
      out.push_back(std::move(f));
    }
  }
}

}  // namespace vigie::check
