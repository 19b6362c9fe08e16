// Tests of identifiers and dates (issue 7, section 1; branch deid-ids).
// Expectations come from ../shared/clinical/identifiers.md (the NIR holds
// the year and month of birth at positions 2-5; phones are ten digits
// starting with 0, or an international prefix) and from how French notes
// write birth dates (a date beside the patient's name in a header or a
// table row, "né(e) le", "mis(e) au monde le"). Every value is synthetic.
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
  r.first_names = "Jean\nMarie\n";
  r.last_names = "Martin\nDupont\n";
  r.cities = "Toulouse\nMarseille\n";
  r.hospitals = "Bichat\n";
  r.stopwords = "Le\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

// True when some entity of `label` overlaps `text` (first occurrence).
bool Touches(const std::multimap<std::string, std::string>& m, const std::string& label,
             const std::string& part) {
  auto [b, e] = m.equal_range(label);
  for (auto it = b; it != e; ++it) {
    if (it->second.find(part) != std::string::npos || part.find(it->second) != std::string::npos)
      return true;
  }
  return false;
}

// The NIR's characters 2-3 are the year of birth (identifiers.md): a date of
// that year in the same note is the birth date, before or after the NIR, with
// a two- or four-digit year; a date of another year stays a DATE.
TEST(DeidIds, BirthDateHasTheYearOfTheNir) {
  auto d = Make();
  auto f = Found(*d,
                 "Admission le 12/02/2024.\nM. MARTIN Jean | 1 84 03 75 112 045 55 | 14/03/1984\n"
                 "Sortie le 20/02/2024.");
  EXPECT_TRUE(Has(f, "SECU", "1 84 03 75 112 045 55"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "14/03/1984"));
  EXPECT_TRUE(Has(f, "DATE", "12/02/2024"));
  EXPECT_TRUE(Has(f, "DATE", "20/02/2024"));
  auto g = Found(*d, "Vue le 02-11-76 ; INS 2760869123007 56.");
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "02-11-76"));
  // Written before the NIR, spaced out digit by digit.
  auto h = Found(*d, "DUPONT Marie 2 1 1 1 1 9 7 6 2 7 6 0 8 6 9 1 2 3 0 0 7 5 6 STOP");
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "2 1 1 1 1 9 7 6"));
  // No NIR, no cue: a date alone stays a DATE.
  auto k = Found(*d, "Consultation du 14/03/1984.");
  EXPECT_TRUE(Has(k, "DATE", "14/03/1984"));
}

// A date right after the patient's name (comma, "|", a sex column between)
// is the birth date of a header or a table row; "mis(e) au monde le" is a
// birth cue. A signature (a date with a time, a doctor's name) is not.
TEST(DeidIds, BirthDateBesideThePatientName) {
  auto d = Make();
  auto f = Found(*d, "Patients présents : Jean Martin, 23/04/1976, Marie Dupont, 21/07/1985.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "23/04/1976"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "21/07/1985"));
  auto g = Found(*d, "Patient : Marie DUPONT | F | 10/05/1986 | Dossier 1298947650");
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "10/05/1986"));
  auto h = Found(*d, "DUPONT Marie mise au monde le 15|10|1960 à Toulouse");
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "15|10|1960"));
  auto k =
      Found(*d, "Internes : MARTIN Jean (Interne) 18/02/2019 16:34\nDr Jean Martin, 03/03/2021");
  EXPECT_TRUE(Has(k, "DATE", "18/02/2019"));
  EXPECT_TRUE(Has(k, "DATE", "03/03/2021"));
}

// In a note with a NIR of another year (a relative's, a dose table), a date
// beside a name is the birth date only when it is ten years or more before
// the note's latest date; a date after a sex column always is.
TEST(DeidIds, BirthDateBesideANameInANoteWithANir) {
  auto d = Make();
  auto f = Found(*d,
                 "Ayant droit 1 84 03 75 112 045 55\nMARTIN Jean  03/03/2021  ETANERCEPT\n"
                 "DUPONT Marie 12/05/1950 vue le 03/03/2022\nX | H | 07/07/2020 | 1298947650");
  EXPECT_TRUE(Has(f, "DATE", "03/03/2021"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "12/05/1950"));
  EXPECT_TRUE(Has(f, "DATE", "03/03/2022"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "07/07/2020"));
}

