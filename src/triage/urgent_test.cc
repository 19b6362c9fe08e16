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

// NHS, « High temperature (fever) in adults » (nhs.uk): « Ask for an urgent GP
// appointment or get help from NHS 111 if you have: a high temperature and
// you've been treating it at home but it's not getting better or is getting
// worse ». NHS COVID-19 page (as quoted by the UK press, 2025): « you or a child
// have a high temperature that lasts 5 days or more or does not come down with
// paracetamol ».
TEST(UrgentTest, FeverThatLastsOrDoesNotComeDown) {
  ExpectUrgent("fever_persisting", "J'ai de la fièvre depuis 6 jours");
  ExpectUrgent("fever_persisting", "J'ai 39 de fièvre depuis une semaine");
  ExpectUrgent("fever_persisting", "Ma fièvre ne baisse pas malgré le paracétamol");
  ExpectUrgent("fever_persisting", "I've had a high temperature for 5 days");
  ExpectUrgent("fever_persisting", "My fever is not going down");
  ExpectConsult("Je n'ai pas de fièvre, je tousse depuis 6 jours");
  ExpectConsult("I have no fever, just a cough for a week");
  ExpectConsult("J'ai eu de la fièvre pendant 6 jours il y a 2 ans");
  // Not in the sources: a fever of one or two days.
  ExpectConsult("J'ai de la fièvre depuis hier");
  ExpectConsult("J'ai de la fièvre depuis 2 jours");
}

// Ameli, « Que faire en cas d'érysipèle ? » (19 juillet 2021): « Une consultation
// médicale sans tarder en cas d'érysipèle. Dès l'apparition des premiers
// symptômes d'un érysipèle, il faut consulter son médecin traitant ». NHS
// (cellulitis, as relayed by zana.com, "content supplied by the NHS website"):
// « See your GP immediately if an area of your child's skin suddenly turns red,
// hot and tender. If you can't see your GP on the same day, go to a walk-in
// centre ».
TEST(UrgentTest, RedHotSkin) {
  ExpectUrgent("skin_red_hot", "J'ai une plaque rouge et chaude sur la jambe");
  ExpectUrgent("skin_red_hot", "Ma jambe est rouge, chaude et gonflée");
  ExpectUrgent("skin_red_hot", "Je crois que j'ai un érysipèle");
  ExpectUrgent("skin_red_hot", "The skin on my arm is red, hot and painful");
  ExpectUrgent("skin_red_hot", "The area around the cut is red and hot");
  ExpectConsult("Ma jambe n'est ni rouge ni chaude");
  ExpectConsult("No redness or warmth around the cut");
  ExpectConsult("J'ai eu un érysipèle il y a 3 ans");
  // Feeling hot with a flushed face is not a red, hot patch of skin.
  ExpectConsult("J'ai chaud et j'ai le visage tout rouge");
}

// NHS, « Deep vein thrombosis (DVT) » (beta.nhs.uk): « Get an urgent GP
// appointment if you have DVT symptoms: swelling and pain in the leg like
// throbbing or cramping - usually in the calf ... The pain is usually only in
// one leg ».
TEST(UrgentTest, SwollenPainfulLeg) {
  ExpectUrgent("leg_swelling_pain", "J'ai le mollet gonflé et douloureux depuis hier");
  ExpectUrgent("leg_swelling_pain", "Ma jambe gauche est enflée et me fait mal");
  ExpectUrgent("leg_swelling_pain", "My calf is swollen and painful");
  ExpectUrgent("leg_swelling_pain", "Swelling and throbbing pain in my left leg");
  ExpectConsult("Mon mollet n'est pas gonflé");
  ExpectConsult("My leg is not swollen");
  ExpectConsult("J'ai eu une phlébite il y a 5 ans");
  // Swelling without pain is not the listed sign.
  ExpectConsult("J'ai les chevilles un peu gonflées le soir");
}

