// Tests of the de-identifier on synthetic sentences (no real person): every
// label family, code-point offsets, mask and pseudo modes, stated names.
#include "vigie/privacy/deid.h"
#include "privacy/deid_test_util.h"

#include <gtest/gtest.h>

#include <map>

namespace vigie::privacy {
namespace {

using deid_test::Found;
using deid_test::Has;

std::unique_ptr<Deidentifier> Make() {
  DeidResources r;
  r.first_names = "Christine\nRémi\nJean\nAlice\nJohn\n";
  r.last_names = "Martin\nSmith\n";
  r.cities = "Toulouse\nCréteil\nBoston\n";
  r.hospitals = "Bichat\nPitié-Salpêtrière\n";
  r.stopwords = "Le\nPatient\nHTA\nIRM\nThe\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

TEST(Deid, StructuredIdentifiers) {
  auto d = Make();
  auto f = Found(*d,
                 "Tél : 06 12 34 56 78, mail jean.dupont@exemple.fr, NIR 1 85 05 78 006 084 91, "
                 "IBAN FR14 2004 1010 0505 0001 3M02 606, IPP : 8012345678, RPPS 10000000009, "
                 "site https://exemple.fr/x, serveur 192.168.1.20.");
  EXPECT_TRUE(Has(f, "TEL", "06 12 34 56 78"));
  EXPECT_TRUE(Has(f, "MAIL", "jean.dupont@exemple.fr"));
  EXPECT_TRUE(Has(f, "SECU", "1 85 05 78 006 084 91"));
  EXPECT_TRUE(Has(f, "IBAN", "FR14 2004 1010 0505 0001 3M02 606"));
  EXPECT_TRUE(Has(f, "IPP", "8012345678"));
  EXPECT_TRUE(Has(f, "RPPS", "10000000009"));
  EXPECT_TRUE(Has(f, "URL", "https://exemple.fr/x"));
  EXPECT_TRUE(Has(f, "IP", "192.168.1.20"));
}

TEST(Deid, RecordAndProfessionalNumbersByTheirCue) {
  auto d = Make();
  auto f = Found(*d, "N° ADELI 751234567, FINESS 750000001, N° de séjour 2301234567.");
  EXPECT_TRUE(Has(f, "ADELI", "751234567"));
  EXPECT_TRUE(Has(f, "FINESS", "750000001"));
  EXPECT_TRUE(Has(f, "NDA", "2301234567"));
}

TEST(Deid, SpacedBirthDateThenNir) {
  auto d = Make();
  auto f = Found(*d, "Né le 1 9 1 0 1 9 8 7 2 8 7 0 5 8 8 1 1 1 4 9 4|Hospitalisation");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "1 9 1 0 1 9 8 7"));
  EXPECT_TRUE(Has(f, "SECU", "2 8 7 0 5 8 8 1 1 1 4 9 4"));
}

TEST(Deid, BadNirKeyIsStillRedacted) {
  auto d = Make();
  auto f = Found(*d, "N° sécu 2 9 1 4 8 2 3 9 8 4 2 9 6 5 4 à vérifier");
  EXPECT_TRUE(Has(f, "SECU", "2 9 1 4 8 2 3 9 8 4 2 9 6 5 4"));
}

TEST(Deid, DatesAndBirthDates) {
  auto d = Make();
  auto f = Found(*d, "Née le 22/01/1965, vue le 3 mars 2020 puis le 2021-04-05. Âgé de 93 ans.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "22/01/1965"));
  EXPECT_TRUE(Has(f, "DATE", "3 mars 2020"));
  EXPECT_TRUE(Has(f, "DATE", "2021-04-05"));
  EXPECT_TRUE(Has(f, "AGE", "93"));
  auto young = Found(*d, "Patient de 45 ans, dose 500 mg.");
  EXPECT_TRUE(young.empty());
}

TEST(Deid, NamesFromCuesAndDictionaries) {
  auto d = Make();
  auto f = Found(*d, "Internes : JALONNET Christine. Vu par le Dr Foliet avec Mme colombies.");
  EXPECT_TRUE(Has(f, "NOM", "JALONNET"));
  EXPECT_TRUE(Has(f, "PRENOM", "Christine"));
  EXPECT_TRUE(Has(f, "NOM", "Foliet"));
  EXPECT_TRUE(Has(f, "NOM", "colombies"));
  auto g = Found(*d, "Équipe réunie en staff : Rémi Vasseur. Le patient a une HTA.");
  EXPECT_TRUE(Has(g, "PRENOM", "Rémi"));
  EXPECT_TRUE(Has(g, "NOM", "Vasseur"));
  EXPECT_EQ(g.size(), 2u);
}

TEST(Deid, PlacesAndHospitals) {
  auto d = Make();
  auto f = Found(*d,
                 "Domicile : 12 rue du Docteur Gachet, 94010 Créteil Cedex. Suivi à Bichat "
                 "puis au CHU de Toulouse.");
  EXPECT_TRUE(Has(f, "ADRESSE", "12 rue du Docteur Gachet"));
  EXPECT_TRUE(Has(f, "ZIP", "94010"));
  EXPECT_TRUE(Has(f, "VILLE", "Créteil Cedex"));
  EXPECT_TRUE(Has(f, "HOPITAL", "Bichat"));
  EXPECT_TRUE(Has(f, "HOPITAL", "CHU de Toulouse"));
  EXPECT_TRUE(Has(Found(*d, "entrée par le SAMU de l'Hôpital Henri Mondor."), "HOPITAL",
                  "Hôpital Henri Mondor"));
}

TEST(Deid, English) {
  auto d = Make();
  auto f = Found(*d,
                 "Mr. John Smith lives at 221 Baker Street, born on March 3, 1950, call "
                 "(617) 555-0134.",
                 Lang::kEn);
  EXPECT_TRUE(Has(f, "PRENOM", "John"));
  EXPECT_TRUE(Has(f, "NOM", "Smith"));
  EXPECT_TRUE(Has(f, "ADRESSE", "221 Baker Street"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "March 3, 1950"));
  EXPECT_TRUE(Has(f, "TEL", "(617) 555-0134"));
}

TEST(Deid, StatedNamesAlwaysCaught) {
  auto d = Make();
  DeidOptions o;
  o.names = {{"Zoé Quenouille", Label::kNom}, {"zoé", Label::kPrenom}};
  Result<DeidResult> r = d->Run("la petite quenouille et ZOÉ sont venues", o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "la petite [NOM] et [PRENOM] sont venues");
}

TEST(Deid, MaskOffsetsAreCodePoints) {
  auto d = Make();
  DeidOptions o;
  Result<DeidResult> r = d->Run("Été : éèà M. Quenouille", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].start, 13u);
  EXPECT_EQ(r->entities[0].end, 23u);
  EXPECT_EQ(r->text, "Été : éèà M. [NOM]");
}

TEST(Deid, PseudoIsConsistentAndKeepsIntervals) {
  auto d = Make();
  DeidOptions o;
  o.mode = DeidMode::kPseudo;
  o.secret = "secret-1";
  o.patient_key = "patient-42";
  std::string note = "M. Quenouille vu le 01/02/2020 et le 11/02/2020. M. Quenouille va mieux.";
  Result<DeidResult> a = d->Run(note, o);
  Result<DeidResult> b = d->Run("Revu M. Quenouille.", o);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->entities.size(), 4u);
  EXPECT_EQ(a->entities[0].replacement, a->entities[3].replacement);
  EXPECT_EQ(a->entities[0].replacement, b->entities[0].replacement);
  EXPECT_EQ(a->text.find("Quenouille"), std::string::npos);
  EXPECT_EQ(a->text.find("01/02/2020"), std::string::npos);
  auto day = [](const std::string& s) { return std::stoi(s.substr(0, 2)); };
  // 10 days apart before and after (same month after shift, or 31-day month wrap).
  int gap = day(a->entities[2].replacement) - day(a->entities[1].replacement);
  EXPECT_TRUE(gap == 10 || gap == 10 - 31 || gap == 10 - 30 || gap == 10 - 29 || gap == 10 - 28);
  o.secret = "secret-2";
  Result<DeidResult> c = d->Run(note, o);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->text, a->text);
}

