using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The whole pipeline on the Book of Genesis (../shared/corpora/bible-ja-en/Genesis.ja/.en: 2470 Japanese and 2341
/// English sentences, one per line), against the DP core alone on the same sentence lengths (the baseline):
/// <see cref="DocumentAligner.AlignSentences"/> adds measuring the sentences, <see cref="DocumentAligner.Align"/> on
/// the lines joined into raw documents adds segmentation. Without ../shared the bundled sample
/// samples/cable-1468.ja/.en (66 and 75 lines) is used instead; <see cref="Corpus"/> says which.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly DocumentAligner aligner = new DocumentAlignerBuilder().Build();
    private readonly GaleChurchAligner core = new(new GaleChurchOptions { Variance = AlignmentParameters.Default.Variance, Beads = AlignmentParameters.Default.Beads, AnchorWeight = AlignmentParameters.Default.AnchorWeight });
    private string[] ja = [];
    private string[] en = [];
    private int[] jaLengths = [];
    private int[] enLengths = [];
    private string jaRaw = "";
    private string enRaw = "";

    /// <summary>Genesis, or the bundled cable when ../shared is missing.</summary>
    [Params("Genesis")]
    public string Corpus { get; set; } = "Genesis";

    /// <summary>Reads the two sides and measures them as the pipeline does (UTF-8 bytes).</summary>
    [GlobalSetup]
    public void Setup()
    {
        string? genesis = Testing.RepositoryPaths.Shared("corpora/bible-ja-en/Genesis.ja");
        string stem = genesis != null
            ? genesis[..^3]
            : Path.Combine(Testing.RepositoryPaths.Root, "samples", "cable-1468");
        if (genesis == null) Console.WriteLine("// ../shared/corpora is missing: aligning samples/cable-1468 instead of Genesis");
        ja = File.ReadAllLines(stem + ".ja");
        en = File.ReadAllLines(stem + ".en");
        jaLengths = SentenceLengths.MeasureJapanese(ja, LengthMeasure.Utf8Bytes);
        enLengths = SentenceLengths.MeasureEnglish(en, LengthMeasure.Utf8Bytes);
        jaRaw = string.Join("\n", ja) + "\n";
        enRaw = string.Join("\n", en) + "\n";
    }

    /// <summary>The DP core on the sentence lengths.</summary>
    [Benchmark(Baseline = true)]
    public double CoreOnLengths() => core.Align(jaLengths, enLengths).TotalCost;

    /// <summary>Sentences given: lengths measured, then aligned.</summary>
    [Benchmark]
    public double AlignSentences() => aligner.AlignSentences(ja, en).TotalCost;

    /// <summary>Raw documents: segmented (page furniture, wrapped lines, ICU for English), measured, aligned.</summary>
    [Benchmark]
    public int AlignRawDocuments() => aligner.Align(jaRaw, enRaw).Pairs.Count;
}
