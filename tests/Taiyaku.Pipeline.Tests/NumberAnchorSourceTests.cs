namespace Taiyaku.Pipeline.Tests;

/// <summary>A built-in kind used alone through the builder (numbers only) gives anchors of its own.</summary>
public sealed class NumberAnchorSourceTests
{
    // Of the three middle Japanese sentences only the last is translated; the first and last have the same length, so
    // lengths alone cannot tell which Japanese sentence the English one translates. Only the number can.
    private static readonly string[] Ja =
    [
        "朝から雨が降っていた。", "記者たちは早くに集まった。",
        "予算案は大きく膨らんだ。", "会議は午後に続いた。", "声明は５項目からなる。",
        "夕方には雨がやんだ。", "記者たちは帰った。",
    ];

    private static readonly string[] En =
    [
        "It had been raining since the morning.", "The reporters gathered early.",
        "The statement has 5 points.",
        "The rain stopped in the evening.", "The reporters went home.",
    ];

    private static DocumentAligner Aligner(AnchorOptions anchors) => new DocumentAlignerBuilder()
        .UseParameters(AlignmentParameters.PartialTranslations)
        .UseAnchors(anchors)
        .Build();

    [Fact]
    public void Numbers_alone_link_the_sentences_that_share_a_number()
    {
        var links = Aligner(AnchorOptions.None with { Numbers = true }).AlignSentences(Ja, En).Links;
        var link = Assert.Single(links, l => l.TargetStart == 2 && l.TargetCount == 1);
        Assert.Equal((4, 1), (link.SourceStart, link.SourceCount));
    }

    [Fact]
    public void Without_numbers_the_same_input_links_another_sentence()
    {
        // Proves the test above depends on the number source: lengths alone pick another Japanese sentence (or more).
        var links = Aligner(AnchorOptions.None).AlignSentences(Ja, En).Links;
        var link = Assert.Single(links, l => l.TargetStart == 2 && l.TargetCount == 1);
        Assert.NotEqual((4, 1), (link.SourceStart, link.SourceCount));
    }
}