// NHS, « How to find an NHS dentist in an emergency » (nhs.uk): « Ask for an
// urgent or emergency dental appointment or get advice from NHS 111 now if:
// you have a knocked-out tooth or other injury to your teeth; you have severe
// tooth or mouth pain that's affecting your sleep or daily activities ...; you
// have swelling, a lump or patch inside your mouth that's getting bigger ».
TEST(UrgentTest, DentalSignsThatCannotWait) {
  ExpectUrgent("dental_urgent", "J'ai un abcès dentaire");
  ExpectUrgent("dental_urgent", "J'ai la joue gonflée à cause d'une dent");
  ExpectUrgent("dental_urgent", "Rage de dents, je n'ai pas dormi de la nuit");
  ExpectUrgent("dental_urgent", "My jaw is swollen from a bad tooth");
  ExpectUrgent("dental_urgent", "My son knocked out a tooth");
  ExpectUrgent("dental_urgent", "Severe toothache, I can't sleep");
  ExpectConsult("Je n'ai pas d'abcès dentaire");
  ExpectConsult("No toothache");
  ExpectConsult("J'ai eu un abcès dentaire il y a 2 ans");
  ExpectConsult("J'ai les dents sensibles au froid");
}

// NHS ear infections page (as relayed by an NHS GP practice, WellBN): « Ask for
// an urgent appointment or get help from NHS 111 immediately if: You have
// symptoms of an ear infection and: ... you have a very high temperature or
// feel hot and shivery; there's swelling around the ear; fluid is coming out of
// the ear; your hearing has changed or you have hearing loss ».
TEST(UrgentTest, EarInfectionWithAListedSign) {
  ExpectUrgent("ear_infection_signs", "J'ai mal à l'oreille et du pus coule de l'oreille");
  ExpectUrgent("ear_infection_signs", "Otite avec de la fièvre");
  ExpectUrgent("ear_infection_signs", "J'ai mal à l'oreille et je n'entends plus rien de ce côté");
  ExpectUrgent("ear_infection_signs", "Earache and fluid coming out of my ear");
  ExpectUrgent("ear_infection_signs", "My ear hurts and there is swelling behind the ear");
  ExpectConsult("J'ai mal à l'oreille mais pas de fièvre");
  ExpectConsult("Earache, no fever");
  ExpectConsult("J'avais des otites avec fièvre il y a 20 ans");
  // Earache alone is an ordinary appointment in the source.
  ExpectConsult("J'ai mal à l'oreille depuis hier");
  // A temperature said to be normal is not a high temperature.
  ExpectConsult("J'ai mal à l'oreille, température normale");
  ExpectConsult("My ear hurts but my temperature is normal");
}

// HAS, recommandation « Entorse de cheville » (15 mai 2025), as quoted by Le
// Quotidien du pharmacien: « Après un traumatisme en torsion de cheville
// entraînant des symptômes (douleur, œdème, limitation fonctionnelle, etc.),
// toute personne devrait consulter un médecin généraliste ou un
// masseur-kinésithérapeute ... idéalement dans les 24 heures suivant le
// traumatisme ».
TEST(UrgentTest, AnkleSprain) {
  ExpectUrgent("ankle_sprain", "Je me suis tordu la cheville hier, elle est gonflée");
  ExpectUrgent("ankle_sprain", "Entorse de la cheville ce matin au foot");
  ExpectUrgent("ankle_sprain", "I twisted my ankle and it's swollen");
  ExpectUrgent("ankle_sprain", "I sprained my ankle");
  ExpectConsult("Pas d'entorse à la cheville, juste un bleu au genou");
  ExpectConsult("I did not sprain my ankle");
  ExpectConsult("Je me suis fait une entorse de la cheville il y a 2 ans");
}

// NHS red eye page (as relayed by zana.com, "content supplied by the NHS
// website"): « Contact your GP or NHS 111 immediately ... if: you have a painful
// red eye; you have other symptoms, including reduced vision, sensitivity to
// light ». NHS Kent and Medway (kamp.nhs.uk): « Minor urgent eye problems
// include: red or painful eye ... sudden change in vision ».
TEST(UrgentTest, RedPainfulEye) {
  ExpectUrgent("red_painful_eye", "J'ai l'œil rouge et douloureux");
  ExpectUrgent("red_painful_eye", "Mon oeil est rouge et je vois flou");
  ExpectUrgent("red_painful_eye", "My eye is red and very painful");
  ExpectUrgent("red_painful_eye", "Red eye and it hurts to look at the light");
  ExpectConsult("Je n'ai pas l'œil rouge");
  ExpectConsult("My eye is not red");
  ExpectConsult("J'ai eu l'œil rouge et douloureux il y a 2 ans");
  // A red eye that itches, without pain or change in vision, is not listed.
  ExpectConsult("J'ai l'œil rouge qui gratte depuis ce matin");
}

