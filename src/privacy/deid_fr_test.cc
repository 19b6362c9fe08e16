// Tests of French dates and postcodes (issue 7, section 1; branch deid-fr).
// Expectations come from how French clinical notes write dates (lists of
// cures and sessions "C3 2/8 C4 16/09", a month and a year "en 07 2002",
// a range "du 12 au 18 mars 2021") and from the postal code formats of
// France's neighbours (four digits in Belgium, Switzerland, Austria, Germany
// before 1993) written before the town. Every value is synthetic.
#include <gtest/gtest.h>

#include <map>

#include "privacy/deid_test_util.h"
#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/privacy/deid.h"

namespace vigie::privacy {
namespace {

using deid_test::Found;
using deid_test::Has;

std::unique_ptr<Deidentifier> Make() {
  DeidResources r;
  r.first_names = "Jean\nMarie\n";
  r.last_names = "Martin\nDupont\n";
  r.cities = "Toulouse\nLeipzig\nBruxelles\n";
  r.hospitals = "Bichat\n";
  r.stopwords = "Le\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

// True when some entity of `label` holds `part`.
bool Touches(const std::multimap<std::string, std::string>& m, const std::string& label,
             const std::string& part) {
  auto [b, e] = m.equal_range(label);
  for (auto it = b; it != e; ++it) {
    if (it->second.find(part) != std::string::npos) return true;
  }
  return false;
}

// True when no entity of any label holds `part`.
bool Untouched(const std::multimap<std::string, std::string>& m, const std::string& part) {
  for (const auto& [label, text] : m) {
    if (text.find(part) != std::string::npos) return false;
  }
  return true;
}

// A list of cures or sessions labelled C1, C2, S8, J15: each item's day and
// month is a date, even written "2/8" or "28.09" (alone they could be a dose
// or a decimal, so the list needs two labelled items).
TEST(DeidFr, DayAndMonthInAListOfCures) {
  auto d = Make();
  auto f = Found(*d, "Protocole : C1 3/4/19 C2 1/7/19 C3 2/8 C4 16/09 C5 28.09 - C6 12.10.");
  EXPECT_TRUE(Has(f, "DATE", "3/4/19"));
  EXPECT_TRUE(Has(f, "DATE", "2/8"));
  EXPECT_TRUE(Has(f, "DATE", "16/09"));
  EXPECT_TRUE(Has(f, "DATE", "28.09"));
  EXPECT_TRUE(Has(f, "DATE", "12.10"));
  auto g = Found(*d, "Hebdomadaire J1 4/3, J8 11/3, J15 18.3.\nSéances S2 29/ 06 et S3 30.12.");
  EXPECT_TRUE(Has(g, "DATE", "4/3"));
  EXPECT_TRUE(Has(g, "DATE", "11/3"));
  EXPECT_TRUE(Has(g, "DATE", "18.3"));
  EXPECT_TRUE(Has(g, "DATE", "29/ 06"));
  EXPECT_TRUE(Has(g, "DATE", "30.12"));
}

// One labelled score is no list; doses and fractions stay.
TEST(DeidFr, ScoresAndDosesAreNoDates) {
  auto d = Make();
  auto f = Found(*d,
                 "Glasgow 14/15, EVA 3/10, C3 3/10 sur l'échelle.\n"
                 "Doliprane 1 g 3/4 par jour, 1/2 comprimé, grade 2/3.");
  EXPECT_TRUE(Untouched(f, "3/10"));
  EXPECT_TRUE(Untouched(f, "14/15"));
  EXPECT_TRUE(Untouched(f, "3/4"));
  EXPECT_TRUE(Untouched(f, "1/2"));
  EXPECT_TRUE(Untouched(f, "2/3"));
}

// "10 / 03 | 2020": a day and a month then the year after another mark.
TEST(DeidFr, YearAfterAnotherSeparator) {
  auto d = Make();
  auto f = Found(*d, "Cures : C9 01 /09  C10 10 / 03 | 2020, C11 28.01 puis S9 01 / 07 | 1995.");
  EXPECT_TRUE(Has(f, "DATE", "01 /09"));
  EXPECT_TRUE(Has(f, "DATE", "10 / 03 | 2020"));
  EXPECT_TRUE(Has(f, "DATE", "28.01"));
  EXPECT_TRUE(Has(f, "DATE", "01 / 07 | 1995"));
}

// A month and a year with a space, after "en", "depuis", "fin".
TEST(DeidFr, MonthAndYearWithASpace) {
  auto d = Make();
  auto f = Found(*d, "Résection en 07 2002. Suivi depuis 11 2015, mammographie fin 09 2019.");
  EXPECT_TRUE(Has(f, "DATE", "07 2002"));
  EXPECT_TRUE(Has(f, "DATE", "11 2015"));
  EXPECT_TRUE(Has(f, "DATE", "09 2019"));
  auto g = Found(*d, "Dosage 07 2002 UI.");
  EXPECT_TRUE(Untouched(g, "2002"));
}

// Seven spaced digits holding a day, a month and the start of a year.
TEST(DeidFr, SpacedDateOfSevenDigits) {
  auto d = Make();
  auto f = Found(*d, "Dernier rappel vaccinal : 2 9 0 2 1 9 9  sans suite.");
  EXPECT_TRUE(Has(f, "DATE", "2 9 0 2 1 9 9"));
}

// A day in words, a month word and a two-digit year.
TEST(DeidFr, WordDateWithATwoDigitYear) {
  auto d = Make();
  auto f = Found(*d, "Glycémie réalisée le vingt mars 20, normale.");
  EXPECT_TRUE(Has(f, "DATE", "vingt mars 20"));
  auto g = Found(*d, "Revu le trois mars 20 minutes après.");
  EXPECT_TRUE(Untouched(g, "20 minutes"));
}

// "du 12 au 18 mars 2021": the first day of a range is a date too.
TEST(DeidFr, FirstDayOfARange) {
  auto d = Make();
  auto f = Found(*d, "Hospitalisée du 12 au 18 mars 2021, puis entre le 3 et le 5 avril.");
  EXPECT_TRUE(Has(f, "DATE", "12"));
  EXPECT_TRUE(Has(f, "DATE", "3"));
  auto g = Found(*d, "Traitement du 1 au 3 du mois, du 2 au 4 mg.");
  EXPECT_TRUE(Untouched(g, "2 au 4"));
}

// Four-digit postcodes of neighbouring countries before the town, after an
// address or a comma; a year before a town is no postcode.
TEST(DeidFr, FourDigitPostcodeBeforeTheTown) {
  auto d = Make();
  auto f = Found(*d, "Adresse : SchlussStrasse 13, 3049 Leipzig, Allemagne.");
  EXPECT_TRUE(Has(f, "ZIP", "3049"));
  auto g = Found(*d, "Résidence : 12 avenue Louise, 1050 Bruxelles.");
  EXPECT_TRUE(Has(g, "ZIP", "1050"));
  auto h = Found(*d, "Courrier : 1 60 04 25 311 114 26, 6432, Toulouse.");
  EXPECT_TRUE(Has(h, "ZIP", "6432"));
  auto k = Found(*d, "En 2015, Toulouse accueillait le congrès.");
  EXPECT_FALSE(Has(k, "ZIP", "2015"));
}

// "12 3 2020": day, month of one digit and year, separated by spaces.
TEST(DeidFr, SpacedDateWithAOneDigitMonth) {
  auto d = Make();
  auto f = Found(*d, "Vu le 12 3 2020 en consultation.");
  EXPECT_TRUE(Has(f, "DATE", "12 3 2020"));
}

// "depuis 03/20": a month and a two-digit year after a cue; "03/20" cannot
// be a day and a month (no month 20).
TEST(DeidFr, MonthAndTwoDigitYearAfterACue) {
  auto d = Make();
  auto f = Found(*d, "Depuis 03/20 sous traitement, arrêt fin 11/21.");
  EXPECT_TRUE(Has(f, "DATE", "03/20"));
  EXPECT_TRUE(Has(f, "DATE", "11/21"));
  auto g = Found(*d, "Score 03/20 au test.");
  EXPECT_TRUE(Untouched(g, "03/20"));
}

// A postcode in parentheses after the town.
TEST(DeidFr, PostcodeInParenthesesAfterTheTown) {
  auto d = Make();
  auto f = Found(*d, "Demeurant à Toulouse (31000).");
  EXPECT_TRUE(Has(f, "ZIP", "31000"));
}

// A town keeps its "cedex" (with its number) and its district after a
// postcode; a number after a town in a sentence is no district.
TEST(DeidFr, TownWithCedexAndDistrict) {
  auto d = Make();
  auto f = Found(*d,
                 "Centre de tri, 2 rue Pasteur, 31085 TOULOUSE cedex 9\n"
                 "17 rue de Rennes, 75011 TOULOUSE 11\nBP 12, 31000 Toulouse Cedex");
  EXPECT_TRUE(Has(f, "VILLE", "TOULOUSE cedex 9"));
  EXPECT_TRUE(Has(f, "VILLE", "TOULOUSE 11"));
  EXPECT_TRUE(Has(f, "VILLE", "Toulouse Cedex"));
  auto g = Found(*d, "Séjour à Toulouse 3 semaines.");
  EXPECT_TRUE(Untouched(g, "3 semaines"));
}

// "2B826 Leipzig": a Corsican-shaped postcode before a town.
TEST(DeidFr, CorsicanPostcodeBeforeATown) {
  auto d = Make();
  auto f = Found(*d, "SchlussStrasse 13, 2B826 Leipzig, Allemagne.");
  EXPECT_TRUE(Has(f, "ZIP", "2B826"));
}

// A town after "près de", "périphérie de", "originaire de": a capitalised
// word that is no first name.
TEST(DeidFr, TownAfterAPlaceNounAndDe) {
  auto d = Make();
  auto f = Found(*d, "Un neveu habite près de Montauban. Vit dans la périphérie de Tarbes.");
  EXPECT_TRUE(Has(f, "VILLE", "Montauban"));
  EXPECT_TRUE(Has(f, "VILLE", "Tarbes"));
  auto g = Found(*d, "Originaire de Castelnaudary, assis près de Jean.");
  EXPECT_TRUE(Has(g, "VILLE", "Castelnaudary"));
  EXPECT_FALSE(Has(g, "VILLE", "Jean"));
}

// "1 60 04 25 311 114 26, 34223, Montauban.": a postcode as a field between
// commas, the town after it.
TEST(DeidFr, PostcodeFieldBeforeTheTown) {
  auto d = Make();
  auto f = Found(*d, "Née le 4 septembre 1952, 1 60 04 25 311 114 26, 34223, Montauban.");
  EXPECT_TRUE(Has(f, "ZIP", "34223"));
  EXPECT_TRUE(Has(f, "VILLE", "Montauban"));
  auto g = Found(*d, "Carte vitale 1 87 04 33 623 825 12, 97 289, Saint-Denis.");
  EXPECT_TRUE(Has(g, "ZIP", "97 289"));
}

// A year alone after a cue of time: "vers 2015", "entre 2015 et 2017",
// "jusqu'en 2018", "l'été 2019", "1er trimestre 2020"; not a quantity.
TEST(DeidFr, YearAfterACueOfTime) {
  auto d = Make();
  auto f = Found(*d,
                 "Sevrage vers 2015. Traité entre 2015 et 2017. Suivi jusqu'en 2018. "
                 "Fracture l'été 2019. Bilan du 1er trimestre 2020. Ménopause avant 2010.");
  for (std::string y : {"2015", "2017", "2018", "2019", "2020", "2010"}) {
    EXPECT_TRUE(Has(f, "DATE", y)) << y;
  }
  auto g = Found(*d, "Dose de 2000 mg, entre 1900 UI et 2000 UI.");
  EXPECT_TRUE(Untouched(g, "2000"));
  EXPECT_TRUE(Untouched(g, "1900"));
}

// "depuis la mi-mars 2020"; "le 12 et le 14 mars", "les 12 et 14 mars".
TEST(DeidFr, MidMonthAndDayPairs) {
  auto d = Make();
  auto f = Found(*d, "Symptômes depuis la mi-mars 2020.");
  EXPECT_TRUE(Has(f, "DATE", "mars 2020"));
  auto g = Found(*d, "Vu le 12 et le 14 mars, puis les 2 et 4 avril.");
  EXPECT_TRUE(Has(g, "DATE", "12"));
  EXPECT_TRUE(Has(g, "DATE", "2"));
}

// Form fields naming a town ("Commune :", "Lieu de naissance :", "Domicile :",
// "Résidence :"), "habite Caussade", "Code postal : 82200".
TEST(DeidFr, TownAndPostcodeFields) {
  auto d = Make();
  auto f = Found(*d,
                 "Commune : Moissac\nLieu de naissance : Villefranche-de-Rouergue\n"
                 "Résidence : Caussade\nDomicile : Lafrançaise (82130)\nCode postal : 82200\n"
                 "Habite Nègrepelisse avec son mari.");
  EXPECT_TRUE(Has(f, "VILLE", "Moissac"));
  EXPECT_TRUE(Has(f, "VILLE", "Villefranche-de-Rouergue"));
  EXPECT_TRUE(Has(f, "VILLE", "Caussade"));
  EXPECT_TRUE(Has(f, "VILLE", "Lafrançaise"));
  EXPECT_TRUE(Has(f, "ZIP", "82130"));
  EXPECT_TRUE(Has(f, "ZIP", "82200"));
  EXPECT_TRUE(Has(f, "VILLE", "Nègrepelisse"));
  auto g = Found(*d, "Domicile : Monsieur seul. Habite Janvier prochain.");
  EXPECT_FALSE(Has(g, "VILLE", "Monsieur"));
  EXPECT_FALSE(Has(g, "VILLE", "Janvier"));
}

// "Née à Albi le 12/05/1960": the date after the birthplace is the birth date.
TEST(DeidFr, BirthDateAfterTheBirthplace) {
  auto d = Make();
  auto f = Found(*d, "Née à Albi le 12/05/1960, vue le 03/04/2021.");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "12/05/1960"));
  EXPECT_TRUE(Has(f, "DATE", "03/04/2021"));
}

// A letter's place and date: "Castelnaudary, le 03/04/2021" opens a line.
TEST(DeidFr, PlaceOfALetter) {
  auto d = Make();
  auto f = Found(*d, "Castelnaudary, le 03/04/2021\nCher confrère,");
  EXPECT_TRUE(Has(f, "VILLE", "Castelnaudary"));
  EXPECT_TRUE(Has(f, "DATE", "03/04/2021"));
}

// A record code mixing digits and one to three capitals, alone in a table
// cell or a field ("|28BG04493", "N° : 12AB345678"), without a cue word;
// a drug, a gene or a dose is no record ("B12", "COVID19", "HER2").
TEST(DeidFr, RecordCodeAloneInAField) {
  auto d = Make();
  auto f = Found(*d, "fax : 03.42.04.70.60 |28BG04493\nRéf. : 12AB345678");
  EXPECT_TRUE(Has(f, "IPP", "28BG04493"));
  EXPECT_TRUE(Has(f, "IPP", "12AB345678"));
  auto g = Found(*d, "Vitamine B12 | COVID19 | HER2 | 500MG | 2020AB");
  EXPECT_TRUE(g.empty());
}

// A date in parentheses after an age ("45 ans (12/03/1976)"), or after the
// patient's name across a dash ("MARTIN Jean - 12/03/1976 - IPP"), is the
// birth date; a signature with a time stays a date.
TEST(DeidFr, BirthDateAfterAnAgeOrADash) {
  auto d = Make();
  auto f = Found(*d,
                 "Patient : MARTIN Jean, 45 ans (12/03/1976).\n"
                 "DUPONT Marie - 21/07/1985 - IPP 123456789\n"
                 "Dupont Marie - 03/04/2021 14:30");
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "12/03/1976"));
  EXPECT_TRUE(Has(f, "DATE_NAISSANCE", "21/07/1985"));
  EXPECT_TRUE(Has(f, "DATE", "03/04/2021"));
}

