// Tests of the `urgent` level (see a doctor today, or 116 117) on the shipped
// red-flag data. Every expectation is written from the source sentence quoted
// above it (data/red-flags/README.md lists the sources), before the patterns:
// one positive, one negated and one dated description per urgent flag, then
// the rules that bind the levels together (urgent never lowers an emergency,
// and a sign the source does not list stays `consult`).
// Thread-safety: single-threaded tests on the shared immutable set.
#include <gtest/gtest.h>

#include <string>

#include "triage/red_flag_set.h"
#include "triage/test_data.h"
#include "vigie/core/text.h"

namespace vigie::triage {
namespace {

using testing::Shipped;

TriageResult Triaged(std::string_view text) {
  Result<TriageResult> r = Triage(Shipped(), text, Lang::kFr);
  EXPECT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  return r.ok() ? *r : TriageResult{};
}

bool HasFlag(const TriageResult& r, std::string_view id) {
  for (const FlagHit& hit : r.red_flags) {
    if (hit.id == id) return true;
  }
  return false;
}

void ExpectUrgent(std::string_view id, std::string_view text) {
  TriageResult r = Triaged(text);
  EXPECT_TRUE(HasFlag(r, id)) << id << ": " << text;
  EXPECT_EQ(r.level, Level::kUrgent) << text;
  EXPECT_EQ(r.call, "116117") << text;
}

void ExpectConsult(std::string_view text) {
  TriageResult r = Triaged(text);
  EXPECT_EQ(r.level, Level::kConsult) << text;
  EXPECT_FALSE(r.call.has_value()) << text;
}

// Ameli, « Cystite : que faire et quand consulter ? » (27 juin 2024): « consulter
// votre médecin ou votre sage-femme dans la journée si : vous avez de la fièvre
// avec des frissons, vous avez des douleurs dans le dos ou sur le côté ».
// NHS (UTI page as relayed by an NHS ICB): « Ask for an urgent GP appointment or
// get help from NHS 111 if ... UTI and ... feel hot and shivery ... pain ... in
// the back, just under the ribs ... blood in your pee ».
TEST(UrgentTest, UrinaryInfectionWithFeverOrBackPain) {
  ExpectUrgent("uti_fever_or_back_pain",
               "J'ai des brûlures en urinant et de la fièvre avec des "
               "frissons");
  ExpectUrgent("uti_fever_or_back_pain", "Cystite depuis hier et maintenant mal dans le dos");
  ExpectUrgent("uti_fever_or_back_pain", "ça brule quand je fais pipi et j'ai 38,9");
  ExpectUrgent("uti_fever_or_back_pain", "I think I have a UTI and I feel hot and shivery");
  ExpectUrgent("uti_fever_or_back_pain", "Burning when I pee and pain in my back under the ribs");
  ExpectConsult("J'ai des brûlures en urinant, pas de fièvre");
  ExpectConsult("Burning when I pee, no fever, no back pain");
  // Time: a fever years ago is history; a fever since this morning is not.
  ExpectConsult("Brûlures urinaires ; j'ai eu de la fièvre il y a 3 ans");
  ExpectUrgent("uti_fever_or_back_pain", "Brûlures en urinant et fièvre depuis ce matin");
}

// Same Ameli page: « vous êtes enceinte, les infections urinaires sont
// fréquentes durant la grossesse ».
TEST(UrgentTest, UrinarySymptomsInPregnancy) {
  ExpectUrgent("uti_pregnancy", "Je suis enceinte de 5 mois et j'ai des brûlures en urinant");
  ExpectUrgent("uti_pregnancy", "I'm pregnant and it burns when I pee");
  ExpectConsult("Je ne suis pas enceinte, j'ai des brûlures en urinant");
  ExpectConsult("Il y a 3 ans, j'étais enceinte. J'ai des brûlures en urinant.");
}

// Same Ameli page: « vous êtes un homme et vous présentez les symptômes d'une
// infection urinaire ».
TEST(UrgentTest, UrinarySymptomsInAMan) {
  ExpectUrgent("uti_man", "Je suis un homme et j'ai des brûlures quand j'urine");
  ExpectUrgent("uti_man", "I'm a man with a burning feeling when peeing");
  ExpectConsult("Mon mari n'a pas de brûlures en urinant");
  ExpectConsult("Mon mari a eu une infection urinaire il y a 5 ans");
}

// CHU de Nantes, « Fièvre de l'enfant », « Consultez de nouveau rapidement
// votre médecin ou aux urgences : si votre enfant ne réagit pas de façon
// habituelle, est très fatigué. Il respire trop vite. Il vomit à chaque prise de
// boisson ou d'aliment, ou ses vomissements sont verts. Il a plus de 5 diarrhées
// par jour. Il ne boit pas, n'urine pas, ou ses couches sont sèches. Il a une
// fièvre >38.5°C depuis plus de 5 jours ». NHS (Rayleigh & District PCN): « Call
// 111 ... if ... their temperature is higher than 38 °C and lasts more than 5 days ».
TEST(UrgentTest, ChildWithFeverAndAWarningSign) {
  ExpectUrgent("child_fever_warning_signs",
               "Ma fille de 4 ans a de la fièvre et vomit à chaque fois qu'elle boit");
  ExpectUrgent("child_fever_warning_signs", "Mon fils a 39 de fièvre depuis 6 jours");
  ExpectUrgent("child_fever_warning_signs", "Mon enfant a de la fièvre et ses couches sont sèches");
  ExpectUrgent("child_fever_warning_signs", "Mon fils a de la fièvre et il respire vite");
  ExpectUrgent("child_fever_warning_signs", "My son has had a fever for 6 days");
  ExpectUrgent("child_fever_warning_signs", "My daughter has a fever and is very tired");
  ExpectConsult("Mon fils a de la fièvre mais il n'est pas très fatigué, il joue");
  ExpectConsult("Mon fils est très fatigué, pas de fièvre");
  ExpectConsult("Ma fille a eu 6 jours de fièvre il y a un an");
}

// Ameli, « Gastro-entérite de l'enfant : que faire et quand consulter ? »: « Si
// votre nourrisson (de moins de 2 ans) a une diarrhée aiguë (au moins trois
// selles liquides en quelques heures) avec ou sans vomissements, il est
// important de consulter rapidement son médecin ou pédiatre ».
TEST(UrgentTest, InfantWithDiarrhoea) {
  ExpectUrgent("infant_diarrhoea", "Mon bébé de 10 mois a la diarrhée depuis ce matin");
  ExpectUrgent("infant_diarrhoea", "Mon nourrisson a eu trois selles liquides ce matin");
  ExpectUrgent("infant_diarrhoea", "My 8 month old baby has diarrhoea");
  ExpectConsult("Mon bébé n'a pas de diarrhée");
  ExpectConsult("Mon bébé a eu une diarrhée il y a 3 mois");
}

// Ameli, « Les bons réflexes et la consultation médicale en cas de
// bronchiolite » (15 mai 2017): « En cas de bronchiolite, je n'attends pas pour
// contacter mon médecin. La consultation médicale doit avoir lieu dans la
// journée » ; « Mon nourrisson de plus de 3 mois a des symptômes de
// bronchiolite ... Je consulte mon médecin traitant dans la journée ».
TEST(UrgentTest, InfantWithBronchiolitisSigns) {
  ExpectUrgent("infant_bronchiolitis", "Mon bébé de 4 mois tousse");
  ExpectUrgent("infant_bronchiolitis", "Mon nourrisson a une bronchiolite");
  ExpectUrgent("infant_bronchiolitis", "My 5 month old baby is wheezing");
  ExpectConsult("Mon bébé de 4 mois ne tousse pas");
  ExpectConsult("Mon bébé a eu une bronchiolite il y a 2 ans");
}

// Ameli, « Morsure de chien ou de chat »: « Si vous avez été mordu par un chat
// ou un chien, nettoyez la plaie et selon la gravité de la blessure, consultez
// un médecin ou appelez les urgences ».
TEST(UrgentTest, AnimalBite) {
  ExpectUrgent("animal_bite", "Je me suis fait mordre par un chien");
  ExpectUrgent("animal_bite", "Le chat de ma voisine m'a mordu à la main");
  ExpectUrgent("animal_bite", "My son was bitten by a dog");
  ExpectConsult("Le chien ne m'a pas mordu, il a juste aboyé");
  ExpectConsult("I was not bitten by the dog");
  ExpectConsult("Un chien m'a mordu quand j'étais petit");
  // Not an animal bite.
  ExpectConsult("Je me suis mordu la langue");
}

// "In doubt the higher level wins": an urgent sign next to a call-15 sign
// never lowers the answer.
TEST(UrgentTest, UrgentNeverLowersAnEmergency) {
  TriageResult purpura = Triaged(
      "Mon enfant a de la fièvre, il est très fatigué et a des taches violacées qui ne "
      "s'effacent pas");
  EXPECT_EQ(purpura.level, Level::kEmergency);
  EXPECT_EQ(purpura.call, "15");
  EXPECT_EQ(Triaged("Je suis enceinte, brûlures en urinant et je n'arrive plus à respirer").level,
            Level::kEmergency);
  EXPECT_EQ(Triaged("Mordu par un chien, ça saigne abondamment").level, Level::kEmergency);
  EXPECT_EQ(Triaged("Mon bébé de 3 semaines tousse").level, Level::kEmergency);
  // CHU de Nantes puts "il respire trop vite" at "consultez rapidement", but the
  // CHU de Toulouse call-15 list names fast breathing ("rapide"): the higher wins.
  EXPECT_EQ(Triaged("Mon fils a de la fièvre et il respire trop vite").level, Level::kEmergency);
}

// Signs the sources send to an ordinary appointment stay `consult`: Ameli
// (cystite) « prenez rendez-vous chez votre médecin » without the same-day
// list; CHU de Nantes lists warning signs, not fever alone.
TEST(UrgentTest, WhatTheSourcesDoNotListStaysConsult) {
  ExpectConsult("J'ai des brûlures en urinant depuis hier");
  ExpectConsult("Mon fils de 6 ans a de la fièvre depuis hier, il joue");
  ExpectConsult("Mon bébé a le nez qui coule");
}

TEST(UrgentTest, UrgentAnswerSaysWhomToCall) {
  TriageResult r = Triaged("Je me suis fait mordre par un chien");
  EXPECT_NE(r.message_fr.find("116 117"), std::string::npos);
  EXPECT_NE(r.message_en.find("116 117"), std::string::npos);
  EXPECT_NE(r.message_fr.find("médecin"), std::string::npos);
  ASSERT_FALSE(r.red_flags.empty());
  EXPECT_NE(r.red_flags[0].source.find("ameli.fr"), std::string::npos);
}

// Issue 10: no diagnosis, no treatment advice, no reassurance. Every sentence
// Vigie can answer with lives in the data file; none may carry such words
// (first-aid steps quoted from a source, such as using one's own adrenaline
// auto-injector, are the only advice, and only at the emergency level).
TEST(UrgentTest, MessagesGiveNoDiagnosisTreatmentOrReassurance) {
  const RedFlagSetImpl& set = Shipped().impl();
  std::vector<std::string> sentences;
  for (const auto& [key, text] : set.messages) {
    sentences.push_back(text.fr);
    sentences.push_back(text.en);
  }
  for (const CompiledFlag& flag : set.flags) {
    if (!flag.advice) continue;
    EXPECT_EQ(flag.level, Level::kEmergency) << flag.id << ": advice only where the source says";
    sentences.push_back(flag.advice->fr);
    sentences.push_back(flag.advice->en);
  }
  const char* kForbidden[] = {
      "rien de grave", "pas grave",    "ce n'est rien", "pas d'inquietude", "rassur",
      "vous avez une", "vous avez un", "c'est une",     "diagnostic :",     "prenez",
      "paracetamol",   "ibuprofene",   "antibiot",      "nothing serious",  "nothing to worry",
      "don't worry",   "not serious",  "you have a",    "it is a",          "take ",
      "paracetamol",   "ibuprofen",    "antibiotic"};
  for (const std::string& sentence : sentences) {
    std::string folded = text::Fold(sentence);
    for (const char* word : kForbidden) {
      EXPECT_EQ(folded.find(word), std::string::npos) << word << " in: " << sentence;
    }
  }
  EXPECT_NE(set.messages.at("urgent").fr.find("116 117"), std::string::npos);
  EXPECT_NE(set.messages.at("consult").fr.find("Je ne peux pas poser de diagnostic"),
            std::string::npos);
}

}  // namespace
}  // namespace vigie::triage
