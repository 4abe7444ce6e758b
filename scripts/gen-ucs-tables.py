# Regenerates src/Taiyaku.Japanese/Resources/ucs-tables.bin.gz from MeCab's src/ucstable.h (BSD/LGPL/GPL, (C) Taku Kudo, NTT):
# euc_tbl, euc_hojo_tbl and cp932_tbl as 3 x 65536 little-endian uint16, gzip. Usage: python3 scripts/gen-ucs-tables.py (paths inside).
import re, struct, zlib, sys
src = open('/tmp/wt20-mecab/mecab/src/ucstable.h').read()
out = b''
for name in ['euc_tbl', 'euc_hojo_tbl', 'cp932_tbl']:
    m = re.search(r'%s\[65536\] = \{(.*?)\};' % name, src, re.S)
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S); vals = [int(x, 0) for x in re.findall(r"0x[0-9a-fA-F]+|\d+", body)]
    assert len(vals) <= 65536; vals += [0]*(65536-len(vals))
    out += struct.pack('<65536H', *vals)
import gzip
open('/tmp/wt20-ucs.bin.gz','wb').write(gzip.compress(out, 9))
print(len(out), len(gzip.compress(out,9)))
