# Makes an input for mecab -p (partial parsing) from mecab output: free pieces, POS patterns, "*" patterns,
# patterns with "*" columns, two tokens forced into one, and patterns nothing matches. Usage: make-partial.py MECAB_OUTPUT [SEED]
import io, random, sys
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
out = []
# Bytes as Latin-1 so that any dictionary charset passes through unchanged.
blocks = open(sys.argv[1], encoding='latin-1').read().split('EOS\n')
sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='latin-1')
PROPER = '名詞,固有名詞'.encode('utf-8').decode('latin-1')
for b in blocks:
    toks = [l.split('\t', 1) for l in b.split('\n') if l]
    if not toks: continue
    i = 0
    while i < len(toks):
        r = random.random()
        if r < 0.35:  # a free chunk of 1-3 tokens
            n = random.randint(1, 3); out.append(''.join(t[0] for t in toks[i:i+n])); i += n
        elif r < 0.6:  # constraint with the POS
            f = toks[i][1].split(',') if len(toks[i]) > 1 else ['*']
            out.append(toks[i][0] + '\t' + f[0]); i += 1
        elif r < 0.75:
            out.append(toks[i][0] + '\t*'); i += 1
        elif r < 0.85:  # a pattern with * columns
            f = toks[i][1].split(',') if len(toks[i]) > 1 else ['*']
            out.append(toks[i][0] + '\t' + ','.join('*' if random.random() < 0.5 else x for x in f[:4])); i += 1
        elif r < 0.93:  # two tokens forced into one with a made-up pattern
            n = 2; out.append(''.join(t[0] for t in toks[i:i+n]) + '\t' + PROPER); i += n
        else:  # a pattern that matches nothing
            out.append(toks[i][0] + '\tXYZ,abc'); i += 1
    out.append('EOS')
print('\n'.join(out))