// Short and abbreviated date forms: a two-digit year after a month word,
// "janv." and "12-janv-2020", a month and a year with '-' or '.', a day and a
// month after "le"/"du" (without it "3/4" is a dose), a year alone after
// "fin", "début" or in parentheses, "né en 1962" (a birth year); a date in
// parentheses right after the name. Durations and legal texts are no dates.
TEST(DeidIds, ShortAndAbbreviatedDates) {
  auto d = Make();
  auto f = Found(*d,
                 "Vu le 28 mars 19 puis en décembre 93. Du 12-janv-2020 au 15 janv. 2020, "
                 "cures le 3/4 et le 12.03, suivi depuis 03-2020 et 04.2021 ; fin 2019, "
                 "début 2020. Chirurgie (2015). Né en 1962.");
  EXPECT_TRUE(Has(f, "DATE", "28 mars 19"));
  EXPECT_TRUE(Has(f, "DATE", "décembre 93"));
  EXPECT_TRUE(Has(f, "DATE", "12-janv-2020"));
  EXPECT_TRUE(Has(f, "DATE", "15 janv. 2020"));
  EXPECT_TRUE(Has(f, "DATE", "3/4"));
  EXPECT_TRUE(Has(f, "DATE", "12.03"));
  EXPECT_TRUE(Has(f, "DATE", "03-2020"));
  EXPECT_TRUE(Has(f, "DATE", "04.2021"));
  EXPECT_TRUE(Has(f, "DATE", "2019"));
  EXPECT_TRUE(Has(f, "DATE", "2020"));
  EXPECT_TRUE(Has(f, "DATE", "2015"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "1962"));
  auto g = Found(*d,
                 "Douleurs depuis 2/3 semaines, 3/4 cp le soir. Loi du 18 août 2013 et "
                 "Décret n°2013-1066 du 3 juin 2013.");
  EXPECT_TRUE(g.empty());
  auto h = Found(*d, "DUPONT Marie (12/03/1950), vue le 02/02/2024.");
  EXPECT_TRUE(Has(h, "DATE_NAISSANCE", "12/03/1950"));
  EXPECT_TRUE(Has(h, "DATE", "02/02/2024"));
}

// A header cell "Date de naissance" / "DDN" names its column: the dates below
// it are birth dates, the other columns' dates are not; "Date naiss.",
// "D.D.N." are birth cues; a year opening a line of a history list is a
// date; a full date glued to the word before it too.
TEST(DeidIds, BirthDateColumnsHistoryYearsAndGluedDates) {
  auto d = Make();
  auto f = Found(*d,
                 "Nom | Prénom | Date de naissance | Entrée\nMARTIN | Jean | 12/03/1950 | "
                 "01/02/2024\nDUPONT | Marie | 03/04/1961 | 02/02/2024\n\nVu le 05/02/2024.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "12/03/1950"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "03/04/1961"));
  EXPECT_TRUE(Has(f, "DATE", "01/02/2024"));
  EXPECT_TRUE(Has(f, "DATE", "02/02/2024"));
  EXPECT_TRUE(Has(f, "DATE", "05/02/2024"));
  auto g = Found(*d,
                 "Date naiss. : 12/03/1950\nD.D.N. 03/04/1961\nAntécédents :\n1998 : "
                 "appendicectomie\n2005 - fracture\nVu le12/03/2020.");
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "12/03/1950"));
  EXPECT_TRUE(Has(g, "DATE_NAISSANCE", "03/04/1961"));
  EXPECT_TRUE(Has(g, "DATE", "1998"));
  EXPECT_TRUE(Has(g, "DATE", "2005"));
  EXPECT_TRUE(Has(g, "DATE", "12/03/2020"));
}

// A NIR with dashes, its key after " - " or after the word "clé"; IPv6
// addresses, not times.
TEST(DeidIds, NirSeparatorsKeyWordAndIpv6) {
  auto d = Make();
  auto f = Found(*d,
                 "NIR : 1-85-05-78-006-084-91 ; 2 85 05 78 006 084 - 12 ; sécu 1 84 12 75 056 "
                 "123 clé 45.\nServeur 2001:db8::1 et fe80:0:0:0:202:b3ff:fe1e:8329 à 10:30:00.");
  EXPECT_TRUE(Has(f, "SECU", "1-85-05-78-006-084-91"));
  EXPECT_TRUE(Has(f, "SECU", "2 85 05 78 006 084 - 12"));
  EXPECT_TRUE(Has(f, "SECU", "1 84 12 75 056 123"));
  EXPECT_TRUE(Has(f, "SECU", "45"));
  EXPECT_TRUE(Has(f, "IP", "2001:db8::1"));
  EXPECT_TRUE(Has(f, "IP", "fe80:0:0:0:202:b3ff:fe1e:8329"));
  EXPECT_FALSE(Touches(f, "IP", "10:30:00"));
  // The INS OID is no IP address.
  EXPECT_TRUE(Found(*d, "OID 1.2.250.1.213.1.4.8").empty());
}