TEST(Deid, MalformedTaggerWeightsAreADataError) {
  DeidResources r;
  r.tagger = "# comment\nnot base64 !!!\n";
  EXPECT_EQ(Deidentifier::Create(r).status().code(), ErrorCode::kDataError);
  r.tagger = "# only a comment\n";
  EXPECT_TRUE(Deidentifier::Create(r).ok());
}

TEST(Deid, InvalidUtf8IsAnError) {
  auto d = Make();
  Result<DeidResult> r = d->Run(std::string("abc\xff", 4), DeidOptions{});
  EXPECT_FALSE(r.ok());
}

// Regression cases of misses read on the development set (issue 7 recall).
TEST(Deid, PostcodesByTheirPlaceInAnAddress) {
  auto d = Make();
  auto f = Found(*d, "résidant au 39 quai Branly, 75019, Paris. Domicile à Paris dans le 75001.");
  EXPECT_TRUE(Has(f, "ZIP", "75019"));
  EXPECT_TRUE(Has(f, "VILLE", "Paris"));
  EXPECT_TRUE(Has(f, "ZIP", "75001"));
  auto g =
      Found(*d, "11 COURS ALBERT THOMAS 13 608 LYON ; 12 Rue du Docteur Gachet 2B784 Levallois");
  EXPECT_TRUE(Has(g, "ZIP", "13 608"));
  EXPECT_TRUE(Has(g, "ZIP", "2B784"));
  // A dose after a street is no postcode.
  EXPECT_FALSE(Has(Found(*d, "rue des Lilas : 10 000 UI"), "ZIP", "10 000"));
}

