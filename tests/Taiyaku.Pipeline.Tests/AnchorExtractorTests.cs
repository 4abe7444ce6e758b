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
        using var keys = new DocumentKeys(j, e);
        var (sa, ta) = AnchorExtractor.PackBoth(keys.Japanese);
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

/// <summary>A document's memo of items (<see cref="WordPool"/>) gives each sentence the items it would get without one.</summary>
public sealed class WordPoolMemoTests : IDisposable
{
    private readonly MorphologicalAnalyzer analyzer = MorphologicalAnalyzer.Open();

    public void Dispose() => analyzer.Dispose();

    private static string Describe(AnchorItem[] items) =>
        string.Join(" | ", items.Select(x => $"{x.Weight:R} {x.Word} {string.Join(",", x.Keys)}"));

    [Fact]
    public void Sentences_read_through_the_memo_get_the_same_items_as_without_it()
    {
        var extractor = new AnchorExtractor(AnchorOptions.Default, analyzer, EdictLexicon.Default);
        string[] ja = ["東京に着いた。", "政府は６兆円の減税を決めた。", "東京の政府は減税を決めた。", "ＡＢＣ社のコンピュータ", "東京に着いた。"];
        string[] en = ["He arrived in Tokyo.", "The government decided on a tax-cut of 6 trillion yen.", "Tokyo's government decided.", "ABC's computers", "He arrived in Tokyo."];
        var pool = new WordPool();
        foreach (var s in ja)
        {
            var direct = extractor.Japanese(s);
            Assert.NotEmpty(direct);
            Assert.Equal(Describe(direct), Describe(extractor.Japanese(s, pool)));
        }
        foreach (var s in en)
        {
            var direct = extractor.English(s);
            Assert.NotEmpty(direct);
            Assert.Equal(Describe(direct), Describe(extractor.English(s, pool)));
        }
        // Remembered: the repeated sentence's items share the first one's key arrays and words.
        var first = extractor.Japanese(ja[0], pool);
        var again = extractor.Japanese(ja[^1], pool);
        Assert.Same(first.Single(x => x.Word == "東京").Word, again.Single(x => x.Word == "東京").Word);
    }

    [Fact]
    public void Morphemes_are_remembered_by_surface_and_feature_bytes_together()
    {
        var pool = new WordPool();
        var name = AnchorItem.WithKey(2.0, "東京", 7UL);
        byte[] properNoun = System.Text.Encoding.UTF8.GetBytes("名詞,固有名詞,地域,一般,*,*,東京,トウキョウ,トーキョー");
        byte[] common = System.Text.Encoding.UTF8.GetBytes("名詞,一般,*,*,*,*,東京,トウキョウ,トーキョー");
        pool.AddMorpheme("東京", properNoun, name);
        pool.AddMorpheme("東京", common, null);   // same surface, other features: its own entry (no item)
        Assert.True(pool.TryGetMorpheme("東京都".AsSpan(0, 2), properNoun.AsSpan(), out var found));
        Assert.Equal("東京", found!.Value.Word);
        Assert.True(pool.TryGetMorpheme("東京", common, out var none));
        Assert.Null(none);
        Assert.False(pool.TryGetMorpheme("東", properNoun, out _));
        Assert.False(pool.TryGetMorpheme("東京", properNoun.AsSpan(0, properNoun.Length - 3), out _));
    }

    [Fact]
    public void The_memo_stops_growing_at_its_bound_and_still_answers()
    {
        var pool = new WordPool();
        for (int k = 0; k < WordPool.MaxMemo + 10; k++) pool.AddEnglish("w" + k, []);
        Assert.True(pool.TryGetEnglish("w0", out _));
        Assert.False(pool.TryGetEnglish("w" + (WordPool.MaxMemo + 5), out _));
    }
}
