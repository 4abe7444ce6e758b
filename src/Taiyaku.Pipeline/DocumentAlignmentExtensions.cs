using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>The bridge from a <see cref="DocumentAlignment"/> to the writers of Taiyaku.Formats (<see cref="AlignmentWriter"/>).</summary>
public static class DocumentAlignmentExtensions
{
    /// <summary>
    /// The alignment as <see cref="AlignmentWriter"/> writes it: one item per pair, in document order, with its sentence
    /// indices, texts (Japanese joined without a space, English with one), cost, score and the sentences' ranges in the
    /// original texts (Japanese as source, English as target); then the text set apart, each piece on its own side:
    /// the Japanese text's page furniture (source), the English text's (target), and a bilingual document's metadata
    /// (target, as it sits outside both texts and is written with the translation's language).
    /// </summary>
    /// <param name="alignment">The document's alignment.</param>
    /// <returns>A new list; every sentence of both sides is in exactly one link, nothing set apart is dropped.</returns>
    public static IReadOnlyList<AlignedText> ToAlignedText(this DocumentAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var items = new List<AlignedText>(alignment.Pairs.Count + alignment.Unaligned.Count);
        foreach (var p in alignment.Pairs)
        {
            items.Add(new AlignedText(
                new IndexLink(Enumerable.Range(p.JapaneseIndex, p.Japanese.Count), Enumerable.Range(p.EnglishIndex, p.English.Count)),
                p.JapaneseText, p.EnglishText, p.Cost)
            {
                Score = p.Score,
                SourceRanges = Ranges(p.Japanese),
                TargetRanges = Ranges(p.English),
            });
        }
        foreach (var s in alignment.Japanese.Segments)
            if (s.Kind != SegmentKind.Sentence) items.Add(SetApart(s, AlignmentSide.Source));
        foreach (var s in alignment.English.Segments)
            if (s.Kind != SegmentKind.Sentence) items.Add(SetApart(s, AlignmentSide.Target));
        foreach (var s in alignment.Metadata) items.Add(SetApart(s, AlignmentSide.Target));
        return items;
    }

    private static AlignedText SetApart(Segment s, AlignmentSide side) =>
        AlignedText.Unaligned(s.Kind == SegmentKind.Furniture ? AlignedKind.Furniture : AlignedKind.Metadata, side, s.Text, Ranges([s]));

    private static List<TextRange> Ranges(IEnumerable<Segment> segments) => [.. segments.SelectMany(s => s.Ranges)];
}
