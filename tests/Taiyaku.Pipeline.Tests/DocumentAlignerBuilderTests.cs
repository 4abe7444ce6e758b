using Taiyaku.Alignment;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// The builder puts an aligner together from one parameter model and optional parts; parameters read back from a file
/// equal what was written, so nothing converts back and forth.
/// </summary>
public sealed class DocumentAlignerBuilderTests
{
    private static readonly string[] Ja = ["京都は古い都である。", "多くの寺がある。", "祇園祭は七月に行われる。"];
    private static readonly string[] En = ["Kyoto is an old capital.", "It has many temples.", "The Gion festival is held in July."];

    [Fact]
    public void Parameters_read_back_from_their_file_equal_the_original()
    {
        foreach (var p in new[] { AlignmentParameters.Default, AlignmentParameters.PartialTranslations, new AlignmentParameters { Variance = 1.0 / 3, LengthRatio = Math.PI, DeletionRates = [0.1, 0.2] } })
        {
            var back = AlignmentParameters.FromJson(p.ToJson());
            Assert.Equal(p, back);
            Assert.Equal(p.GetHashCode(), back.GetHashCode());
        }
        Assert.NotEqual(AlignmentParameters.Default, AlignmentParameters.Default with { Beads = Bead.Standard });
        Assert.NotEqual(AlignmentParameters.Default, AlignmentParameters.Default with { DeletionRates = [0.5] });
    }

    [Fact]
    public async Task Parameters_saved_and_loaded_are_equal()
    {
        string path = Path.Combine(Path.GetTempPath(), $"taiyaku-params-{Guid.NewGuid():N}.json");
        try
        {
            await AlignmentParameters.PartialTranslations.SaveAsync(path);
            Assert.Equal(AlignmentParameters.PartialTranslations, await AlignmentParameters.LoadAsync(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_options_given_are_the_options_used_and_a_rebuilt_aligner_aligns_the_same()
    {
        var options = DocumentAlignerOptions.Default with
        {
            Parameters = AlignmentParameters.PartialTranslations,
            Anchors = AnchorOptions.Default with { SecondPass = false },
        };
        var aligner = new DocumentAlignerBuilder().UseOptions(options).Build();
        Assert.Same(options, aligner.Options);
        var rebuilt = aligner.ToBuilder().Build();
        Assert.Equal(aligner.Options, rebuilt.Options);
        Assert.Equal(aligner.AlignSentences(Ja, En).Links, rebuilt.AlignSentences(Ja, En).Links);

        var built = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.PartialTranslations).UseAnchors(AnchorOptions.None).Build();
        Assert.Same(AlignmentParameters.PartialTranslations, built.Options.Parameters);
        Assert.Same(AnchorOptions.None, built.Options.Anchors);
    }

    [Fact]
    public void Scores_off_leaves_links_unscored_and_a_band_width_below_one_is_refused()
    {
        var scored = new DocumentAlignerBuilder().Build().AlignSentences(Ja, En).Links;
        var unscored = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { Scores = false }).Build().AlignSentences(Ja, En).Links;
        Assert.Equal(scored.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), unscored.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        Assert.Contains(scored, l => l.Score != unscored[0].Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentAlignerOptions.Default with { BandWidth = 0 });
    }

    [Fact]
    public void Bad_parts_are_refused_when_given_or_built()
    {
        var b = new DocumentAlignerBuilder();
        Assert.Throws<ArgumentNullException>(() => b.UseParameters(null!));
        Assert.Throws<ArgumentNullException>(() => b.AddAnchorSource(null!));
        // Token lengths need the analyzer: refused at Build, naming it.
        var e = Assert.Throws<ArgumentNullException>(() => new DocumentAlignerBuilder().UseParameters(AlignmentParameters.Default with { Length = LengthMeasure.Tokens }).Build());
        Assert.Equal("analyzer", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentAlignerBuilder().UseParameters(AlignmentParameters.Default with { DeletionRates = [1.5] }).Build());
    }

    [Fact]
    public void A_null_sentence_is_refused_naming_the_callers_argument()
    {
        var aligner = new DocumentAlignerBuilder().Build();
        var e = Assert.Throws<ArgumentException>(() => aligner.AlignSentences(["一。", null!], ["One."]));
        Assert.Equal("japanese", e.ParamName);
        Assert.Contains("Japanese sentence 1 is null", e.Message);
        Assert.Equal("english", Assert.Throws<ArgumentException>(() => aligner.AlignSentences(["一。"], [null!])).ParamName);
    }
}
