// Tests of French documents laid out as letters, forms and tables (issue 7,
// section 1; branch deid-fr2). Expectations come from how French clinical
// documents are written: a contact line whose fields are split by spaced
// dashes, hospitals named with a qualifier ("Hôpital privé", "Polyclinique
// de La Rochelle"), tables whose header names the columns, towns whose name
// opens with an article (Le Havre, La Seyne-sur-Mer). Every value is
// synthetic; the tiny dictionaries below hold none of the values, so each
// rule must work from shape and context.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "privacy/deid_test_util.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/resources.h"

namespace vigie::privacy {
namespace {

using deid_test::Found;
using deid_test::Has;

std::unique_ptr<Deidentifier> Make() {
  DeidResources r;
  r.first_names = "Jean\nMarie\n";
  r.last_names = "Martin\nDupont\n";
  r.cities = "Toulouse\nPau\n";
  r.hospitals = "Bichat\n";
  r.stopwords = "Le\nLa\nLes\n";
  // A few ordinary words, as the installed French word list holds them.
  r.words = "patient\nnuit\ndose\nvoie\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

// True when no entity of any label holds `part`.
bool Untouched(const std::multimap<std::string, std::string>& m, const std::string& part) {
  for (const auto& [label, text] : m) {
    if (text.find(part) != std::string::npos) return false;
  }
  return true;
}

// A contact line split by spaced dashes: the phone number ends at the dash,
// and the street number after it opens the address.
TEST(DeidFr2, PhoneEndsAtASpacedDash) {
  auto d = Make();
  auto f = Found(*d,
                 "Personne à prévenir : Mme DURAND Lucie - 02 84 06 25 96 - 8513 boulevard "
                 "Saint-Jacques - 64000 Pau");
  EXPECT_TRUE(Has(f, "TEL", "02 84 06 25 96"));
  EXPECT_TRUE(Has(f, "ADRESSE", "8513 boulevard Saint-Jacques"));
  auto g = Found(*d, "Secrétariat : 05 59 92 48 48 - 12 rue des Lilas");
  EXPECT_TRUE(Has(g, "TEL", "05 59 92 48 48"));
  EXPECT_TRUE(Has(g, "ADRESSE", "12 rue des Lilas"));
  // A phone number written with dashes throughout stays whole.
  auto h = Found(*d, "Tél : 05-59-92-48-48");
  EXPECT_TRUE(Has(h, "TEL", "05-59-92-48-48"));
}

// A hospital named with a qualifier after its cue word, or with a town that
// opens with an article.
TEST(DeidFr2, HospitalWithQualifierOrArticle) {
  auto d = Make();
  auto f = Found(*d, "Suivi au Hôpital privé Saint-Martin depuis 2017 pour une BPCO.");
  EXPECT_TRUE(Has(f, "HOPITAL", "Hôpital privé Saint-Martin"));
  auto g = Found(*d, "Polyclinique de La Rochelle\nService de cardiologie");
  EXPECT_TRUE(Has(g, "HOPITAL", "Polyclinique de La Rochelle"));
  auto h = Found(*d, "Bilan fait au CHR de Le Mans la semaine dernière.");
  EXPECT_TRUE(Has(h, "HOPITAL", "CHR de Le Mans"));
  auto i = Found(*d, "Transfert au Centre hospitalier universitaire Pellegrin.");
  EXPECT_TRUE(Has(i, "HOPITAL", "Centre hospitalier universitaire Pellegrin"));
}

// "HOP", the abbreviation of hôpital in laboratory headers, is a cue.
TEST(DeidFr2, AbbreviatedHospitalCue) {
  auto d = Make();
  auto f =
      Found(*d, "Analysé par le laboratoire de biochimie du HOP Avicenne, transmis par courrier.");
  EXPECT_TRUE(Has(f, "HOPITAL", "HOP Avicenne"));
}

// Without a name after it, a qualified cue is no hospital.
TEST(DeidFr2, QualifiedCueWithoutANameStays) {
  auto d = Make();
  auto f =
      Found(*d, "Séance en Hôpital de jour de pneumologie, puis retour dans un hôpital privé.");
  EXPECT_TRUE(f.empty());
  auto g = Found(*d, "Hôpital privé La nuit, douleur.");
  EXPECT_TRUE(Untouched(g, "nuit"));
}

// A table whose header names the columns: the cells below a name, first
// name or birth date header are those identifiers, whatever their words.
TEST(DeidFr2, TableColumnsNamedByTheHeader) {
  auto d = Make();
  auto f = Found(*d,
                 "Nom | Prénom | Date de naissance | IPP\n"
                 "ROUSSEAU | Clarence | 20 février 1955 | 46266924\n"
                 "Le Floch | Anne-Sixtine | 03/04/1961 | 46266925");
  EXPECT_TRUE(Has(f, "NOM", "ROUSSEAU"));
  EXPECT_TRUE(Has(f, "PRENOM", "Clarence"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "20 février 1955"));
  EXPECT_TRUE(Has(f, "IPP", "46266924"));
  EXPECT_TRUE(Has(f, "NOM", "Le Floch"));
  EXPECT_TRUE(Has(f, "PRENOM", "Anne-Sixtine"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "03/04/1961"));
}

// A table of results keeps its clinical words and values; the header words
// themselves are no identifiers.
TEST(DeidFr2, TableOfResultsKeepsItsValues) {
  auto d = Make();
  auto f = Found(*d,
                 "| Date | Examen | Résultat |\n"
                 "| 12/03/2021 | Créatinine | 112 µmol/L |\n"
                 "| 14/03/2021 | INR | 2,4 |");
  EXPECT_TRUE(Has(f, "DATE", "12/03/2021"));
  EXPECT_TRUE(Untouched(f, "Créatinine"));
  EXPECT_TRUE(Untouched(f, "112"));
  EXPECT_TRUE(Untouched(f, "INR"));
  auto g = Found(*d, "Nom | Dose | Voie\nAmoxicilline | 1 g | per os");
  EXPECT_TRUE(Untouched(g, "Nom"));
  EXPECT_TRUE(Untouched(g, "Dose"));
}

// A town whose name opens with an article, in a form field or opening the
// place and date line of a letter.
TEST(DeidFr2, TownOpeningWithAnArticle) {
  auto d = Make();
  auto f = Found(*d, "Code postal : 76600\nVille : Le Havre\nTéléphone : 02 35 12 34 56");
  EXPECT_TRUE(Has(f, "VILLE", "Le Havre"));
  auto g = Found(*d, "Secrétariat\n\nLa Seyne-sur-Mer, le 30/03/2023\n\nCher confrère,");
  EXPECT_TRUE(Has(g, "VILLE", "La Seyne-sur-Mer"));
  auto h = Found(*d, "Le Patient, le 30/03/2023, va mieux.");
  EXPECT_TRUE(Untouched(h, "Patient"));
}

// A town of the dictionary opening with its article, whose second word is
// also an ordinary word ("havre": a haven), in a form field.
TEST(DeidFr2, KnownTownWithArticleWhoseWordIsPlain) {
  DeidResources r;
  r.cities = "Le Havre\n";
  r.stopwords = "Le\nLa\nLes\n";
  r.words = "havre\npatient\n";
  auto d = Deidentifier::Create(r);
  ASSERT_TRUE(d.ok());
  auto f = Found(**d, "Ville : Le Havre\nTéléphone : 02 35 12 34 56");
  EXPECT_TRUE(Has(f, "VILLE", "Le Havre"));
}

// A birth cue is a whole word: "Sainte-Anne le 28/05/2019" and "née
// LEGRAND. DDR le 06.07.2017" hold "ne le" and "nee le" inside other words.
TEST(DeidFr2, BirthCueIsAWholeWord) {
  auto d = Make();
  auto f = Found(*d, "VSL vers la Clinique Sainte-Anne le 28/05/2019 pour dialyse.");
  EXPECT_TRUE(Has(f, "DATE", "28/05/2019"));
  auto g = Found(*d, "Mme DUPONT née LEGRAND. DDR le 06.07.2017.");
  EXPECT_TRUE(Has(g, "DATE", "06.07.2017"));
  auto h = Found(*d, "Patiente née le 12/03/1960, Né(e) le : 03/04/1961, DDN 05/06/1962.");
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "12/03/1960"));
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "03/04/1961"));
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "05/06/1962"));
}

