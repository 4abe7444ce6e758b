#!/usr/bin/env bash
# What a second core gives on this machine, beside what align-batch gets from it (issue 16's align-batch row).
# The same single-threaded work is timed alone on core 0 and as two copies at once on cores 0 and 1, for a plain CPU
# loop (awk) and for align-batch's own work (about half the Bible's books, one thread): no two-thread run can beat
# 2 x alone / both. Then align-batch on the 13 books: two threads on both cores against one thread on core 0.
# Every measure runs once per round, in turn, so that a drift of the machine's speed reaches all of them; medians.
# Usage: benchmarks/core-scaling.sh [ROUNDS]   (default 9; TAIYAKU=/path/to/taiyaku.dll times a given build, e.g.
#   the ReadyToRun one, else this tree's Release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-9}
books="$root/../shared/corpora/bible-ja-en"
[ -d "$books" ] || { echo "core-scaling.sh: $books is missing" >&2; exit 1; }
command -v taskset >/dev/null || { echo "core-scaling.sh: taskset is missing (apt-get install util-linux)" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "core-scaling.sh: needs two processors, this machine gives $(nproc)" >&2; exit 1; }
. "$root/scripts/tool.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The 13 books, and the larger books alternately into two halves (by size, largest first): the first half is the
# single-threaded work run alone and twice.
for ja in "$books"/*.ja; do
  printf '{"id": "%s", "src": "%s", "tgt": "%s", "segmented": true}\n' "$(basename "$ja" .ja)" "$ja" "${ja%.ja}.en"
done > "$work/all.manifest"
for ja in $(ls -S "$books"/*.ja | awk 'NR % 2 == 1'); do
  printf '{"id": "%s", "src": "%s", "tgt": "%s", "segmented": true}\n' "$(basename "$ja" .ja)" "$ja" "${ja%.ja}.en"
done > "$work/half.manifest"

loop() { taskset -c "$1" awk 'BEGIN { for (i = 0; i < 3e7; i++) s += i }'; }
half() { taskset -c "$1" "${tool[@]}" align-batch --threads 1 --quiet --manifest "$work/half.manifest" >/dev/null; }
loop_both() { loop 0 & loop 1; wait; }
half_both() { half 0 & half 1; wait; }
two_threads() { "${tool[@]}" align-batch --threads 2 --quiet --manifest "$work/all.manifest" >/dev/null; }
one_core() { taskset -c 0 "${tool[@]}" align-batch --threads 1 --quiet --manifest "$work/all.manifest" >/dev/null; }
# Seconds of wall-clock time of one call.
clock() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }

measures=(loop_alone loop_both half_alone half_both two_threads one_core)
half 0   # a warm-up: files in the page cache, the tool's assemblies loaded once
for ((r = 1; r <= rounds; r++)); do
  echo "$(clock loop 0) $(clock loop_both) $(clock half 0) $(clock half_both) $(clock two_threads) $(clock one_core)" >> "$work/times"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for k in "${!measures[@]}"; do
  printf '%-12s median %s s\n' "${measures[$k]}" "$(awk -v c=$((k + 1)) '{ print $c }' "$work/times" | median)"
done
# Ratios taken round by round (the measures of one round ran seconds apart), then their median.
ratio() { awk "{ printf \"%.3f\\n\", $1 }" "$work/times" | median; }
echo "over $rounds rounds, medians of each round's ratio:"
echo "  two cores at most, a CPU loop:       $(ratio '2 * $1 / $2') x one"
echo "  two cores at most, align-batch work: $(ratio '2 * $3 / $4') x one"
echo "  align-batch, 13 books, 2 threads against 1 thread on core 0: $(ratio '$6 / $5') x"
echo "  the same as a share of what two cores gave the same work that round: $(ratio '($6 / $5) / (2 * $3 / $4)')"
