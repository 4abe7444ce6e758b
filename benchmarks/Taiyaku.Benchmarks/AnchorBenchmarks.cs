using BenchmarkDotNet.Attributes;
using Taiyaku.Edict;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.Benchmarks;

/// <summary>
/// What lexical anchors and the learned second pass cost on top of length-only alignment, on the Book of Genesis
/// (2470 Japanese and 2341 English sentences; the bundled cable without ../shared). Every variant uses the same
/// analyzer (IPADIC) and lexicon (EDICT), loaded once; the baseline aligns the same sentences by length alone.
/// </summary>
[MemoryDiagnoser]
public class AnchorBenchmarks
{
    private MorphologicalAnalyzer? analyzer;
    private DocumentAligner lengthOnly = null!, anchors = null!, anchorsAndSecondPass = null!, complete = null!;
    private string[] ja = [], en = [];
    private string jaRaw = "", enRaw = "";
    private PreparedDocument preparedLengths = null!, preparedDefault = null!;

    /// <summary>Reads Genesis (or the cable) and builds the aligners.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string? genesis = Testing.RepositoryPaths.Shared("corpora/bible-ja-en/Genesis.ja");
        string stem = genesis != null ? genesis[..^3] : Path.Combine(Testing.RepositoryPaths.Root, "samples", "cable-1468");
        ja = File.ReadAllLines(stem + ".ja");
        en = File.ReadAllLines(stem + ".en");
        jaRaw = string.Join("\n", ja) + "\n";
        enRaw = string.Join("\n", en) + "\n";
        analyzer = MorphologicalAnalyzer.Open();
        var lexicon = EdictLexicon.Default;
        lengthOnly = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).UseAnalyzer(analyzer).UseLexicon(lexicon).Build();
        anchors = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.Default with { SecondPass = false }).UseAnalyzer(analyzer).UseLexicon(lexicon).Build();
        anchorsAndSecondPass = new DocumentAlignerBuilder().UseAnalyzer(analyzer).UseLexicon(lexicon).Build();
        complete = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.CompleteTranslations).UseAnalyzer(analyzer).UseLexicon(lexicon).Build();
        preparedLengths = lengthOnly.Prepare(ja, en);
        preparedDefault = anchorsAndSecondPass.Prepare(ja, en);
    }

    /// <summary>Releases the analyzer.</summary>
    [GlobalCleanup]
    public void Cleanup() => analyzer?.Dispose();

    /// <summary>Segmented sentences, lengths only.</summary>
    [Benchmark(Baseline = true)]
    public int SentencesLengthOnly() => lengthOnly.AlignSentences(ja, en).Links.Count;

    /// <summary>Segmented sentences with all anchors, one pass.</summary>
    [Benchmark]
    public int SentencesAnchors() => anchors.AlignSentences(ja, en).Links.Count;

    /// <summary>Segmented sentences with all anchors and the learned second pass (the default: the partial set first, then the kyoto-wiki fit).</summary>
    [Benchmark]
    public int SentencesAnchorsSecondPass() => anchorsAndSecondPass.AlignSentences(ja, en).Links.Count;

    /// <summary>As <see cref="SentencesAnchorsSecondPass"/> with the kyoto-wiki fit alone (<see cref="AlignmentParameters.CompleteTranslations"/>).</summary>
    [Benchmark]
    public int SentencesCompleteTranslations() => complete.AlignSentences(ja, en).Links.Count;

    /// <summary>Issue 16's measure: the default's alignment of sentences measured and analysed beforehand (analysis excluded).</summary>
    [Benchmark]
    public int PreparedDefault() => anchorsAndSecondPass.Align(preparedDefault).Links.Count;

    /// <summary>Issue 16's yardstick: the length-only alignment of sentences measured beforehand.</summary>
    [Benchmark]
    public int PreparedLengthOnly() => lengthOnly.Align(preparedLengths).Links.Count;

    /// <summary>Raw documents (segmentation included), lengths only.</summary>
    [Benchmark]
    public int RawLengthOnly() => lengthOnly.Align(jaRaw, enRaw).Pairs.Count;

    /// <summary>Raw documents (segmentation included), all anchors and the second pass.</summary>
    [Benchmark]
    public int RawAnchorsSecondPass() => anchorsAndSecondPass.Align(jaRaw, enRaw).Pairs.Count;
}
