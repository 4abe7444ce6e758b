using CsCheck;
using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

/// <summary>Each bilingual layout is recognised, the file's own pairs are kept, and nothing is lost.</summary>
public class BilingualLayoutTests
{
    private static readonly string[] Japanese = ["雪舟は室町時代の画家である。", "彼は中国に渡った。", "代表作は天橋立図である。"];
    private static readonly string[] English = ["Sesshu was a painter of the Muromachi period.", "He went to China.", "His masterpiece is the View of Amanohashidate."];
    private static readonly SentencePairing[] OnePerLine = [new(0, 1, 0, 1), new(1, 1, 1, 1), new(2, 1, 2, 1)];

    public static TheoryData<string, string, BilingualLayout, bool> Layouts() => new()
    {
        { "Japanese block, then English", "雪舟は室町時代の画家である。彼は中国に渡った。\n代表作は天橋立図である。\n\nSesshu was a painter of the Muromachi period. He went to China.\nHis masterpiece is the View of Amanohashidate.\n", BilingualLayout.JapaneseThenEnglish, false },
        { "English block, then Japanese", "Sesshu was a painter of the Muromachi period. He went to China.\nHis masterpiece is the View of Amanohashidate.\n\n雪舟は室町時代の画家である。彼は中国に渡った。\n代表作は天橋立図である。\n", BilingualLayout.EnglishThenJapanese, false },
        { "alternating lines", "雪舟は室町時代の画家である。\nSesshu was a painter of the Muromachi period.\n彼は中国に渡った。\nHe went to China.\n代表作は天橋立図である。\nHis masterpiece is the View of Amanohashidate.\n", BilingualLayout.AlternatingLines, true },
        { "alternating lines, English first, blank line between pairs", "Sesshu was a painter of the Muromachi period.\n雪舟は室町時代の画家である。\n\nHe went to China.\n彼は中国に渡った。\n\nHis masterpiece is the View of Amanohashidate.\n代表作は天橋立図である。\n", BilingualLayout.AlternatingLines, true },
        { "tab-separated", "雪舟は室町時代の画家である。\tSesshu was a painter of the Muromachi period.\n彼は中国に渡った。\tHe went to China.\n代表作は天橋立図である。\tHis masterpiece is the View of Amanohashidate.\n", BilingualLayout.TabSeparated, true },
        { "TSV with a header, English first", "en\tja\nSesshu was a painter of the Muromachi period.\t雪舟は室町時代の画家である。\nHe went to China.\t彼は中国に渡った。\nHis masterpiece is the View of Amanohashidate.\t代表作は天橋立図である。\n", BilingualLayout.TabSeparated, true },
        { "slash-separated", "雪舟は室町時代の画家である。 / Sesshu was a painter of the Muromachi period.\n彼は中国に渡った。 / He went to China.\n代表作は天橋立図である。 / His masterpiece is the View of Amanohashidate.\n", BilingualLayout.SlashSeparated, true },
        { "bar-separated", "雪舟は室町時代の画家である。 | Sesshu was a painter of the Muromachi period.\n彼は中国に渡った。 | He went to China.\n代表作は天橋立図である。 | His masterpiece is the View of Amanohashidate.\n", BilingualLayout.BarSeparated, true },
        { "CSV", "ja,en\n雪舟は室町時代の画家である。,Sesshu was a painter of the Muromachi period.\n\"彼は中国に渡った。\",\"He went to China.\"\n代表作は天橋立図である。,His masterpiece is the View of Amanohashidate.\r\n", BilingualLayout.Csv, true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_is_recognised_and_its_pairs_kept(string name, string text, BilingualLayout layout, bool paired)
    {
        var doc = new SentenceSegmenter().SegmentBilingual(text);
        Assert.True(layout == doc.Layout, $"{name}: {doc.Layout}");
        Assert.Equal(Japanese, doc.Japanese.Sentences.Select(s => s.Text));
        Assert.Equal(English, doc.English.Sentences.Select(s => s.Text));
        if (paired) Assert.Equal(OnePerLine, doc.Pairings);
        else Assert.Empty(doc.Pairings);
        AssertCovered(text, doc);
    }

    [Fact]
    public void Alternating_paragraphs_pair_each_paragraph_with_its_translation()
    {
        const string text = "雪舟は室町時代の画家である。\n彼は中国に渡った。\n\nSesshu was a painter of the Muromachi period.\nHe went to China.\n\n代表作は天橋立図である。京都に住んだ。\n\nHis masterpiece is the View of Amanohashidate. He lived in Kyoto.\n";
        var doc = new SentenceSegmenter().SegmentBilingual(text);
        Assert.Equal(BilingualLayout.AlternatingParagraphs, doc.Layout);
        Assert.Equal([new SentencePairing(0, 2, 0, 2), new SentencePairing(2, 2, 2, 2)], doc.Pairings);
        AssertCovered(text, doc);
    }

    [Fact]
    public void Csv_fields_may_hold_commas_quotes_and_line_breaks()
    {
        const string text = "雪舟は画家である。,\"Sesshu, a painter, said \"\"yes\"\".\"\n\"彼は中国に渡った。\nそこで学んだ。\",He went to China. There he studied.\n";
        var doc = new SentenceSegmenter().SegmentBilingual(text);
        Assert.Equal(BilingualLayout.Csv, doc.Layout);
        Assert.Equal(["雪舟は画家である。", "彼は中国に渡った。", "そこで学んだ。"], doc.Japanese.Sentences.Select(s => s.Text));
        Assert.Equal(["Sesshu, a painter, said \"yes\".", "He went to China.", "There he studied."], doc.English.Sentences.Select(s => s.Text));
        Assert.Equal([new SentencePairing(0, 1, 0, 1), new SentencePairing(1, 2, 1, 2)], doc.Pairings);
        AssertCovered(text, doc);
    }

    [Fact]
    public void A_single_line_holding_both_languages_is_a_pair() =>
        Assert.Equal([new SentencePairing(0, 1, 0, 1)], new SentenceSegmenter().SegmentBilingual("日本語の文です。 / This is an English sentence.").Pairings);

    [Fact]
    public void A_line_without_its_translation_stays_unpaired_but_is_kept()
    {
        const string text = "雪舟は画家である。\tSesshu was a painter.\n彼は中国に渡った。\n代表作は天橋立図である。\tHis masterpiece is the View of Amanohashidate.\n";
        var doc = new SentenceSegmenter().SegmentBilingual(text);
        Assert.Equal(BilingualLayout.TabSeparated, doc.Layout);
        Assert.Equal([new SentencePairing(0, 1, 0, 1), new SentencePairing(1, 1, 1, 0), new SentencePairing(2, 1, 1, 1)], doc.Pairings);
        AssertCovered(text, doc);
    }

    [Fact]
    public void A_stray_English_line_inside_a_Japanese_block_does_not_make_it_alternating()
    {
        const string text = "雪舟は室町時代の画家である。彼は中国に渡り、多くの作品を残した。その作品は今も多くの人に愛されている。\nGDP\n代表作は天橋立図である。京都の相国寺で修行した。晩年は山口で過ごしたと言われている。\n\nSesshu was a painter of the Muromachi period. He went to China and left many works. His works are still loved by many people.\nHis masterpiece is the View of Amanohashidate. He trained at Shokoku-ji Temple in Kyoto. He is said to have spent his last years in Yamaguchi.\n";
        var doc = new SentenceSegmenter().SegmentBilingual(text);
        Assert.Equal(BilingualLayout.JapaneseThenEnglish, doc.Layout);
        Assert.Equal(6, doc.English.Sentences.Count);
    }

    private static readonly string[] Pieces =
    [
        "雪舟は画家である。", "彼は中国に渡った", "「はい。」", "（総理）", "Sesshu was a painter.", "He went to China", "Yes!", "Mr.",
        "\t", " / ", " | ", ",", "\"", "\"\"", "\n", "\n\n", "\r\n", " ", "- 3 -", "極秘", "1.", "•", "\f",
    ];

    [Fact]
    public void Nothing_is_lost_and_pairings_cover_every_sentence_in_any_layout() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 60].Select(p => string.Concat(p)).Sample(text =>
        {
            var doc = new SentenceSegmenter().SegmentBilingual(text);
            AssertCovered(text, doc);
            if (doc.Pairings.Count == 0) return;
            int ja = 0, en = 0;
            foreach (var p in doc.Pairings)
            {
                Assert.Equal(ja, p.JapaneseStart);
                Assert.Equal(en, p.EnglishStart);
                Assert.True(p.JapaneseCount + p.EnglishCount > 0);
                ja += p.JapaneseCount;
                en += p.EnglishCount;
            }
            Assert.Equal(doc.Japanese.Sentences.Count, ja);
            Assert.Equal(doc.English.Sentences.Count, en);
        }, iter: 1000);

    /// <summary>Every character of the document is in exactly one segment (separators and quotes go with the text before them).</summary>
    private static void AssertCovered(string text, BilingualText doc)
    {
        if (text.All(char.IsWhiteSpace)) return;
        var owner = new int[text.Length];
        int k = 0;
        foreach (var s in doc.Japanese.Segments.Concat(doc.English.Segments).Concat(doc.Metadata))
        {
            k++;
            foreach (var r in s.Ranges)
                for (int i = r.Start; i < r.End; i++)
                {
                    Assert.True(owner[i] == 0, $"character {i} is in two segments");
                    owner[i] = k;
                }
        }
        Assert.All(owner, o => Assert.True(o > 0));
    }
}
