// Tests of the name detectors with the French word list and of the last pass
// over runs of names (synthetic names only, no real person): initials next to
// a surname are first names, one split between first names and surname per
// run from the dictionaries, upper case and a comma, ordinary French words
// that end a name or are not lower-case names.
#include <gtest/gtest.h>

#include <cstdlib>

#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/resources.h"

namespace vigie::privacy {
namespace {

std::unique_ptr<Deidentifier> Make(bool with_words = true) {
  DeidResources r;
  r.first_names =
      "Jean,Jeanne,Mickaël,Colette,Michel,Camille,Dominique,Claude,Albert,Pierre,Maria\n";
  r.last_names = "Martin,Richard\n";
  r.cities = "Toulouse\n";
  r.hospitals = "Bichat\n";
  r.stopwords = "Le\nLa\nDe\n";
  // A few lines in the format of /usr/share/dict/french.
  if (with_words) {
    r.words =
        "absent\nbilan\nce\ncontacter\ncourse\ndemain\ndossier\ngoupil\nhier\njour\nmise\nmulet\n"
        "domicile\nmention\nprescrit\nprofession\nrossignol\nsaint\n"
        "service\nstade\ntransmis\nvenue\nvitamine\nvu\n";
  }
  auto d = Deidentifier::Create(r);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

std::string Mask(const Deidentifier& d, const std::string& text, Lang lang = Lang::kFr) {
  DeidOptions o;
  o.lang = lang;
  Result<DeidResult> r = d.Run(text, o);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->text : "";
}

TEST(DeidNames, RunIsSplitByTheFirstNameDictionary) {
  auto d = Make();
  // Both upper case: the dictionary first name is the first name, wherever it stands.
  EXPECT_EQ(Mask(*d, "Professeur MOLIN MICKAEL"), "Professeur [NOM] [PRENOM]");
  EXPECT_EQ(Mask(*d, "Professeur MICKAEL MOLIN"), "Professeur [PRENOM] [NOM]");
  // A compound first name whose parts are first names.
  EXPECT_EQ(Mask(*d, "Vu avec le patient Bardot Jean-Claude hier."),
            "Vu avec le patient [NOM] [PRENOM] hier.");
}

TEST(DeidNames, UpperCaseSurnameWhenTheDictionariesDoNotTell) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Dr Ostrava TRELUNE"), "Dr [PRENOM] [NOM]");
  EXPECT_EQ(Mask(*d, "Dr TRELUNE Ostrava"), "Dr [NOM] [PRENOM]");
}

TEST(DeidNames, ThreeWordRunHasOneSplit) {
  auto d = Make();
  // Never PRENOM NOM PRENOM: the unknown middle word goes with the first names.
  EXPECT_EQ(Mask(*d, "Interne MARTIN Jeanne Ostrava Colette"),
            "Interne [NOM] [PRENOM] [PRENOM] [PRENOM]");
}

TEST(DeidNames, SurnameBeforeAComma) {
  auto d = Make();
  // The date right after the patient's name is a birth date (scan_dates.cc).
  EXPECT_EQ(Mask(*d, "Mme Francomme, Michel Camille 06-05-2010"),
            "Mme [NOM], [PRENOM] [PRENOM] [DATE_NAISSANCE]");
}

TEST(DeidNames, InitialsNextToASurnameAreFirstNames) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Vu avec Dr. DERUDDER N. au service."),
            "Vu avec Dr. [NOM] [PRENOM]. au service.");
  EXPECT_EQ(Mask(*d, "Dr T.A DELACROIX est absent"), "Dr [PRENOM] [NOM] est absent");
  EXPECT_EQ(Mask(*d, "adressé à Dr Sambuis et Dr Lecoq S.-E. demain"),
            "adressé à Dr [NOM] et Dr [NOM] [PRENOM]. demain");
  EXPECT_EQ(Mask(*d, "Vu J.S. Becasseau hier"), "Vu [PRENOM]. [NOM] hier");
  EXPECT_EQ(Mask(*d, "M.E.J. Jouan|+33 6 12 34 56 78"), "[PRENOM]. [NOM]|[TEL]");
  // The surname before its initials: "MIROVSKY J.M", "Czernikowska S.".
  EXPECT_EQ(Mask(*d, "Chirurgie de MIROVSKY J.M : suites simples"),
            "Chirurgie de [NOM] [PRENOM] : suites simples");
  EXPECT_EQ(Mask(*d, "Résultats pour Czernikowska S. Mention : normal"),
            "Résultats pour [NOM] [PRENOM]. Mention : normal");
  EXPECT_EQ(Mask(*d, "Take Vitamin D. daily", Lang::kEn), "Take Vitamin D. daily");
  EXPECT_EQ(Mask(*d, "Dr Martin J2 post-op"), "Dr [NOM] J2 post-op");
  // "M. DUPONT" is Monsieur: the title is not a first name.
  EXPECT_EQ(Mask(*d, "Patient: M. DAUBERT vu ce jour"), "Patient: M. [NOM] vu ce jour");
  // An initial far from any name stays (a grade, a vitamin).
  EXPECT_EQ(Mask(*d, "Vitamine D. Stade B ce jour."), "Vitamine D. Stade B ce jour.");
}

