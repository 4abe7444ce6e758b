#!/usr/bin/env bash
# Stress test (manual; too slow for the test suite): a Japanese document of SIZE megabytes (default 100) and its
# English counterpart, generated into a temporary folder, aligned by the command-line tool with --out. Reports the
# time, the peak memory and the number of links, and checks that every sentence is in exactly one link.
#
#   scripts/stress.sh [SIZE-MB] [extra align options, e.g. --anchors none]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-100}"
shift || true
tmp="$(mktemp -d /tmp/taiyaku-stress.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

dotnet build "$root/src/Taiyaku.Cli" -c Release -nologo -v quiet >/dev/null
tool="$root/src/Taiyaku.Cli/bin/Release/net10.0/taiyaku.dll"

# ~130 bytes of Japanese per sentence, 10 sentences a paragraph; the English side has one sentence per Japanese one,
# a few merged, so the alignment is not trivially 1-1.
n=$(( size_mb * 1000000 / 130 ))
echo "stress: generating $n sentence pairs (${size_mb} MB of Japanese) in $tmp"
awk -v n="$n" 'BEGIN {
  for (i = 1; i <= n; i++) {
    printf "第%d条によれば、政府は%d年度に%d件の減税措置を講じ、その効果を検証するものとする。", i, 1990 + i % 30, i % 997 > "'"$tmp"'/doc.ja";
    if (i % 10 == 0) printf "\n\n" > "'"$tmp"'/doc.ja";
    if (i % 37 == 0) printf "Article %d also covers %d cases", i, i % 997 > "'"$tmp"'/doc.en";
    else printf "Under article %d the government takes %d tax cuts in fiscal %d and reviews their effect. ", i, i % 997, 1990 + i % 30 > "'"$tmp"'/doc.en";
    if (i % 37 == 0) printf " and more. " > "'"$tmp"'/doc.en";
    if (i % 10 == 0) printf "\n\n" > "'"$tmp"'/doc.en";
  }
}'
ls -l "$tmp"/doc.ja "$tmp"/doc.en

run() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "stress: %e s elapsed, %M KB peak resident memory, exit %x" "$@"
  else local start=$SECONDS; "$@"; echo "stress: $((SECONDS - start)) s elapsed"; fi
}
set +e
run dotnet "$tool" align --src "$tmp/doc.ja" --tgt "$tmp/doc.en" --out "$tmp/links.txt" "$@"
code=$?
set -e
echo "stress: exit code $code"
[ "$code" -eq 0 ] || exit "$code"
links=$(wc -l < "$tmp/links.txt")
# Every sentence index of both sides once, in order.
awk -F'[][]' '{ n = split($2, a, ", "); for (k = 1; k <= n; k++) if (a[k] != "") { if (a[k] != ja) { print "ja gap at " ja; exit 1 } ja++ }
               m = split($4, b, ", "); for (k = 1; k <= m; k++) if (b[k] != "") { if (b[k] != en) { print "en gap at " en; exit 1 } en++ } }
     END { print "stress: " NR " links cover " ja " Japanese and " en " English sentences" }' "$tmp/links.txt"
echo "stress: $links links written"
