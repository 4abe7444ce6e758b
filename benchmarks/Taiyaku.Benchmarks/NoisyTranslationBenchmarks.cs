using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The length-only search as <c>align --anchors none</c> runs it (the built-in parameters' beads and variance) on a
/// noisy translation as issue 16 specifies it: Japanese sentences of 8–60 characters (3 bytes each), English 2.4 times
/// as many bytes × U(0.8, 1.25), 1% of the English dropped and 4% split in two (<c>tests/Shared/NoisyTranslation.cs</c>;
/// <c>scripts/noisy-pair.py</c> writes the same kind of pair as text). Uniform lengths give a coarse alignment little
/// to hold on to: this is where the blocks' own length model matters. Compare time(1M) / time(100k) within one run,
/// and the search as two halves meeting in the middle (the default for searches of 2^18 cells or more) with the
/// one-thread search.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NoisyTranslationBenchmarks
{
    private int[] source = [];
    private int[] target = [];
    private GaleChurchAligner aligner = null!;

    /// <summary>Japanese sentences (the English side has about 3% more).</summary>
    [Params(100_000, 1_000_000)]
    public int Sentences { get; set; }

    /// <summary>Whether the large searches run as two halves on two threads (the default) or on one thread.</summary>
    [Params(true, false)]
    public bool Halves { get; set; }

    /// <summary>Builds the pair and the aligner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (source, target) = NoisyTranslation.Lengths(Sentences, seed: 7);
        aligner = new GaleChurchAligner(new GaleChurchOptions
        {
            Beads = AlignmentParameters.CompleteTranslations.Beads,
            Variance = AlignmentParameters.CompleteTranslations.Variance,
        })
        { MeetingCells = Halves ? GaleChurchAligner.DefaultMeetingCells : long.MaxValue };
    }

    /// <summary>Aligns the pair.</summary>
    [Benchmark]
    public double Align() => aligner.Align(source, target).TotalCost;
}
