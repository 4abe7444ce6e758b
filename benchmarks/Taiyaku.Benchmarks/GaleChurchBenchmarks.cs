using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The Gale &amp; Church DP core (banded, default options) on synthetic documents: Japanese-like source lengths and an
/// English-like target about three times as long per sentence, with length noise, merges, splits, deletions and
/// insertions. Fixed seed, so every run aligns the same input. A short job (one launch, one warm-up, three measured
/// iterations): one 1M × 1M alignment takes seconds, and the spread between iterations stays within a few percent.
/// The baseline is the default aligner (extended bead set); the comparison is Gale &amp; Church's six standard beads.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GaleChurchBenchmarks
{
    private int[] source = [];
    private int[] target = [];
    private readonly GaleChurchAligner aligner = new();
    private readonly GaleChurchAligner standard = new(new GaleChurchOptions { Beads = Bead.Standard });

    /// <summary>Sentences per side (the target side differs by a few percent).</summary>
    [Params(1_000, 10_000, 50_000, 100_000, 1_000_000)]
    public int Sentences { get; set; }

    /// <summary>Builds the synthetic document pair.</summary>
    [GlobalSetup]
    public void Setup() => (source, target) = Synthetic(Sentences, seed: 1993);

    /// <summary>Aligns the pair with the banded search and the default (extended) beads.</summary>
    [Benchmark(Baseline = true)]
    public double AlignBanded() => aligner.Align(source, target).TotalCost;

    /// <summary>The same with Gale &amp; Church's standard beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2).</summary>
    [Benchmark]
    public double AlignBandedStandardBeads() => standard.Align(source, target).TotalCost;

    /// <summary>A source of <paramref name="count"/> sentences and a noisy "translation" of it.</summary>
    public static (int[] Source, int[] Target) Synthetic(int count, int seed)
    {
        var rng = new Random(seed);
        var src = new int[count];
        for (int i = 0; i < count; i++)
            src[i] = Math.Max(1, (int)Math.Exp(3.6 + 0.6 * Gaussian(rng)));   // median ≈ 37 characters
        var tgt = new List<int>(count + count / 10);
        for (int i = 0; i < count; i++)
        {
            int len = Math.Max(1, (int)(src[i] * 3.0 * (1 + 0.2 * Gaussian(rng))));
            int roll = rng.Next(100);
            if (roll < 1) continue;                                                         // 1 % deleted
            if (roll < 6 && i + 1 < count) len += (int)(src[++i] * 3.0 * (1 + 0.2 * Gaussian(rng))); // 5 % 2-1
            if (roll is >= 6 and < 10) { tgt.Add(len / 2); len -= len / 2; }                // 4 % 1-2
            if (roll == 10) tgt.Add(rng.Next(5, 300));                                      // 1 % inserted
            tgt.Add(len);
        }
        return (src, tgt.ToArray());
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
