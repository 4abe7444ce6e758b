using Taiyaku.Testing;
using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

/// <summary>Line layouts (hard-wrapped, one paragraph per line, mixed) and page furniture that is furniture only.</summary>
public class LayoutAndFurnitureTests
{
    private const string Wrapped =
        "The committee met on Monday to discuss the new budget for\nthe coming year. Several members raised concerns about the\n" +
        "rising cost of maintenance and the lack of new funding for\nschools. The chair, Mr. Smith, promised a full report by the\n" +
        "end of the month. Nobody objected to that.\n";

    private const string PerLine = "Sesshu\nKnown as Sesshu, he was an ink painter and Zen monk.\nHe revolutionized Japanese ink painting.\n" +
        "The Artist's Life\nHe was born in Akahama, Bicchu Province, in 1420.\nHe entered nearby Hofuku-ji Temple while young.\n";

    private static SegmentedText English(string text, LineBreaks mode = LineBreaks.Auto) =>
        new SentenceSegmenter(new SegmenterOptions { LineBreaks = mode }).SegmentEnglish(text);

    [Fact]
    public void Hard_wrapped_text_is_joined()
    {
        var doc = English(Wrapped);
        Assert.Equal(TextLayout.HardWrapped, doc.Layout);
        Assert.Equal(4, doc.Sentences.Count);
    }

