#!/usr/bin/env bash
# Regenerates every packable project's PublicAPI.Unshipped.txt from the code (RS0016/RS0037 code fixes), after an
# intended change to the public surface. Review the diff before committing it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for f in "$root"/src/*/PublicAPI.Unshipped.txt; do
  d=$(dirname "$f"); n=$(basename "$d")
  printf '#nullable enable\n' > "$f"
  dotnet format analyzers "$d/$n.csproj" --diagnostics RS0016 RS0037 --severity info -v q
  echo "update-public-api: $n: $(($(wc -l < "$f") - 1)) entries"
done