// "+33 (0)1 23 45 67 89": the trunk zero in parentheses (identifiers.md).
TEST(DeidIds, PhoneWithTheTrunkZeroInParentheses) {
  auto d = Make();
  auto f = Found(*d, "Tél. +33 (0)1 23 45 67 89 ou +33(0)612345678.");
  EXPECT_TRUE(Has(f, "TEL", "+33 (0)1 23 45 67 89"));
  EXPECT_TRUE(Has(f, "TEL", "+33(0)612345678"));
}

// Ten digits starting with 0 are a phone number also after "00" (an
// international prefix) unless a record cue names them; after a phone cue,
// eight digits in pairs and dotted pairs are a (short) phone number, not an
// IP address; "+33" then ten digits is a phone number.
TEST(DeidIds, PhonesByShapeAndCue) {
  auto d = Make();
  auto f = Found(*d,
                 "Tel : 0076412041\nStandard 00 02 46 61 63\nappeler au 04 09 56 98 ou au "
                 "+33 20 19 39 00\nSecrétariat : 02.72.43.92\nServeur 192.168.1.20");
  EXPECT_TRUE(Has(f, "TEL", "0076412041"));
  EXPECT_TRUE(Has(f, "TEL", "00 02 46 61 63"));
  EXPECT_TRUE(Has(f, "TEL", "04 09 56 98"));
  EXPECT_TRUE(Has(f, "TEL", "+33 20 19 39 00"));
  EXPECT_TRUE(Has(f, "TEL", "02.72.43.92"));
  EXPECT_TRUE(Has(f, "IP", "192.168.1.20"));
  auto g = Found(*d, "IPP : 0012345678");
  EXPECT_TRUE(Has(g, "IPP", "0012345678"));
}

// The nearest cue names a record number: a stay or a visit is an NDA
// ("identifiant de l'hospitalisation", "Identifiant de la visite"), also
// when the number holds letters after its cue.
TEST(DeidIds, RecordNumbersByTheirNearestCue) {
  auto d = Make();
  auto f = Found(*d, "Son numéro d'identifiant de l'hospitalisation est 02890512938.");
  EXPECT_TRUE(Has(f, "NDA", "02890512938"));
  auto g = Found(*d, "Identifiant de la visite: 42BG98765\nIPP : N11232344");
  EXPECT_TRUE(Has(g, "NDA", "42BG98765"));
  EXPECT_TRUE(Has(g, "IPP", "N11232344"));
  // A word with digits and no cue is not an identifier ("C12", "B12").
  auto h = Found(*d, "Cure C12, vitamine B12.");
  EXPECT_TRUE(h.empty());
}

// Without a cue, a long run of short numbers of uneven sizes (a table of
// values, noise) is no record number; one block of eight digits or more is.
TEST(DeidIds, RunsOfShortNumbersAreNotRecordNumbers) {
  auto d = Make();
  auto f = Found(*d, "Valeurs : 42 93 2930 293 39 102 102 03 039 02 3920 0394 03 39 fin");
  EXPECT_FALSE(Touches(f, "IPP", "2930"));
  EXPECT_FALSE(Touches(f, "IPP", "3920"));
  auto g = Found(*d, "Réf. 8475619240 transmise.");
  EXPECT_TRUE(Has(g, "IPP", "8475619240"));
}

// A postcode beside a city ("Marseille, 13006", "31000 Toulouse") or after a
// street written "35 133".
TEST(DeidIds, PostcodesBesideACityOrAStreet) {
  auto d = Make();
  auto f = Found(*d, "La fille du patient réside à Marseille, 13006.");
  EXPECT_TRUE(Has(f, "ZIP", "13006"));
  auto g = Found(*d, "L'adresse est 14 avenue Franklin 35 133 et un fax suit.");
  EXPECT_TRUE(Has(g, "ZIP", "35 133"));
}

}  // namespace
}  // namespace vigie::privacy
