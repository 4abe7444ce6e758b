#!/usr/bin/env bash
# Compares `taiyaku tokenize` with Debian's mecab, per dictionary and per option: default, -Owakati, each output
# format of the dictionary's dicrc (-O NAME), -N 3, -a, -m, -m with the probabilities shown, -p (on an input made from mecab's analysis), -Odump -m and -Oem -m. Prints one table row per case: lines of mecab's output,
# lines of ours identical to them (diff), and whether the whole output is byte-identical.
# Usage: scripts/parity-mecab.sh [DICDIR...]   (default: every Debian dictionary under /var/lib/mecab/dic)
# env: TEXT=file (default: every *.ja line of ../shared/corpora), SMALL_LINES=2000 (lines for -N 3, -a and -m),
#      TAIYAKU=path of a built taiyaku (default: published here in Release).
# EUC-JP dictionaries get the text in EUC-JP (iconv -c): mecab converts nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
command -v mecab >/dev/null || { echo "parity-mecab: mecab is not installed (apt-get install mecab)" >&2; exit 1; }
if [ -n "${TEXT:-}" ]; then cp "$TEXT" "$work/text.utf8"; else
  find "$root/../shared/corpora" -name '*.ja' | LC_ALL=C sort | xargs cat > "$work/text.utf8"
fi
head -n "${SMALL_LINES:-2000}" "$work/text.utf8" > "$work/small.utf8"
if [ -z "${TAIYAKU:-}" ]; then
  dotnet publish "$root/src/Taiyaku.Cli" -c Release -o "$work/cli" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  TAIYAKU="$work/cli/taiyaku"
fi
if [ $# -eq 0 ]; then set -- $(for d in /var/lib/mecab/dic/*/; do [ -L "${d%/}" ] || [ ! -f "$d/sys.dic" ] || echo "${d%/}"; done); fi

printf '| dictionary | option | identical lines / mecab lines | byte-identical | command |\n|---|---|---|---|---|\n'
for dic in "$@"; do
  charset=$(dd if="$dic/sys.dic" bs=1 skip=40 count=32 2>/dev/null | tr -d '\0')
  for f in text small; do
    case "${charset,,}" in
      euc*|sjis|shift*|cp932) iconv -c -f utf-8 -t "$charset" "$work/$f.utf8" > "$work/$f.in" || true ;;
      *) cp "$work/$f.utf8" "$work/$f.in" ;;
    esac
  done
  cases=("" "-Owakati")
  while IFS= read -r name; do cases+=("-O$name"); done < <(grep -a '^node-format-' "$dic/dicrc" | sed 's/^node-format-\([^ =]*\).*/\1/')
  # -p with -O '': a dicrc format (UniDic's) may ask for more feature columns than a node made up from a pattern has.
  cases+=("-N 3" "-a" "-m" "-m -F '%m\t%pP\t%pA\t%pB\n'" "-p -O ''" "-Odump -m" "-Oem -m")
  # Partial parsing's input is made from mecab's own analysis with this dictionary (see the golden files' make-partial.py).
  mecab -b 16777216 -r /dev/null -d "$dic" "$work/small.in" | python3 "$root/tests/Taiyaku.Japanese.Tests/Golden/make-partial.py" /dev/stdin 1 > "$work/partial.in"
  for c in "${cases[@]}"; do
    eval "args=($c)"
    in="$work/text.in"; case "$c" in -N*|-a|-m*|-Odump*|-Oem*) in="$work/small.in" ;; -p*) in="$work/partial.in" ;; esac
    mrc=0; orc=0
    mecab -b 16777216 -r /dev/null -d "$dic" "${args[@]}" "$in" > "$work/m.out" || mrc=$?
    "$TAIYAKU" tokenize --lang ja --dicdir "$dic" "${args[@]}" --in "$in" > "$work/t.out" 2> "$work/t.err" || orc=$?
    total=$(wc -l < "$work/m.out")
    differ=$(diff "$work/m.out" "$work/t.out" | grep -c '^<' || true)
    same=no; cmp -s "$work/m.out" "$work/t.out" && same=yes
    [ "$mrc$orc" = "00" ] || same="$same (exit: mecab $mrc, ours $orc)"
    label="${c:-default}"
    printf '| %s | %s | %d / %d | %s | `mecab -r /dev/null -d %s %s` vs `taiyaku tokenize --lang ja --dicdir %s %s` |\n' \
      "$(basename "$dic")" "$label" $((total - differ)) "$total" "$same" "$dic" "$c" "$dic" "$c"
  done
done
