#!/usr/bin/env bash
# Corpus-level against per-document learning of the second pass's translation model (issue 21): for the Bible dev
# books and pydocs-dev para, with the default and the partial-translation parameters, `taiyaku eval --corpus` without
# a model (per document) and with a model learned by `taiyaku learn` over the same documents (no gold used).
# Usage: scripts/evaluate-corpus-model.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
. "$root/scripts/tool.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
scores() { "${tool[@]}" eval --corpus "$@" | grep -o 'strict_f1=[0-9.]*\|lax_f1=[0-9.]*\|one_sided_reproduced=[0-9]*' | paste -sd' '; }
for corpus in bible-ja-en pydocs-dev/para; do
  dir=$shared/corpora/$corpus
  manifest=$out/$(basename "$corpus").jsonl
  for gold in "$dir"/*.gold; do
    b=${gold%.gold}
    printf '{"id":"%s","src":"%s","tgt":"%s","segmented":true}\n' "$(basename "$b")" "$b.ja" "$b.en"
  done > "$manifest"
  for params in default partial; do
    opts=(); [ "$params" = partial ] && opts=(--params partial)
    "${tool[@]}" learn --manifest "$manifest" "${opts[@]}" --out "$out/model.bin" --quiet
    printf '%-16s %-8s per-document: %s\n' "$corpus" "$params" "$(scores "$dir" "${opts[@]}")"
    printf '%-16s %-8s corpus-level: %s\n' "$corpus" "$params" "$(scores "$dir" "${opts[@]}" --model "$out/model.bin")"
  done
done
