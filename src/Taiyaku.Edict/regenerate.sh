#!/bin/sh
# Regenerates edict-lexicon.tsv.gz (the embedded lexicon) from Debian's EDICT: apt-get install edict.
# Usage: src/Taiyaku.Edict/regenerate.sh [path/to/edict]     (default /usr/share/edict/edict, EUC-JP)
# The conversion is EdictConverter.ConvertCompressed, run through the test project's Regenerate_the_committed_lexicon test so that no
# separate tool is needed. It then rebuilds: the build compiles the text into the binary image embedded in the assembly
# (Compiler/), and the test comparing the committed file and the image with a fresh conversion passes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source=${1:-/usr/share/edict/edict}
[ -f "$source" ] || { echo "regenerate.sh: no EDICT file at $source (apt-get install edict)" >&2; exit 1; }
cd "$root"
dotnet build tests/Taiyaku.Edict.Tests -warnaserror -nologo -v quiet
TAIYAKU_EDICT_SOURCE="$source" TAIYAKU_EDICT_WRITE="$here/edict-lexicon.tsv.gz" \
  dotnet test tests/Taiyaku.Edict.Tests --no-build --nologo --filter "FullyQualifiedName=Taiyaku.Edict.Tests.RegenerationTests.Regenerate_the_committed_lexicon"
ls -l "$here/edict-lexicon.tsv.gz"
dotnet build tests/Taiyaku.Edict.Tests -warnaserror -nologo -v quiet