// A street address stops before "à" and the town.
TEST(DeidFr2, AddressStopsBeforeTheTown) {
  auto d = Make();
  auto f = Found(*d, "Soins chez Mme Dupont (2438 boulevard d'Assas à Toulouse) : pansement.");
  EXPECT_TRUE(Has(f, "ADRESSE", "2438 boulevard d'Assas"));
  EXPECT_TRUE(Has(f, "VILLE", "Toulouse"));
}

// A tab-separated identity row opening a note: the date beside the name is
// the birth date.
TEST(DeidFr2, BirthDateInATabRowAfterTheName) {
  auto d = Make();
  auto f = Found(*d, "MARTIN Jean\t12/03/1960\t8012939402\nAdmis le 14/02/2024 aux urgences.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "12/03/1960"));
  EXPECT_TRUE(Has(f, "DATE", "14/02/2024"));
}

// A town after its postcode ends at a spaced dash opening the next field.
TEST(DeidFr2, TownEndsAtASpacedDash) {
  auto d = Make();
  auto f = Found(*d, "12 rue des Lilas, 25250 Issy-les-Moulineaux - Tél 07 36 71 40 54");
  EXPECT_TRUE(Has(f, "VILLE", "Issy-les-Moulineaux"));
  EXPECT_TRUE(Untouched(f, "Tél"));
  EXPECT_TRUE(Has(f, "TEL", "07 36 71 40 54"));
}

// With the committed dictionaries and tagger: French clinical acronyms
// opening or ending a clause are no names nor towns (score ASA, date des
// dernières règles, explorations fonctionnelles respiratoires, infirmière,
// véhicule sanitaire léger, caisse primaire, paquets-années).
TEST(DeidFr2, ClinicalAcronymsAreNoNames) {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  auto env = NewPosixEnv();
  Result<DeidResources> r = LoadDeidResources(*env, std::string(src) + "/data/deid");
  ASSERT_TRUE(r.ok());
  auto d = Deidentifier::Create(*r);
  ASSERT_TRUE(d.ok());
  auto f = Found(**d,
                 "Consultation d'anesthésie : ASA 2, Mallampati 1.\nDDR le 12/03/2021.\n"
                 "Dernière EFR : VEMS 45 %.\nTransmissions IDE : retour en VSL.\n"
                 "Tabagique à 30 PA.\nDossier CPAM en cours.");
  EXPECT_TRUE(Has(f, "DATE", "12/03/2021"));
  for (const char* word : {"ASA", "DDR", "EFR", "IDE", "VSL", "PA", "CPAM"}) {
    EXPECT_TRUE(Untouched(f, word)) << word;
  }
}

}  // namespace
}  // namespace vigie::privacy
