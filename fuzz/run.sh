#!/usr/bin/env bash
# Fuzzes the dictionary loader, the text pipeline, parameter files and batch manifests for a bounded time each.
#
#   fuzz/run.sh [SECONDS-PER-HARNESS] [HARNESS...]      (default: 300 s; harnesses: dictionary text parameters manifest)
#
# Needs: the .NET SDK; afl-fuzz (Debian: apt-get install afl++) and the SharpFuzz instrumenter
# (dotnet tool install --tool-path ~/.dotnet/sharpfuzz SharpFuzz.CommandLine --version 2.3.0; or set SHARPFUZZ).
# Without afl-fuzz or sharpfuzz it falls back to the harness's built-in (coverage-blind) mutation loop.
#
# Steps: publish fuzz/Taiyaku.Fuzzing twice into $FUZZ_WORK (default /tmp/taiyaku-fuzz; nothing is written into
# the repository's bin/obj) — once plain, once with the Taiyaku assemblies instrumented by SharpFuzz; replay the
# committed crashers of fuzz/regressions/<harness>/ (any crash fails the run); fuzz each harness; replay what
# afl-fuzz saved as crashes with the plain build and copy the real ones to $FUZZ_WORK/<harness>/crashers/.
# Exit status 1 when any harness has a crasher.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-300}"
shift || true
if [ $# -gt 0 ]; then harnesses=("$@"); else harnesses=(dictionary text parameters manifest); fi
work="${FUZZ_WORK:-/tmp/taiyaku-fuzz}"
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 TAIYAKU_ROOT="$root"

echo "fuzz: building into $work"
dotnet publish "$root/fuzz/Taiyaku.Fuzzing/Taiyaku.Fuzzing.csproj" -c Release --artifacts-path "$work/artifacts" \
  -o "$work/plain" -p:ContinuousIntegrationBuild=false -nologo -v quiet >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; exit 2; }
plain="$work/plain/Taiyaku.Fuzzing.dll"

sharpfuzz="${SHARPFUZZ:-$(command -v sharpfuzz || true)}"
for candidate in "$HOME/.dotnet/sharpfuzz/sharpfuzz" "$HOME/.dotnet/tools/sharpfuzz" /tmp/sf/sharpfuzz; do
  [ -z "$sharpfuzz" ] && [ -x "$candidate" ] && sharpfuzz="$candidate"
done
use_afl=0
if command -v afl-fuzz >/dev/null 2>&1 && [ -n "$sharpfuzz" ]; then
  use_afl=1
  rm -rf "$work/afl" && cp -r "$work/plain" "$work/afl"
  for dll in Taiyaku.Japanese Taiyaku.Alignment Taiyaku.Formats Taiyaku.Text Taiyaku.Pipeline taiyaku; do
    "$sharpfuzz" "$work/afl/$dll.dll" >/dev/null
  done
  echo "fuzz: afl-fuzz with SharpFuzz instrumentation ($sharpfuzz)"
else
  echo "fuzz: afl-fuzz or sharpfuzz missing: using the built-in mutation loop"
fi

status=0
summary=()
for h in "${harnesses[@]}"; do
  dir="$work/$h"
  rm -rf "$dir" && mkdir -p "$dir/crashers"
  if [ -d "$root/fuzz/regressions/$h" ] && [ -n "$(ls -A "$root/fuzz/regressions/$h")" ]; then
    echo "fuzz: $h: replaying the committed regressions"
    dotnet "$plain" "$h" replay "$root/fuzz/regressions/$h" || status=1
  fi
  dotnet "$plain" "$h" seeds "$dir/in" >/dev/null
  # Regressions are good seeds too: they reach the deepest checks.
  [ -d "$root/fuzz/regressions/$h" ] && cp "$root/fuzz/regressions/$h"/* "$dir/in/" 2>/dev/null || true
  echo "fuzz: $h: $seconds s"
  if [ "$use_afl" = 1 ]; then
    AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
      timeout $((seconds + 120)) afl-fuzz -V "$seconds" -i "$dir/in" -o "$dir/out" -t 10000 -m none \
      -- dotnet "$work/afl/Taiyaku.Fuzzing.dll" "$h" afl >"$dir/afl.log" 2>&1 || true
    stats="$dir/out/default/fuzzer_stats"
    execs=$(awk -F: '/^execs_done/{gsub(/ /,"",$2);print $2}' "$stats" 2>/dev/null || echo "?")
    runtime=$(awk -F: '/^run_time/{gsub(/ /,"",$2);print $2}' "$stats" 2>/dev/null || echo "?")
    corpus=$(awk -F: '/^corpus_count/{gsub(/ /,"",$2);print $2}' "$stats" 2>/dev/null || echo "?")
    saved=$(awk -F: '/^saved_crashes/{gsub(/ /,"",$2);print $2}' "$stats" 2>/dev/null || echo "?")
    hangs=$(awk -F: '/^saved_hangs/{gsub(/ /,"",$2);print $2}' "$stats" 2>/dev/null || echo "?")
    real=0
    for f in "$dir/out/default/crashes"/id* "$dir/out/default/hangs"/id*; do
      [ -e "$f" ] || continue
      if ! timeout 60 dotnet "$plain" "$h" replay "$f" >"$dir/replay.log" 2>&1; then
        real=$((real + 1))
        cp "$f" "$dir/crashers/"
        sed -n '1,3p' "$dir/replay.log"
      fi
    done
    summary+=("$h: afl-fuzz ${runtime} s, ${execs} executions, corpus ${corpus}, ${saved} crashes and ${hangs} hangs saved, ${real} reproduce outside afl")
  else
    line=$(dotnet "$plain" "$h" random "$seconds" "$dir/in" "$dir/crashers" | tail -1) || true
    real=$(ls "$dir/crashers" | wc -l)
    summary+=("$line")
  fi
  [ "$real" -gt 0 ] && status=1
done
echo
printf 'fuzz: %s\n' "${summary[@]}"
echo "fuzz: crashers (if any) in $work/<harness>/crashers; add them to fuzz/regressions/<harness>/ once fixed"
exit "$status"
