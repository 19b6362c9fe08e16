// Generates the English de-identification evaluation set: each template of
// ../shared/data/deid-en/presidio-research/templates.txt (MIT) filled with
// synthetic values from @faker-js/faker (fixed seed), with gold spans in
// code points. Placeholders that are not Vigie labels (organization, country,
// credit card...) are marked IGNORE: neither counted as misses nor as errors.
// Usage: node tools/deid/gen_en_eval.mjs TEMPLATES OUT.jsonl [copies]
import { readFileSync, writeFileSync } from 'node:fs';
import { fakerEN as f } from '@faker-js/faker';

const [templatesPath, outPath, copiesArg] = process.argv.slice(2);
const copies = Number(copiesArg ?? 5);
f.seed(20261129);
const cp = (s) => [...s].length;

// Each filler returns [[text, label], ...] pieces joined by the given glue.
const person = () => [[f.person.firstName(), 'PRENOM'], [' ', null], [f.person.lastName(), 'NOM']];
const fillers = {
  person, name: person, name_female: person, name_male: person,
  first_name: () => [[f.person.firstName(), 'PRENOM']],
  first_name_male: () => [[f.person.firstName('male'), 'PRENOM']],
  first_name_female: () => [[f.person.firstName('female'), 'PRENOM']],
  first_name_nonbinary: () => [[f.person.firstName(), 'PRENOM']],
  last_name: () => [[f.person.lastName(), 'NOM']],
  last_name_male: () => [[f.person.lastName(), 'NOM']],
  last_name_female: () => [[f.person.lastName(), 'NOM']],
  city: () => [[f.location.city(), 'VILLE']],
  street_name: () => [[f.location.street(), 'ADRESSE']],
  building_number: () => [[f.location.buildingNumber(), 'ADRESSE']],
  address: () => [[f.location.streetAddress(), 'ADRESSE'], [', ', null], [f.location.city(), 'VILLE'],
                  [', ' + f.location.state({ abbreviated: true }) + ' ', null], [f.location.zipCode('#####'), 'ZIP']],
  phone_number: () => [[f.phone.number({ style: 'national' }), 'TEL']],
  email: () => [[f.internet.email(), 'MAIL']],
  url: () => [[f.internet.url(), 'URL']],
  iban: () => [[f.finance.iban({ formatted: true }), 'IBAN']],
  ip_address: () => [[f.internet.ipv4(), 'IP']],
  date_time: () => [[f.date.past({ years: 5 }).toLocaleDateString('en-US', { dateStyle: 'long' }), 'DATE']],
  date_of_birth: () => [[f.date.birthdate().toLocaleDateString('en-US', { dateStyle: 'long' }), 'DATE_NAISSANCE']],
  zipcode: () => [[f.location.zipCode('#####'), 'ZIP']],
  postcode: () => [[f.location.zipCode('#####'), 'ZIP']],
  age: () => { const a = f.number.int({ min: 18, max: 102 }); return [[String(a), a > 89 ? 'AGE' : null]]; },
  year: () => [[String(f.number.int({ min: 1990, max: 2024 })), null]],
};

const lines = readFileSync(templatesPath, 'utf8').split('\n').filter((l) => l.trim());
const out = [];
for (let c = 0; c < copies; ++c) {
  lines.forEach((tpl, i) => {
    let text = '';
    const entities = [];
    for (const part of tpl.split(/({{[a-z_]+}})/)) {
      const m = part.match(/^{{([a-z_]+)}}$/);
      if (!m) { text += part; continue; }
      const fill = fillers[m[1]];
      const pieces = fill ? fill() : [[String(f.helpers.arrayElement([f.company.name(), f.location.country(), f.finance.creditCardNumber(), f.person.jobTitle()])), 'IGNORE']];
      for (const [s, label] of pieces) {
        const start = cp(text);
        text += s;
        if (label) entities.push({ start, end: cp(text), label });
      }
    }
    out.push(JSON.stringify({ note_id: `en-${c}-${i}`, note_text: text, entities }));
  });
}
writeFileSync(outPath, out.join('\n') + '\n');
console.log(outPath, out.length);
