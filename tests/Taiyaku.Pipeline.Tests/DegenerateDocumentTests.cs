using System.Diagnostics;
using System.Text;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;
using Taiyaku.Text;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// Hostile and degenerate documents through the library: each aligns with every sentence in exactly one pair, or fails
/// with a clear exception; nothing hangs or crashes.
/// </summary>
public class DegenerateDocumentTests
{
    private static readonly DocumentAligner Aligner = new();

    /// <summary>Every sentence in exactly one pair, pairs in order, segments partitioning each text.</summary>
    internal static void AssertWellFormed(DocumentAlignment doc)
    {
        int ja = 0, en = 0;
        foreach (var p in doc.Pairs)
        {
            Assert.True(p.Japanese.Count + p.English.Count > 0, "a pair with no sentence");
            Assert.Equal(ja, p.JapaneseIndex);
            Assert.Equal(en, p.EnglishIndex);
            ja += p.Japanese.Count;
            en += p.English.Count;
            Assert.True(double.IsFinite(p.Cost));
        }
        Assert.Equal(doc.Japanese.Sentences.Count, ja);
        Assert.Equal(doc.English.Sentences.Count, en);
        AssertPartition(doc.Japanese.Source, doc.Japanese.Segments, doc.English.Segments, doc.Metadata);
    }

    private static void AssertPartition(string jaSource, IReadOnlyList<Segment> jaSegments, IReadOnlyList<Segment> enSegments, IReadOnlyList<Segment> metadata)
    {
        foreach (var s in jaSegments.Concat(enSegments).Concat(metadata))
            foreach (var r in s.Ranges)
                Assert.True(r.Length > 0 && r.Start >= 0, $"bad range {r}");
        foreach (var s in jaSegments)
            foreach (var r in s.Ranges)
                Assert.InRange(r.End, 1, jaSource.Length);
    }

