// Splits a TRAINING set of the de-identifier (gen_dataset_train.jsonl) in two
// halves that share no template, for cross-validation on development data:
// a note's key is its first 60 characters with every entity replaced by its
// label ("Interne <NOM> <PRENOM>"), and the key's MD5 picks the half. Notes
// filled from one template land in the same half, so a tagger trained on one
// half meets new templates in the other (as on the report set).
// Never run it on an evaluation file.
// Usage: node tools/deid/split_templates.mjs TRAIN.jsonl A.jsonl B.jsonl
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [input, outA, outB] = process.argv.slice(2);
if (!input || !outB) {
  console.error('usage: node tools/deid/split_templates.mjs TRAIN.jsonl A.jsonl B.jsonl');
  process.exit(2);
}
const halves = [[], []];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const cps = Array.from(doc.note_text);  // offsets are code points
  let key = '';
  let at = 0;
  for (const e of [...doc.entities].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    key += cps.slice(at, e.start).join('') + `<${e.label}>`;
    at = e.end;
  }
  key = Array.from(key + cps.slice(at).join('')).slice(0, 60).join('');
  const digest = createHash('md5').update(key, 'utf8').digest();
  halves[digest[digest.length - 1] % 2].push(line);
}
writeFileSync(outA, halves[0].join('\n') + '\n');
writeFileSync(outB, halves[1].join('\n') + '\n');
console.log(`${halves[0].length} + ${halves[1].length} notes`);
