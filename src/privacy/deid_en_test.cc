// Tests of the English behaviour of the de-identifier (branch privacy, third
// pass): a name alone in a sentence, names that are also English words with
// a cue before them, US street addresses and towns, IBANs followed by words.
// Synthetic names, streets and towns only (no real person); the IBAN is the
// example of the IBAN standard (GB82 WEST..., valid mod 97).
#include <gtest/gtest.h>

#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/privacy/deid.h"

namespace vigie::privacy {
namespace {

std::unique_ptr<Deidentifier> MakeEn() {
  DeidResources r;
  r.first_names =
      "Kamille,Trisha,Rose,Mark,Bill,Will,Hunter,Herman,Jo,Walker,Alma,Abigail,Sister,Grace,"
      "Brandy\n";
  r.last_names = "Homenick,Kuhic,Brown,Hunter,Price\n";
  r.cities = "Spokane\n";
  r.stopwords = "The\nPlan\nPatient\nMr\nMs\nDr\n";
  // A few lines in the format of /usr/share/dict/american-english
  // (capitalised entries are proper names and are skipped).
  r.words_en =
      "a\nabout\nand\nask\nasked\nat\nbe\nbill\nbrown\nchart\nclinic\nclosed\ncould\ndaily\nfile\nf"
      "ade\n"
      "flat\nforms\nfriday\nhe\nhunter\ni\nin\nlake\nlast\nlives\nmark\nmet\nmoved\non\nnurse\n"
      "partner\npharmacy\nrash\nreport\nrose\nsaid\nsigns\nspring\nsupport\nthe\nto\nunit\nvisit\n"
      "whether\nwill\nwith\nwalker\nambulates\nholder\naccount\nname\nsister\nhas\nasthma\n"
      "called\ncan\nhey\nyou\nsend\nit\nlove\nfall\ndrove\nthrough\nyesterday\nwhere\ngrew\nup\n"
      "virus\ntest\nwas\nnegative\nwest\nnew\ngrace\nbrandy\nprice\nam\nis\nthis\nmy\nher\n"
      "maiden\ncoming\ntoo\nway\nby\nreach\nhome\nFriday\nHunter\n";
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

std::string Mask(const Deidentifier& d, const std::string& text) {
  DeidOptions o;
  o.lang = Lang::kEn;
  Result<DeidResult> r = d.Run(text, o);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->text : "";
}

TEST(DeidEnglish, DictionaryNameAloneInASentence) {
  auto d = MakeEn();
  EXPECT_EQ(Mask(*d, "Ms. Kuhic asked whether Kamille could visit."),
            "Ms. [NOM] asked whether [PRENOM] could visit.");
  EXPECT_EQ(Mask(*d, "Ask Trisha about the Homenick file."), "Ask [PRENOM] about the [NOM] file.");
  EXPECT_EQ(Mask(*d, "Homenick said the pharmacy was closed."),
            "[NOM] said the pharmacy was closed.");
}

TEST(DeidEnglish, NameThatIsAWordNeedsACue) {
  auto d = MakeEn();
  // A role, a greeting or a title before it, or a name beside it.
  EXPECT_EQ(Mask(*d, "Lives with her partner Rose in a flat."),
            "Lives with her partner [PRENOM] in a flat.");
  EXPECT_EQ(Mask(*d, "The nurse, Will, said the rash will fade."),
            "The nurse, [PRENOM], said the rash will fade.");
  EXPECT_EQ(Mask(*d, "Mark Brown signs the forms."), "[PRENOM] [NOM] signs the forms.");
  EXPECT_EQ(Mask(*d, "Seen with Herman Hunter on Friday."), "Seen with [PRENOM] [NOM] on Friday.");
  // Without a cue an ordinary word stays: lower case, or a capital at the
  // start of a sentence.
  EXPECT_EQ(Mask(*d, "Mark the chart. The rash will fade."), "Mark the chart. The rash will fade.");
  EXPECT_EQ(Mask(*d, "Bill the visit daily."), "Bill the visit daily.");
  EXPECT_EQ(Mask(*d, "Hey Mark, can you send it?"), "Hey [PRENOM], can you send it?");
  EXPECT_EQ(Mask(*d, "I am Will, and this is my brother Mark."),
            "I am [PRENOM], and this is my brother [PRENOM].");
  EXPECT_EQ(Mask(*d, "Her maiden name was Price."), "Her maiden name was [NOM].");
  EXPECT_EQ(Mask(*d, "By the way, Hunter and Grace are coming too."),
            "By the way, [PRENOM] and [PRENOM] are coming too.");
  EXPECT_EQ(Mask(*d, "You can reach Brandy at home."), "You can reach [PRENOM] at home.");
  // Two first names that are words open a sentence: a name ("Will Hunter");
  // a role before a first name is no name ("Sister Alma").
  EXPECT_EQ(Mask(*d, "Will Hunter called."), "[PRENOM] [NOM] called.");
  EXPECT_EQ(Mask(*d, "Mark Herman called."), "[PRENOM] [NOM] called.");
  EXPECT_EQ(Mask(*d, "Sister Alma has Asthma."), "Sister [PRENOM] has Asthma.");
}

TEST(DeidEnglish, NameThatIsAWordAfterWithAHolderOrASurname) {
  auto d = MakeEn();
  // After "with", a name that ends the clause; not a word that goes on.
  EXPECT_EQ(Mask(*d, "Discussed with Walker."), "Discussed with [PRENOM].");
  EXPECT_EQ(Mask(*d, "Ambulates with Walker daily."), "Ambulates with Walker daily.");
  EXPECT_EQ(Mask(*d, "Account holder: Brown."), "Account holder: [NOM].");
  EXPECT_EQ(Mask(*d, "Homenick, Rose."), "[NOM], [PRENOM].");
  // Plural street types ("Ways") and the town after them.
  EXPECT_EQ(Mask(*d, "Lives at 18305 Graham Ways, Fort Torrey, with Jo."),
            "Lives at [ADRESSE], [VILLE], with [PRENOM].");
  EXPECT_EQ(Mask(*d, "Lives at 5 Stanton Run, Fort Torrey."), "Lives at [ADRESSE], [VILLE].");
}

TEST(DeidEnglish, UsStreetAddresses) {
  auto d = MakeEn();
  EXPECT_EQ(Mask(*d, "I met him at 250 Ember Trafficway on Friday."),
            "I met him at [ADRESSE] on Friday.");
  EXPECT_EQ(Mask(*d, "See you at 152 W Division Street."), "See you at [ADRESSE]");
  EXPECT_EQ(Mask(*d, "He lives at 102 9th Street, Port Viva, with Jo."),
            "He lives at [ADRESSE], [VILLE], with [PRENOM].");
  EXPECT_EQ(Mask(*d, "Visit at 7889 Brookside, Spokane."), "Visit at [ADRESSE], [VILLE].");
  // A street named without its number, after "on".
  EXPECT_EQ(Mask(*d, "The pharmacy on Lindgren Estates was closed."),
            "The pharmacy on [ADRESSE] was closed.");
  EXPECT_EQ(Mask(*d, "A flat on E Pine Street."), "A flat on [ADRESSE].");
  EXPECT_EQ(Mask(*d, "A flat on Gloucester Road."), "A flat on [ADRESSE].");
}

TEST(DeidEnglish, TownsByTheirShapeAfterAPreposition) {
  auto d = MakeEn();
  EXPECT_EQ(Mask(*d, "He moved to Kelvinborough last spring."), "He moved to [VILLE] last spring.");
  EXPECT_EQ(Mask(*d, "She moved from North Jamirfield to Lake Bramford."),
            "She moved from [VILLE] to [VILLE].");
  // Anywhere in the sentence when the shape is clear: an ending on a word
  // that is no English word, or a prefix before a name.
  EXPECT_EQ(Mask(*d, "Kelvinborough is where I grew up."), "[VILLE] is where I grew up.");
  EXPECT_EQ(Mask(*d, "I love New Abigail in the fall."), "I love [VILLE] in the fall.");
  EXPECT_EQ(Mask(*d, "We drove through Port Jaydenfort yesterday."),
            "We drove through [VILLE] yesterday.");
  EXPECT_EQ(Mask(*d, "The West Nile virus test was negative."),
            "The West Nile virus test was negative.");
  // Ordinary words after the same prepositions stay.
  EXPECT_EQ(Mask(*d, "Report to the Unit in Clinic with Support."),
            "Report to the Unit in Clinic with Support.");
}

TEST(DeidEnglish, AgeOver89AfterAnAgeWord) {
  auto d = MakeEn();
  EXPECT_EQ(Mask(*d, "Age: 93"), "Age: [AGE]");
  EXPECT_EQ(Mask(*d, "A man aged 97 was seen."), "A man aged [AGE] was seen.");
  EXPECT_EQ(Mask(*d, "She turned 91 last week."), "She turned [AGE] last week.");
  EXPECT_EQ(Mask(*d, "At the age of 102 he still walks."), "At the age of [AGE] he still walks.");
  // Up to 89 an age is no identifier; a heart rate is no age.
  EXPECT_EQ(Mask(*d, "Age: 64"), "Age: 64");
  EXPECT_EQ(Mask(*d, "Heart rate 93 at rest."), "Heart rate 93 at rest.");
}

TEST(DeidEnglish, IbanFollowedByWords) {
  auto d = MakeEn();
  EXPECT_EQ(Mask(*d, "Account GB82 WEST 1234 5698 7654 32 belongs to Kamille."),
            "Account [IBAN] belongs to [PRENOM].");
  // A bad check digit with words after it is no IBAN (its digits may still
  // be taken by the other detectors).
  EXPECT_EQ(Mask(*d, "Code GB00 WEST 1234 5698 7654 32 is old.").find("[IBAN]"), std::string::npos);
}

TEST(DeidEnglish, TaggerGuessOnAnOrdinaryWordBeforeAName) {
  // The tagger's guesses (priority 30) on an ordinary English word: before a
  // first name it is a role or a verb ("Sister Alma", "Could Ana"); after a
  // first name it is in a surname's place ("Bill Hunter") and stays.
  DeidResources r;
  r.first_names = "Alma,Bill,Ana\n";
  r.words_en = "sister\nhas\nasthma\nhunter\ncould\ncame\ncall\ngeneral\npractitioner\n";
  internal::Lexicon lex;
  internal::BuildLexicon(r, &lex);
  std::string text =
      "Sister Alma has Asthma. Bill Hunter came. Could Ana Kuhn call the General Practitioner?";
  internal::Scan scan = internal::MakeScan(text, Lang::kEn);
  auto span = [&](const std::string& w, Label l, int p) {
    return internal::Span{text.find(w), text.find(w) + w.size(), l, p};
  };
  std::vector<internal::Span> spans = {
      span("Sister", Label::kPrenom, 30),   span("Alma", Label::kPrenom, 45),
      span("Bill", Label::kPrenom, 45),     span("Hunter", Label::kNom, 30),
      span("Could", Label::kNom, 30),       span("Ana", Label::kPrenom, 45),
      span("Kuhn", Label::kNom, 45),        span("General", Label::kPrenom, 30),
      span("Practitioner", Label::kNom, 30)};
  internal::FixNameRuns(scan, lex, &spans);
  std::vector<std::string> kept;
  for (const internal::Span& s : spans) kept.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(kept, (std::vector<std::string>{"Alma", "Bill", "Hunter", "Ana", "Kuhn"}));
  // The same when the word is also in a first-name dictionary (faker holds
  // "Sister" and "General"): the English word list tells the role.
  r.first_names += "Sister,General\n";
  internal::Lexicon lex2;
  internal::BuildLexicon(r, &lex2);
  std::vector<internal::Span> spans2 = {span("Sister", Label::kNom, 30),
                                        span("Alma", Label::kPrenom, 45)};
  internal::FixNameRuns(scan, lex2, &spans2);
  ASSERT_EQ(spans2.size(), 1U);
  EXPECT_EQ(text.substr(spans2[0].begin, spans2[0].end - spans2[0].begin), "Alma");
  // A guess on a lower-case English word is dropped even when a name
  // dictionary holds it ("Ana will come": faker has "Will").
  r.first_names += "Will\n";
  r.words_en += "will\ncome\n";
  internal::Lexicon lex3;
  internal::BuildLexicon(r, &lex3);
  std::string note = "Ana will come.";
  internal::Scan scan3 = internal::MakeScan(note, Lang::kEn);
  std::vector<internal::Span> spans3 = {{0, 3, Label::kPrenom, 45}, {4, 8, Label::kNom, 30}};
  internal::FixNameRuns(scan3, lex3, &spans3);
  ASSERT_EQ(spans3.size(), 1U);
  EXPECT_EQ(spans3[0].end, 3U);
}

}  // namespace
}  // namespace vigie::privacy
