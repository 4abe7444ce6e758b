#!/usr/bin/env bash
# The anchors' memory, projected and measured (issue 16): aligns a pair twice under /usr/bin/time, with anchors whatever
# their projection (--anchor-memory 1000G) and with --anchors none, and prints the projection the tool reports beside
# the difference of the two peaks. The projection's three costs (AnchorMemory in the pipeline) were fitted to such
# differences on seven documents (benchmarks/README.md, session 14); the tool reports the projection for documents of
# more than 20,000 sentences in all, where the difference stands out of the noise.
# Usage: benchmarks/anchor-memory.sh JA EN [align options, e.g. --segmented]
#   TAIYAKU=/path/to/taiyaku.dll to time a given build (e.g. the ReadyToRun one), else this tree's Release build.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/tool.sh"
[ -x /usr/bin/time ] || { echo "anchor-memory.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
ja=$1 en=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peak() { /usr/bin/time -f '%M' -o "$work/time" "${tool[@]}" align --src "$ja" --tgt "$en" --out "$work/links" "$@" 2>"$work/err"; cat "$work/time"; }
with=$(peak --anchor-memory 1000G "$@")
projected=$(grep -o 'anchors projected to need about [0-9.]* [KMG]iB' "$work/err" | sed 's/.*about //' || true)
without=$(peak --anchors none "$@")
echo "peak with anchors $((with / 1024)) MiB, without $((without / 1024)) MiB: the anchors took $(((with - without) / 1024)) MiB"
echo "projected: ${projected:-not reported (20,000 sentences or fewer in all)}"
