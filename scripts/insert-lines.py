#!/usr/bin/env python3
"""Copies a gold corpus folder (NAME.ja / NAME.en / NAME.gold) with one-sided lines inserted at random: page stamps,
markings, translator's notes and lines of the other language, one line in RATE before a sentence of either side
(fixed SEED). The gold is remapped and gains a one-sided link for each inserted line, and NAME.ja.map / NAME.en.map give
each line's original index (-1 for an inserted line).

The built-in parameters' confidence model was fitted on kyoto-wiki dev together with this copy of it:
  scripts/insert-lines.py ../shared/corpora/kyoto-wiki/dev /tmp/dev-inserted 11 20
  taiyaku fit --scores-only --params complete --corpus ../shared/corpora/kyoto-wiki/dev:/tmp/dev-inserted --out c.json
The lines are not those of the test (PartialTranslationTests builds its own variant of kyoto-wiki tune).

usage: insert-lines.py SOURCE_DIR OUT_DIR SEED RATE
"""
import glob, os, random, re, sys

JA_NOISE = ["- 7 -", "4/12ページ", "（原文ではここに写真がある）", "取扱注意", "Received 10:32 JST", "［訳注：判読不能］", "第二部",
            "Note: the following paragraph was added by the editor."]
EN_NOISE = ["Page 4 of 12", "(Photograph omitted)", "UNCLASSIFIED", "【極秘】", "[Editor's note: text missing]", "- 21 -",
            "外務省 記録", "Section B"]


def read_gold(path):
    links = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        m = re.fullmatch(r"\[([0-9, ]*)\]:\[([0-9, ]*)\]", line)
        if not m:
            sys.exit(f"{path}: not a vecalign link: {line}")
        links.append(tuple([int(x) for x in g.split(",") if x.strip()] for g in m.groups()))
    return links


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[-1])
    source, out, seed, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for gold in sorted(glob.glob(os.path.join(source, "*.gold"))):
        name = os.path.basename(gold)[:-5]
        maps = {}
        for side, noise in (("ja", JA_NOISE), ("en", EN_NOISE)):
            lines = open(os.path.join(source, f"{name}.{side}"), encoding="utf-8").read().split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            text, index = [], []
            for k, line in enumerate(lines):
                if rng.randrange(rate) == 0:
                    text.append(rng.choice(noise))
                    index.append(-1)
                text.append(line)
                index.append(k)
            with open(os.path.join(out, f"{name}.{side}"), "w", encoding="utf-8") as f:
                f.write("\n".join(text) + "\n")
            with open(os.path.join(out, f"{name}.{side}.map"), "w", encoding="utf-8") as f:
                f.write(" ".join(map(str, index)))
            maps[side] = index
        new = {side: {k: i for i, k in enumerate(m) if k >= 0} for side, m in maps.items()}
        links = [([new["ja"][i] for i in s], [new["en"][j] for j in t]) for s, t in read_gold(gold)]
        # Each inserted line's link goes after the last link holding a line before it on its side.
        for k, side in ((0, "ja"), (1, "en")):
            for i, original in enumerate(maps[side]):
                if original >= 0:
                    continue
                at = 0
                for x, link in enumerate(links):
                    if link[k] and link[k][-1] < i:
                        at = x + 1
                links.insert(at, ([i], []) if k == 0 else ([], [i]))
        with open(os.path.join(out, f"{name}.gold"), "w", encoding="utf-8") as f:
            for s, t in links:
                f.write(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n")


if __name__ == "__main__":
    main()