TEST(DeidNames, OrdinaryWordEndsARunOfNames) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "OGER Dominique Contacter le 0628967167"),
            "[NOM] [PRENOM] Contacter le [TEL]");
  // An upper-case surname after the first names is kept even when it is a word.
  EXPECT_EQ(Mask(*d, "Consultation : Colette Jeanne MULET du service"),
            "Consultation : [PRENOM] [PRENOM] [NOM] du service");
}

TEST(DeidNames, LowerCaseWordsAfterATitleAreNamesUnlessOrdinaryWords) {
  auto with_words = Make(true);
  auto without = Make(false);
  // "transmis" is in the word list: not a name.
  EXPECT_EQ(Mask(*with_words, "Mme transmis le dossier"), "Mme transmis le dossier");
  EXPECT_NE(Mask(*without, "Mme transmis le dossier"), "Mme transmis le dossier");
  EXPECT_EQ(Mask(*with_words, "Mme krajewski est venue"), "Mme [NOM] est venue");
}

TEST(DeidNames, SurnameThatIsAWordAfterFirstNames) {
  auto d = Make();
  // Only first names so far: the ordinary word is the surname.
  EXPECT_EQ(Mask(*d, "Dr Albert Pierre Goupil a prescrit un scanner."),
            "Dr [PRENOM] [PRENOM] [NOM] a prescrit un scanner.");
}

TEST(DeidNames, SurnameThenCommaThenFirstNamesOpeningARow) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Liste :\nFrancomme, Michel Camille 06-05-2010\nRossignol, Colette|22/08/03"),
            "Liste :\n[NOM], [PRENOM] [PRENOM] [DATE_NAISSANCE]\n[NOM], [PRENOM]|[DATE_NAISSANCE]");
  // Not a name: an ordinary word before a comma that no name follows.
  EXPECT_EQ(Mask(*d, "Bilan, contacter le service"), "Bilan, contacter le service");
  // "Hello" opens no row; the first name after the greeting is still a name.
  EXPECT_EQ(Mask(*d, "Hello, Colette", Lang::kEn), "Hello, [PRENOM]");
  EXPECT_EQ(Mask(*d, "Martin, Colette", Lang::kEn), "[NOM], [PRENOM]");
}

TEST(DeidNames, SurnameWithAParticleAfterATitle) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Dr Le Hen est absent."), "Dr [NOM] est absent.");
  EXPECT_EQ(Mask(*d, "Docteur La Course Colette"), "Docteur [NOM] [PRENOM]");
  EXPECT_EQ(Mask(*d, "Mme De Vestele Michel Camille"), "Mme [NOM] [PRENOM] [PRENOM]");
  // The article of a sentence is not a particle: "le Dr" asks for a title first.
  EXPECT_EQ(Mask(*d, "Le Service est fermé."), "Le Service est fermé.");
}

TEST(DeidNames, LowerCaseFirstNameAloneOnItsLine) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Rendez-vous avec\nmaria\nle 3"), "Rendez-vous avec\n[PRENOM]\nle 3");
  // An ordinary word alone on its line stays.
  EXPECT_EQ(Mask(*d, "Conclusion\nbilan\n"), "Conclusion\nbilan\n");
}

TEST(DeidNames, TownAfterTheWordA) {
  auto d = Make();
  // "à" then a capitalised word that is neither a word of the language nor a
  // first name nor a title: a town, with its "sur"/"sous" parts.
  EXPECT_EQ(Mask(*d, "Consultation à Nogent sur Marne prévue le 02/09/22."),
            "Consultation à [VILLE] prévue le [DATE].");
  EXPECT_EQ(Mask(*d, "Transfert à Vincennes demain."), "Transfert à [VILLE] demain.");
  EXPECT_EQ(Mask(*d, "Adressé à Dr Martin."), "Adressé à Dr [NOM].");
  EXPECT_EQ(Mask(*d, "Courrier à Colette."), "Courrier à Colette.");
  EXPECT_EQ(Mask(*d, "Retour à Domicile prévu."), "Retour à Domicile prévu.");
  // English text: not this rule.
  EXPECT_EQ(Mask(*d, "Sent à Vincennes", Lang::kEn), "Sent à Vincennes");
}

