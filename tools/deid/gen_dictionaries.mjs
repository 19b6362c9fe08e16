// Writes the name and place dictionaries of the de-identifier (data/deid/*.txt)
// from the French and English locales of @faker-js/faker (MIT), pinned in
// package.json. Generation tool only: Vigie never runs Node at run time.
// Usage: node tools/deid/gen_dictionaries.mjs   (from the repository root)
import { writeFileSync } from 'node:fs';
import * as faker from '@faker-js/faker';
import { fakerFR, fakerEN } from '@faker-js/faker';

const flat = (v) => (Array.isArray(v) ? v : Object.values(v ?? {}).flat());
const words = (list) =>
  [...new Set(flat(list).map((s) => String(s).trim()).filter((s) => /^\p{L}[\p{L}' -]*$/u.test(s)))]
    .sort();
// Ten entries a line (forty for the long list), comma-separated (files stay
// under the 600-line limit).
const write = (name, list, perLine = 10) => {
  const lines = [];
  for (let i = 0; i < list.length; i += perLine) lines.push(list.slice(i, i + perLine).join(','));
  writeFileSync(`data/deid/${name}`, lines.join('\n') + '\n');
  console.log(name, list.length);
};
const fr = fakerFR.rawDefinitions;
const en = fakerEN.rawDefinitions;
write('first_names.txt', words([...flat(fr.person.first_name), ...flat(en.person.first_name)]));
write('last_names.txt', words([...flat(fr.person.last_name), ...flat(en.person.last_name)]));
write('cities.txt', words([...flat(fr.location.city_name), ...flat(en.location.city_name ?? [])]));
// First names of other locales in Latin script (French-speaking Belgium and
// Switzerland, Italian, Spanish, Portuguese, German, Dutch, Polish, Romanian,
// Turkish...): only tell a first name from a surname in a run of names (and
// a tagger feature); they never make a word a name on their own.
const wideLocales = ['FR_BE', 'FR_CH', 'FR_CA', 'FR_SN', 'IT', 'ES', 'ES_MX', 'PT_PT', 'PT_BR', 'DE',
  'DE_AT', 'NL', 'NL_BE', 'PL', 'RO', 'TR', 'HR', 'CS_CZ', 'SK', 'EN_GB', 'EN_IE', 'EN_ZA', 'EN_NG'];
const latin = /^[\p{Script=Latin}][\p{Script=Latin}' -]*$/u;
write('first_names_wide.txt', words(wideLocales.flatMap((l) =>
  flat(faker[`faker${l}`].rawDefinitions.person?.first_name))).filter((s) => latin.test(s)), 40);
