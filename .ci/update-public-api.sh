#!/usr/bin/env bash
# Regenerates every packable library's PublicAPI.Unshipped.txt from the code, after an intended change to the public
# surface: empties the file, lets the PublicApiAnalyzers code fixes (RS0016 "not declared", RS0037 nullable) list the
# current surface, then sorts it (ordinal, after '#nullable enable') so that the same code always gives the same file.
# PublicAPI.Shipped.txt is left alone. Review the diff before committing it. Usage: .ci/update-public-api.sh [PROJECT…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ $# -gt 0 ]; then
  files=(); for n in "$@"; do files+=("$root/src/$n/PublicAPI.Unshipped.txt"); done
else
  files=("$root"/src/*/PublicAPI.Unshipped.txt)
fi
for f in "${files[@]}"; do
  d=$(dirname "$f"); n=$(basename "$d")
  [ -f "$d/$n.csproj" ] || { echo "update-public-api: no project $d/$n.csproj" >&2; exit 2; }
  printf '#nullable enable\n' > "$f"
  if ! dotnet format analyzers "$d/$n.csproj" --diagnostics RS0016 RS0037 --severity info -v q; then
    echo "update-public-api: FAIL: dotnet format on $n (does the project build?)" >&2; exit 1
  fi
  body=$(grep -v -x -F '#nullable enable' "$f" | grep -v '^[[:space:]]*$' | LC_ALL=C sort -u || true)
  { printf '#nullable enable\n'; [ -z "$body" ] || printf '%s\n' "$body"; } > "$f"
  echo "update-public-api: $n: $(($(wc -l < "$f") - 1)) entries"
done
