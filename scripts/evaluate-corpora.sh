#!/usr/bin/env bash
# Aligns every document of the shared corpora with `taiyaku align --segmented` and scores it with `taiyaku eval`.
# Usage: scripts/evaluate-corpora.sh [extra align options, e.g. --beads extended]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
# TAIYAKU=path/to/taiyaku.dll runs a given build instead of building this tree (scripts/tool.sh).
. "$root/scripts/tool.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in kyoto-wiki/dev kyoto-wiki/tune bible-ja-en; do
  mkdir -p "$out/$corpus"
  for ja in "$shared/corpora/$corpus"/*.ja; do
    n=$(basename "$ja" .ja)
    "${tool[@]}" align --src "$ja" --tgt "${ja%.ja}.en" --segmented "$@" --out "$out/$corpus/$n.gold"
  done
  printf '%-16s %s\n' "$corpus" "$("${tool[@]}" eval --gold-dir "$shared/corpora/$corpus" --test-dir "$out/$corpus" 2>/dev/null)"
done
