#!/usr/bin/env bash
# Runs native mecab and our analyser on the same Japanese text (default: every bible-ja-en/*.ja line), both writing
# mecab's full default output, and prints their times and ratios for two sinks: /dev/null (the analysis and the
# writing alone) and a pipe read by cat (what a consumer of the output sees: mecab writes once a sentence, we write
# 64 KB at a time). Each run is timed by /usr/bin/time on the analyser alone (cat's time left out); medians of RUNS.
# Usage: benchmarks/mecab-vs-analyzer.sh [TEXT_FILE]   (env: RUNS=7 runs, REPEAT=1 copies of the text)
# Ours is the CLI (taiyaku tokenize --lang ja) as the tool package ships it (ReadyToRun on linux-x64) when it builds,
# else a small console host of Taiyaku.Japanese.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-7}"
repeat="${REPEAT:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v mecab >/dev/null || { echo "mecab is not installed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (Debian: apt-get install time)" >&2; exit 1; }

if [ $# -ge 1 ]; then src="$1"; else
  src="$work/bible.ja"; cat "$root"/../shared/corpora/bible-ja-en/*.ja > "$src"
fi
text="$work/text.ja"; : > "$text"
for _ in $(seq "$repeat"); do cat "$src" >> "$text"; done

rid=()
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && rid=(-r linux-x64 --self-contained false)
if dotnet publish "$root/src/Taiyaku.Cli" -c Release "${rid[@]}" -o "$work/cli" >"$work/build.log" 2>&1; then
  ours=("$work/cli/taiyaku" tokenize --lang ja --in "$text"); label="taiyaku tokenize"
else
  mkdir -p "$work/host"
  cat > "$work/host/host.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><ProjectReference Include="$root/src/Taiyaku.Japanese/Taiyaku.Japanese.csproj" /></ItemGroup>
</Project>
XML
  cat > "$work/host/Program.cs" <<'CS'
using Taiyaku.Japanese;
using var dic = MecabDictionary.Open();
using var input = File.OpenRead(args[0]);
using var stdout = Console.OpenStandardOutput();
new MecabOutputWriter(new AnalyzerSession(dic), MecabOutputFormat.Default).Process(input, stdout);
CS
  dotnet publish "$work/host/host.csproj" -c Release -o "$work/hostbin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  ours=("$work/hostbin/host" "$text"); label="Taiyaku.Japanese host (CLI did not build)"
fi
theirs=(mecab -b 16777216 "$text")

# Same bytes first.
"${theirs[@]}" > "$work/expected"
"${ours[@]}" > "$work/actual"
cmp -s "$work/expected" "$work/actual" && echo "output: identical ($(wc -l < "$text") lines, $(wc -c < "$text") bytes)" || echo "output: DIFFERENT"

# One run: "wall cpu" of the command alone, its output to /dev/null or through a pipe to cat.
run() {
  local sink=$1; shift
  if [ "$sink" = null ]; then /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" > /dev/null
  else /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" | cat > /dev/null; fi
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "$label against mecab, $runs runs each in turn, medians (process start included):"
for sink in null pipe; do
  : > "$work/ours"; : > "$work/theirs"
  for _ in $(seq "$runs"); do
    run "$sink" "${theirs[@]}" >> "$work/theirs"
    run "$sink" "${ours[@]}" >> "$work/ours"
  done
  ow=$(cut -d' ' -f1 "$work/ours" | median); oc=$(cut -d' ' -f2 "$work/ours" | median)
  tw=$(cut -d' ' -f1 "$work/theirs" | median); tc=$(cut -d' ' -f2 "$work/theirs" | median)
  name=$([ "$sink" = null ] && echo "to /dev/null" || echo "through a pipe")
  awk -v s="$name" -v ow="$ow" -v oc="$oc" -v tw="$tw" -v tc="$tc" 'BEGIN {
    printf "%-15s ours %.3f s wall %.3f s CPU; mecab %.3f s wall %.3f s CPU; mecab/ours: %.2f x by wall, %.2f x by CPU\n", s, ow, oc, tw, tc, tw / ow, tc / oc }'
done
