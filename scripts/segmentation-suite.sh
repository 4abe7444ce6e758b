#!/usr/bin/env bash
# Prints the segmentation suite's pass counts per category for Taiyaku and for plain ICU4N sentence breaking on the
# same hand-checked cases (tests/Taiyaku.Text.Tests/Suite/segmentation-cases.txt), and the cases plain ICU4N fails.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Taiyaku.Text.Tests --filter "FullyQualifiedName~SegmentationSuite.ComparisonWithPlainIcu" \
  --logger "console;verbosity=detailed" 2>&1 | sed -n 's/^ *\(|.*\|plain ICU4N fails.*\)$/\1/p' | awk '!seen[$0]++'
