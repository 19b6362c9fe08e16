#!/usr/bin/env bash
# Two-fold cross-validation of the de-identifier on the DEVELOPMENT set
# gen_dataset_train.jsonl, split by template (tools/deid/split_templates.mjs):
# a tagger is trained on each half (plus four surrogate copies of it, as the
# committed tagger) and measured on the other half. Prints both tables of
# bench/deid_eval; the figures of docs/benchmarks/privacy.md pool the two
# halves (each label's rates weighted by its gold tokens). Never point it at
# an evaluation file.
# Usage: tools/deid/cross_validate.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
train=../shared/data/deid-fr/eds-pseudo/gen_dataset_train.jsonl
node tools/deid/split_templates.mjs "$train" "$work/A.jsonl" "$work/B.jsonl"
for half in A B; do
  node tools/deid/augment_train.mjs "$work/$half.jsonl" "$work/${half}_aug4.jsonl" 4
  mkdir -p "$work/dict$half"
  cp data/deid/*.txt "$work/dict$half/"
  "$build/bench/deid_train" --dict "$work/dict$half" --out "$work/dict$half/tagger.txt" \
    --epochs 15 "$work/$half.jsonl" "$work/${half}_aug4.jsonl"
done
echo "== tagger of A on B"
"$build/bench/deid_eval" --lang fr --dict "$work/dictA" "$work/B.jsonl"
echo "== tagger of B on A"
"$build/bench/deid_eval" --lang fr --dict "$work/dictB" "$work/A.jsonl"
