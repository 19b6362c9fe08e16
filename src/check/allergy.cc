// Allergies: a declared substance, drug name, ATC code or pharmacological
// class (ATC, e.g. pénicillines = J01C) that matches a line's substance.
// Classes are pharmacological (WHO ATC), not the thesaurus' interaction
// classes. No cross-reactivity is inferred (no sourced table yet): only the
// class itself matches. Thread-safety: pure functions.
#include <array>
#include <cctype>

#include "check/internal.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

using nlohmann::json;

struct AllergyClass {
  const char* stem;  // folded word stem as people write the class
  const char* atc;   // ATC prefix (WHO ATC index)
};

constexpr std::array<AllergyClass, 14> kClasses = {{
    {"penicillin", "J01C"},
    {"cephalosporin", "J01DB"},
    {"cephalosporin", "J01DC"},
    {"cephalosporin", "J01DD"},
    {"cephalosporin", "J01DE"},
    {"carbapenem", "J01DH"},
    {"sulfamide", "J01E"},
    {"sulfonamide", "J01E"},
    {"macrolide", "J01FA"},
    {"quinolone", "J01M"},
    {"cycline", "J01AA"},
    {"anti-inflammatoire", "M01A"},
    {"ains", "M01A"},
    {"nsaid", "M01A"},
}};

bool IsAtc(std::string_view s) {
  if (s.size() < 3 || s.size() > 7 || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  return std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[2]));
}

// Whole words of `needle` appear as a run in `hay` (both keys).
bool WordRun(const std::string& hay, const std::string& needle) {
  if (needle.size() < 3) return false;
  std::string h = " " + hay + " ";
  return h.find(" " + needle + " ") != std::string::npos;
}

std::string LineAtc(const ResolvedLine& l, const ResolvedSubstance* s) {
  if (s != nullptr && !s->atc.empty()) return s->atc;
  return l.drug->atc;
}

}  // namespace

void CheckAllergies(const Request& req, const std::vector<ResolvedLine>& lines, Lang lang,
                    std::vector<Finding>& out, json& not_evaluated) {
  if (!req.has_allergies) {
    not_evaluated.push_back({{"check", "allergy"},
                             {"missing", "allergies"},
                             {"message", Tr(lang, "Non évalué : allergies non renseignées",
                                            "Not evaluated: missing allergies")}});
    return;
  }
  for (const std::string& declared : req.patient.allergies) {
    std::string trimmed(text::Trim(declared));
    std::string key = NameKey(trimmed);
    if (key.empty()) continue;
    for (const ResolvedLine& l : lines) {
      std::string why, atc_hit;
      for (const ResolvedSubstance& s : l.substances) {
        std::string atc = LineAtc(l, &s);
        if (IsAtc(trimmed) && !atc.empty() && atc.starts_with(trimmed)) {
          why = "atc";
          atc_hit = trimmed;
        } else if (key == s.key || key == s.name_key || WordRun(s.name_key, key)) {
          why = "substance";
        } else {
          for (const AllergyClass& c : kClasses) {
            if (key.find(c.stem) != std::string::npos && !atc.empty() && atc.starts_with(c.atc)) {
              why = "class";
              atc_hit = c.atc;
            }
          }
        }
        if (!why.empty()) break;
      }
      if (why.empty() && WordRun(l.denomination_key, key) && l.denomination_key.starts_with(key)) {
        why = "drug_name";
      }
      if (why.empty()) continue;
      Finding f;
      f.kind = "allergy";
      f.level = "contraindicated";
      f.lines = {l.index};
      for (const auto& s : l.substances) f.substances.push_back(s.name);
      f.message = std::string(Tr(lang, "Allergie déclarée (", "Declared allergy (")) + trimmed +
                  ") : " + l.drug->denomination;
      f.conduct = Tr(lang, "Ne pas administrer ; choisir une autre classe.",
                     "Do not give; choose another class.");
      f.extra = {{"match", why}};
      if (!atc_hit.empty()) {
        f.extra["atc"] = atc_hit;
        f.source = {
            "WHO Collaborating Centre for Drug Statistics Methodology — ATC classification; "
            "BDPM CIS_MITM (ATC of the specialty)",
            "ATC " + atc_hit, 0, "ATC " + atc_hit, nullptr};
      } else {
        f.source = {"BDPM — CIS_COMPO_bdpm.txt (substances of the specialty)", "", 0,
                    "CIS " + l.drug->cis, nullptr};
      }
      out.push_back(std::move(f));
    }
  }
}

}  // namespace vigie::check
