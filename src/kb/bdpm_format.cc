// BDPM file table, encoding detection and line splitting (see vigie/kb/bdpm.h).
// Thread-safety: pure functions; the spec table is built once (magic static).
#include <cctype>

#include "vigie/core/text.h"
#include "vigie/kb/bdpm.h"

namespace vigie::kb {

const std::vector<BdpmFileSpec>& BdpmFileSpecs() {
  static const std::vector<BdpmFileSpec> kSpecs = {
      {"CIS_bdpm.txt",
       false,
       "bdpm_specialite",
       {"cis", "denomination", "forme", "voies", "statut_amm", "procedure_amm",
        "etat_commercialisation", "date_amm", "statut_bdm", "numero_autorisation_eu", "titulaires",
        "surveillance_renforcee"},
       0,
       12},
      {"CIS_CIP_bdpm.txt",
       false,
       "bdpm_presentation",
       {"cis", "cip7", "libelle", "statut_admin", "etat_commercialisation", "date_declaration",
        "cip13", "agrement_collectivites", "taux_remboursement", "prix", "prix_public",
        "honoraires", "indications_remboursement"},
       0,
       9},
      {"CIS_COMPO_bdpm.txt",
       false,
       "bdpm_composition",
       {"cis", "element", "code_substance", "substance", "dosage", "reference_dosage", "nature",
        "numero_liaison"},
       0,
       8},
      {"CIS_HAS_SMR_bdpm.txt",
       false,
       "bdpm_smr",
       {"cis", "dossier_has", "motif", "date_avis", "valeur", "libelle"},
       0,
       6},
      {"CIS_HAS_ASMR_bdpm.txt",
       false,
       "bdpm_asmr",
       {"cis", "dossier_has", "motif", "date_avis", "valeur", "libelle"},
       0,
       6},
      {"HAS_LiensPageCT_bdpm.txt", false, "bdpm_lien_ct", {"dossier_has", "lien"}, -1, 2},
      {"CIS_GENER_bdpm.txt",
       false,
       "bdpm_generique",
       {"groupe", "libelle", "cis", "type", "tri"},
       2,
       5},
      {"CIS_CPD_bdpm.txt", false, "bdpm_cpd", {"cis", "condition"}, 0, 2},
      {"CIS_InfoImportantes",
       true,
       "bdpm_info_importante",
       {"cis", "date_debut", "date_fin", "texte"},
       0,
       4},
      {"CIS_CIP_Dispo_Spec.txt",
       false,
       "bdpm_dispo",
       {"cis", "cip13", "code_statut", "statut", "date_debut", "date_maj", "date_remise", "lien"},
       0,
       8},
      {"CIS_MITM.txt", false, "bdpm_mitm", {"cis", "atc", "denomination", "lien"}, 0, 4},
  };
  return kSpecs;
}

const BdpmFileSpec* FindBdpmSpec(std::string_view file_name) {
  for (const BdpmFileSpec& spec : BdpmFileSpecs()) {
    if (spec.prefix ? file_name.starts_with(spec.file) : file_name == spec.file) return &spec;
  }
  return nullptr;
}

std::string_view EncodingName(SourceEncoding e) {
  switch (e) {
    case SourceEncoding::kUtf8:
      return "utf-8";
    case SourceEncoding::kUtf8RepairedC1:
      return "utf-8 (C1 réparés via windows-1252)";
    case SourceEncoding::kWindows1252:
      return "windows-1252";
  }
  return "?";
}

DecodedText DecodeBdpmBytes(std::string_view bytes) {
  DecodedText out;
  if (!text::IsValidUtf8(bytes)) {
    out.utf8 = text::Windows1252ToUtf8(bytes);
    out.encoding = SourceEncoding::kWindows1252;
    return out;
  }
  out.utf8.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b0 = static_cast<unsigned char>(bytes[i]);
    auto b1 = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    if (b0 == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) {  // U+0080..U+009F
      char c = static_cast<char>(b1);
      out.utf8 += text::Windows1252ToUtf8(std::string_view(&c, 1));
      ++out.repaired_c1;
      ++i;
    } else {
      out.utf8 += bytes[i];
    }
  }
  out.encoding = out.repaired_c1 > 0 ? SourceEncoding::kUtf8RepairedC1 : SourceEncoding::kUtf8;
  return out;
}

namespace {
bool IsCis(std::string_view s) {
  if (s.size() != 8) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
}  // namespace

std::optional<std::vector<std::string_view>> ParseBdpmLine(std::string_view line,
                                                           const BdpmFileSpec& spec,
                                                           std::string* reason) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  while (fields.size() > spec.columns.size() && fields.back().empty()) fields.pop_back();
  if (fields.size() > spec.columns.size() || fields.size() < spec.min_columns) {
    *reason = "nombre de colonnes " + std::to_string(fields.size()) + " (attendu " +
              std::to_string(spec.min_columns) + " à " + std::to_string(spec.columns.size()) + ")";
    return std::nullopt;
  }
  if (spec.cis_column >= 0) {
    auto col = static_cast<size_t>(spec.cis_column);
    if (!IsCis(fields[col])) {
      *reason = "code CIS invalide (8 chiffres attendus) en colonne " + std::to_string(col + 1);
      return std::nullopt;
    }
  }
  for (std::string_view& f : fields) f = text::Trim(f);
  return fields;
}

}  // namespace vigie::kb
