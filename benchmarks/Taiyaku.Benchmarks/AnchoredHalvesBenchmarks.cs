using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The anchored search as one thread and as two halves meeting in the middle (the default from 2^18 length-only cells'
/// work), side by side in one run: the noisy translation of <c>NoisyTranslationBenchmarks</c> with anchors of random
/// weights from a vocabulary of as many keys as sentences (each English sentence keeps most of its Japanese sentence's
/// keys), the built-in parameters' beads and anchor settings. 2,500 sentences is a Bible book's size.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class AnchoredHalvesBenchmarks
{
    private int[] source = [];
    private int[] target = [];
    private AnchorIndex index = null!;
    private GaleChurchAligner aligner = null!;

    /// <summary>Japanese sentences.</summary>
    [Params(2_500, 25_000)]
    public int Sentences { get; set; }

    /// <summary>Whether the search runs as two halves (the default) or on one thread.</summary>
    [Params(true, false)]
    public bool Halves { get; set; }

    /// <summary>Builds the pair, its anchors and the aligner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(11);
        (source, var lengths) = NoisyTranslation.Lengths(Sentences, seed: 7);
        target = lengths;
        // The lengths' generator drops and splits English sentences; the anchors only need to be mostly in step.
        var keys = source.Select(_ => Enumerable.Range(0, rng.Next(0, 7)).Select(_ => (ulong)rng.Next(Sentences)).Distinct().ToArray()).ToArray();
        SentenceAnchors Anchors(ulong[] k) => new([.. k.Select((key, i) => new AnchorKey(key, i))], [.. k.Select(_ => 0.5 + 2.5 * rng.NextDouble())]);
        var sa = keys.Select(Anchors).ToArray();
        var ta = target.Select((_, j) => Anchors([.. keys[Math.Min(j * source.Length / target.Length, source.Length - 1)].Where(_ => rng.Next(4) > 0)])).ToArray();
        index = AnchorIndex.Create(sa, ta);
        var parameters = AlignmentParameters.Default;
        aligner = new GaleChurchAligner(new GaleChurchOptions
        {
            Beads = parameters.Beads,
            Variance = parameters.Variance,
            AnchorWeight = parameters.AnchorWeight,
            UnmatchedItemCost = parameters.UnmatchedItemCost,
        })
        { MeetingCells = Halves ? GaleChurchAligner.DefaultMeetingCells : long.MaxValue };
    }

    /// <summary>Aligns the pair with its anchors.</summary>
    [Benchmark]
    public double Align() => aligner.Align(source, target, index, null, null).TotalCost;
}