TEST(Deid, PhonesWithCountryCodeOrLeadingZeros) {
  auto d = Make();
  auto f = Found(*d,
                 "Tél : (33) 1 45 56 78 90, fax (52)672466711, Tel : 00-36-20-46-42, "
                 "N° ADELI,08 86 45 34 23, mobile le0641220310.");
  EXPECT_TRUE(Has(f, "TEL", "(33) 1 45 56 78 90"));
  EXPECT_TRUE(Has(f, "TEL", "(52)672466711"));
  EXPECT_TRUE(Has(f, "TEL", "00-36-20-46-42"));
  EXPECT_TRUE(Has(f, "TEL", "08 86 45 34 23"));
  EXPECT_TRUE(Has(f, "TEL", "0641220310"));
  EXPECT_TRUE(Has(Found(*d, "téléphone au ( 3 3 ) 0 6 5 6 2 0 7 4 4 6."), "TEL",
                  "( 3 3 ) 0 6 5 6 2 0 7 4 4 6"));
  EXPECT_TRUE(Found(*d, "créatinine 3,5 mg").empty());
}

TEST(Deid, DatesInWordsAndYearsAlone) {
  auto d = Make();
  auto f = Found(
      *d,
      "Né le deux janvier mille neuf cent soixante dix huit. Imprimé le vingt quatre "
      "aout deux mille dix-sept. Bilan vingt-six 02 2012 12:32 9301932. Plastie en 2003, cycles "
      "C4 16/09 et C7 13 / 03. Dose de 2000 mg.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "deux janvier mille neuf cent soixante dix huit"));
  EXPECT_TRUE(Has(f, "DATE", "vingt quatre aout deux mille dix-sept"));
  EXPECT_TRUE(Has(f, "DATE", "vingt-six 02 2012"));
  EXPECT_TRUE(Has(f, "DATE", "2003"));
  EXPECT_TRUE(Has(f, "DATE", "16/09"));
  EXPECT_TRUE(Has(f, "DATE", "13 / 03"));
  EXPECT_FALSE(Has(f, "DATE", "2000"));
}

}  // namespace
}  // namespace vigie::privacy