TEST(DeidNames, HospitalNamedBeforeItsCueWord) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Partenaires : Jefferson university hospital, service."),
            "Partenaires : [HOPITAL], service.");
  EXPECT_EQ(Mask(*d, "Admis au Avicenne AP-HP Hospital le 3."), "Admis au [HOPITAL] le 3.");
  EXPECT_EQ(Mask(*d, "Admitted to Saint Bartholomew Hospital.", Lang::kEn),
            "Admitted to [HOPITAL].");
  // No name before the cue: nothing ("the hospital", "University Hospital" alone).
  EXPECT_EQ(Mask(*d, "Back to the hospital. University Hospital staff."),
            "Back to the hospital. University Hospital staff.");
}

TEST(DeidNames, StreetNumbersInWordsRangesAndStreetsWithoutNumber) {
  auto d = Make();
  EXPECT_EQ(Mask(*d, "Habite sept allée des roses, Toulouse."), "Habite [ADRESSE], [VILLE].");
  EXPECT_EQ(Mask(*d, "Au 47-83 Boulevard de la Gare, 75013 Toulouse"),
            "Au [ADRESSE], [ZIP] [VILLE]");
  EXPECT_EQ(Mask(*d, "Au 28 ter, place de Beaubourg"), "Au [ADRESSE]");
  EXPECT_EQ(Mask(*d, "Cabinet de la rue Rivoli, Toulouse"), "Cabinet de la [ADRESSE], [VILLE]");
  // A street word followed by no name is no address.
  EXPECT_EQ(Mask(*d, "Retrouvé dans la rue hier."), "Retrouvé dans la rue hier.");
  EXPECT_EQ(Mask(*d, "Trois places libres."), "Trois places libres.");
  EXPECT_EQ(Mask(*d, "Devant une impasse thérapeutique."), "Devant une impasse thérapeutique.");
}

