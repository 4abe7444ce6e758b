using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Pipeline.Tests;

/// <summary>Bilingual documents that pair their texts themselves: the pairs are kept, and no link crosses one.</summary>
public class BilingualLayoutAlignmentTests
{
    private static readonly DocumentAligner Aligner = new();

    [Fact]
    public void Alternating_lines_are_aligned_within_their_pairs()
    {
        // Lengths alone would be tempted to join the short second pair's sentences with their neighbours.
        const string text = "雪舟は室町時代に活躍した水墨画家で、禅僧でもあり、画聖とも称えられる。\nSesshu was an ink painter and Zen monk active in the Muromachi period, and was called a master painter.\n" +
            "はい。\nYes.\n" +
            "彼は中国に渡った。そこで水墨画を学んだ。\nHe went to China. There he studied ink painting.\n";
        var doc = Aligner.AlignBilingual(text);
        Assert.Equal(BilingualLayout.AlternatingLines, doc.BilingualLayout);
        Assert.Equal(3, doc.Pairings.Count);
        DegenerateDocumentTests.AssertWellFormed(doc);
        foreach (var p in doc.Pairs)
        {
            var pairing = Assert.Single(doc.Pairings, g => p.JapaneseIndex >= g.JapaneseStart && p.JapaneseIndex < g.JapaneseStart + Math.Max(1, g.JapaneseCount)
                && p.EnglishIndex >= g.EnglishStart && p.EnglishIndex < g.EnglishStart + Math.Max(1, g.EnglishCount));
            Assert.True(p.JapaneseIndex + p.Japanese.Count <= pairing.JapaneseStart + pairing.JapaneseCount);
            Assert.True(p.EnglishIndex + p.English.Count <= pairing.EnglishStart + pairing.EnglishCount);
        }
        Assert.Contains(doc.Pairs, p => p.JapaneseText == "はい。" && p.EnglishText == "Yes.");
    }

    [Fact]
    public void A_pair_with_one_side_gives_links_with_an_empty_side()
    {
        var doc = Aligner.AlignBilingual("雪舟は画家である。\tSesshu was a painter.\n彼は中国に渡った。\n代表作は天橋立図である。\tHis masterpiece is the View of Amanohashidate.\n");
        Assert.Equal(BilingualLayout.TabSeparated, doc.BilingualLayout);
        DegenerateDocumentTests.AssertWellFormed(doc);
        Assert.Contains(doc.Pairs, p => p.JapaneseText == "彼は中国に渡った。" && p.English.Count == 0);
    }

    [Fact]
    public void Two_texts_have_no_bilingual_layout()
    {
        var doc = Aligner.Align("雪舟は画家である。", "Sesshu was a painter.");
        Assert.Null(doc.BilingualLayout);
        Assert.Empty(doc.Pairings);
    }
}