// "de 2010 à 2015", "en 2015-2016": both years of a range.
TEST(DeidFr, RangesOfYears) {
  auto d = Make();
  auto f = Found(*d, "Tabagisme de 2010 à 2015, sevré. Traitement en 2015-2016 par interféron.");
  EXPECT_TRUE(Has(f, "DATE", "2010"));
  EXPECT_TRUE(Has(f, "DATE", "2015"));
  EXPECT_TRUE(Touches(f, "DATE", "2016"));
  auto g = Found(*d, "Diurèse de 2000 à 2500 ml, débit 1500-2000 ml/h.");
  EXPECT_TRUE(Untouched(g, "2000"));
  EXPECT_TRUE(Untouched(g, "2500"));
}

// The day of the week belongs to the date ("Lundi 12/03/2021"); the first
// day of a range whose second day carries a digit month ("du 3 au 5/05/2021").
TEST(DeidFr, WeekdayBeforeADigitDateAndRangeToADigitDate) {
  auto d = Make();
  auto f = Found(*d, "Consultation le Lundi 12/03/2021. Hospitalisation du 3 au 5/05/2021.");
  EXPECT_TRUE(Has(f, "DATE", "Lundi 12/03/2021"));
  EXPECT_TRUE(Has(f, "DATE", "3"));
}

