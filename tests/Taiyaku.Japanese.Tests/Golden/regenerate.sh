#!/usr/bin/env bash
# Regenerates the golden files from the real mecab (Debian: apt-get install mecab mecab-ipadic-utf8).
# The inputs are kept: torture.txt, edge-cases.txt.gz and cap-runs.txt.gz (long runs around the 65,535-byte
# look-up cap) and invalid-utf8.txt.gz (raw bytes that are not UTF-8).
# corpus-sample.txt is re-sampled from ../shared/corpora when present.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpora="$root/../shared/corpora"
command -v mecab >/dev/null || { echo "mecab is not installed" >&2; exit 1; }
export LC_ALL=C
mecab_() { mecab -b 16777216 "$@"; }

if [ -d "$corpora" ]; then
  # Every 68th line of every Japanese corpus file, in a fixed order: about 300 lines.
  find "$corpora/bible-ja-en" "$corpora/kyoto-wiki" -name '*.ja' | sort | xargs cat | awk 'NR % 68 == 1' > "$here/corpus-sample.txt"
fi

mecab_ "$here/corpus-sample.txt" > "$here/corpus-sample.mecab"
mecab_ -Owakati "$here/corpus-sample.txt" > "$here/corpus-sample.wakati"
mecab_ "$here/torture.txt" | gzip -n -9 > "$here/torture.mecab.gz"
mecab_ -Owakati "$here/torture.txt" | gzip -n -9 > "$here/torture.wakati.gz"
for name in edge-cases cap-runs invalid-utf8; do
  gzip -dc "$here/$name.txt.gz" | mecab_ | gzip -n -9 > "$here/$name.mecab.gz"
done
gzip -dc "$here/edge-cases.txt.gz" | mecab_ -Owakati | gzip -n -9 > "$here/edge-cases.wakati.gz"
# Output formats (mecab's format language, dicrc formats), N-best and all-morphs on the corpus sample: the argument
# lists are in formats.args (one per line, TAB-separated), the input the first 60 lines of the corpus sample
# (formats-sample.txt), the outputs formats-N.mecab.gz, N from 1.
head -60 "$here/corpus-sample.txt" > "$here/formats-sample.txt"
n=0
while IFS= read -r line; do
  n=$((n + 1)); IFS=$'\t' read -r -a args <<< "$line"
  mecab_ "${args[@]}" "$here/formats-sample.txt" | gzip -n -9 > "$here/formats-$n.mecab.gz"
done < "$here/formats.args"
# Partial parsing (-p): an input made from mecab's own analysis of the formats sample (make-partial.py), then
# mecab -p with the argument lists of partial.args, outputs partial-N.mecab.gz.
mecab_ "$here/formats-sample.txt" | python3 "$here/make-partial.py" /dev/stdin 1 > "$here/partial-sample.txt"
n=0
while IFS= read -r line; do
  n=$((n + 1)); IFS=$'\t' read -r -a args <<< "$line"
  mecab_ "${args[@]}" "$here/partial-sample.txt" | gzip -n -9 > "$here/partial-$n.mecab.gz"
done < "$here/partial.args"
# A small user dictionary, compiled by mecab's own tool against the installed system dictionary.
dict_index="$(ls /usr/lib/mecab/mecab-dict-index /usr/libexec/mecab/mecab-dict-index /usr/local/libexec/mecab/mecab-dict-index 2>/dev/null | head -1)"
[ -n "$dict_index" ] || { echo "mecab-dict-index not found (apt-get install mecab-utils)" >&2; exit 1; }
sysdic="$(mecab -D | awk -F'\t' '/^filename:/ { print $2 }')"
"$dict_index" -d "$(dirname "$sysdic")" -u "$here/user-dic.dic" -f utf-8 -t utf-8 "$here/user-dic.csv" >/dev/null
mecab_ -u "$here/user-dic.dic" "$here/user-dic.txt" > "$here/user-dic.mecab"
mecab -D > "$here/dictionary-info.txt"
echo "golden files regenerated with $(mecab -v 2>&1 | head -1)"
