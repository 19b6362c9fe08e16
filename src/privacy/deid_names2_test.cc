// Tests of the third pass on names (synthetic names only, no real person):
// the label of each name word (NOM or PRENOM) from field labels, case and
// order, and drug names (data/deid/drugs.txt) that are never names without a
// strong cue. Expectations written from the conventions of French letters
// and tables (surname in capitals, "Nom :" / "Prénom :" fields), before the
// code. They use the committed dictionaries and tagger.
#include <gtest/gtest.h>

#include <cstdlib>

#include "privacy/scanner.h"
#include "privacy/tagger.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/resources.h"

namespace vigie::privacy {
namespace {

const Deidentifier& Committed() {
  static std::unique_ptr<Deidentifier> d = [] {
    const char* src = std::getenv("VIGIE_SOURCE_DIR");
    EXPECT_NE(src, nullptr);
    auto env = NewPosixEnv();
    Result<DeidResources> r = LoadDeidResources(*env, std::string(src ? src : ".") + "/data/deid");
    EXPECT_TRUE(r.ok());
    auto made = Deidentifier::Create(r.ok() ? *r : DeidResources{});
    EXPECT_TRUE(made.ok());
    return std::move(made).value();
  }();
  return *d;
}

std::string Mask(const std::string& text, Lang lang = Lang::kFr,
                 const std::vector<KnownName>& names = {}) {
  DeidOptions o;
  o.lang = lang;
  o.names = names;
  Result<DeidResult> r = Committed().Run(text, o);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->text : "";
}

TEST(DeidNames2, DrugListIsCommittedAndLoads) {
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  auto env = NewPosixEnv();
  Result<DeidResources> r = LoadDeidResources(*env, std::string(src) + "/data/deid");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->drugs.find("metformine"), std::string::npos);
  EXPECT_NE(r->drugs.find("heparin"), std::string::npos);
  EXPECT_GT(r->drugs.size(), 2000U);
}

TEST(DeidNames2, EnglishDrugNamesAreNotNames) {
  EXPECT_EQ(Mask("Started Metformin 500 mg twice daily.", Lang::kEn),
            "Started Metformin 500 mg twice daily.");
  EXPECT_EQ(Mask("Heparin drip was stopped on arrival.", Lang::kEn),
            "Heparin drip was stopped on arrival.");
  EXPECT_EQ(Mask("Medications: Lisinopril, Warfarin, Insulin glargine.", Lang::kEn),
            "Medications: Lisinopril, Warfarin, Insulin glargine.");
}

TEST(DeidNames2, FrenchDrugNamesAreNotNames) {
  EXPECT_EQ(Mask("Traitement : Metformine 1000 mg, Héparine sodique, Kardegic 75 mg."),
            "Traitement : Metformine 1000 mg, Héparine sodique, Kardegic 75 mg.");
  EXPECT_EQ(Mask("Relais Lovenox puis Previscan.\nDoliprane si douleur."),
            "Relais Lovenox puis Previscan.\nDoliprane si douleur.");
}

TEST(DeidNames2, StrongCueMakesADrugWordAName) {
  // A title before it, a stated name, a "Nom :" field.
  EXPECT_EQ(Mask("Mme Heparine est venue seule."), "Mme [NOM] est venue seule.");
  EXPECT_EQ(Mask("Seen with Mr. Warfarin today.", Lang::kEn), "Seen with Mr. [NOM] today.");
  EXPECT_EQ(Mask("Nom : METFORMINE\nPrénom : Julie"), "Nom : [NOM]\nPrénom : [PRENOM]");
  KnownName stated;
  stated.text = "Lovenox";
  stated.label = Label::kNom;
  EXPECT_EQ(Mask("Le patient Lovenox a appelé.", Lang::kFr, {stated}),
            "Le patient [NOM] a appelé.");
}

TEST(DeidNames2, FieldLabelsSayWhichIsTheSurname) {
  EXPECT_EQ(Mask("Nom : Bertin Prénom : Lucie"), "Nom : [NOM] Prénom : [PRENOM]");
  EXPECT_EQ(Mask("Prénom : Lucie\nNom : Bertin"), "Prénom : [PRENOM]\nNom : [NOM]");
  EXPECT_EQ(Mask("Nom de naissance : GAUTRAND\nNom d'usage : BERTIN"),
            "Nom de naissance : [NOM]\nNom d'usage : [NOM]");
  // A field value that is also a first name ("Nom : Martin") stays a surname.
  EXPECT_EQ(Mask("Nom : MARTIN\nPrénom : Lucie"), "Nom : [NOM]\nPrénom : [PRENOM]");
  EXPECT_EQ(Mask("Prénom : Martin\nNom : Gautrand"), "Prénom : [PRENOM]\nNom : [NOM]");
}

TEST(DeidNames2, CaseAndOrderSayWhichIsTheSurname) {
  // Signature: first name then surname in capitals, or the reverse.
  EXPECT_EQ(Mask("Dr Lucie BERTIN\nService de cardiologie"),
            "Dr [PRENOM] [NOM]\nService de cardiologie");
  EXPECT_EQ(Mask("Dr BERTIN Lucie"), "Dr [NOM] [PRENOM]");
  // Table row "NOM Prénom".
  EXPECT_EQ(Mask("GAUTRAND Lucie 12 ans"), "[NOM] [PRENOM] 12 ans");
  // Compound first name, hyphenated surname.
  EXPECT_EQ(Mask("M. Jean-Pierre Gautrand-Bertin est sorti."), "M. [PRENOM] [NOM] est sorti.");
  // Married name and birth name.
  EXPECT_EQ(Mask("Mme Bertin née Gautrand"), "Mme [NOM] née [NOM]");
  EXPECT_EQ(Mask("Mme Lucie Bertin née Gautrand"), "Mme [PRENOM] [NOM] née [NOM]");
  // Initial then surname (the dot stays outside, as in deid_names_test.cc).
  EXPECT_EQ(Mask("Dr L. BERTIN"), "Dr [PRENOM]. [NOM]");
}

// Added after the code of first_names_fr_extra.txt (commit "French first
// names faker lacks"): first names of elderly French patients.
TEST(DeidNames2, FrenchFirstNamesThatFakerLacks) {
  EXPECT_EQ(Mask("Mme PLANCHARD Ginette"), "Mme [NOM] [PRENOM]");
  EXPECT_EQ(Mask("M. Fernand Lescarret"), "M. [PRENOM] [NOM]");
}

// Written before the code: a surname repeated (usage name then full name,
// "NOM, NOM Prénom", or a doubled surname) is a surname both times.
TEST(DeidNames2, RepeatedSurnameIsASurnameTwice) {
  EXPECT_EQ(Mask("TREMAUX, TREMAUX PIERRE"), "[NOM], [NOM] [PRENOM]");
  EXPECT_EQ(Mask("Lescarret, Lescarret Marie"), "[NOM], [NOM] [PRENOM]");
  EXPECT_EQ(Mask("à l'attention de Colette Vaubert Vaubert, née le 11/05/72"),
            "à l'attention de [PRENOM] [NOM] [NOM], née le [DATE_NAISSANCE]");
}

// Written before the code: an abbreviated first name ("Ph.", "Fm.", "JM")
// beside a surname is a first name, as initials are.
TEST(DeidNames2, AbbreviatedFirstNames) {
  EXPECT_EQ(Mask("Pr Fm. STAVELOT"), "Pr [PRENOM]. [NOM]");
  EXPECT_EQ(Mask("Mme Mt. Schlenger, consultation"), "Mme [PRENOM]. [NOM], consultation");
  EXPECT_EQ(Mask("les résultats pour KANTREL JM montrent"),
            "les résultats pour [NOM] [PRENOM] montrent");
}

// Written before the code: a word right after initials and their dot is the
// surname whatever the tagger guessed; a title after "à" is no town.
TEST(DeidNames2, SurnameAfterInitialsAndTheirDot) {
  EXPECT_EQ(Mask("sous la responsabilité de S.-J. Ravelonne."),
            "sous la responsabilité de [PRENOM]. [NOM].");
  EXPECT_EQ(Mask("Rendez-vous donné à Mme E.M. Collard pour le bilan"),
            "Rendez-vous donné à Mme [PRENOM]. [NOM] pour le bilan");
}

// Written before the code: a "Prénoms :" field holds first names only; the
// name after "née" / "épouse" is a surname; a particle and the word after it
// following a first name are the surname ("de Saint-Aubin").
TEST(DeidNames2, FirstNamesFieldBirthNameAndParticle) {
  EXPECT_EQ(Mask("Prénoms : Lucie Anne"), "Prénoms : [PRENOM] [PRENOM]");
  EXPECT_EQ(Mask("Mme BERTIN (née GAUTRAND) est venue"), "Mme [NOM] (née [NOM]) est venue");
  EXPECT_EQ(Mask("Mme Bertin, épouse Gautrand, est venue"), "Mme [NOM], épouse [NOM], est venue");
  EXPECT_EQ(Mask("M. Henri de Saint-Aubin est sorti."), "M. [PRENOM] [NOM] est sorti.");
  // "née le" is a birth date, not a name.
  EXPECT_EQ(Mask("Mme BERTIN née le 12/03/1950"), "Mme [NOM] née le [DATE_NAISSANCE]");
}

// Written before the code: a lone name after a title is the surname, even
// when a detector guessed a first name ("Mme Colette"); initials stay first
// names. Tested on the last pass itself: the committed tagger already says
// NOM there, the taggers of the cross-validation did not always.
TEST(DeidNames2, LoneNameAfterATitleIsTheSurname) {
  DeidResources r;
  r.first_names = "Colette\n";
  internal::Lexicon lex;
  internal::BuildLexicon(r, &lex);
  std::string note = "Vu avec Mme Colette puis Dr J.-P. ce jour.";
  internal::Scan scan = internal::MakeScan(note, Lang::kFr);
  size_t c = note.find("Colette"), j = note.find("J.-P");
  std::vector<internal::Span> spans = {{c, c + 7, Label::kPrenom, 30},
                                       {j, j + 4, Label::kPrenom, 30}};
  internal::FixNameRuns(scan, lex, &spans);
  ASSERT_EQ(spans.size(), 2U);
  EXPECT_EQ(spans[0].label, Label::kNom);
  EXPECT_EQ(spans[1].label, Label::kPrenom);
}

// Written before the code: a word followed by a dose ("Zorbalix 40 mg") is a
// drug even when no list holds it; a title still makes it a name.
TEST(DeidNames2, WordBeforeADoseIsADrug) {
  EXPECT_EQ(Mask("Relais par Zorbalix 40 mg le soir."), "Relais par Zorbalix 40 mg le soir.");
  EXPECT_EQ(Mask("Started Velmatrin 25 mg daily.", Lang::kEn), "Started Velmatrin 25 mg daily.");
  DeidResources r;
  internal::Lexicon lex;
  internal::BuildLexicon(r, &lex);
  std::string note = "puis Zorbalix 0,5 mg/j et Mme Zorbalix 40 ans";
  internal::Scan scan = internal::MakeScan(note, Lang::kFr);
  size_t a = note.find("Zorbalix"), b = note.rfind("Zorbalix");
  std::vector<internal::Span> spans = {{a, a + 8, Label::kNom, 30}, {b, b + 8, Label::kNom, 30}};
  internal::FixNameRuns(scan, lex, &spans);
  ASSERT_EQ(spans.size(), 1U);
  EXPECT_EQ(spans[0].begin, b);
}

}  // namespace
}  // namespace vigie::privacy
