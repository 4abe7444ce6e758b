namespace Taiyaku.Testing;

/// <summary>
/// Sentence lengths of a noisy translation as issue 16 measures it (linked into the alignment tests and the
/// benchmarks; <c>scripts/noisy-pair.py</c> writes the same kind of pair as text): Japanese sentences of 8–60
/// characters (3 UTF-8 bytes each), English 2.4 times as many bytes × U(0.8, 1.25), 1% of the English dropped and 4%
/// split in two.
/// </summary>
internal static class NoisyTranslation
{
    /// <summary>UTF-8 lengths of <paramref name="count"/> Japanese sentences and of their English translation.</summary>
    public static (int[] Source, int[] Target) Lengths(int count, int seed)
    {
        var rng = new Random(seed);
        var src = new int[count];
        var tgt = new List<int>(count + count / 20);
        for (int i = 0; i < count; i++)
        {
            int chars = rng.Next(8, 61);
            src[i] = 3 * chars;
            int len = (int)(2.4 * chars * (0.8 + 0.45 * rng.NextDouble()));
            double roll = rng.NextDouble();
            if (roll < 0.01) continue;
            if (roll < 0.05) { tgt.Add(len / 2); tgt.Add(len - len / 2); }
            else tgt.Add(len);
        }
        return (src, [.. tgt]);
    }
}
