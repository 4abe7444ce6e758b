#!/usr/bin/env bash
# Puts the shards' records back in manifest order: line L of the manifest (1-based) is in shard (L-1) mod N, and
# every line that is not blank has exactly one record there, in order. Writes OUT whole or not at all; fails if a
# shard has too few or too many records. Usage: gather.sh MANIFEST N SHARD_DIR OUT
set -euo pipefail
manifest=$1 n=$2 dir=$3 out=$4
tmp=$(mktemp "$(dirname "$out")/.gather.XXXXXX")
trap 'rm -f "$tmp"' EXIT
for ((k = 0; k < n; k++)); do [ -f "$dir/out-$k.jsonl" ] || { echo "gather: $dir/out-$k.jsonl: missing" >&2; exit 1; }; done
awk -v n="$n" -v dir="$dir" '
  { sub(/\r$/, "") }
  /^[ \t]*$/ { next }   # a blank manifest line has no record (as align-batch skips it)
  { f = dir "/out-" ((NR - 1) % n) ".jsonl"
    if ((getline rec < f) <= 0) { print "gather: " f ": no record for manifest line " NR > "/dev/stderr"; exit 1 }
    print rec }
  END { for (k = 0; k < n; k++) { f = dir "/out-" k ".jsonl"
          if ((getline rec < f) > 0) { print "gather: " f ": more records than manifest lines" > "/dev/stderr"; exit 1 } } }
' "$manifest" > "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
