// Unit tests of the pure parts of the watch: name normalisation, word-level
// difference, the thesaurus and BDPM diff engines on small hand-built inputs
// (synthetic, shaped like the real entries). Thread-safety: single-threaded.
#include <gtest/gtest.h>

#include "vigie/watch/watch.h"

namespace vigie::watch {
namespace {

TEST(NormaliseName, IgnoresAccentsCasePunctuation) {
  EXPECT_EQ(NormaliseName("BÊTA-BLOQUANTS (SAUF ESMOLOL)"), "BETA BLOQUANTS SAUF ESMOLOL");
  EXPECT_EQ(NormaliseName("Méthotrexate"), NormaliseName("METHOTREXATE"));
  EXPECT_EQ(NormaliseName("INHIBITEURS DE L’HMG-COA RÉDUCTASE"),
            NormaliseName("INHIBITEURS DE L'HMG-COA REDUCTASE"));
  EXPECT_EQ(NormaliseName(" ,. "), "");
}

std::string Render(const std::vector<DiffPiece>& d) {
  std::string out;
  for (const DiffPiece& p : d) out += std::string(1, p.op) + "[" + p.text + "]";
  return out;
}

TEST(WordDiff, ShowsDeletedAndInsertedWords) {
  EXPECT_EQ(Render(WordDiff("Diminution de l'absorption digestives des fluoroquinolones.",
                            "Diminution de l’absorption digestive des fluoroquinolones.")),
            "=[Diminution de l'absorption]-[digestives]+[digestive]=[des fluoroquinolones.]");
  EXPECT_EQ(Render(WordDiff("a b c", "a b c")), "=[a b c]");
  EXPECT_EQ(Render(WordDiff("", "x y")), "+[x y]");
  EXPECT_EQ(Render(WordDiff("x y", "")), "-[x y]");
  EXPECT_EQ(Render(WordDiff("a x b y c", "a b z c")), "=[a]-[x]=[b]-[y]+[z]=[c]");
}

kb::ThesaurusEntry Entry(std::string a, std::string b, std::vector<kb::Level> levels, int page,
                         std::string risk = "Risque majoré.") {
  kb::ThesaurusEntry e;
  e.a = std::move(a);
  e.b = std::move(b);
  for (kb::Level l : levels) e.levels.push_back({l, levels.size() > 1 ? "si dose élevée" : ""});
  e.page = page;
  e.risk = std::move(risk);
  e.conduct = "Surveillance.";
  return e;
}

using kb::Level;

TEST(DiffThesaurus, KindsOnASmallExample) {
  kb::ParsedThesaurus v1, v2;
  v1.entries = {Entry("ACIDE FUSIDIQUE", "ATORVASTATINE", {Level::kASDEC}, 4),
                Entry("ATORVASTATINE", "ACIDE FUSIDIQUE", {Level::kASDEC}, 30),
                Entry("ACIDE FUSIDIQUE", "SIMVASTATINE", {Level::kASDEC}, 5),
                Entry("MÉTHOTREXATE", "TRIMÉTHOPRIME", {Level::kCI}, 10),
                Entry("ZINC", "FLUOROQUINOLONES", {Level::kPE}, 12, "absorption digestives"),
                Entry("POVIDONE", "MERCURIELS", {Level::kASDEC}, 13),
                Entry("BUFLOMÉDIL", "FLUOXÉTINE", {Level::kPE}, 14)};
  v2.entries = {
      Entry("Acide fusidique", "INHIBITEURS DE L'HMG-COA RÉDUCTASE (STATINES)", {Level::kASDEC}, 5),
      Entry("METHOTREXATE", "TRIMETHOPRIME", {Level::kCI, Level::kASDEC}, 11),
      Entry("ZINC", "FLUOROQUINOLONES", {Level::kPE}, 12, "absorption digestive"),
      Entry("POVIDONE IODÉE", "MERCURIELS", {Level::kASDEC}, 13),
      Entry("DOCÉTAXEL", "JUS DE PAMPLEMOUSSE", {Level::kASDEC}, 15)};
  v2.memberships = {{"INHIBITEURS DE L'HMG-COA RÉDUCTASE (STATINES)", "atorvastatine", "index", 2},
                    {"INHIBITEURS DE L'HMG-COA RÉDUCTASE (STATINES)", "simvastatine", "index", 2}};
  v1.memberships = {{"INHIBITEURS DE L'HMG-COA RÉDUCTASE (STATINES)", "atorvastatine", "index", 2}};
  std::vector<Change> d = DiffThesaurus(v1, v2);
  std::map<std::string, int> counts = CountByKind(d);
  EXPECT_EQ(counts["renamed"], 3);  // two statins folded into the class, povidone renamed
  EXPECT_EQ(counts["level_changed"], 1);
  EXPECT_EQ(counts["text_changed"], 1);
  EXPECT_EQ(counts["added"], 1);
  EXPECT_EQ(counts["removed"], 1);
  EXPECT_EQ(counts["member_added"], 1);
  for (const Change& c : d) {
    if (c.kind == "level_changed") {
      EXPECT_EQ(c.from_levels, std::vector<std::string>{"CI"});
      EXPECT_EQ(c.to_levels, (std::vector<std::string>{"CI", "ASDEC"}));
      EXPECT_EQ(c.to_conditions.at("ASDEC"), "si dose élevée");
      EXPECT_EQ(c.from_page, 10);
      EXPECT_EQ(c.to_page, 11);
    }
    if (c.kind == "renamed" && c.before == "ATORVASTATINE") {
      EXPECT_EQ(c.a, "Acide fusidique");
      EXPECT_EQ(c.after, "INHIBITEURS DE L'HMG-COA RÉDUCTASE (STATINES)");
      EXPECT_EQ(c.from_page, 4);  // first of the two occurrences
    }
    if (c.kind == "removed") {
      EXPECT_EQ(c.b, "FLUOXÉTINE");
    }
  }
  EXPECT_TRUE(DiffThesaurus(v1, v1).empty());
  EXPECT_TRUE(DiffThesaurus(v2, v2).empty());
}

kb::BdpmRows Rows(std::vector<std::string> columns, std::vector<std::vector<std::string>> rows) {
  kb::BdpmRows r;
  r.columns = std::move(columns);
  r.rows = std::move(rows);
  r.lines.resize(r.rows.size());
  return r;
}

TEST(DiffBdpm, PresentationsPricesAndMissingFiles) {
  std::vector<std::string> cols = {"cis",
                                   "cip7",
                                   "libelle",
                                   "statut_admin",
                                   "etat_commercialisation",
                                   "date_declaration",
                                   "cip13",
                                   "agrement_collectivites",
                                   "taux_remboursement",
                                   "prix"};
  BdpmSnapshot a, b;
  a["bdpm_presentation"] = Rows(cols, {{"60000001", "1", "boîte de 30", "Présentation active",
                                        "Déclaration de "
                                        "commercialisation",
                                        "", "3400900000001", "oui", "65%", "2,18"},
                                       {"60000002", "2", "boîte de 90", "Présentation active", "",
                                        "", "3400900000002", "oui", "65%", "5,00"}});
  b["bdpm_presentation"] = Rows(cols, {{"60000001", "1", "boîte de 30", "Présentation active",
                                        "Déclaration de "
                                        "commercialisation",
                                        "", "3400900000001", "oui", "65%", "2,05"},
                                       {"60000003", "3", "boîte de 28", "Présentation active", "",
                                        "", "3400900000003", "oui", "65%", "1,00"}});
  a["bdpm_cpd"] = Rows({"cis", "condition"}, {{"60000001", "prescription hospitalière"}});
  BdpmDiff d = DiffBdpm(a, b);
  std::map<std::string, int> counts = CountByKind(d.changes);
  EXPECT_EQ(counts["presentation_added"], 1);
  EXPECT_EQ(counts["presentation_withdrawn"], 1);
  EXPECT_EQ(counts["price_changed"], 1);
  for (const Change& c : d.changes) {
    if (c.kind == "price_changed") {
      EXPECT_EQ(c.before, "2,18");
      EXPECT_EQ(c.after, "2,05");
      EXPECT_EQ(c.cip13, "3400900000001");
    }
  }
  ASSERT_FALSE(d.not_compared.empty());
  bool cpd = false;
  for (const FileNote& n : d.not_compared) cpd |= n.file == "CIS_CPD_bdpm.txt";
  EXPECT_TRUE(cpd);
  EXPECT_EQ(d.compared, std::vector<std::string>{"CIS_CIP_bdpm.txt"});
  EXPECT_TRUE(DiffBdpm(a, a).changes.empty());
}

// No two snapshots of the data set both have the HAS files (only 2022-06 does),
// so the opinion kinds are checked here on synthetic rows.
TEST(DiffBdpm, NewHasOpinionAndGenericGroupChange) {
  std::vector<std::string> smr = {"cis", "dossier_has", "motif", "date_avis", "valeur", "libelle"};
  std::vector<std::string> gen = {"groupe", "libelle", "cis", "type", "tri"};
  BdpmSnapshot a, b;
  a["bdpm_smr"] = Rows(smr, {{"60000001", "CT-1", "Inscription", "20200101", "Important", "x"}});
  b["bdpm_smr"] = Rows(smr, {{"60000001", "CT-1", "Inscription", "20200101", "Important", "x"},
                             {"60000001", "CT-2", "Renouvellement", "20250601", "Modéré", "y"}});
  a["bdpm_generique"] = Rows(gen, {{"12", "G1", "60000001", "0", "1"}});
  b["bdpm_generique"] = Rows(gen, {{"13", "G2", "60000001", "0", "1"}});
  BdpmDiff d = DiffBdpm(a, b);
  std::map<std::string, int> counts = CountByKind(d.changes);
  EXPECT_EQ(counts["has_opinion_added"], 1);
  EXPECT_EQ(counts["generic_group_changed"], 1);
  for (const Change& c : d.changes) {
    if (c.kind == "has_opinion_added") {
      EXPECT_EQ(c.after, "Modéré");
      EXPECT_EQ(c.file, "CIS_HAS_SMR_bdpm.txt");
    }
    if (c.kind == "generic_group_changed") {
      EXPECT_EQ(c.before, "12");
      EXPECT_EQ(c.after, "13");
    }
  }
}

}  // namespace
}  // namespace vigie::watch
