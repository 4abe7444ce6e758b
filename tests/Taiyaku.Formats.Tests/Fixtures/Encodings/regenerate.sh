#!/usr/bin/env bash
# Regenerates the encoding fixtures from samples/cable-1468.ja (UTF-8) with iconv, independently of .NET's encoders.
# The tests decode each file and compare it with the UTF-8 original.
set -euo pipefail
cd "$(dirname "$0")"
src=../../../../samples/cable-1468.ja
{ printf '\xEF\xBB\xBF'; cat "$src"; } > cable-1468.utf8bom.txt
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$src"; } > cable-1468.utf16le.txt
{ printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$src"; } > cable-1468.utf16be.txt
iconv -f UTF-8 -t SHIFT_JIS "$src" > cable-1468.sjis.txt
iconv -f UTF-8 -t CP932 "$src" > cable-1468.cp932.txt
iconv -f UTF-8 -t EUC-JP "$src" > cable-1468.eucjp.txt
# A Shift_JIS file damaged on line 3: byte 0x85 0x40 (unassigned in CP932) in place of the first character there.
head -n 2 cable-1468.cp932.txt > cable-1468.cp932-damaged.txt
{ printf '\x85\x40'; sed -n '3p' cable-1468.cp932.txt | tail -c +3; } >> cable-1468.cp932-damaged.txt
tail -n +4 cable-1468.cp932.txt >> cable-1468.cp932-damaged.txt