// The tagger's spans (priority 30) on an ordinary lower-case word are
// dropped by the last pass; a lower-case name it found stays.
TEST(DeidNames, TaggerSpansOnOrdinaryLowerCaseWordsAreDropped) {
  DeidResources r;
  r.first_names = "Pierre\n";
  r.words = "est\nentretenu\nla\nregion\npause\n";
  internal::Lexicon lex;
  internal::BuildLexicon(r, &lex);
  std::string text = "Le Dr FAUCON Pierre s'est entretenu avec krier, centre de la région";
  internal::Scan scan = internal::MakeScan(text, Lang::kFr);
  auto at = [&](const std::string& w) { return text.find(w); };
  auto span = [&](const std::string& w, Label l, int p) {
    return internal::Span{at(w), at(w) + w.size(), l, p};
  };
  std::vector<internal::Span> spans = {
      span("FAUCON", Label::kNom, 60),   span("Pierre", Label::kPrenom, 60),
      span("s'est", Label::kPrenom, 30), span("entretenu", Label::kNom, 30),
      span("krier", Label::kNom, 30),    span("la", Label::kVille, 30),
      span("région", Label::kVille, 30)};
  internal::FixNameRuns(scan, lex, &spans);
  std::vector<std::string> kept;
  for (const internal::Span& s : spans) kept.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(kept, (std::vector<std::string>{"FAUCON", "Pierre", "krier"}));
  // Capitalised: a lone ordinary word goes; beside a name or a title it stays;
  // a stopword stays (a particle: "LE GLOAHEC").
  r.stopwords = "Le\n";
  r.words += "visiter\nmulet\n";
  internal::Lexicon lex3;
  internal::BuildLexicon(r, &lex3);
  std::string note = "LE 9 juin. Visiter le lieu. Dr Mulet vu. Pierre Mulet vu. Post-op J2";
  internal::Scan scan3 = internal::MakeScan(note, Lang::kFr);
  auto at3 = [&](const std::string& w, size_t from = 0) { return note.find(w, from); };
  size_t second = at3("Mulet", at3("Mulet") + 1);
  std::vector<internal::Span> spans3 = {{at3("LE"), at3("LE") + 2, Label::kNom, 30},
                                        {at3("Visiter"), at3("Visiter") + 7, Label::kPrenom, 30},
                                        {at3("Mulet"), at3("Mulet") + 5, Label::kNom, 30},
                                        {at3("Pierre"), at3("Pierre") + 6, Label::kPrenom, 30},
                                        {second, second + 5, Label::kNom, 30},
                                        {at3("J2"), at3("J2") + 1, Label::kPrenom, 30}};
  internal::FixNameRuns(scan3, lex3, &spans3);
  std::vector<std::string> kept3;
  for (const internal::Span& s : spans3) kept3.push_back(note.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(kept3, (std::vector<std::string>{"LE", "Mulet", "Pierre", "Mulet"}));
  // A town keeps its lower-case words after its postcode.
  r.words += "sainte\n";
  internal::Lexicon lex2;
  internal::BuildLexicon(r, &lex2);
  std::string town = "au 44 rue X, 63570 sainte edouard pour la pause";
  internal::Scan scan2 = internal::MakeScan(town, Lang::kFr);
  auto at2 = [&](const std::string& w) { return town.find(w); };
  std::vector<internal::Span> spans2 = {{at2("63570"), at2("63570") + 5, Label::kZip, 50},
                                        {at2("sainte"), at2("sainte") + 6, Label::kVille, 30},
                                        {at2("edouard"), at2("edouard") + 7, Label::kVille, 30},
                                        {at2("pause"), at2("pause") + 5, Label::kVille, 30}};
  internal::FixNameRuns(scan2, lex2, &spans2);
  ASSERT_EQ(spans2.size(), 3U);
  EXPECT_EQ(spans2.back().begin, at2("edouard"));
  // Not after a town word that ends it ("Ivry-sur-Seine en date").
  std::string ivry = "94200 Ivry en date";
  internal::Scan scan4 = internal::MakeScan(ivry, Lang::kFr);
  r.words += "en\ndate\n";
  internal::Lexicon lex4;
  internal::BuildLexicon(r, &lex4);
  std::vector<internal::Span> spans4 = {
      {0, 5, Label::kZip, 50}, {6, 10, Label::kVille, 55}, {11, 13, Label::kVille, 30}};
  internal::FixNameRuns(scan4, lex4, &spans4);
  EXPECT_EQ(spans4.size(), 2U);
}

// scripts/install-deps installs Debian's wfrench; the committed tagger was
// trained with its words as a feature, so it must be there.
TEST(DeidNames, InstalledWordListAndWideFirstNamesLoad) {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  auto env = NewPosixEnv();
  Result<DeidResources> r = LoadDeidResources(*env, std::string(src) + "/data/deid");
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_GT(r->words.size(), 1000000U) << kDefaultWordList << " (apt-get install wfrench)";
  EXPECT_GT(r->words_en.size(), 500000U) << kDefaultWordListEn << " (apt-get install wamerican)";
  EXPECT_GT(r->first_names_wide.size(), 10000U);
  auto d = Deidentifier::Create(*r);
  ASSERT_TRUE(d.ok());
  // A lower-case ordinary word after a title is not a name; a surname is.
  EXPECT_EQ(Mask(**d, "Mme transmis le bilan. Mme krajewski est venue."),
            "Mme transmis le bilan. Mme [NOM] est venue.");
  // "Mickaël" is a first name of the Belgian locale only: it says which word is the surname.
  EXPECT_EQ(Mask(**d, "Professeur MOLINEC MICKAEL"), "Professeur [NOM] [PRENOM]");
  EXPECT_EQ(Mask(**d, "Professeur MICKAEL MOLINEC"), "Professeur [PRENOM] [NOM]");
  // English notes are judged with the English list: capitalised clinical
  // words are not names (they were with the French list alone).
  EXPECT_EQ(
      Mask(**d, "Physical Exam: Alert and Oriented. Heart Sounds Regular. Lungs Clear.", Lang::kEn),
      "Physical Exam: Alert and Oriented. Heart Sounds Regular. Lungs Clear.");
  EXPECT_EQ(Mask(**d, "Seen by Dr. Hartmann for Follow Up.", Lang::kEn),
            "Seen by Dr. [NOM] for Follow Up.");
  Result<DeidResources> fr_only =
      LoadDeidResources(*env, std::string(src) + "/data/deid", kDefaultWordList, "");
  ASSERT_TRUE(fr_only.ok());
  auto d_fr = Deidentifier::Create(*fr_only);
  ASSERT_TRUE(d_fr.ok());
  EXPECT_NE(Mask(**d_fr, "Physical Exam: Alert and Oriented. Heart Sounds Regular. Lungs Clear.",
                 Lang::kEn),
            "Physical Exam: Alert and Oriented. Heart Sounds Regular. Lungs Clear.");
  // A missing word list is not an error (the de-identifier works without it).
  Result<DeidResources> none =
      LoadDeidResources(*env, std::string(src) + "/data/deid", "/nonexistent/french");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->words.empty());
}

}  // namespace
}  // namespace vigie::privacy
