// Tests of how the de-identifier splits a run of digit groups into
// identifiers (synthetic values only, no real person): a NIR by its shape in
// any grouping, phones with a spaced "+", and dates kept whole next to record
// numbers and identifiers written in the same run; dates with the day of the
// week; hospitals named after an elided article; names in lower case after
// a title or a role; postcodes written "95 523", "cedex" and arrondissements
// with the city; mail addresses spaced out or with accents; a phone with a
// letter O for its first zero.
#include <gtest/gtest.h>

#include <map>

#include "privacy/deid_test_util.h"
#include "vigie/privacy/deid.h"

namespace vigie::privacy {
namespace {

using deid_test::Found;
using deid_test::Has;

std::unique_ptr<Deidentifier> Make() {
  DeidResources r;
  r.first_names = "Jean\n";
  r.last_names = "Martin\n";
  r.cities = "Toulouse\n";
  r.hospitals = "Bichat\n";
  r.stopwords = "Le\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

// A NIR without its key is 13 digits: sex (1/2), year, month (01-12, or
// 20 and above for an unknown month), department, commune, order. Its shape
// alone names it, however the digits are grouped and without a cue word.
TEST(DeidRuns, NirByItsShapeInAnyGrouping) {
  auto d = Make();
  auto f =
      Found(*d, "Assure 2 82 0410 454 828 ; ayant droit 1850578006084 ; autre 1 9106 52714 303.");
  EXPECT_TRUE(Has(f, "SECU", "2 82 0410 454 828"));
  EXPECT_TRUE(Has(f, "SECU", "1850578006084"));
  EXPECT_TRUE(Has(f, "SECU", "1 9106 52714 303"));
  // Month 13-19 is no NIR month: a 13-digit number starting with 1 is then a record number.
  auto g = Found(*d, "Lot 1851578006084 reçu.");
  EXPECT_FALSE(Has(g, "SECU", "1851578006084"));
}

// A date written with separators is never cut by the number before it.
TEST(DeidRuns, DateAfterARecordNumberStaysWhole) {
  auto d = Make();
  auto f = Found(*d, "Dossier No 9281973 15/02/1963 Insep");
  EXPECT_TRUE(Has(f, "NDA", "9281973"));
  EXPECT_TRUE(Has(f, "DATE", "15/02/1963"));
  auto g = Found(*d, "FERLAY 2 720649 460 891 05-05-1972 INFLIXIMAB");
  EXPECT_TRUE(Has(g, "SECU", "2 720649 460 891"));
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "05-05-1972"));
}

// Spaced-out digits holding a date, a NIR and a second date (table rows).
TEST(DeidRuns, SpacedDateNirDate) {
  auto d = Make();
  auto f = Found(*d, "MARTIN Jean 0 5 0 8 2 0 1 4 2 8 5 0 1 1 5 0 6 8 4 3 6 0 5 0 8 2 0 0 2 STOP");
  EXPECT_TRUE(Has(f, "DATE", "0 5 0 8 2 0 1 4"));
  EXPECT_TRUE(Has(f, "SECU", "2 8 5 0 1 1 5 0 6 8 4 3 6"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "0 5 0 8 2 0 0 2"));
}

// "+ 3 3 ..." and "+49 30 ...": the plus sign starts an international number.
TEST(DeidRuns, InternationalPhonesWithASpacedPlus) {
  auto d = Make();
  auto f = Found(*d, "Tel + 3 3 0 3 5 1 1 6 1 5 5 4 ou +49 30 5682001 ou +33 04 12 41 12 44.");
  EXPECT_TRUE(Has(f, "TEL", "+ 3 3 0 3 5 1 1 6 1 5 5 4"));
  EXPECT_TRUE(Has(f, "TEL", "+49 30 5682001"));
  EXPECT_TRUE(Has(f, "TEL", "+33 04 12 41 12 44"));
}

// The day of the week is part of the date, whatever its case; a day then a
// comma before the month; an English-style "Sept 01,2026" in a French note.
TEST(DeidRuns, DatesWithTheDayOfTheWeek) {
  auto d = Make();
  auto f = Found(*d, "Vu le SAM 20 FEVR 2083, puis le Jeu, 17 Avr 2098 et le mardi 3 mars 2020.");
  EXPECT_TRUE(Has(f, "DATE", "SAM 20 FEVR 2083"));
  EXPECT_TRUE(Has(f, "DATE", "Jeu, 17 Avr 2098"));
  EXPECT_TRUE(Has(f, "DATE", "mardi 3 mars 2020"));
  EXPECT_TRUE(Has(Found(*d, "Retour LE Ven., 9 Juin 2056"), "DATE", "Ven., 9 Juin 2056"));
  auto g = Found(*d, "Prelever le Sept 01,2026 ; nee le 12, Mai 1973.");
  EXPECT_TRUE(Has(g, "DATE", "Sept 01,2026"));
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "12, Mai 1973"));
  // A month word alone with a small number is no date in French: "mars 15 patients".
  auto h = Found(*d, "En mars 15 patients inclus.");
  EXPECT_TRUE(h.empty());
}

