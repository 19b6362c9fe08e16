// Writes the name and place dictionaries of the de-identifier (data/deid/*.txt)
// from the French and English locales of @faker-js/faker (MIT), pinned in
// package.json. Generation tool only: Vigie never runs Node at run time.
// Usage: node tools/deid/gen_dictionaries.mjs   (from the repository root)
import { writeFileSync } from 'node:fs';
import { fakerFR, fakerEN } from '@faker-js/faker';

const flat = (v) => (Array.isArray(v) ? v : Object.values(v ?? {}).flat());
const words = (list) =>
  [...new Set(flat(list).map((s) => String(s).trim()).filter((s) => /^\p{L}[\p{L}' -]*$/u.test(s)))]
    .sort();
// Ten entries a line, comma-separated (files stay under the 600-line limit).
const write = (name, list) => {
  const lines = [];
  for (let i = 0; i < list.length; i += 10) lines.push(list.slice(i, i + 10).join(','));
  writeFileSync(`data/deid/${name}`, lines.join('\n') + '\n');
  console.log(name, list.length);
};
const fr = fakerFR.rawDefinitions;
const en = fakerEN.rawDefinitions;
write('first_names.txt', words([...flat(fr.person.first_name), ...flat(en.person.first_name)]));
write('last_names.txt', words([...flat(fr.person.last_name), ...flat(en.person.last_name)]));
write('cities.txt', words([...flat(fr.location.city_name), ...flat(en.location.city_name ?? [])]));
