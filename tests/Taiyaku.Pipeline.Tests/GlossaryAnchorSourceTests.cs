namespace Taiyaku.Pipeline.Tests;

/// <summary>An anchor source of the user's own (a glossary) is used beside the built-in kinds.</summary>
public sealed class GlossaryAnchorSourceTests
{
    // Of the three middle Japanese sentences only the last is translated; the first and last have the same length, so lengths alone cannot
    // tell which Japanese sentence the English one translates. Only the glossary terms can.
    private static readonly string[] Ja =
    [
        "朝から雨が降っていた。", "記者たちは早くに集まった。",
        "財務省が予算案を発表した。", "会議は午後に続いた。", "外務省が声明を発表した。",
        "夕方には雨がやんだ。", "記者たちは帰った。",
    ];

    private static readonly string[] En =
    [
        "It had been raining since the morning.", "The reporters gathered early.",
        "The Foreign Ministry issued its statement.",
        "The rain stopped in the evening.", "The reporters went home.",
    ];

    private static readonly GlossaryAnchorSource Glossary = new([("外務省", "Foreign Ministry"), ("財務省", "Ministry of Finance")]);

    private static DocumentAligner Aligner(bool glossary)
    {
        var b = new DocumentAlignerBuilder()
            .UseParameters(AlignmentParameters.PartialTranslations)
            .UseAnchors(AnchorOptions.None);
        return glossary ? b.AddAnchorSource(Glossary).Build() : b.Build();
    }

    [Fact]
    public void A_glossary_term_on_both_sides_links_the_sentences_that_hold_it()
    {
        var links = Aligner(glossary: true).AlignSentences(Ja, En).Links;
        var link = Assert.Single(links, l => l.TargetStart == 2 && l.TargetCount == 1);
        Assert.Equal((4, 1), (link.SourceStart, link.SourceCount));
    }

    [Fact]
    public void Without_the_glossary_the_same_input_links_another_sentence()
    {
        // Proves the test above depends on the glossary: lengths alone pick another Japanese sentence (or more).
        var links = Aligner(glossary: false).AlignSentences(Ja, En).Links;
        var link = Assert.Single(links, l => l.TargetStart == 2 && l.TargetCount == 1);
        Assert.NotEqual((4, 1), (link.SourceStart, link.SourceCount));
    }

    [Fact]
    public void English_terms_match_as_whole_words_ignoring_case_and_japanese_terms_as_substrings()
    {
        var items = new List<AnchorItem>();
        Glossary.AddEnglish("the MINISTRY OF FINANCE said", new AnchorCollector(items, 0));
        Glossary.AddEnglish("Ministry of Financest", new AnchorCollector(items, 0));
        Assert.Single(items);
        items.Clear();
        Glossary.AddJapanese("外務省と財務省", new AnchorCollector(items, 0));
        Assert.Equal(2, items.Count);
        Assert.Throws<ArgumentException>(() => new GlossaryAnchorSource([("", "x")]));
    }
}