// "admise a l'Necker": a capitalised name after "l'" where a stay or a
// department is told; not any capitalised word after "l'".
TEST(DeidRuns, HospitalAfterAnElidedArticle) {
  auto d = Make();
  auto f = Found(*d,
                 "Patiente admise a l'Necker le 3 mars 2020, service de cardiologie de l'PAUL "
                 "BROUSSE. Hopital Bichat le Jeu, 17 Avr 2098.");
  EXPECT_TRUE(Has(f, "HOPITAL", "Necker"));
  EXPECT_TRUE(Has(f, "HOPITAL", "PAUL BROUSSE"));
  EXPECT_TRUE(Has(f, "HOPITAL", "Hopital Bichat"));
  EXPECT_TRUE(Has(f, "DATE", "Jeu, 17 Avr 2098"));
  auto g = Found(*d, "Il part a l'Est de la ville.");
  EXPECT_TRUE(g.empty());
}

// After "Mme", "Dr", "le patient", "usager": names may be in lower case;
// ordinary words ("a", "présente", "arrivée") are not taken.
TEST(DeidRuns, LowerCaseNamesAfterATitleOrARole) {
  auto d = Make();
  auto f = Found(*d, "Mme krajewski patrice , 68 ans. Le patient LASVEAUX maeron , 37 ans.");
  EXPECT_TRUE(Has(f, "NOM", "krajewski") || Has(f, "PRENOM", "krajewski"));
  EXPECT_TRUE(Has(f, "PRENOM", "patrice") || Has(f, "NOM", "patrice"));
  EXPECT_TRUE(Has(f, "NOM", "maeron") || Has(f, "PRENOM", "maeron"));
  auto g = Found(*d, "Mme a été vue. Le patient présente une toux, patiente arrivée ce jour.");
  EXPECT_TRUE(g.empty());
}

TEST(DeidRuns, SpacedPostcodesCedexAndArrondissements) {
  auto d = Make();
  auto f = Found(*d,
                 "28 ter, place de Beaubourg\n95 523 Colombes\n17 rue de Rennes, 75011 PARIS 11\n"
                 "2 chemin Vert 05287 STRASSBOURG cedex 29 |");
  EXPECT_TRUE(Has(f, "ZIP", "95 523"));
  EXPECT_TRUE(Has(f, "VILLE", "Colombes"));
  EXPECT_TRUE(Has(f, "VILLE", "PARIS 11"));
  EXPECT_TRUE(Has(f, "VILLE", "STRASSBOURG cedex 29"));
  // Two numbers that are no postcode: "12 500 patients".
  auto g = Found(*d, "Cohorte de 12 500 Patients suivis.");
  EXPECT_FALSE(Has(g, "ZIP", "12 500"));
}

