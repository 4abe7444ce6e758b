using BenchmarkDotNet.Attributes;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.Benchmarks;

/// <summary>
/// Learning word translations (IBM Model 1, what the learned second pass does for every document) from the 1-1 verse
/// links of Genesis' gold alignment: IPADIC surfaces against lower-cased English words. Without ../shared, the bundled
/// cable's lines paired in order.
/// </summary>
[MemoryDiagnoser]
public class TranslationModelBenchmarks
{
    private List<(IReadOnlyList<string>, IReadOnlyList<string>)> pairs = [];

    /// <summary>Reads the pairs and analyses their Japanese once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string? genesis = Testing.RepositoryPaths.Shared("corpora/bible-ja-en/Genesis.ja");
        string stem = genesis != null ? genesis[..^3] : Path.Combine(Testing.RepositoryPaths.Root, "samples", "cable-1468");
        var ja = File.ReadAllLines(stem + ".ja");
        var en = File.ReadAllLines(stem + ".en");
        var links = genesis != null
            ? File.ReadLines(stem + ".gold").Select(OneToOne).Where(l => l.HasValue).Select(l => l!.Value)
            : Enumerable.Range(0, Math.Min(ja.Length, en.Length)).Select(i => (i, i));
        using var analyzer = MorphologicalAnalyzer.Open();
        pairs = [.. links.Select(l => ((IReadOnlyList<string>)[.. analyzer.Analyze(ja[l.Item1]).Select(m => m.Surface)],
            (IReadOnlyList<string>)en[l.Item2].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
    }

    /// <summary>The model learned from the pairs.</summary>
    [Benchmark]
    public int Learn() => TranslationModel.Learn(pairs).Count;

    // "[3]:[5]" (vecalign's format) as (3, 5); other links as null.
    private static (int, int)? OneToOne(string line)
    {
        var sides = line.Split(':');
        return sides.Length == 2 && int.TryParse(sides[0].Trim('[', ']'), out int s) && int.TryParse(sides[1].Trim('[', ']'), out int t) ? (s, t) : null;
    }
}
