namespace Taiyaku.Pipeline.Tests;

/// <summary>The built-in anchor kinds are sources behind <see cref="IAnchorSource"/>, chosen by <see cref="AnchorOptions"/>.</summary>
public sealed class BuiltInAnchorSourcesTests
{
    private static Type[] Types(AnchorOptions options) => [.. options.BuiltInSources(null, null).Select(s => s.GetType())];

    private static AnchorOptions With(AnchorOptions options, string kind, bool on) => kind switch
    {
        "Numbers" => options with { Numbers = on },
        "Punctuation" => options with { Punctuation = on },
        "Latin" => options with { Latin = on },
        "Names" => options with { Names = on },
        "Dictionary" => options with { Dictionary = on },
        "SecondPass" => options with { SecondPass = on },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Fact]
    public void The_defaults_give_numbers_punctuation_and_words_in_that_order()
    {
        Assert.Equal([typeof(NumberAnchorSource), typeof(PunctuationAnchorSource), typeof(WordAnchorSource)], Types(AnchorOptions.Default));
    }

    [Fact]
    public void No_anchors_give_no_built_in_source() => Assert.Empty(Types(AnchorOptions.None));

    [Theory]
    [InlineData("Numbers", typeof(NumberAnchorSource))]
    [InlineData("Punctuation", typeof(PunctuationAnchorSource))]
    public void Switching_a_kind_off_removes_its_source_and_keeps_the_others(string kind, Type source)
    {
        var types = Types(With(AnchorOptions.Default, kind, on: false));
        Assert.DoesNotContain(source, types);
        Assert.Equal(2, types.Length);
        Assert.Equal([source], Types(With(AnchorOptions.None, kind, on: true)));
    }

    [Theory]
    [InlineData("Latin")]
    [InlineData("Names")]
    [InlineData("Dictionary")]
    [InlineData("SecondPass")]
    public void The_word_source_serves_each_word_kind_alone(string kind) =>
        Assert.Equal([typeof(WordAnchorSource)], Types(With(AnchorOptions.None, kind, on: true)));

    [Fact]
    public void Switching_every_word_kind_off_removes_the_word_source()
    {
        var options = AnchorOptions.Default with { Latin = false, Names = false, Dictionary = false, SecondPass = false };
        Assert.Equal([typeof(NumberAnchorSource), typeof(PunctuationAnchorSource)], Types(options));
    }

    [Fact]
    public void The_weights_of_the_options_go_to_their_sources()
    {
        var sources = (AnchorOptions.Default with { NumberWeight = 2.5, PunctuationWeight = 0.25 }).BuiltInSources(null, null);
        Assert.Equal(2.5, Assert.IsType<NumberAnchorSource>(sources[0]).Weight);
        Assert.Equal(0.25, Assert.IsType<PunctuationAnchorSource>(sources[1]).Weight);
    }

    [Fact]
    public void The_user_sources_come_before_the_built_in_ones_and_their_items_first()
    {
        var glossary = new GlossaryAnchorSource([("外務省", "Foreign Ministry")]);
        var extractor = new AnchorExtractor(AnchorOptions.Default, null, null, [glossary]);
        Assert.Equal([typeof(GlossaryAnchorSource), typeof(NumberAnchorSource), typeof(PunctuationAnchorSource), typeof(WordAnchorSource)],
            extractor.Sources.Select(s => s.GetType()));
        // A number comes before the glossary term in the text; the glossary's item still comes first.
        var items = extractor.English("In 1994 the Foreign Ministry said so.");
        Assert.Equal(AnchorKeys.Source(0, "foreign ministry"), items[0].Keys.Single());
        Assert.Equal(AnchorKeys.Number(1994), items[1].Keys.Single());
    }
}