// NHS, « Shingles » (nhs.uk, as republished by a pharmacy, mypharmacy.co.uk):
// « Urgent advice: Ask for an urgent GP appointment or get help from NHS 111
// if: you think you might have shingles » ; « The rash appears as blotches on
// your skin, on 1 side of your body only ... can form a cluster ».
TEST(UrgentTest, Shingles) {
  ExpectUrgent("shingles", "Je crois que j'ai un zona");
  ExpectUrgent("shingles", "I think I have shingles");
  ExpectUrgent("shingles", "Des plaques rouges douloureuses d'un seul côté du ventre, en bande");
  ExpectUrgent("shingles", "A painful rash on one side of my chest");
  ExpectConsult("Je n'ai pas de zona");
  ExpectConsult("No shingles, just a cold");
  ExpectConsult("J'ai eu un zona il y a 5 ans");
}

// Assurance Maladie (as quoted by actu.fr, December 2025): « consulter
// rapidement votre médecin traitant » si vous êtes enceinte ; si vous
// soupçonnez la grippe chez votre bébé ; si vous avez plus de 65 ans ; si vous
// êtes atteint d'une maladie chronique ; si vous suivez un traitement
// responsable d'une immunodépression ; en cas de fièvre mal supportée (plus de
// 40 °C).
TEST(UrgentTest, FluInSomeoneAtRisk) {
  ExpectUrgent("flu_at_risk", "Je suis enceinte et j'ai la grippe");
  ExpectUrgent("flu_at_risk", "J'ai 72 ans et je crois que j'ai la grippe");
  ExpectUrgent("flu_at_risk", "Grippe, je suis diabétique");
  ExpectUrgent("flu_at_risk", "I'm pregnant and I think I have the flu");
  ExpectUrgent("flu_at_risk", "Grippe avec 40,5 de fièvre");
  ExpectConsult("Je suis enceinte, je n'ai pas la grippe");
  ExpectConsult("J'ai 70 ans, j'ai eu la grippe il y a 3 ans");
  // Flu in someone the source does not list is an ordinary appointment.
  ExpectConsult("J'ai la grippe, j'ai 30 ans");
}

// NHS diarrhoea and vomiting advice (as listed by redflagsymptoms.co.uk, and by
// an NHS GP practice, Elvington): « Speak to your GP or call 111 if: ... you keep
// being sick and cannot keep fluid down; you have bloody diarrhoea or bleeding
// from the bottom; you have diarrhoea for more than 7 days or vomiting for more
// than 2 days ».
TEST(UrgentTest, VomitingOrDiarrhoeaThatDoesNotSettle) {
  ExpectUrgent("vomiting_diarrhoea_persisting", "Je vomis tout ce que je bois depuis ce matin");
  ExpectUrgent("vomiting_diarrhoea_persisting", "J'ai la diarrhée avec du sang dans les selles");
  ExpectUrgent("vomiting_diarrhoea_persisting", "Je vomis depuis 3 jours");
  ExpectUrgent("vomiting_diarrhoea_persisting", "Diarrhée depuis 10 jours");
  ExpectUrgent("vomiting_diarrhoea_persisting", "I keep being sick and can't keep any fluids down");
  ExpectUrgent("vomiting_diarrhoea_persisting", "I've had diarrhoea for more than a week");
  ExpectConsult("Je ne vomis pas, j'ai juste la nausée");
  ExpectConsult("No blood in my stools");
  ExpectConsult("J'ai eu du sang dans les selles il y a 2 ans");
  ExpectConsult("J'ai la diarrhée depuis hier");
  ExpectConsult("J'ai vomi une fois ce matin");
}

