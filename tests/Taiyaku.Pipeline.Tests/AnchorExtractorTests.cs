using Taiyaku.Alignment;
using Taiyaku.Edict;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;

namespace Taiyaku.Pipeline.Tests;

/// <summary>Which anchors a Japanese sentence and its translation share, kind by kind.</summary>
public sealed class AnchorExtractorTests : IDisposable
{
    private readonly MorphologicalAnalyzer analyzer = MorphologicalAnalyzer.Open();

    public void Dispose() => analyzer.Dispose();

    private AnchorExtractor Extractor(AnchorOptions options) => new(options, analyzer, EdictLexicon.Default);

    /// <summary>The weight of the items each side matches on the other, packed as the aligner sees them.</summary>
    private (double Japanese, double English) Shared(AnchorOptions options, string ja, string en)
    {
        var x = Extractor(options);
        AnchorItem[][] j = [x.Japanese(ja)], e = [x.English(en)];
        var sa = AnchorExtractor.Pack(j, e);
        var ta = AnchorExtractor.Pack(e, j);
        SentenceAnchors.Match(sa[0], ta[0], out ulong inJa, out ulong inEn);
        return (sa[0].WeightOf(inJa), ta[0].WeightOf(inEn));
    }

    private static readonly AnchorOptions Only = AnchorOptions.None;

    [Theory]
    [InlineData("政府は６兆円の減税を決めた。", "The government decided on a tax cut of 6 trillion yen.")]
    [InlineData("赤字は7億8千万ドルに達した。", "The deficit reached 780 million dollars.")]
    [InlineData("1980年に工場が建てられた。", "The factory was built in 1980.")]
    [InlineData("成長率は0.9%だった。", "Growth was 0.9 percent.")]
    public void Numbers_match_across_scripts_and_scales(string ja, string en)
    {
        var (j, e) = Shared(Only with { Numbers = true }, ja, en);
        Assert.True(j > 0 && e > 0);
    }

    [Fact]
    public void Latin_words_inside_Japanese_match_English_words()
    {
        var (j, _) = Shared(Only with { Latin = true }, "NTTのGDPへの寄与は大きい。", "NTT contributes much to GDP.");
        Assert.True(j > 0);
    }

    [Theory]
    [InlineData("トヨタはアメリカに工場を建てた。", "Toyota built a factory in America.")]
    [InlineData("レーガン大統領が来日した。", "President Reagan visited Japan.")]
    [InlineData("アブラハムは天幕に住んだ。", "Abraham lived in a tent.")]
    public void Katakana_names_match_their_English_spelling(string ja, string en)
    {
        var (j, e) = Shared(Only with { Names = true }, ja, en);
        Assert.True(j > 0 && e > 0);
    }

    [Fact]
    public void Dictionary_words_match_through_English_stems()
    {
        var (j, e) = Shared(Only with { Dictionary = true }, "山の上に城がある。", "There is a castle on top of the mountains.");
        Assert.True(j > 0 && e > 0);
    }

    [Fact]
    public void Unrelated_sentences_share_nothing()
    {
        var (j, e) = Shared(AnchorOptions.Default, "京都の寺は美しい。", "The committee approved the budget for 1994.");
        Assert.Equal(0, j);
        Assert.Equal(0, e);
    }

    [Fact]
    public void A_sentence_longer_than_the_analyzer_takes_is_analysed_in_pieces()
    {
        var ja = string.Concat(Enumerable.Repeat("日本の減税であり、交渉担当者の場合", 2000));   // 34,000 characters, one sentence
        var items = Extractor(AnchorOptions.Default).Japanese(ja);
        Assert.NotEmpty(items);
    }
}
