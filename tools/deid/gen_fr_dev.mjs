// Writes a French DEVELOPMENT set for the de-identifier: documents from
// templates authored here by the Vigie team from how French clinical
// documents are written (letters, reports, prescriptions, forms, tables,
// e-mails, nursing notes), never from the report files (templates_gold,
// public_small_dev, deid-en). Filled with @faker-js/faker fr values and
// random identifiers (NIR with a random key, phones in every French writing,
// IPP/NDA, dates in every French form). Output: JSONL as the deid-fr sets
// ({note_id, note_text, entities: [{start, end, label}]}, code points).
// `--fresh` writes the CHECK set instead: other templates, written before any
// miss was read, never tuned on.
// Usage: node tools/deid/gen_fr_dev.mjs [--fresh] OUT.jsonl [PER_TEMPLATE]
import { writeFileSync } from 'node:fs';
import { fakerFR as f } from '@faker-js/faker';
import { devTemplates, freshTemplates } from './gen_fr_templates.mjs';

const args = process.argv.slice(2);
const freshOnly = args.includes('--fresh');
const [output, perArg] = args.filter((a) => a !== '--fresh');
if (!output) {
  console.error('usage: node tools/deid/gen_fr_dev.mjs [--fresh] OUT.jsonl [PER_TEMPLATE]');
  process.exit(2);
}
const per = Number(perArg ?? 8);
f.seed(freshOnly ? 7373 : 6262);

const pick = (xs) => f.helpers.arrayElement(xs);
const digits = (n) => f.string.numeric({ length: n, allowLeadingZeros: true });
const pad = (n) => String(n).padStart(2, '0');
const mois = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];
const moisAbr = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.',
  'oct.', 'nov.', 'déc.'];
const jours = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

// A date in one of the ways French notes write it.
function dateText(d, birth) {
  const j = d.getDate(), m = d.getMonth(), y = d.getFullYear();
  const forms = [
    () => `${pad(j)}/${pad(m + 1)}/${y}`,
    () => `${pad(j)}/${pad(m + 1)}/${y}`,
    () => `${pad(j)}/${pad(m + 1)}/${String(y).slice(2)}`,
    () => `${pad(j)}-${pad(m + 1)}-${y}`,
    () => `${pad(j)}.${pad(m + 1)}.${y}`,
    () => `${j === 1 ? '1er' : j} ${mois[m]} ${y}`,
    () => `${j} ${mois[m]} ${y}`,
    () => `${j} ${moisAbr[m]} ${y}`,
    () => `${y}-${pad(m + 1)}-${pad(j)}`,
    () => `${j}/${m + 1}/${y}`,
    () => `${pad(j)} ${pad(m + 1)} ${y}`,
  ];
  if (!birth) {
    forms.push(() => `${jours[(d.getDay() + 6) % 7]} ${j} ${mois[m]} ${y}`);
    forms.push(() => `${pad(j)}/${pad(m + 1)}`);
    forms.push(() => `${j} ${mois[m]}`);
    forms.push(() => `${mois[m]} ${y}`);
    forms.push(() => `${pad(m + 1)}/${y}`);
  }
  return pick(forms)();
}
const recent = () => f.date.between({ from: '2015-01-01', to: '2026-10-31' });
const born = () => f.date.birthdate({ min: 1925, max: 2020, mode: 'year' });

// A phone number in one of the French writings.
function phone() {
  const first = pick(['01', '02', '03', '04', '05', '06', '07', '09']);
  const p = [first, digits(2), digits(2), digits(2), digits(2)];
  const nat = p.map((x, i) => (i === 0 ? x.slice(1) : x));
  return pick([
    () => p.join(' '), () => p.join(' '), () => p.join('.'), () => p.join(''),
    () => p.join('-'), () => `+33 ${nat.join(' ')}`, () => `+33 (0)${nat.join(' ')}`,
    () => `+33${nat.join('')}`, () => `0033 ${nat.join(' ')}`, () => `${p[0]} ${p.slice(1).join('')}`,
  ])();
}

// A NIR: sex, year, month, département, commune, order, key (right or random).
function nir() {
  const body = pick(['1', '2']) + digits(2) + pad(f.number.int({ min: 1, max: 12 })) +
    pad(f.number.int({ min: 1, max: 95 })) + digits(3) + digits(3);
  const key = f.datatype.boolean() ? pad(97 - Number(BigInt(body) % 97n)) : digits(2);
  const s = body + key;
  return pick([
    () => s,
    () => `${s[0]} ${s.slice(1, 3)} ${s.slice(3, 5)} ${s.slice(5, 7)} ${s.slice(7, 10)} ${s.slice(10, 13)} ${s.slice(13)}`,
    () => `${s.slice(0, 13)} ${s.slice(13)}`,
    () => `${s[0]}.${s.slice(1, 3)}.${s.slice(3, 5)}.${s.slice(5, 7)}.${s.slice(7, 10)}.${s.slice(10, 13)}.${s.slice(13)}`,
  ])();
}

