#!/usr/bin/env bash
# Times the CLI run once per document, as an archive tool calling it per document would (issue 16): every pair of
# ../shared/corpora/pydocs-dev/{sent,para} (or of the folders in CORPORA) through `taiyaku align --segmented`, one
# process each, default options (or the options given after TAIYAKU). Prints the number of documents, the total CPU
# (user + sys, from /usr/bin/time), the total wall time and the largest peak resident memory of any one process.
# Where hunalign is installed (on PATH, or HUNALIGN=/path/to/hunalign) and mecab too, hunalign is timed on the same
# documents the way the issues measured it: the Japanese tokenized by `mecab -Owakati`, the English lowercased with
# punctuation split off, a dictionary ("English @ Japanese") derived from the EDICT lexicon the aligner carries,
# mecab's tokenization included. Without them it says so and times taiyaku alone.
# Usage: benchmarks/per-document.sh [TAIYAKU [ALIGN_OPTION ...]]
#   TAIYAKU: a taiyaku.dll (run with dotnet) or a taiyaku executable, e.g. the ReadyToRun build that
#   `dotnet tool install` gives on Linux x64 (`dotnet publish src/Taiyaku.Cli -c Release -r linux-x64 -o /tmp/r2r`,
#   then /tmp/r2r/taiyaku); default: a Release build of src/Taiyaku.Cli.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora=${CORPORA:-"$root/../shared/corpora/pydocs-dev/sent $root/../shared/corpora/pydocs-dev/para"}
for c in $corpora; do [ -d "$c" ] || { echo "per-document.sh: $c is missing" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "per-document.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [ $# -ge 1 ]; then taiyaku="$1"; shift; else
  dotnet build "$root/src/Taiyaku.Cli" -c Release -nologo -v quiet >/dev/null
  taiyaku="$root/src/Taiyaku.Cli/bin/Release/net10.0/taiyaku.dll"
fi
case "$taiyaku" in *.dll) run=(dotnet "$taiyaku") ;; *) run=("$taiyaku") ;; esac
hunalign=${HUNALIGN:-$(command -v hunalign || true)}
if [ -z "$hunalign" ] || ! command -v mecab >/dev/null; then
  echo "per-document.sh: hunalign or mecab is not installed: timing taiyaku alone (HUNALIGN=/path/to/hunalign to compare)" >&2
  hunalign=""
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "$hunalign" ]; then
  zcat "$root/src/Taiyaku.Edict/edict-lexicon.tsv.gz" |
    awk -F'\t' 'NF == 2 { n = split($2, w, " "); for (i = 1; i <= n; i++) print w[i] " @ " $1 }' > "$work/edict.dic"
  # shellcheck disable=SC2016
  # hunalign runs in the scratch folder: it leaves a translate.txt in its working directory.
  hunalign=$(realpath "$hunalign")
  hunalign_job='mecab -Owakati "$1" > "$3/ja.tok" && tr "A-Z" "a-z" < "$2" | sed -E "s/([[:punct:]])/ \1 /g" > "$3/en.tok" && cd "$3" && "$4" -utf edict.dic ja.tok en.tok 2> hunalign.err'
fi
docs=0
for c in $corpora; do
  for ja in "$c"/*.ja; do
    /usr/bin/time -f '%U %S %e %M' -a -o "$work/times" "${run[@]}" align --src "$ja" --tgt "${ja%.ja}.en" --segmented --quiet "$@" >/dev/null
    [ -z "$hunalign" ] || /usr/bin/time -f '%U %S %e %M' -a -o "$work/hunalign" sh -c "$hunalign_job" sh "$ja" "${ja%.ja}.en" "$work" "$hunalign" >/dev/null
    docs=$((docs + 1))
  done
done
summary() {
  awk -v n="$docs" -v who="$1" '{ cpu += $1 + $2; wall += $3; if ($4 > rss) rss = $4 }
    END { printf "%s: %d documents, one process each: CPU %.1f s (%.2f s a document), wall %.1f s, largest peak memory %.1f MiB\n", who, n, cpu, cpu / n, wall, rss / 1024 }' "$2"
}
summary taiyaku "$work/times"
[ -z "$hunalign" ] || summary "hunalign + EDICT, mecab included" "$work/hunalign"