    [Fact]
    public void One_paragraph_per_line_keeps_every_line_and_heading_apart()
    {
        var doc = English(PerLine);
        Assert.Equal(TextLayout.OneParagraphPerLine, doc.Layout);
        Assert.Equal(PerLine.Split('\n', StringSplitOptions.RemoveEmptyEntries), doc.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void Mixed_layout_is_decided_block_by_block()
    {
        var doc = English(Wrapped + "\n" + PerLine);
        Assert.Equal(TextLayout.Mixed, doc.Layout);
        Assert.Equal(4 + 6, doc.Sentences.Count);
    }

    [Fact]
    public void Japanese_paragraph_per_line_is_not_glued_together()
    {
        const string text = "雪舟\n雪舟（せっしゅう、1420年 - 1506年）は室町時代に活躍した水墨画家・禅僧で、画聖とも称えられる。\n日本の水墨画を一変させた。\n生涯\n1420年備中国赤浜に生まれる。\n";
        var doc = new SentenceSegmenter().SegmentJapanese(text);
        Assert.Equal(TextLayout.OneParagraphPerLine, doc.Layout);
        Assert.Equal(["雪舟", "雪舟（せっしゅう、1420年 - 1506年）は室町時代に活躍した水墨画家・禅僧で、画聖とも称えられる。", "日本の水墨画を一変させた。", "生涯", "1420年備中国赤浜に生まれる。"],
            doc.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void Japanese_wrapped_at_a_number_of_characters_is_joined()
    {
        // Wrapped every 20 characters, half-width digits counting as one, paragraphs not separated by blank lines.
        string[] sentences =
        [
            "雪舟は1420年に備中国赤浜で生まれ、幼い頃に近くの宝福寺に入った。",
            "10歳頃に京都の相国寺に移り、禅の修行を積むとともに絵を学んだ。",
            "1454年ごろ周防国に移り、守護大名大内氏の庇護を受けて画室を構えた。",
            "1468年に遣明使船で明へ渡航し、約2年間中国で水墨画を研究した。",
        ];
        string text = string.Concat(sentences.Select(s => string.Join("\n", s.Chunk(20).Select(c => new string(c))) + "\n"));
        var doc = new SentenceSegmenter().SegmentJapanese(text);
        Assert.Equal(TextLayout.HardWrapped, doc.Layout);
        Assert.Equal(sentences, doc.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void The_option_overrides_detection()
    {
        // Every line on its own, even where it breaks a sentence: 1 + 2 + 1 + 2 + 2 sentences.
        Assert.Equal(8, English(Wrapped, LineBreaks.Paragraph).Sentences.Count);
        Assert.Equal(TextLayout.OneParagraphPerLine, English(Wrapped, LineBreaks.Paragraph).Layout);
        var joined = English("Sesshu\nHe was a painter.\n", LineBreaks.Wrap);
        Assert.Equal(["Sesshu He was a painter."], joined.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void List_items_start_new_segments_even_in_wrapped_text() =>
        Assert.Equal(["Bring the following:", "- a pen", "- a notebook"], English("Bring the following:\n- a pen\n- a notebook\n", LineBreaks.Wrap).Sentences.Select(s => s.Text));

    [Theory]
    [InlineData("これは山です\nこれは山です\n")]
    [InlineData("W\nA\nRN\nI\nNG\nW\nA\nRN\nI\nNG\n")]
    [InlineData("Chorus\n\nWe sing and we dance.\n\nChorus\n\nWe laugh and we cry.\n")]
    [InlineData("官幣大社\n国幣大社\n本文である。\n官幣大社\n国幣大社\n")]
    public void Content_repeated_by_its_author_is_not_furniture(string text)
    {
        var doc = new SentenceSegmenter().SegmentJapanese(text);
        Assert.DoesNotContain(doc.Segments, s => s.Kind == SegmentKind.Furniture);
        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, doc.Sentences.Count);
    }

    [Fact]
    public void A_running_head_that_recurs_page_after_page_is_furniture_even_without_blank_lines()
    {
        string page = string.Concat(Enumerable.Repeat("This sentence fills the page with ordinary body text for the test.\n", 10));
        string text = string.Concat(Enumerable.Range(1, 3).Select(_ => "ANNUAL REPORT 1994\n" + page));
        var doc = English(text);
        Assert.Equal(3, doc.Segments.Count(s => s.Kind == SegmentKind.Furniture && s.Text == "ANNUAL REPORT 1994"));
        Assert.Equal(30, doc.Sentences.Count);
    }

    [Fact]
    public void A_stamp_beside_a_form_feed_is_furniture()
    {
        const string text = "The first page ends here.\n\nCONFIDENTIAL\n\f\nThe second page starts here.\n\nCONFIDENTIAL\n\f\nThe third page.\n";
        var doc = English(text);
        Assert.Equal(2, doc.Segments.Count(s => s.Kind == SegmentKind.Furniture));
        Assert.Equal(["The first page ends here.", "The second page starts here.", "The third page."], doc.Sentences.Select(s => s.Text));
    }

    public static TheoryData<string> OrdinaryCorpora() => ["kyoto-wiki/dev", "kyoto-wiki/tune", "pydocs-dev/para", "pydocs-dev/sent"];

    /// <summary>
    /// The issue's target: no line of an ordinary document is set apart, and no line is glued to another (each file
    /// has one paragraph, heading or sentence per line). Skipped, saying so, when ../shared is not beside the repository.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(OrdinaryCorpora))]
    public void No_line_of_an_ordinary_document_is_set_apart(string corpus)
    {
        var dir = RepositoryPaths.Shared(Path.Combine("corpora", corpus));
        Skip.If(dir is null, $"../shared/corpora/{corpus} is not beside the repository");
        var segmenter = new SentenceSegmenter();
        int files = 0;
        foreach (var path in Directory.GetFiles(dir!, "*.ja").Concat(Directory.GetFiles(dir!, "*.en")).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            var doc = path.EndsWith(".ja", StringComparison.Ordinal) ? segmenter.SegmentJapanese(text) : segmenter.SegmentEnglish(text);
            Assert.True(doc.Segments.All(s => s.Kind == SegmentKind.Sentence), $"{path}: set apart: {string.Join(" | ", doc.Segments.Where(s => s.Kind != SegmentKind.Sentence).Select(s => s.Text))}");
            Assert.True(doc.Layout == TextLayout.OneParagraphPerLine, $"{path}: read as {doc.Layout}");
            // No sentence takes characters from two lines.
            foreach (var s in doc.Sentences)
            {
                var chars = s.Ranges.SelectMany(r => Enumerable.Range(r.Start, r.Length)).Where(i => !char.IsWhiteSpace(text[i])).ToList();
                Assert.True(!text.AsSpan(chars[0], chars[^1] - chars[0]).Contains('\n'), $"{path}: a sentence spans lines: {s.Text}");
            }
            files++;
        }
        Assert.True(files > 0, $"no document in {dir}");
    }
}
