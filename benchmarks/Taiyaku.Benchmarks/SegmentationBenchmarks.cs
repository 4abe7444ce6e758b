using BenchmarkDotNet.Attributes;
using ICU4N.Globalization;
using ICU4N.Text;
using Taiyaku.Text;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The segmenter on the Book of Genesis given raw (../shared/corpora/bible-ja-en/Genesis.en/.ja, one verse per line;
/// the bundled cable's hand-segmented files without ../shared), against plain ICU4N sentence breaking of the same
/// English text (the baseline): what layout detection, furniture, our English rules and offsets cost on top of ICU.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private readonly SentenceSegmenter segmenter = new();
    private readonly BreakIterator icu = BreakIterator.GetSentenceInstance(new UCultureInfo("en@ss=standard"));
    private string en = "";
    private string ja = "";
    private string bilingual = "";

    [GlobalSetup]
    public void Setup()
    {
        string? genesis = Testing.RepositoryPaths.Shared("corpora/bible-ja-en/Genesis.ja");
        string stem = genesis != null ? genesis[..^3] : Path.Combine(Testing.RepositoryPaths.Root, "samples", "cable-1468");
        if (genesis == null) Console.WriteLine("// ../shared/corpora is missing: segmenting samples/cable-1468 instead of Genesis");
        en = File.ReadAllText(stem + ".en");
        ja = File.ReadAllText(stem + ".ja");
        // Alternating lines: a verse, then its translation.
        var jl = ja.Split('\n');
        var el = en.Split('\n');
        bilingual = string.Join("\n", Enumerable.Range(0, Math.Min(jl.Length, el.Length)).Select(i => jl[i] + "\n" + el[i]));
    }

    /// <summary>Plain ICU4N sentence breaks over the English text.</summary>
    [Benchmark(Baseline = true)]
    public int IcuEnglish()
    {
        icu.SetText(en);
        int n = 0;
        icu.First();
        while (icu.Next() != BreakIterator.Done) n++;
        return n;
    }

    /// <summary>The English text through the segmenter.</summary>
    [Benchmark]
    public int SegmentEnglish() => segmenter.SegmentEnglish(en).Sentences.Count;

    /// <summary>The Japanese text through the segmenter.</summary>
    [Benchmark]
    public int SegmentJapanese() => segmenter.SegmentJapanese(ja).Sentences.Count;

    /// <summary>Both, alternating line by line, through layout detection and pairing.</summary>
    [Benchmark]
    public int SegmentBilingualAlternating() => segmenter.SegmentBilingual(bilingual).Pairings.Count;
}
