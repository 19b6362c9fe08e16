// Writes a larger training set for the de-identifier's tagger from the
// synthetic training set of EDS-Pseudo (gen_dataset_train.jsonl) ONLY: every
// note is copied COPIES times with its names and cities replaced by
// surrogates, half from the faker fr locale and half invented from syllables
// (names no dictionary holds), in the case of the original or in lower or
// upper case, so that the tagger learns the context of a name rather than
// the names of the training notes. Never run it on an evaluation file.
// The output is derived from the data set: keep it out of the repository.
// Usage: node tools/deid/augment_train.mjs TRAIN.jsonl OUT.jsonl [COPIES]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fakerFR } from '@faker-js/faker';

const [input, output, copiesArg] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/deid/augment_train.mjs TRAIN.jsonl OUT.jsonl [COPIES]');
  process.exit(2);
}
const copies = Number(copiesArg ?? 2);
fakerFR.seed(20261129);
const rand = () => fakerFR.number.float({ min: 0, max: 1 });
const onsets = ['b', 'ch', 'd', 'f', 'g', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'gr', 'tr'];
const vowels = ['a', 'e', 'i', 'o', 'ou', 'au', 'é', 'an', 'in', 'y'];
const codas = ['', '', 'n', 'r', 's', 'l', 't', 'x', 'rd', 'lle'];
const invented = () => {
  let w = '';
  const n = 2 + Math.floor(rand() * 2);
  for (let i = 0; i < n; ++i) w += fakerFR.helpers.arrayElement(onsets) + fakerFR.helpers.arrayElement(vowels);
  w += fakerFR.helpers.arrayElement(codas);
  return w[0].toUpperCase() + w.slice(1);
};
// Many French surnames are ordinary words (Boulanger, Rossignol, Mulet): one
// surname in five is drawn from the French word list (Debian wfrench, the
// list the de-identifier reads), so the tagger does not learn that a word of
// the language is never a name.
const wordList = '/usr/share/dict/french';
const plainWords = existsSync(wordList)
  ? readFileSync(wordList, 'utf8').split('\n').filter((w) => /^\p{Ll}{4,12}$/u.test(w))
  : [];
const surrogate = (label) => {
  const made = rand() < 0.5;
  if (label === 'PRENOM') return made ? invented() : fakerFR.person.firstName();
  if (label === 'NOM' && plainWords.length > 0 && rand() < 0.2) {
    const w = fakerFR.helpers.arrayElement(plainWords);
    return w[0].toUpperCase() + w.slice(1);
  }
  if (label === 'NOM') return made ? invented() : fakerFR.person.lastName();
  return made ? invented() : fakerFR.location.city();
};
// The case of the original ("DUPONT", "dupont", "Dupont"), or another at random.
const caseLike = (value, original) => {
  const r = rand();
  const style = r < 0.2 ? 'lower' : r < 0.3 ? 'upper' : original === original.toUpperCase() ? 'upper'
    : original === original.toLowerCase() ? 'lower' : 'title';
  if (style === 'upper') return value.toUpperCase();
  if (style === 'lower') return value.toLowerCase();
  return value;
};

const out = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const cps = Array.from(doc.note_text);  // offsets are code points
  const ents = [...doc.entities].sort((a, b) => a.start - b.start);
  for (let c = 0; c < copies; ++c) {
    let text = [];
    let at = 0;
    const entities = [];
    for (const e of ents) {
      if (e.start < at) continue;  // overlapping gold span: skip
      text.push(...cps.slice(at, e.start));
      const original = cps.slice(e.start, e.end).join('');
      const replace = ['NOM', 'PRENOM', 'VILLE'].includes(e.label) && !/\d/.test(original);
      const value = replace ? Array.from(caseLike(surrogate(e.label), original)) : cps.slice(e.start, e.end);
      entities.push({ start: text.length, end: text.length + value.length, label: e.label });
      text.push(...value);
      at = e.end;
    }
    text.push(...cps.slice(at));
    out.push(JSON.stringify({ note_id: `${doc.note_id}-aug${c}`, note_text: text.join(''), entities }));
  }
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`${out.length} notes written to ${output}`);
