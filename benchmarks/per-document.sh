#!/usr/bin/env bash
# Times the CLI run once per document, as an archive tool calling it per document would (issue 16): every pair of
# ../shared/corpora/pydocs-dev/{sent,para} through `taiyaku align --segmented`, one process each, default options
# (or the options given after the DLL). Prints the number of documents, the total CPU (user + sys, from
# /usr/bin/time), the total wall time and the largest peak resident memory of any one process.
# Usage: benchmarks/per-document.sh [TAIYAKU_DLL [ALIGN_OPTION ...]]   (default: a Release build of src/Taiyaku.Cli)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/../shared/corpora/pydocs-dev"
[ -d "$corpus" ] || { echo "per-document.sh: $corpus is missing" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "per-document.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [ $# -ge 1 ]; then dll="$1"; shift; else
  dotnet build "$root/src/Taiyaku.Cli" -c Release -nologo -v quiet >/dev/null
  dll="$root/src/Taiyaku.Cli/bin/Release/net10.0/taiyaku.dll"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
docs=0
for ja in "$corpus"/sent/*.ja "$corpus"/para/*.ja; do
  /usr/bin/time -f '%U %S %e %M' -a -o "$work/times" dotnet "$dll" align --src "$ja" --tgt "${ja%.ja}.en" --segmented --quiet "$@" >/dev/null
  docs=$((docs + 1))
done
awk -v n="$docs" '{ cpu += $1 + $2; wall += $3; if ($4 > rss) rss = $4 }
  END { printf "%d documents, one process each: CPU %.1f s (%.2f s a document), wall %.1f s, largest peak memory %.1f MiB\n", n, cpu, cpu / n, wall, rss / 1024 }' "$work/times"
