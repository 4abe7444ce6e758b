#!/usr/bin/env bash
# Runs native mecab and our analyser on the same Japanese text (default: every bible-ja-en/*.ja line),
# both writing mecab's full default output to /dev/null, and prints the wall-clock times and their ratio.
# Usage: benchmarks/mecab-vs-analyzer.sh [TEXT_FILE]   (env: RUNS=5 best-of runs, REPEAT=1 copies of the text)
# Ours is the CLI (taiyaku tokenize --lang ja) when it builds, else a small console host of Taiyaku.Japanese.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
repeat="${REPEAT:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v mecab >/dev/null || { echo "mecab is not installed" >&2; exit 1; }

if [ $# -ge 1 ]; then src="$1"; else
  src="$work/bible.ja"; cat "$root"/../shared/corpora/bible-ja-en/*.ja > "$src"
fi
text="$work/text.ja"; : > "$text"
for _ in $(seq "$repeat"); do cat "$src" >> "$text"; done

if dotnet publish "$root/src/Taiyaku.Cli" -c Release -o "$work/cli" >"$work/build.log" 2>&1; then
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

# Same bytes first, then best-of-N wall times.
mecab -b 16777216 "$text" > "$work/expected"
"${ours[@]}" > "$work/actual"
cmp -s "$work/expected" "$work/actual" && echo "output: identical ($(wc -l < "$text") lines, $(wc -c < "$text") bytes)" || echo "output: DIFFERENT"

best() {
  local best=""
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}
t_mecab=$(best mecab -b 16777216 "$text")
t_ours=$(best "${ours[@]}")
echo "mecab:  ${t_mecab} ms (best of $runs)"
echo "ours:   ${t_ours} ms (best of $runs, $label, process start included)"
awk -v a="$t_ours" -v b="$t_mecab" 'BEGIN { printf "ratio ours/mecab: %.2f (below 1 means faster than mecab)\n", a / b }'
