// UI strings in French (default) and English. API messages (errors, findings)
// come from the server in the language the UI asks for (Accept-Language).
export type Lang = 'fr' | 'en';

const STRINGS: Record<string, [string, string]> = {
  'nav.ordonnance': ['Ordonnance', 'Prescription'],
  'nav.calc': ['Posologie & calculateurs', 'Dosing & calculators'],
  'nav.question': ['Question clinique', 'Clinical question'],
  'nav.deid': ['Pseudonymisation', 'De-identification'],
  'nav.urgence': ['Urgence (public)', 'Emergency (public)'],
  'footer': [
    "Aide à la décision pour les professionnels de santé ; le clinicien décide. Vigie n'est pas un dispositif médical marqué CE. Aucune donnée ne quitte cette machine.",
    'Decision support for health professionals; the clinician decides. Vigie is not a CE-marked medical device. No data leaves this machine.',
  ],
  'unavailable': [
    "Cette fonction n'est pas encore installée sur ce serveur.",
    'This function is not installed on this server yet.',
  ],
  'network': ['Le serveur Vigie ne répond pas.', 'The Vigie server does not answer.'],
  'calc.choose': ['Calculateur', 'Calculator'],
  'calc.run': ['Calculer', 'Compute'],
  'calc.formula': ['Formule', 'Formula'],
  'calc.source': ['Source', 'Source'],
  'calc.required': ['obligatoire', 'required'],
  'check.run': ["Vérifier l'ordonnance", 'Check the prescription'],
  'check.lines': ['Lignes (une par ligne : médicament ; dose mg ; prises par jour)', 'Lines (one per line: drug; dose mg; intakes per day)'],
  'check.none': ['Aucune alerte trouvée dans les sources.', 'No alert found in the sources.'],
  'check.unresolved': ['Lignes non reconnues', 'Unrecognised lines'],
  'question.ask': ['Demander', 'Ask'],
  'question.abstained': ['Aucune donnée trouvée dans le corpus.', 'No evidence found in the corpus.'],
  'deid.run': ['Pseudonymiser', 'De-identify'],
  'deid.note': ["Rien n'est enregistré.", 'Nothing is stored.'],
  'triage.describe': ['Décrivez la situation', 'Describe the situation'],
  'triage.run': ['Que faire ?', 'What should I do?'],
  'patient': ['Patient', 'Patient'],
  'token': ["Jeton d'accès", 'Access token'],
  'signin': ['Se connecter', 'Sign in'],
  'signout': ['Se déconnecter', 'Sign out'],
  'age': ['Âge (ans)', 'Age (years)'],
  'sex': ['Sexe', 'Sex'],
  'weight': ['Poids (kg)', 'Weight (kg)'],
  'height': ['Taille (cm)', 'Height (cm)'],
  'creat': ['Créatinine (µmol/L)', 'Creatinine (µmol/L)'],
  'creat_date': ['Date de la créatinine', 'Creatinine date'],
  'pregnant': ['Grossesse', 'Pregnancy'],
  'ga': ['Terme (SA)', 'Gestational age (weeks)'],
  'breastfeeding': ['Allaitement', 'Breastfeeding'],
  'allergies': ['Allergies (séparées par des virgules)', 'Allergies (comma-separated)'],
};

let current: Lang = (localStorage.getItem('vigie.lang') as Lang) || 'fr';

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  localStorage.setItem('vigie.lang', l);
  document.documentElement.lang = l;
}

export function t(key: string): string {
  const pair = STRINGS[key];
  if (!pair) return key;
  return current === 'en' ? pair[1] : pair[0];
}