    private static void AssertNoLoneSurrogates(IEnumerable<string> texts)
    {
        foreach (string t in texts)
            for (int i = 0; i < t.Length; i++)
            {
                if (char.IsHighSurrogate(t[i]) && i + 1 < t.Length && char.IsLowSurrogate(t[i + 1])) { i++; continue; }
                Assert.False(char.IsSurrogate(t[i]), $"lone surrogate at {i} of [{t}]");
            }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" \n\t\r\n\u3000\n", "   \n\n")]
    public void Empty_and_whitespace_only_documents_give_no_pair(string ja, string en)
    {
        var doc = Aligner.Align(ja, en);
        Assert.Empty(doc.Pairs);
        Assert.Empty(doc.Japanese.Sentences);
        Assert.Empty(doc.English.Sentences);
        Assert.Empty(Aligner.AlignBilingual(ja + en).Pairs);
    }

    [Fact]
    public void One_side_empty_gives_one_sided_pairs()
    {
        var doc = Aligner.Align("日本の減税である。二文目である。", "");
        AssertWellFormed(doc);
        Assert.Equal(2, doc.Pairs.Count);
        Assert.All(doc.Pairs, p => Assert.Empty(p.English));
        var other = Aligner.Align("", "The tax cut. A second sentence. A third.");
        AssertWellFormed(other);
        Assert.Equal(3, other.Pairs.Count);
        Assert.All(other.Pairs, p => Assert.Empty(p.Japanese));
        Assert.Equal(2, Aligner.AlignSentences(["a", "b"], []).Links.Count);
    }

    [Fact]
    public void One_sentence_against_100000_aligns_in_reasonable_time()
    {
        var en = Enumerable.Range(0, 100_000).Select(i => $"This is English sentence number {i}.").ToArray();
        var clock = Stopwatch.StartNew();
        var result = Aligner.AlignSentences(["一文だけである。"], en);
        Assert.Equal(1, result.SourceCount);
        Assert.Equal(100_000, result.TargetCount);
        Assert.Equal(100_000, result.Links.Sum(l => l.TargetCount));
        var reverse = Aligner.AlignSentences(en, ["一文だけである。"]);
        Assert.Equal(100_000, reverse.Links.Sum(l => l.SourceCount));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_single_ten_megabyte_line_aligns()
    {
        var ja = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(ja.ToString(0, Math.Min(ja.Length, 10))) * (ja.Length / 10.0) < 10_000_000) ja.Append("日本の減税であり、交渉担当者の場合");
        var en = new StringBuilder();
        while (en.Length < 10_000_000) en.Append("the tax cut of the government and ");
        var clock = Stopwatch.StartNew();

        var doc = Aligner.Align(ja.ToString(), "One sentence.");
        AssertWellFormed(doc);
        Assert.Single(doc.Japanese.Sentences);
        Assert.Equal(ja.Length, doc.Japanese.Sentences[0].Text.Length);

        doc = Aligner.Align("一文。", en.ToString());
        AssertWellFormed(doc);
        Assert.Single(doc.English.Sentences);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_very_long_japanese_sentence_aligns_with_the_analyzer()
    {
        using var analyzer = Taiyaku.Japanese.MorphologicalAnalyzer.Open();
        var ja = new StringBuilder();
        while (ja.Length < 3_000_000) ja.Append("日本の減税であり、交渉担当者の場合");
        var doc = new DocumentAlignerBuilder().UseAnalyzer(analyzer).Build().Align(ja.ToString(), "One sentence.");
        AssertWellFormed(doc);
        Assert.Single(doc.Japanese.Sentences);
    }

    [Fact]
    public void Nul_and_control_characters_are_kept_as_text()
    {
        string ja = "一行目\0です。\u0001二行目\u0007。\u001B[31m三行目\u007F。\u0085四\u2028五。\f六。";
        string en = "Line\0 one. \u0001Line two\u0007. \u001B[31mThree\u007F. Four\u2028five. \fSix.";
        var doc = Aligner.Align(ja, en);
        AssertWellFormed(doc);
        Assert.NotEmpty(doc.Pairs);
        Assert.Contains(doc.Japanese.Sentences, s => s.Text.Contains('\0'));
        AssertWellFormed(Aligner.AlignBilingual(ja + "\n" + en));
    }

    [Theory]
    [InlineData("。。。\n！！！\n？\n「」\n・・・\n", "...\n!!!\n?\n\"\"\n---\n")]
    [InlineData("、、、、、、、、、、", ";;;;;;;;;;;;;;;")]
    [InlineData("（（（（（（（（（（（（（（（（（（（（（（（（（", "((((((((((((((((((((((((((")]
    public void Lines_of_only_punctuation_align(string ja, string en)
    {
        var doc = Aligner.Align(ja, en);
        AssertWellFormed(doc);
        Assert.NotEmpty(doc.Pairs);
    }

    [Fact]
    public void Right_to_left_text_and_bidi_controls_align()
    {
        string ja = "アラビア語の文である。ヘブライ語の文である。";
        string en = "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645. \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD. \u202Edesrever\u202C text.";
        var doc = Aligner.Align(ja, en);
        AssertWellFormed(doc);
        Assert.Contains(doc.English.Sentences, s => s.Text.Contains('\u05E9'));
        Assert.Equal(string.Concat(doc.English.Sentences.Select(s => s.Text)).Replace(" ", ""), en.Replace(" ", ""));
    }

    [Fact]
    public void Emoji_surrogate_pairs_are_never_split()
    {
        string ja = "絵文字😀です。👨‍👩‍👧‍👦家族。🇯🇵日本！𠮷野家。😀😀😀";
        string en = "Emoji 😀 here. 👨‍👩‍👧‍👦 family. 🇯🇵 Japan! 𠮷noya. 😀😀😀";
        var doc = Aligner.Align(ja, en);
        AssertWellFormed(doc);
        AssertNoLoneSurrogates(doc.Japanese.Sentences.Concat(doc.English.Sentences).Select(s => s.Text));
        foreach (var s in doc.Japanese.Segments)
            foreach (var r in s.Ranges)
                Assert.False(char.IsLowSurrogate(ja[r.Start]), $"a range starts inside a surrogate pair at {r.Start}");
        // Character lengths count a supplementary character once.
        Assert.Equal(3, SentenceLengths.Characters("😀😀😀"));
    }

    [Fact]
    public void Lone_surrogates_from_a_caller_do_not_break_alignment()
    {
        var doc = Aligner.Align("壊れた\uD800文字。次の\uDC00文。", "Broken \uD800 char. Next \uDC00 one.");
        AssertWellFormed(doc);
        Assert.Equal(2, doc.Japanese.Sentences.Count);
    }

    [Fact]
    public void Token_lengths_without_an_analyzer_are_a_clear_argument_error()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new DocumentAlignerBuilder().UseParameters(AlignmentParameters.Default with { Length = LengthMeasure.Tokens }).Build());
        Assert.Contains("analyzer", e.Message);
    }
}
