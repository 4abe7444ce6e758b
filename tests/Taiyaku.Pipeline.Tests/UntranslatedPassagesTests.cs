using Taiyaku.Alignment;
using Taiyaku.Edict;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// One built-in parameter set for complete and partial translations: the default aligns a document with the set for
/// untranslated passages when its first pass leaves a block of one-sided links, and with the kyoto-wiki fit otherwise.
/// </summary>
public sealed class UntranslatedPassagesTests
{
    private static readonly string[] Ja =
    [
        "京都は古い都である。", "多くの寺がある。", "祇園祭は七月に行われる。", "金閣寺は一三九七年に建てられた。",
        "大阪は商業の町である。", "奈良には大仏がある。", "富士山は日本で一番高い山である。", "東京は日本の首都である。",
    ];

    private static readonly string[] En =
    [
        "Kyoto is an old capital.", "It has many temples.", "The Gion festival is held in July.", "Kinkaku-ji was built in 1397.",
        "Osaka is a city of commerce.", "Nara has a great statue of Buddha.", "Mount Fuji is the highest mountain in Japan.", "Tokyo is the capital of Japan.",
    ];

    // An English block the Japanese leaves out: lexical evidence for none of it on the Japanese side.
    private static readonly string[] Untranslated =
    [
        "The weather report for the harbour district was delayed by a storm warning yesterday.",
        "Ferries to the outer islands were cancelled until further notice.",
        "Shipping companies expect the backlog to clear by the weekend.",
    ];

    [Fact]
    public void Block_share_is_the_share_of_the_text_in_runs_of_two_or_more_one_sided_links()
    {
        Link L(int s, int sc, int t, int tc) => new(s, sc, t, tc, 0);
        var result = new AlignmentResult([L(0, 1, 0, 1), L(1, 0, 1, 1), L(1, 0, 2, 1), L(1, 1, 3, 1), L(2, 1, 4, 0), L(3, 1, 4, 1), L(4, 0, 5, 1), L(4, 1, 6, 0)], 5, 6);
        int[] ja = [10, 10, 40, 10, 5], en = [10, 20, 30, 10, 10, 15];
        // 170 in all; the block of links 1-2 holds 20 + 30, the isolated 1-0 (40) none, the closing block 15 + 5.
        Assert.Equal(70 / 170.0, UntranslatedPassages.BlockShare(result, ja, en), 12);
        Assert.Equal(0, UntranslatedPassages.BlockShare(new AlignmentResult([], 0, 0), [], []));
        Assert.Throws<ArgumentException>(() => UntranslatedPassages.BlockShare(result, ja[..4], en));
    }

    [Fact]
    public void The_default_holds_the_partial_set_and_complete_translations_is_the_default_without_it()
    {
        var u = Assert.IsType<UntranslatedPassages>(AlignmentParameters.Default.Untranslated);
        Assert.Same(AlignmentParameters.PartialTranslations, u.Parameters);
        Assert.Equal(0.01, u.MinBlockShare);
        Assert.Null(AlignmentParameters.CompleteTranslations.Untranslated);
        Assert.Null(AlignmentParameters.PartialTranslations.Untranslated);
        Assert.Equal(AlignmentParameters.Default with { Untranslated = null }, AlignmentParameters.CompleteTranslations);
        Assert.NotEqual(AlignmentParameters.Default, AlignmentParameters.CompleteTranslations);
    }

    [Fact]
    public void A_complete_translation_is_aligned_with_the_kyoto_fit()
    {
        var aligner = CliAligner.Value;
        var evidence = aligner.AlignWithEvidence(aligner.Prepare(Ja, En));
        Assert.Same(AlignmentParameters.Default, evidence.Parameters);
        Assert.All(evidence.Result.Links, l => Assert.True(l.SourceCount == 1 && l.TargetCount == 1, l.ToString()));
    }

    [Fact]
    public void An_untranslated_block_is_aligned_with_the_partial_set_and_left_unaligned()
    {
        string[] en = [.. En[..4], .. Untranslated, .. En[4..]];
        var aligner = CliAligner.Value;
        var evidence = aligner.AlignWithEvidence(aligner.Prepare(Ja, en));
        Assert.Same(AlignmentParameters.PartialTranslations, evidence.Parameters);
        for (int j = 4; j < 7; j++)
            Assert.Contains(evidence.Result.Links, l => l.SourceCount == 0 && l.TargetStart == j && l.TargetCount == 1);
        Assert.Equal(8, evidence.Result.Links.Count(l => l.SourceCount == 1 && l.TargetCount == 1));

        // The kyoto fit alone merges the block into neighbouring links.
        var complete = aligner.ToBuilder().UseParameters(AlignmentParameters.CompleteTranslations).Build();
        Assert.DoesNotContain(complete.AlignSentences(Ja, en).Links, l => l.SourceCount == 0);
    }

    [Fact]
    public void Scores_come_from_the_confidence_model_of_the_set_that_aligned()
    {
        string[] en = [.. En[..4], .. Untranslated, .. En[4..]];
        var aligner = CliAligner.Value;
        var partial = aligner.ToBuilder().UseParameters(AlignmentParameters.PartialTranslations).Build();
        Assert.Equal(partial.AlignSentences(Ja, en).Links, aligner.AlignSentences(Ja, en).Links);
        var complete = aligner.ToBuilder().UseParameters(AlignmentParameters.CompleteTranslations).Build();
        Assert.Equal(complete.AlignSentences(Ja, En).Links, aligner.AlignSentences(Ja, En).Links);
    }

    [Fact]
    public void Nested_sets_and_a_nested_set_of_another_length_measure_are_refused()
    {
        var nested = AlignmentParameters.Default with { Untranslated = new UntranslatedPassages(AlignmentParameters.Default, 0.1) };
        Assert.Throws<ArgumentException>(() => new DocumentAlignerBuilder().UseParameters(nested).Build());
        var e = Assert.Throws<ArgumentException>(() => new DocumentAlignerBuilder().UseParameters(AlignmentParameters.Default with { Length = LengthMeasure.Characters }).Build());
        Assert.Contains("CompleteTranslations", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentAlignerBuilder()
            .UseParameters(AlignmentParameters.Default with { Untranslated = AlignmentParameters.Default.Untranslated! with { MinBlockShare = 1.5 } }).Build());
    }
}