const saints = ['Saint-Louis', 'Sainte-Marie', 'Saint-Joseph', 'Saint-Antoine', 'Sainte-Anne',
  'Saint-Vincent', 'Saint-Martin', 'Sainte-Croix'];
function hospital() {
  const c = f.location.city();
  return pick([
    () => `CHU de ${c}`, () => `Centre hospitalier de ${c}`, () => `CH de ${c}`,
    () => `Hôpital ${f.person.lastName()}`, () => `Clinique ${pick(saints)}`,
    () => `Hôpital ${pick(saints)}`, () => `Groupe hospitalier ${f.person.lastName()}`,
    () => `Polyclinique de ${c}`, () => `CHR de ${c}`, () => `Hôpital privé ${pick(saints)}`,
  ])();
}
// Appends the Luhn check digit (RPPS numbers carry one).
function luhn(body) {
  let sum = 0;
  for (let i = 0; i < body.length; ++i) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
const up = (s) => s.toLocaleUpperCase('fr-FR');

// Slots: each gives [label, text] or a list of such pairs (label null: plain).
const fill = {
  prenom: () => ['PRENOM', f.person.firstName()],
  prenom2: () => ['PRENOM', f.person.firstName()],
  nom: () => ['NOM', f.person.lastName()],
  nom2: () => ['NOM', f.person.lastName()],
  NOM: () => ['NOM', up(f.person.lastName())],
  NOM2: () => ['NOM', up(f.person.lastName())],
  ville: () => ['VILLE', f.location.city()],
  ville2: () => ['VILLE', f.location.city()],
  VILLE: () => ['VILLE', up(f.location.city())],
  cp: () => ['ZIP', f.location.zipCode()],
  adresse: () => ['ADRESSE', f.location.streetAddress()],
  rue: () => ['ADRESSE', f.location.street()],
  tel: () => ['TEL', phone()],
  tel2: () => ['TEL', phone()],
  mail: () => ['MAIL', f.internet.email().toLowerCase()],
  mail2: () => ['MAIL', f.internet.email().toLowerCase()],
  nir: () => ['SECU', nir()],
  ipp: () => ['IPP', pick([() => digits(10), () => digits(8), () => '8' + digits(9)])()],
  nda: () => ['NDA', pick([() => digits(9), () => digits(11), () => digits(2) + 'BG' + digits(5)])()],
  date: () => ['DATE', dateText(recent(), false)],
  date2: () => ['DATE', dateText(recent(), false)],
  date3: () => ['DATE', dateText(recent(), false)],
  ddn: () => ['DATE_NAISSANCE', dateText(born(), true)],
  rpps: () => ['RPPS', luhn('10' + digits(8))],
  hopital: () => ['HOPITAL', hospital()],
  hopital2: () => ['HOPITAL', hospital()],
  // A full postal line: street, postcode, town.
  adr: () => [['ADRESSE', f.location.streetAddress()], [null, pick([', ', '\n', ' - '])],
    ['ZIP', f.location.zipCode()], [null, ' '], ['VILLE', pick([f.location.city(), up(f.location.city())])]],
  cpville: () => [['ZIP', f.location.zipCode()], [null, ' '], ['VILLE', f.location.city()]],
};

const out = [];
let id = 0;
for (const t of freshOnly ? freshTemplates : devTemplates) {
  for (let n = 0; n < per; ++n) {
    let text = '';
    const entities = [];
    let at = 0;
    for (const m of t.matchAll(/\{(\w+)\}/g)) {
      text += t.slice(at, m.index);
      const got = fill[m[1]]();
      for (const [label, value] of Array.isArray(got[0]) ? got : [got]) {
        const start = Array.from(text).length;
        text += value;
        if (label) entities.push({ start, end: start + Array.from(value).length, label });
      }
      at = m.index + m[0].length;
    }
    text += t.slice(at);
    out.push(JSON.stringify({ note_id: `frdev-${freshOnly ? 'fresh-' : ''}${id++}`, note_text: text, entities }));
  }
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`${out.length} documents written to ${output}`);
