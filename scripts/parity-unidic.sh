#!/usr/bin/env bash
# UniDic parity: installs Debian's unidic-mecab (a 1 GB download, 5 GB installed; needs root and apt-get), then
# compares `taiyaku tokenize` with mecab on it through scripts/parity-mecab.sh (default output, which UniDic's dicrc
# sets to its own format type, wakati, every dicrc format, -N 3, -a, -m, -p) and prints the table.
# Not run by CI. Usage: scripts/parity-unidic.sh   (env as for parity-mecab.sh: TEXT, SMALL_LINES, TAIYAKU)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
find_unidic() { find /var/lib/mecab/dic /usr/share/mecab/dic /usr/lib/x86_64-linux-gnu/mecab/dic -name sys.dic -path '*unidic*' 2>/dev/null | head -1; }
sysdic="$(find_unidic || true)"
if [ -z "$sysdic" ]; then
  echo "parity-unidic: installing unidic-mecab (about 1 GB)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unidic-mecab >&2
  # unidic-mecab may become mecab's default dictionary: keep IPADIC, which other tools here assume.
  if [ -d /var/lib/mecab/dic/ipadic-utf8 ]; then update-alternatives --set mecab-dictionary /var/lib/mecab/dic/ipadic-utf8 >&2 || true; fi
  sysdic="$(find_unidic || true)"
fi
[ -n "$sysdic" ] || { echo "parity-unidic: no UniDic sys.dic found after installing unidic-mecab" >&2; exit 1; }
dic="$(dirname "$sysdic")"
echo "parity-unidic: $dic ($(du -sh "$dic" | cut -f1)), dicrc output-format-type: $(grep -a '^output-format-type' "$dic/dicrc" || echo none)" >&2
"$here/parity-mecab.sh" "$dic"
