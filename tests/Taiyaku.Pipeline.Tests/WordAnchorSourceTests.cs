using Taiyaku.Edict;
using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline.Tests;

/// <summary>The word source gives each morpheme one item holding all its keys and its word.</summary>
public sealed class WordAnchorSourceTests : IDisposable
{
    private readonly MorphologicalAnalyzer analyzer = MorphologicalAnalyzer.Open();

    public void Dispose() => analyzer.Dispose();

    private List<AnchorItem> Japanese(AnchorOptions options, string sentence)
    {
        var items = new List<AnchorItem>();
        new WordAnchorSource(options, analyzer, EdictLexicon.Default).AddJapanese(sentence, new AnchorCollector(items, 0));
        return items;
    }

    // 東京: a proper noun read トウキョウ (mecab with IPADIC), translated "tokyo" in the bundled EDICT lexicon.
    private static ulong Reading => PhoneticKey.TryFromKana("トウキョウ", out ulong key) ? AnchorKeys.Phonetic(key) : throw new InvalidOperationException("no phonetic key");

    private static ulong Translation => AnchorKeys.Word(EnglishWords.Stem("tokyo"));

    [Fact]
    public void A_morpheme_with_a_reading_and_a_dictionary_translation_gives_one_item_with_both_keys()
    {
        var item = Assert.Single(Japanese(AnchorOptions.Default, "東京に着いた。"), x => x.Word == "東京");
        Assert.Equal(new[] { Reading, Translation }.Order(), item.Keys.Order());
        Assert.Equal(AnchorOptions.Default.NameWeight, item.Weight);
    }

    [Fact]
    public void Each_key_of_the_item_comes_from_its_own_kind()
    {
        var names = Assert.Single(Japanese(AnchorOptions.Default with { Dictionary = false }, "東京に着いた。"), x => x.Word == "東京");
        Assert.Equal([Reading], names.Keys);
        var dictionary = Assert.Single(Japanese(AnchorOptions.Default with { Names = false }, "東京に着いた。"), x => x.Word == "東京");
        Assert.Equal([Translation], dictionary.Keys);
    }
}
