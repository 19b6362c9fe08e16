// Templates of tools/deid/gen_fr_dev.mjs, written by the Vigie team from how
// French clinical documents are laid out (no report file was read). Slots in
// braces are filled with synthetic values; see `fill` in gen_fr_dev.mjs.

// DEVELOPMENT templates: misses on these are read and fixed.
export const devTemplates = [
  // Discharge letters
  `{hopital}\nService de cardiologie\n{adr}\nSecrétariat : {tel}\n\n{ville}, le {date}\n\nCher confrère,\n\nVotre patient, M. {NOM} {prenom}, né le {ddn}, a été hospitalisé du {date2} au {date3} pour une décompensation cardiaque globale.\nTraitement de sortie : furosémide 40 mg 1 cp le matin, bisoprolol 2,5 mg.\n\nBien confraternellement,\nDr {prenom2} {NOM2}`,
  `COMPTE RENDU D'HOSPITALISATION\nPatient : {NOM} {prenom}\nDate de naissance : {ddn}\nIPP : {ipp}   NDA : {nda}\nEntrée le {date} - Sortie le {date2}\nMotif : pneumopathie franche lobaire aiguë, traitée par amoxicilline 1 g x 3/j pendant 7 jours.`,
  `Madame {nom} {prenom}, âgée de 78 ans, est sortie le {date} vers son domicile ({adresse}, {cpville}).`,
  `Lettre de liaison à la sortie\nMme {NOM} épouse {NOM2}, {prenom}, née le {ddn} à {ville}\nMédecin traitant : Dr {nom}, {tel}\nRDV de contrôle le {date} à 10h30 en hôpital de jour.`,
  // Consultation reports
  `Consultation du {date}\nJe revois ce jour M. {prenom} {NOM} pour le suivi de son diabète de type 2. HbA1c 7,2 %. Poursuite de la metformine 1000 mg matin et soir.`,
  `Compte rendu de consultation de neurologie - Dr {prenom} {nom}\nPatiente : {prenom2} {NOM}, {ddn}\nAdressée par le Dr {nom2} ({ville}) pour céphalées chroniques. Examen neurologique normal.`,
  `Vu en consultation le {date} avec sa fille {prenom}, joignable au {tel}. Le patient vit seul à {ville}.`,
  `M. {nom}, 64 ans, suivi au {hopital} depuis {date} pour une BPCO stade 3. Dernière EFR le {date2} : VEMS 45 %.`,
  // Prescriptions
  `Dr {prenom} {NOM}\nMédecin généraliste\n{adr}\nTél. : {tel}\nRPPS {rpps}\n\n{ville}, le {date}\n\nMme {prenom2} {NOM2}\n\nParacétamol 1 g : 1 comprimé toutes les 6 heures si douleur, maximum 4 g/jour.\nQSP 10 jours.`,
  `ORDONNANCE\nPatient : {NOM} {prenom}   Né(e) le : {ddn}\nN° SS : {nir}\nAmoxicilline 500 mg gélules : 2 gélules 3 fois par jour pendant 6 jours.`,
  `Prescription de soins infirmiers à domicile pour Mme {nom} ({adresse} à {ville}) : pansement tous les 2 jours du {date} au {date2}.`,
  // Referral letters
  `Objet : demande d'avis\n\nCher ami,\n\nJe te remercie de bien vouloir recevoir Mme {prenom} {NOM}, {tel}, pour avis chirurgical concernant une cholécystite lithiasique.\n\nAmicalement,\n{prenom2} {nom2}\nCabinet médical, {adr}`,
  `Dr {nom}\nPneumologue\n{hopital}\n\nÀ l'attention du Dr {prenom} {NOM}, {adresse}, {cpville}\n\nLe {date}\n\nJ'ai vu en consultation votre patient M. {NOM2}, né le {ddn}.`,
  `Je vous adresse M. {prenom} {nom} (IPP {ipp}) pour une coloscopie de dépistage. Antécédents : cancer colique chez son père à 52 ans.`,
  // Lab and imaging
  `LABORATOIRE DE BIOLOGIE MÉDICALE - {hopital}\nPatient : {NOM} {prenom}  Né le : {ddn}\nPrélevé le {date} à 08h15  Dossier n° {nda}\nHémoglobine 11,2 g/dL  Leucocytes 8,4 G/L  Créatinine 98 µmol/L`,
  `Scanner thoracique du {date}\nIndication : dyspnée, patient {NOM} {prenom}, {ddn}\nConclusion : pas d'embolie pulmonaire. Comparaison avec l'examen du {date2}.`,
  `IRM cérébrale réalisée le {date} au {hopital}. Radiologue : Dr {prenom} {nom}. Hypersignaux de la substance blanche.`,
  `Résultats transmis par téléphone au Dr {nom} le {date} ({tel}). Kaliémie à 6,1 mmol/L.`,
  // Tables with | columns
  `| Date | Examen | Résultat |\n| {date} | Créatinine | 112 µmol/L |\n| {date2} | Créatinine | 98 µmol/L |\n| {date3} | INR | 2,4 |`,
  `Nom | Prénom | Date de naissance | IPP\n{NOM} | {prenom} | {ddn} | {ipp}`,
  `Intervenant | Fonction | Téléphone\n{prenom} {NOM} | IDE | {tel}\nDr {prenom2} {nom2} | interne | {tel2}`,
  // Administrative forms
  `FICHE D'ADMISSION\nNom de naissance : {NOM}\nNom d'usage : {NOM2}\nPrénom : {prenom}\nDate de naissance : {ddn}\nLieu de naissance : {ville}\nAdresse : {adresse}\nCode postal : {cp}\nVille : {ville2}\nTéléphone : {tel}\nN° de sécurité sociale : {nir}`,
  `Personne de confiance : {prenom} {nom} (fils), {tel}, {mail}`,
  `Personne à prévenir : Mme {NOM} {prenom} - {tel} - {adr}`,
  `Assuré : {nom} {prenom}\nNIR : {nir}\nCaisse : CPAM de {ville}\nDate d'entrée : {date}`,
  `Bulletin de situation - {hopital}\nNous certifions que {prenom} {NOM}, né(e) le {ddn}, a été hospitalisé(e) du {date} au {date2}.`,
  // E-mails between carers
  `De : {prenom} {nom} <{mail}>\nÀ : {mail2}\nDate : {date}\nObjet : RE: patient {NOM2}\n\nBonjour, peux-tu rappeler la famille au {tel} ? Merci, {prenom}`,
  `Bonjour {prenom},\nJe te transfère le dossier de Mme {nom}, vue aux urgences le {date}. Peux-tu la convoquer en HDJ ?\nBonne journée,\n{prenom2}\n{tel}`,
  `Salut, l'IDE libérale de M. {NOM} ({prenom} {nom2}, {tel}) signale une plaie du talon. Tu peux passer demain ?`,
  // Nursing notes
  `Transmissions IDE {date} 14h : patiente calme, EVA 2/10. Fils {prenom} passé ce jour, appeler au {tel} si besoin.`,
  `Nuit du {date} : M. {nom} désorienté vers 3h, chute sans gravité. Médecin de garde (Dr {NOM}) prévenu.`,
  `Mme {prenom} {nom} : glycémie capillaire 2,1 g/L à 11h, 6 UI d'insuline rapide selon protocole.`,
  `Retour à domicile prévu le {date} chez sa sœur {prenom} {NOM} à {ville} ({cp}).`,
  // Mixed narrative
  `Patient de 58 ans, né le {ddn}, domicilié {adresse} {cpville}, tabagique à 30 PA.`,
  `Antécédents : appendicectomie en {date}, infarctus du myocarde le {date2} traité au {hopital}.`,
  `Consultation d'anesthésie le {date} : ASA 2, Mallampati 1. Intervention prévue le {date2} par le Pr {nom}.`,
  `Certificat médical\nJe soussigné Dr {prenom} {NOM}, certifie avoir examiné ce jour {date} M. {prenom2} {nom2}, né le {ddn}, demeurant {adr}.`,
  `Demande de transport : VSL de {adresse}, {ville} au {hopital} le {date} pour séance de dialyse.`,
  `Contact du cabinet : {tel} / fax {tel2} / mail {mail}`,
  `Suivi gynécologique de Mme {NOM} née {NOM2}. DDR le {date}. Échographie T1 le {date2}.`,
  // Second batch (same session, before reading misses of these): harder
  // layouts of the same kinds of documents.
  `{NOM} {prenom}\t{ddn}\t{ipp}\nAdmis(e) le {date} aux urgences du {hopital}.`,
  `Dr {NOM} {prenom} - Médecin traitant - {adresse}, {cpville} - Tél {tel} - Fax {tel2}`,
  `PATIENT : {NOM} {NOM2} {prenom} (nom de jeune fille : {NOM2})\nINS : {nir}\nNé(e) le {ddn}`,
  `Le {date}, appel de Mme {nom} (fille) au {tel} : sa mère {prenom} est retournée à {ville}.`,
  `RDV pris pour le {date} à 14h avec le Dr {nom} au {hopital}, {adresse}.`,
  `Antécédents familiaux : père ({prenom} {nom}) décédé d'un IDM en {date}.`,
  `Envoyé de mon iPhone\n\n> Le {date}, {prenom} {nom} <{mail}> a écrit :\n> Peux-tu voir Mme {NOM2} demain ?`,
  `Hospitalisation en réanimation au {hopital} ({ville}) du {date} au {date2}, puis SSR jusqu'au {date3}.`,
  `Je soussignée {prenom} {NOM}, infirmière diplômée d'État, atteste avoir réalisé les soins au domicile de M. {nom2}, {adr}.`,
  `Interne : {prenom} {NOM} (bip 4512)\nSénior : Dr {nom2}\nPatient né le {ddn}, IPP {ipp}, séjour {nda}.`,
  `Adresse : {adresse}\n{cp} {VILLE}\nTél. domicile : {tel}\nTél. portable : {tel2}`,
  `Échographie cardiaque du {date} (Dr {nom}) : FEVG 55 %. Précédente ({date2}) : FEVG 40 %.`,
  `Patiente de {ville} adressée par le Dr {prenom} {NOM} ({tel}) le {date} pour bilan d'une anémie.`,
  `Accord de la mutuelle reçu le {date}. Assuré : {NOM} {prenom}, n° {nir}.`,
  `Courrier dicté le {date} par Dr {nom}, tapé le {date2} par {prenom}.`,
];

