using Taiyaku.Alignment;
using Taiyaku.Pipeline;

namespace Taiyaku.Pipeline.Tests;

/// <summary>Lexical anchors, the learned second pass, parameter files and link scores in the pipeline.</summary>
public class AnchorPipelineTests
{
    private static (int, int, int, int)[] Shape(AlignmentResult r) =>
        r.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)).ToArray();

    [Fact]
    public void Without_anchors_the_pipeline_is_length_only()
    {
        string[] ja = ["京都は日本の古い都である。", "多くの寺がある。", "祇園祭は七月に行われる。"];
        string[] en = ["Kyoto is an old capital of Japan.", "There are many temples.", "The Gion Festival is held in July."];
        var none = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build();
        var lengths = new GaleChurchAligner().Align(
            SentenceLengths.MeasureJapanese(ja, LengthMeasure.Utf8Bytes),
            SentenceLengths.MeasureEnglish(en, LengthMeasure.Utf8Bytes));
        Assert.Equal(Shape(lengths), Shape(none.AlignSentences(ja, en)));
    }

    [Fact]
    public void Numbers_and_names_pull_a_shifted_alignment_back()
    {
        // The Japanese side lacks a translation of the second English sentence, and the lengths do not show it.
        string[] ja =
        [
            "1980年にトヨタはアメリカに工場を建てた。",
            "レーガン大統領は1981年に就任した。",
            "GDPは3%増えた。",
            "ニューヨークの人口は800万人である。",
        ];
        string[] en =
        [
            "In 1980 Toyota built a factory in America.",
            "It was a time of great change in the industry.",
            "President Reagan took office in 1981.",
            "GDP grew by 3 percent.",
            "New York has 8 million people.",
        ];
        var result = new DocumentAlignerBuilder().Build().AlignSentences(ja, en);
        // The extra English sentence stands alone or joins a neighbour; the sentences after it are back in step.
        Assert.Contains(result.Links, l => l.SourceStart == 1 && l.SourceCount == 1 && l.TargetEnd == 3);
        Assert.Contains((2, 1, 3, 1), Shape(result));
        Assert.Contains((3, 1, 4, 1), Shape(result));
    }

    [Fact]
    public void Every_link_has_a_score_between_0_and_1()
    {
        string[] ja = ["京都は日本の古い都である。", "多くの寺がある。"];
        string[] en = ["Kyoto is an old capital of Japan.", "There are many temples."];
        var result = new DocumentAlignerBuilder().Build().AlignSentences(ja, en);
        Assert.All(result.Links, l => Assert.InRange(l.Score, 0, 1));
        var unscored = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { Scores = false }).Build().AlignSentences(ja, en);
        Assert.All(unscored.Links, l => Assert.True(double.IsNaN(l.Score)));
    }

    [Fact]
    public void Model_1_learns_word_translations_from_sentence_pairs()
    {
        (IReadOnlyList<string>, IReadOnlyList<string>)[] pairs =
        [
            (["犬", "走る"], ["dog", "run"]),
            (["犬", "寝る"], ["dog", "sleep"]),
            (["猫", "寝る"], ["cat", "sleep"]),
            (["猫", "走る"], ["cat", "run"]),
            (["犬", "猫"], ["dog", "cat"]),
        ];
        var model = TranslationModel.Learn(pairs);
        Assert.True(model.TryGetTranslations("犬", out var dog));
        Assert.Equal("dog", dog[0]);
        Assert.True(model.TryGetTranslations("寝る", out var sleep));
        Assert.Equal("sleep", sleep[0]);
        Assert.False(model.TryGetTranslations("鳥", out _));
    }

    [Fact]
    public void A_model_learned_from_a_batch_is_used_for_every_document()
    {
        string[] ja = ["犬が走る。", "猫が寝る。"];
        string[] en = ["The dog runs.", "The cat sleeps."];
        var aligner = new DocumentAlignerBuilder().Build();
        var model = aligner.LearnTranslations([(ja, en), (ja, en)]);
        var withModel = new DocumentAlignerBuilder().UseTranslationModel(model).Build();
        Assert.Equal(Shape(aligner.AlignSentences(ja, en)), Shape(withModel.AlignSentences(ja, en)));
    }

    [Fact]
    public void Parameter_files_round_trip()
    {
        var p = new AlignmentParameters
        {
            Variance = 7.25,
            Beads = [new Bead(1, 1, 0.9), new Bead(1, 0, 0.05), new Bead(0, 1, 0.05)],
            AnchorWeight = 0.5,
            Confidence = new ConfidenceModel(1, -0.25, 3, 0.1, 0.5, -2),
            FittedOn = "test",
        };
        var back = AlignmentParameters.FromJson(p.ToJson());
        Assert.Equal(p.Variance, back.Variance);
        Assert.Equal(p.Beads, back.Beads);
        Assert.Equal(p.AnchorWeight, back.AnchorWeight);
        Assert.Equal(p.Confidence, back.Confidence);
        Assert.Equal(p.Length, back.Length);
        Assert.Null(back.LengthRatio);
    }

    [Theory]
    [InlineData("{}", "format")]
    [InlineData("not json", "JSON")]
    [InlineData("""{"format":"taiyaku-parameters/1","beads":[{"source":1,"target":1,"probability":2}],"variance":1,"anchorWeight":1,"confidence":{"intercept":0,"cost":0,"coverage":0,"anchorWeight":0,"oneToOne":0,"empty":0}}""", "probability")]
    [InlineData("""{"format":"taiyaku-parameters/1","beads":[],"anchorWeight":1,"confidence":{}}""", "variance")]
    public void Bad_parameter_files_name_the_problem(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AlignmentParameters.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Documents_whose_anchors_would_need_more_than_the_limit_are_aligned_by_length_alone()
    {
        string[] ja = ["1980年にトヨタは工場を建てた。", "それは大きかった。", "レーガンが来た。"];
        string[] en = ["Toyota built a factory in 1980.", "It was big.", "Reagan came."];
        var prepared = new DocumentAlignerBuilder().Build().Prepare(ja, en);
        Assert.True(prepared.Anchored);
        Assert.True(prepared.AnchorMemory > 0);

        // The limit is the most allowed: at the projection anchors are used, a byte below it they are not.
        var at = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.Default with { MemoryLimit = prepared.AnchorMemory }).Build();
        Assert.True(at.Prepare(ja, en).Anchored);
        var limited = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.Default with { MemoryLimit = prepared.AnchorMemory - 1 }).Build();
        var below = limited.Prepare(ja, en);
        Assert.False(below.Anchored);
        Assert.Equal(prepared.AnchorMemory, below.AnchorMemory);

        var none = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build();
        Assert.False(none.Prepare(ja, en).Anchored);
        Assert.Equal(0, none.Prepare(ja, en).AnchorMemory);
        Assert.Equal(Shape(none.AlignSentences(ja, en)), Shape(limited.AlignSentences(ja, en)));
        Assert.Equal(none.AlignSentences(ja, en).Links.Select(l => l.Cost), limited.AlignSentences(ja, en).Links.Select(l => l.Cost));

        // Raw text says the same through its alignment.
        var raw = limited.Align(string.Concat(ja), string.Join(" ", en));
        Assert.False(raw.Anchored);
        Assert.True(raw.AnchorMemory > 0);
        Assert.True(at.Align(string.Concat(ja), string.Join(" ", en)).Anchored);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnchorOptions.Default with { MemoryLimit = -1 });
    }

    [Fact]
    public void A_long_document_is_projected_from_an_even_sample_and_every_sentence_keeps_its_anchors()
    {
        // Dense and bare sentences alternate: a sample of every stride-th sentence (the stride is 2 here) would see one
        // kind only and be wrong by half.
        const int n = 6000;
        string[] jaKinds = ["1980年、1981年、1990年にトヨタとソニーとホンダは東京と大阪で工場を建てた。", "はい。"];
        string[] enKinds = ["In 1980, 1981 and 1990 Toyota, Sony and Honda built factories in Tokyo and Osaka.", "Yes."];
        var ja = Enumerable.Range(0, n).Select(i => jaKinds[i % 2]).ToArray();
        var en = Enumerable.Range(0, n).Select(i => enKinds[i % 2]).ToArray();
        Assert.Equal(2, AnchorMemory.Stride(n));
        var aligner = new DocumentAlignerBuilder().Build();
        var prepared = aligner.Prepare(ja, en);
        Assert.True(prepared.Anchored);

        // Every sentence has the items it has when prepared alone (the sample's and the rest's alike).
        var alone = aligner.Prepare(jaKinds, enKinds);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Keys(alone.JapaneseItems![i % 2]), Keys(prepared.JapaneseItems![i]));
            Assert.Equal(Keys(alone.EnglishItems![i % 2]), Keys(prepared.EnglishItems![i]));
        }

        // The projection from the sample is close to the one from every sentence.
        long all = AnchorMemory.Project(prepared.JapaneseItems!, 1, prepared.EnglishItems!, 1);
        Assert.InRange(prepared.AnchorMemory, 0.95 * all, 1.05 * all);

        // Each stretch of a side gives one sentence, inside it.
        for (int count = 4096; count < 4200; count += 7)
        {
            int stride = AnchorMemory.Stride(count), samples = AnchorMemory.SampleCount(count, stride);
            Assert.Equal(samples, Enumerable.Range(0, count).Count(i => IsSampled(i, stride, count)));
            for (int k = 0; k < samples; k++)
                Assert.InRange(AnchorMemory.Sampled(k, stride, count), k * stride, Math.Min(count, (k + 1) * stride) - 1);
        }

        // Sentence i is in the sample when its stretch's sampled sentence is i.
        static bool IsSampled(int i, int stride, int count) => stride == 1 || AnchorMemory.Sampled(i / stride, stride, count) == i;

        static string Keys(AnchorItem[] items) => string.Join(";", items.Select(x => $"{x.Weight}:{x.Word}:{string.Join(",", x.Keys)}"));
    }
}