TEST(DeidRuns, MailSpacedOutOrWithAccents) {
  auto d = Make();
  auto f = Found(*d,
                 "Ecrire a tlabelle @ medimail . com ou secrétariat.onco@avicenne.aphp.fr ou "
                 "abarasse.jl@fr. Cont@ct");
  EXPECT_TRUE(Has(f, "MAIL", "tlabelle @ medimail . com"));
  EXPECT_TRUE(Has(f, "MAIL", "secrétariat.onco@avicenne.aphp.fr"));
  EXPECT_TRUE(Has(f, "MAIL", "abarasse.jl@fr"));
  EXPECT_FALSE(Has(f, "MAIL", "Cont@ct"));
}

TEST(DeidRuns, PhoneWithALetterOForItsFirstZero) {
  auto d = Make();
  auto f = Found(*d, "Dr I. POLTAO O1.42.15.93.30 puis Dr X.");
  EXPECT_TRUE(Has(f, "TEL", "O1.42.15.93.30"));
}

// A line that starts with two words in lower case, one a first name from the
// dictionary ("martin jean"); a room number is no street number.
TEST(DeidRuns, LowerCaseNameOpeningALineAndRoomNumbers) {
  auto d = Make();
  auto f = Found(*d, "Note\ndupuis jean\nvu ce jour");
  EXPECT_TRUE(Has(f, "NOM", "dupuis"));
  EXPECT_TRUE(Has(f, "PRENOM", "jean"));
  auto g = Found(*d, "Le résident de la chambre 12 Passage au bloc opératoire.\nvu ce jour");
  EXPECT_TRUE(g.empty());
}

// A NIR never spans a field separator; a date with separators is kept
// whole before spaced-out digits; the flat belongs to the address.
TEST(DeidRuns, TableRowsAndFlats) {
  auto d = Make();
  auto f = Found(*d, "| F | 1 4 0 2 1 9 9 1 | 9056297478 |");
  // After a sex column the date is the birth date (deid_ids_test.cc).
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "1 4 0 2 1 9 9 1"));
  auto g = Found(*d, "31/10/83 1 5 0 4 2 0 1 0 2 8 3 0 9 7 7 9 0 3 4 7 5");
  // Year 83 is the NIR's year of birth: the date is the birth date (deid_ids_test.cc).
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "31/10/83"));
  EXPECT_TRUE(Has(g, "SECU", "2 8 3 0 9 7 7 9 0 3 4 7 5"));
  auto h = Found(*d, "170 RUE DU CALVAIRE, APPT 283, 51789 NANTES");
  EXPECT_TRUE(Has(h, "ADRESSE", "170 RUE DU CALVAIRE, APPT 283"));
  EXPECT_TRUE(Has(h, "ZIP", "51789"));
}

// Digits grouped against the NIR's fields are no NIR ("2 30 1939 394 29").
TEST(DeidRuns, NirGroupsFollowItsFields) {
  auto d = Make();
  EXPECT_TRUE(Has(Found(*d, "n 1 85 05 78 006 084 91 ok"), "SECU", "1 85 05 78 006 084 91"));
  EXPECT_FALSE(Has(Found(*d, "lot 2 30 1939 394 29 ok"), "SECU", "2 30 1939 394 29"));
}

// English prose after a role word or at a line start stays (the lower-case
// name rules are French); a lower-case name after a title is still caught.
TEST(DeidRuns, EnglishLowerCaseProseIsKept) {
  auto d = Make();
  DeidOptions o;
  o.lang = Lang::kEn;
  auto r = d->Run("patient reported pain\nThe patient was seen by Dr smith.", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entities.size(), 1U);
  EXPECT_EQ(r->text, "patient reported pain\nThe patient was seen by Dr [NOM].");
}

}  // namespace
}  // namespace vigie::privacy
