using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Splitting a feature string into fields as mecab's tokenizeCSV does, with and without quotes.</summary>
public class MorphemeFieldTests
{
    [Theory]
    [InlineData("名詞,固有名詞,地域,一般,*,*,京都,キョウト,キョート", new[] { "名詞", "固有名詞", "地域", "一般", "*", "*", "京都", "キョウト", "キョート" })]
    [InlineData("", new[] { "" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData(",,", new[] { "", "", "" })]
    [InlineData("*", new[] { "*" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("x,\"say \"\"hi\"\"\",y", new[] { "x", "say \"hi\"", "y" })]
    [InlineData("\"open", new[] { "open" })]
    public void Fields_are_split_like_mecab(string feature, string[] expected) =>
        Assert.Equal(expected, Morpheme.SplitFeature(feature));

    [Fact]
    public void Part_of_speech_fields_are_shared_and_open_fields_are_not()
    {
        // Two spellings of the same entry: the part-of-speech strings are one object, the base forms two equal ones.
        var a = Morpheme.SplitFeature(new string("名詞,一般,*,*,*,*,猫,ネコ,ネコ".AsSpan()));
        var b = Morpheme.SplitFeature(new string("名詞,一般,*,*,*,*,猫,ネコ,ネコ".AsSpan()));
        Assert.Same(a[0], b[0]);
        Assert.Same(a[1], b[1]);
        Assert.Equal(a[6], b[6]);
        Assert.NotSame(a[6], b[6]);
    }
}