// Found by fuzzing with the committed dictionaries: a postcode between two
// towns is the one after the first and the one before the second; it must be
// masked once, and the output never repeats or loses text.
TEST(DeidFr, PostcodeBetweenTwoTownsIsMaskedOnce) {
  auto d = Make();
  const std::string text = "Vit à Toulouse, 31000 Bruxelles.";
  Result<DeidResult> r = d->Run(text, DeidOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Vit à [VILLE], [ZIP] [VILLE].");
  size_t last = 0;
  for (const DeidEntity& e : r->entities) {
    EXPECT_GE(e.start, last);
    EXPECT_GT(e.end, e.start);
    last = e.end;
  }
  EXPECT_LE(last, 31U);  // code points in `text`
}

// The same through the pass itself, with the second town given as the
// tagger gives it (no rule had found the postcode): one postcode span.
TEST(DeidFr, PostcodePassAddsOneSpanBetweenTwoTowns) {
  const std::string text = "Lyon, 06084 Albi.";
  internal::Scan scan = internal::MakeScan(text, Lang::kFr);
  std::vector<internal::Span> kept = {{0, 4, Label::kVille, 55}, {12, 16, Label::kVille, 30}};
  internal::RefineSpans(scan, kept);
  ASSERT_EQ(kept.size(), 3U);
  EXPECT_EQ(kept[1].label, Label::kZip);
  EXPECT_EQ(kept[1].begin, 6U);
  EXPECT_EQ(kept[1].end, 11U);
}

}  // namespace
}  // namespace vigie::privacy
