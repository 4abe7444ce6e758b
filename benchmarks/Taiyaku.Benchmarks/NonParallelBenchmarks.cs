using BenchmarkDotNet.Attributes;
using Taiyaku.Edict;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.Benchmarks;

/// <summary>
/// Documents that are not parallel throughout (issue 14): the first N lines of each side of the 13 Bible dev books
/// concatenated in file-name order, so that the English side runs on past the end of the Japanese text, and 100k
/// lines a side (the books repeated). Default options (all anchors, second pass), and the built-in parameters for partial
/// translations and for complete ones alone. Sentences are analysed once per benchmark call, as a user's call does. Needs ../shared.
/// </summary>
[MemoryDiagnoser]
public class NonParallelBenchmarks
{
    private MorphologicalAnalyzer? analyzer;
    private DocumentAligner defaults = null!, partial = null!, complete = null!;
    private string[] ja = [], en = [];

    /// <summary>Lines per side.</summary>
    [ParamsSource(nameof(LineCounts))]
    public int Lines { get; set; }

    /// <summary>5k, 10k, 20k and 100k lines, or the comma-separated counts in TAIYAKU_BENCH_LINES (100k takes about 9 s a call).</summary>
    public static IEnumerable<int> LineCounts =>
        Environment.GetEnvironmentVariable("TAIYAKU_BENCH_LINES") is { Length: > 0 } counts
            ? counts.Split(',').Select(int.Parse)
            : [5_000, 10_000, 20_000, 100_000];

    /// <summary>Reads the books and builds the two aligners.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string dir = Testing.RepositoryPaths.Shared("corpora/bible-ja-en") ?? throw new InvalidOperationException("needs ../shared/corpora/bible-ja-en");
        var books = Directory.GetFiles(dir, "*.ja").Order(StringComparer.Ordinal).Select(f => f[..^3]).ToArray();
        ja = Repeat(books.SelectMany(b => File.ReadLines(b + ".ja")), Lines);
        en = Repeat(books.SelectMany(b => File.ReadLines(b + ".en")), Lines);
        analyzer = MorphologicalAnalyzer.Open();
        defaults = new DocumentAlignerBuilder().UseAnalyzer(analyzer).UseLexicon(EdictLexicon.Default).Build();
        partial = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.PartialTranslations).UseAnalyzer(analyzer).UseLexicon(EdictLexicon.Default).Build();
        complete = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.CompleteTranslations).UseAnalyzer(analyzer).UseLexicon(EdictLexicon.Default).Build();
    }

    private static string[] Repeat(IEnumerable<string> lines, int count)
    {
        var all = lines.ToArray();
        return Enumerable.Range(0, count).Select(i => all[i % all.Length]).ToArray();
    }

    /// <summary>Releases the analyzer.</summary>
    [GlobalCleanup]
    public void Cleanup() => analyzer?.Dispose();

    /// <summary>Default options.</summary>
    [Benchmark(Baseline = true)]
    public int Default() => defaults.AlignSentences(ja, en).Links.Count;

    /// <summary>The built-in parameters for partial translations (ν &gt; 0, deletion share chosen per document).</summary>
    [Benchmark]
    public int Partial() => partial.AlignSentences(ja, en).Links.Count;

    /// <summary>The kyoto-wiki fit alone (<see cref="AlignmentParameters.CompleteTranslations"/>), the default before it chose per document.</summary>
    [Benchmark]
    public int Complete() => complete.AlignSentences(ja, en).Links.Count;
}
