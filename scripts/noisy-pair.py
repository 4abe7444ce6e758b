#!/usr/bin/env python3
"""A noisy synthetic translation for speed and memory measurements (issue 16's specification), one sentence a line.

    scripts/noisy-pair.py N OUT [SEED]

writes OUT.ja (N lines of 8-60 random kana and kanji, ending in 。), OUT.en (one line of random English words per
Japanese line, 2.4 times as many characters x U(0.8, 1.25); 1% of them dropped, 4% split in two) and OUT.gold (the
true links, vecalign format). Deterministic for a given SEED (default 7).
"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
kana = [chr(c) for c in range(0x3041, 0x3094)]
kanji = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
words = ("the of and to in a is that for it as was with be by on not he this are or his from at which but have an "
         "they you were her she there been one all we their has would when if so no out up into do than").split()
ej = 0
with open(out + ".ja", "w") as ja, open(out + ".en", "w") as en, open(out + ".gold", "w") as gold:
    for i in range(n):
        chars = r.randint(8, 60)
        ja.write("".join(r.choice(kanji) if r.random() < 0.4 else r.choice(kana) for _ in range(chars - 1)) + "。\n")
        target = int(chars * 2.4 * r.uniform(0.8, 1.25))
        u = r.random()
        if u < 0.01:
            gold.write(f"[{i}]:[]\n")
            continue
        s = []
        while sum(len(w) + 1 for w in s) < target:
            s.append(r.choice(words))
        if u < 0.05 and len(s) > 3:
            k = len(s) // 2
            en.write(" ".join(s[:k]).capitalize() + ".\n" + " ".join(s[k:]).capitalize() + ".\n")
            gold.write(f"[{i}]:[{ej}, {ej + 1}]\n")
            ej += 2
        else:
            en.write(" ".join(s).capitalize() + ".\n")
            gold.write(f"[{i}]:[{ej}]\n")
            ej += 1
