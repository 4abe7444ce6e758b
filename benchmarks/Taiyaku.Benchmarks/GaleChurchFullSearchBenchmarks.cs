using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;

namespace Taiyaku.Benchmarks;

/// <summary>
/// What the band buys: the full n × m search (baseline) against the default banded search on the same synthetic pairs
/// (<see cref="GaleChurchBenchmarks.Synthetic"/>). The full search is quadratic in time and back-pointer memory, so
/// only small sizes are run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GaleChurchFullSearchBenchmarks
{
    private int[] source = [];
    private int[] target = [];
    private readonly GaleChurchAligner banded = new();
    private readonly GaleChurchAligner full = new(new GaleChurchOptions { Search = SearchMode.Full });

    /// <summary>Sentences per side.</summary>
    [Params(1_000, 4_000)]
    public int Sentences { get; set; }

    /// <summary>Builds the synthetic document pair.</summary>
    [GlobalSetup]
    public void Setup() => (source, target) = GaleChurchBenchmarks.Synthetic(Sentences, seed: 1993);

    /// <summary>Every cell of the lattice.</summary>
    [Benchmark(Baseline = true)]
    public double AlignFull() => full.Align(source, target).TotalCost;

    /// <summary>The default banded search.</summary>
    [Benchmark]
    public double AlignBanded() => banded.Align(source, target).TotalCost;
}
