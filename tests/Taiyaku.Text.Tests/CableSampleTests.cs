using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

/// <summary>
/// The bundled archival document end to end. samples/cable-1468.ja and .en were segmented by hand (see
/// samples/cable-1468.README.md), independently of this code; the segmenter must find the same sentences.
/// </summary>
public class CableSampleTests
{
    private static string Sample(string ext) => Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468." + ext);

    private static readonly Lazy<BilingualText> Cable = new(() => new SentenceSegmenter().SegmentBilingual(File.ReadAllText(Sample("txt"))));

    [Fact]
    public void Finds_every_hand_segmented_japanese_sentence()
    {
        var ours = Cable.Value.Japanese.Sentences.Select(s => s.Text).ToList();
        var hand = File.ReadAllLines(Sample("ja"));
        // The hand segmentation starts at the title; before it stand the cable's header fields.
        int title = ours.IndexOf(hand[0]);
        Assert.True(title > 0);
        Assert.Equal(hand, ours.Skip(title));
    }

    [Fact]
    public void Finds_every_hand_segmented_english_sentence()
    {
        var ours = Cable.Value.English.Sentences.Select(s => s.Text).ToList();
        var hand = File.ReadAllLines(Sample("en"));
        int title = ours.IndexOf(hand[0]);
        Assert.True(title > 0);
        Assert.Equal(hand, ours.Skip(title));
        Assert.Equal("Number: [TN: blacked out]", ours[0]);
    }

    [Fact]
    public void Sentences_broken_by_page_stamps_are_rejoined()
    {
        var ja = Cable.Value.Japanese.Sentences;
        var broken = Assert.Single(ja, s => s.Text.StartsWith("米国の友人の中には", StringComparison.Ordinal));
        Assert.EndsWith("主張する人がいるが、これは事実として正確でない。", broken.Text);
        Assert.Equal(2, broken.Ranges.Count);
        var en = Cable.Value.English.Sentences;
        Assert.Single(en, s => s.Text.Contains("we have come to the point of reaching agreement, with a little more effort", StringComparison.Ordinal));
    }

    [Fact]
    public void Stamps_are_furniture_and_metadata_is_set_apart()
    {
        var doc = Cable.Value;
        var furniture = doc.Japanese.Segments.Where(s => s.Kind == SegmentKind.Furniture).Select(s => s.Text.Trim('*', '#', ' ')).ToList();
        Assert.Contains("秘密指定解除", furniture);
        Assert.Contains("外交記録・情報公開室", furniture);
        Assert.DoesNotContain(doc.Japanese.Sentences, s => s.Text.Contains("外交記録・情報公開室", StringComparison.Ordinal));
        Assert.Equal("**February 12, 1994**", doc.Metadata[0].Text);
        Assert.All(doc.Metadata, m => Assert.Equal(SegmentKind.Metadata, m.Kind));
        Assert.Contains(doc.Metadata, m => m.Text == "Translation - English");
    }

    [Fact]
    public void Offsets_point_into_the_original_document()
    {
        var doc = Cable.Value;
        foreach (var s in doc.Japanese.Sentences.Concat(doc.English.Sentences))
            Assert.StartsWith(s.Text[..Math.Min(8, s.Text.Length)], doc.Source[s.Ranges[0].Start..].TrimStart());
    }
}
