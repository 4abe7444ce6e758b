#!/usr/bin/env bash
# Regenerates docs/cli/ (the Markdown command reference) from the tool's help; CliDocsTests fails while it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Taiyaku.Cli -c Debug -nologo -v q
mkdir -p docs/cli
dotnet src/Taiyaku.Cli/bin/Debug/net10.0/taiyaku.dll docs --out docs/cli
echo "docs/cli updated"