// NHS sore throat advice (as published by NHS Grampian GP practices, Forres):
// contact the practice, « same-day response », if « your symptoms are severe –
// for example, with a high temperature or you feel shivery »; NHS: « a sore
// throat and a very high temperature, or you feel hot and shivery ».
TEST(UrgentTest, SoreThroatWithHighFeverOrShivers) {
  ExpectUrgent("sore_throat_fever", "J'ai très mal à la gorge et 39,5 de fièvre");
  ExpectUrgent("sore_throat_fever", "Mal de gorge avec des frissons");
  ExpectUrgent("sore_throat_fever", "Sore throat and I feel hot and shivery");
  ExpectUrgent("sore_throat_fever", "Sore throat and a very high temperature");
  ExpectConsult("Mal à la gorge, pas de fièvre");
  ExpectConsult("Sore throat, no fever");
  ExpectConsult("J'ai eu une angine avec forte fièvre il y a 3 ans");
  ExpectConsult("J'ai mal à la gorge depuis hier");
  ExpectConsult("Mal de gorge et 37,8");
}

// NHS, « Chickenpox » (nhs.uk wording in two third-party copies): « Urgent
// advice: Ask for an urgent GP appointment if: you're an adult and have
// chickenpox; you're pregnant and haven't had chickenpox before and you've been
// near someone with it; you have a weakened immune system and you've been near
// someone with chickenpox; you think your newborn baby has chickenpox ».
TEST(UrgentTest, ChickenpoxInSomeoneAtRisk) {
  ExpectUrgent("chickenpox_at_risk", "Je suis enceinte et j'ai la varicelle");
  ExpectUrgent("chickenpox_at_risk", "J'ai 35 ans et j'ai attrapé la varicelle");
  ExpectUrgent("chickenpox_at_risk", "Mon bébé de 3 semaines a la varicelle");
  ExpectUrgent("chickenpox_at_risk", "I'm an adult and I have chickenpox");
  ExpectConsult("Je suis enceinte et je n'ai pas la varicelle");
  ExpectConsult("J'ai 40 ans, j'ai eu la varicelle il y a 30 ans");
  // A child of school age, or a baby past the newborn weeks (the older NHS text:
  // "less than four weeks old"), is not in the source's list.
  ExpectConsult("Mon fils de 6 ans a la varicelle");
  ExpectConsult("Mon bébé de 5 mois a la varicelle");
}

// NHS back pain advice (as published by Sheffield Aches and Pains, an NHS MSK
// service, and redflagsymptoms.co.uk): « Ask for an urgent GP practice
// appointment or call 111 if: You have back pain and a high temperature; you've
// lost weight without trying to; there's a lump or swelling in your back ...;
// the pain does not improve with relative rest and is much worse at night ».
TEST(UrgentTest, BackPainWithAListedSign) {
  ExpectUrgent("back_pain_red_signs", "Mal au dos avec de la fièvre");
  ExpectUrgent("back_pain_red_signs", "J'ai mal au dos et c'est bien pire la nuit");
  ExpectUrgent("back_pain_red_signs", "Back pain and I've lost weight without trying");
  ExpectUrgent("back_pain_red_signs", "Back pain with a high temperature");
  ExpectConsult("Mal au dos, pas de fièvre");
  ExpectConsult("Back pain, no fever");
  ExpectConsult("J'ai eu mal au dos avec de la fièvre il y a 2 ans");
  ExpectConsult("J'ai mal au dos depuis que j'ai porté des cartons");
  ExpectConsult("Mal au dos, température normale");
}

// NHS Wales GP practice (The Practice of Health): « Call NHS 111 ..., a minor
// injury unit or GP surgery if there's risk your wound could become infected,
// or you think it's already infected. A wound is at risk of infection if: it's
// been contaminated with dirt, pus ...; there was something in the wound ...;
// it has a jagged edge; it's longer than 5cm ». Thorpe-le-Soken Surgery (NHS):
// « Contact the doctor straight away if the surgery is closed and the wound is
// deep, the edges cannot be brought together ».
TEST(UrgentTest, WoundInfectedOrDeep) {
  ExpectUrgent("wound_infected_or_deep", "Ma coupure est infectée, il y a du pus");
  ExpectUrgent("wound_infected_or_deep", "Je me suis fait une coupure profonde au doigt");
  ExpectUrgent("wound_infected_or_deep", "Il reste un morceau de verre dans la plaie");
  ExpectUrgent("wound_infected_or_deep", "I think my cut is infected");
  ExpectUrgent("wound_infected_or_deep", "Deep cut on my hand, the edges won't stay together");
  ExpectConsult("Ma coupure n'est pas infectée");
  ExpectConsult("The wound is not infected");
  ExpectConsult("J'ai eu une plaie infectée il y a 2 ans");
  ExpectConsult("Petite égratignure au genou");
}