// CHECK templates (`--fresh`): written together with the development ones,
// before any miss was read; never tuned on.
export const freshTemplates = [
  `{hopital} - Pôle urgences\nPassage du {date}\nIdentité : {NOM} {prenom}, {ddn}\nIPP {ipp}\nDiagnostic de sortie : entorse de cheville grade 2, attelle et béquilles.`,
  `Compte rendu opératoire du {date}\nOpérateur : Pr {prenom} {NOM}\nAide : Dr {nom}\nPatient : M. {nom2} {prenom2}\nCholécystectomie par cœlioscopie sans incident.`,
  `Madame, Monsieur,\n\nJ'ai reçu le {date} votre fils {prenom} {NOM}, 8 ans, pour une otite moyenne aiguë.\nJe reste joignable au {tel}.\n\nDr {nom}, pédiatre à {ville}`,
  `Nom : {NOM}\nPrénom : {prenom}\nNé(e) le : {ddn} à {ville}\nDomicile : {adr}\nTél. portable : {tel}\nMail : {mail}`,
  `Synthèse de RCP du {date} - {hopital}\nDossier de M. {prenom} {NOM} (NDA {nda}) : adénocarcinome prostatique, Gleason 7. Proposition : radiothérapie.`,
  `Échographie abdominale - {date}\nDemandée par Dr {nom} pour Mme {prenom} {NOM}, {ddn}.\nFoie de taille normale, pas de dilatation des voies biliaires.`,
  `Date | Heure | TA | FC | Signature\n{date} | 08:00 | 13/8 | 72 | {prenom}\n{date2} | 20:00 | 12/7 | 80 | {prenom2}`,
  `Bonjour Docteur {nom},\nMme {NOM} a appelé le {date} : elle souhaite avancer son rendez-vous. Son numéro : {tel}.\nCordialement, le secrétariat`,
  `Le patient réside en EHPAD à {ville} ({adresse}). Contact de l'établissement : {tel}.`,
  `Attestation : Mme {prenom} {NOM}, n° de sécurité sociale {nir}, a bénéficié d'une séance de kinésithérapie le {date}.`,
  `Née le {ddn}, 3e geste, 2e pare. Accouchement le {date} à la maternité du {hopital}. Sage-femme : {prenom} {nom}.`,
  `Transmission ciblée {date} : M. {NOM}, douleur thoracique à 4/10, ECG fait, Dr {nom2} prévenu au {tel}.`,
  `Ordonnance bizone du Dr {prenom} {NOM} pour {prenom2} {nom}, {ddn}.\nInsuline glargine 20 UI le soir.`,
  `Mutuelle : MGEN - adhérent {nom} {prenom}, {adr}`,
  `Enfant {prenom} {NOM}, né le {ddn}, vacciné le {date} (ROR 2e dose). Carnet de santé à jour.`,
  `Suite à notre entretien téléphonique du {date}, je vous confirme l'admission de M. {nom} en SSR à {ville} le {date2}.`,
  `Consultation mémoire : MMS 22/30 le {date} contre 25/30 le {date2}. Vit avec son épouse {prenom} à {ville}.`,
  `Dr {prenom} {nom} - {adresse} - {cpville} - {tel}`,
  `Fiche de liaison EHPAD → {hopital}\nRésident : {NOM} {prenom}\nDate de naissance : {ddn}\nMédecin coordonnateur : Dr {nom2}, {tel}`,
  `Mail du {date} de {mail} : "Mon père {prenom} {NOM} est sorti hier, à qui envoyer les papiers ?"`,
];
