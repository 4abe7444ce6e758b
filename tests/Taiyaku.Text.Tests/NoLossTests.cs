using CsCheck;
using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

/// <summary>Every character of the input belongs to exactly one segment, whatever the input.</summary>
public class NoLossTests
{
    private static readonly string[] Pieces =
    [
        "日本", "の", "減税", "である", "。", "！", "？", "「", "」", "（総理）", "（", "）", "、", "GDP", "1.2%",
        "The", " ", "tax", "cut", "Mr.", "No.", "1468", ".", "?", "(laughter)", "(", ")", "\n", "\n\n", "\r\n", "　",
        "\t", "極秘", "**秘密指定解除**", "- 3 -", "😀", "ｶﾀｶﾅ", "\"",
    ];

    private static readonly Gen<string> Documents =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 80].Select(parts => string.Concat(parts));

    private static void AssertPartition(string text, IEnumerable<Segment> segments)
    {
        var owner = new int[text.Length];
        Array.Fill(owner, -1);
        int index = 0;
        foreach (var segment in segments)
        {
            Assert.NotEmpty(segment.Ranges);
            foreach (var r in segment.Ranges)
            {
                Assert.InRange(r.Start, 0, text.Length);
                Assert.InRange(r.End, r.Start + 1, text.Length);
                for (int i = r.Start; i < r.End; i++)
                {
                    Assert.True(owner[i] < 0, $"character {i} is in two segments");
                    owner[i] = index;
                }
            }
            // The segment's text is made of its own characters: compare without whitespace (English joins lines with a space).
            string own = string.Concat(segment.Ranges.Select(r => text[r.Start..r.End])).Where(c => !char.IsWhiteSpace(c)).Aggregate("", (a, c) => a + c);
            Assert.True(own == segment.Text.Where(c => !char.IsWhiteSpace(c)).Aggregate("", (a, c) => a + c), $"segment [{segment.Text}] owns [{own}] in [{text.Replace("\n", "\\n").Replace("\r", "\\r")}]");
            index++;
        }
        if (text.Any(c => !char.IsWhiteSpace(c)))
            Assert.All(owner, o => Assert.True(o >= 0));
    }

    [Fact]
    public void Japanese_segments_partition_the_text() =>
        Documents.Sample(text => AssertPartition(text, new SentenceSegmenter().SegmentJapanese(text).Segments), iter: 300);

    [Fact]
    public void English_segments_partition_the_text() =>
        Documents.Sample(text => AssertPartition(text, new SentenceSegmenter().SegmentEnglish(text).Segments), iter: 300);

    [Fact]
    public void Bilingual_segments_partition_the_text() =>
        Documents.Sample(text =>
        {
            var doc = new SentenceSegmenter().SegmentBilingual(text);
            AssertPartition(text, doc.Japanese.Segments.Concat(doc.English.Segments).Concat(doc.Metadata));
        }, iter: 300);

    [Fact]
    public void Whitespace_only_text_has_no_segment() =>
        Assert.Empty(new SentenceSegmenter().SegmentEnglish(" \n\t\n").Segments);
}