// NHS Dorset children's asthma service (wheeze.dgt.nhs.uk): after an asthma
// attack, « Make a same day appointment to see your GP if you didn't go to
// hospital »; Asthma + Lung UK: « If you dealt with an asthma attack by using up
// to 10 puffs of your blue inhaler but didn't need to call an ambulance, you
// still need to see your GP the same day ».
TEST(UrgentTest, AsthmaAttack) {
  ExpectUrgent("asthma_attack",
               "J'ai fait une crise d'asthme cette nuit, ça va mieux avec la Ventoline");
  ExpectUrgent("asthma_attack", "Mon fils a eu une crise d'asthme ce matin");
  ExpectUrgent("asthma_attack", "I had an asthma attack last night, my blue inhaler helped");
  ExpectConsult("Je suis asthmatique, pas de crise d'asthme en ce moment");
  ExpectConsult("I have not had an asthma attack");
  ExpectConsult("J'ai fait une crise d'asthme il y a 2 ans");
  // The call-15 signs still win: an attack with breathing that does not ease.
  EXPECT_EQ(Triaged("Crise d'asthme, je n'arrive plus à respirer").level, Level::kEmergency);
}

// NHS Kent and Medway (kamp.nhs.uk): « Minor urgent eye problems include: red
// or painful eye; foreign body; sudden change in vision; sudden onset of
// flashes; sudden onset of floaters ».
TEST(UrgentTest, EyeForeignBodyOrSuddenChange) {
  ExpectUrgent("eye_sudden_or_foreign_body", "J'ai une poussière dans l'œil qui ne part pas");
  ExpectUrgent("eye_sudden_or_foreign_body",
               "Je vois des éclairs lumineux dans l'œil gauche depuis ce matin");
  ExpectUrgent("eye_sudden_or_foreign_body", "J'ai d'un coup plein de mouches devant l'œil");
  ExpectUrgent("eye_sudden_or_foreign_body", "I've got something in my eye");
  ExpectUrgent("eye_sudden_or_foreign_body", "Sudden flashes of light in one eye");
  ExpectConsult("Pas de poussière dans l'œil");
  ExpectConsult("No flashes, no floaters");
  ExpectConsult("J'ai vu des éclairs dans l'œil il y a 3 ans");
  // The source lists a sudden onset: floaters seen for years are not listed.
  ExpectConsult("J'ai des mouches volantes devant les yeux depuis des années");
}

// Lay spelling: the new flags read common misspellings of their key words.
TEST(UrgentTest, NewFlagsReadCommonMisspellings) {
  ExpectUrgent("ankle_sprain", "entorce de la cheville en descendant l'escalier");
  ExpectUrgent("ankle_sprain", "I sprained my ankel");
  ExpectUrgent("dental_urgent", "J'ai un absès dentaire");
  ExpectUrgent("chickenpox_at_risk", "Je suis enceinte et j'ai la varicèle");
  ExpectUrgent("shingles", "I think I have shingels");
  ExpectUrgent("skin_red_hot", "J'ai un érisipèle à la jambe");
  ExpectUrgent("ear_infection_signs", "Otitte avec de la fièvre");
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
  // "Knocked out a tooth" is a dental injury; "knocked out" alone stays loss of
  // consciousness (call 15).
  EXPECT_EQ(Triaged("He was knocked out and lost a tooth").level, Level::kEmergency);
  EXPECT_EQ(Triaged("Mon mollet est gonflé et douloureux et j'ai mal dans la poitrine").level,
            Level::kEmergency);
  EXPECT_EQ(Triaged("Fièvre depuis 6 jours et des taches violacées qui ne s'effacent pas").level,
            Level::kEmergency);
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
