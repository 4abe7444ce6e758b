#!/usr/bin/env bash
# The raw-path evaluation (issue 15): `taiyaku eval --corpus DIR --raw` on kyoto-wiki dev and tune and on pydocs-dev
# para with the built-in parameters; then pydocs-dev para with parameters fitted on documents of its kind, held out:
# the documents split in two halves (alternately, by name), each half evaluated with parameters fitted on the other.
# Usage: scripts/evaluate-raw.sh [extra eval options, e.g. --line-breaks auto]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
. "$root/scripts/tool.sh"
for corpus in kyoto-wiki/dev kyoto-wiki/tune pydocs-dev/para; do
  printf '%-16s %s\n' "$corpus" "$("${tool[@]}" eval --corpus "$shared/corpora/$corpus" --raw "$@" | sed -n '1p;3p' | paste -sd' ')"
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/a" "$out/b"
i=0
for gold in $(ls "$shared/corpora/pydocs-dev/para"/*.gold | LC_ALL=C sort); do
  half=$([ $((i % 2)) -eq 0 ] && echo a || echo b)
  n=${gold%.gold}
  ln -s "$n.ja" "$n.en" "$gold" "$out/$half/"
  i=$((i + 1))
done
"${tool[@]}" fit --dir "$out/a" --out "$out/a.json" --quiet
"${tool[@]}" fit --dir "$out/b" --out "$out/b.json" --quiet
printf '%-16s %s\n' "pydocs half b, params fitted on half a" "$("${tool[@]}" eval --corpus "$out/b" --raw --params "$out/a.json" "$@" | sed -n '1p;3p' | paste -sd' ')"
printf '%-16s %s\n' "pydocs half a, params fitted on half b" "$("${tool[@]}" eval --corpus "$out/a" --raw --params "$out/b.json" "$@" | sed -n '1p;3p' | paste -sd' ')"
