using Taiyaku.Alignment;

namespace Taiyaku.Text.Tests;

/// <summary>
/// The segmenter's segments keep their source and one array of ranges instead of copies (a large document's memory);
/// they must read, compare and copy exactly as segments built from their values.
/// </summary>
public class SegmentTests
{
    // One-line sentences, a sentence wrapped over two lines (joined with a space), page furniture and a second page.
    private const string English = """
        First sentence here. Second one follows.
        This sentence is wrapped
        over two lines.

        - 12 -

        Another paragraph starts. It ends here.

        - 13 -

        Last words of the text.
        """;

    private static SegmentedText Segmented() => new SentenceSegmenter().SegmentEnglish(English);

    [Fact]
    public void Each_segment_equals_one_built_from_its_values()
    {
        var text = Segmented();
        Assert.Contains(text.Segments, s => s.Kind == SegmentKind.Furniture);
        Assert.Contains(text.Sentences, s => s.Text == "This sentence is wrapped over two lines.");
        foreach (var s in text.Segments)
        {
            var built = new Segment(s.Kind, s.Text, s.Ranges);
            Assert.Equal(built, s);
            Assert.Equal(s, built);
            Assert.Equal(built.GetHashCode(), s.GetHashCode());
            Assert.Equal(built.ToString(), s.ToString());
            Assert.NotEqual(s, new Segment(s.Kind, s.Text + "x", s.Ranges));
            Assert.NotEqual(s, new Segment(s.Kind, s.Text, [.. s.Ranges]));   // another list: compared as before, by reference
        }
    }

    [Fact]
    public void A_segment_of_one_stretch_reads_that_stretch_and_its_ranges_partition_the_text()
    {
        var text = Segmented();
        int next = 0;
        foreach (var s in text.Segments)
            foreach (var r in s.Ranges)
            {
                Assert.Equal(next, r.Start);
                next = r.End;
            }
        Assert.Equal(text.Source.Length, next);
        var first = text.Sentences[0];
        Assert.Equal("First sentence here.", first.Text);
        Assert.Equal(text.Source.Substring(first.Ranges[0].Start, first.Text.Length), first.Text);
    }

    [Fact]
    public void With_replaces_the_text_or_the_ranges_alone()
    {
        var s = Segmented().Sentences[0];
        var renamed = s with { Text = "Replaced." };
        Assert.Equal("Replaced.", renamed.Text);
        Assert.Equal(s.Ranges, renamed.Ranges);
        TextRange[] ranges = [new TextRange(0, 3)];
        var moved = s with { Ranges = ranges };
        Assert.Same(ranges, moved.Ranges);
        Assert.Equal(s.Text, moved.Text);
    }

    [Fact]
    public void Sentence_texts_are_the_sentences_texts_in_order()
    {
        var text = Segmented();
        Assert.Equal(text.Sentences.Select(s => s.Text), text.SentenceTexts);
        Assert.Equal(text.Sentences.Count, text.SentenceTexts.Count);
        for (int k = 0; k < text.Sentences.Count; k++) Assert.Equal(text.Sentences[k].Text, text.SentenceTexts[k]);
        Assert.DoesNotContain(text.SentenceTexts, t => t.StartsWith('-'));
    }
}
