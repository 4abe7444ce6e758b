using Taiyaku.Alignment;

namespace Taiyaku.Formats;

/// <summary>
/// A link together with the text of its sentences, ready to be written by <see cref="AlignmentWriter"/>; or text set apart
/// from alignment. A document's list comes from <c>DocumentAlignment.ToAlignedText()</c> (Taiyaku.Pipeline), sentence-level
/// results' from <see cref="Create"/>.
/// </summary>
/// <param name="Link">The sentence indices of both sides.</param>
/// <param name="SourceText">The source sentences of the link, joined; empty for an insertion.</param>
/// <param name="TargetText">The target sentences of the link, joined; empty for a deletion.</param>
/// <param name="Cost">The link's cost under the aligner's model (lower is better).</param>
public sealed record AlignedText(IndexLink Link, string SourceText, string TargetText, double Cost)
{
    /// <summary>A link (the default), or text set apart from alignment: page furniture or metadata.</summary>
    public AlignedKind Kind { get; init; } = AlignedKind.Link;

    /// <summary>The link's calibrated confidence in [0, 1]; NaN when not computed.</summary>
    public double Score { get; init; } = double.NaN;

    /// <summary>Where the source text stands in the original source document, as (start, length) in UTF-16 units; null when unknown.</summary>
    public IReadOnlyList<TextRange>? SourceRanges { get; init; }

    /// <summary>Where the target text stands in the original target document; null when unknown.</summary>
    public IReadOnlyList<TextRange>? TargetRanges { get; init; }

    /// <summary>
    /// Text that is not aligned (page furniture or metadata) on one side, so that it still appears in the output: in
    /// <see cref="SourceText"/> and <see cref="SourceRanges"/> for <see cref="AlignmentSide.Source"/>, else in the target's.
    /// </summary>
    /// <param name="kind"><see cref="AlignedKind.Furniture"/> or <see cref="AlignedKind.Metadata"/>.</param>
    /// <param name="side">The side the text belongs to.</param>
    /// <param name="text">The text.</param>
    /// <param name="ranges">Where it stands in that side's original document, as (start, length) in UTF-16 units; null when unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not furniture or metadata, or <paramref name="side"/> is not a side.</exception>
    public static AlignedText Unaligned(AlignedKind kind, AlignmentSide side, string text, IReadOnlyList<TextRange>? ranges)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (kind is not (AlignedKind.Furniture or AlignedKind.Metadata))
            throw new ArgumentException($"Text set apart is furniture or metadata, not {kind}.", nameof(kind));
        if (side is not (AlignmentSide.Source or AlignmentSide.Target))
            throw new ArgumentException($"Not a side: {side}.", nameof(side));
        bool source = side == AlignmentSide.Source;
        return new(new IndexLink([], []), source ? text : "", source ? "" : text, 0)
        {
            Kind = kind,
            SetApartSide = side,
            SourceRanges = source ? ranges : null,
            TargetRanges = source ? null : ranges,
        };
    }

    /// <summary>The side of an item that is not a link (set by <see cref="Unaligned"/> and <see cref="FilterByScore"/>).</summary>
    internal AlignmentSide? SetApartSide { get; init; }

    /// <summary>
    /// The side an item that is not a link belongs to: as made by <see cref="Unaligned"/> or <see cref="FilterByScore"/>,
    /// else the side that has sentences, else the side that has text.
    /// </summary>
    internal AlignmentSide Side =>
        SetApartSide ?? (Link.Source.Count > 0 || (Link.Target.Count == 0 && TargetText.Length == 0) ? AlignmentSide.Source : AlignmentSide.Target);

    /// <summary>
    /// Pairs each link of <paramref name="result"/> with its sentences. Sentences of one side are joined with
    /// <paramref name="sourceJoiner"/> / <paramref name="targetJoiner"/> (e.g. nothing for Japanese, a space for English).
    /// </summary>
    public static IReadOnlyList<AlignedText> Create(
        AlignmentResult result, IReadOnlyList<string> sourceSentences, IReadOnlyList<string> targetSentences,
        string sourceJoiner = "", string targetJoiner = " ")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sourceSentences);
        ArgumentNullException.ThrowIfNull(targetSentences);
        if (result.SourceCount != sourceSentences.Count || result.TargetCount != targetSentences.Count)
            throw new ArgumentException("The result was not computed for these sentences.", nameof(result));
        var list = new List<AlignedText>(result.Links.Count);
        foreach (var l in result.Links)
        {
            list.Add(new AlignedText(
                IndexLink.From(l),
                string.Join(sourceJoiner, Slice(sourceSentences, l.SourceStart, l.SourceCount)),
                string.Join(targetJoiner, Slice(targetSentences, l.TargetStart, l.TargetCount)),
                l.Cost) { Score = l.Score });
        }
        return list;
    }

    /// <summary>
    /// Keeps the links scored at least <paramref name="minScore"/>; every other link with text on both sides is replaced,
    /// in place, by its two sides as <see cref="AlignedKind.LowScore"/> items, so that no sentence is dropped. Links
    /// without a score are kept. The score compared is the one the writers print (rounded to 4 decimals), so that a link
    /// written with score 1 is never marked low-score at a threshold of 1.
    /// </summary>
    public static IReadOnlyList<AlignedText> FilterByScore(IReadOnlyList<AlignedText> items, double minScore)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<AlignedText>(items.Count);
        foreach (var i in items)
        {
            if (i.Kind != AlignedKind.Link || !(Math.Round(i.Score, 4, MidpointRounding.AwayFromZero) < minScore) || i.Link.Source.Count == 0 || i.Link.Target.Count == 0)
            {
                list.Add(i);
                continue;
            }
            list.Add(i with { Kind = AlignedKind.LowScore, SetApartSide = AlignmentSide.Source, TargetText = "", TargetRanges = null, Link = new IndexLink(i.Link.Source, []) });
            list.Add(i with { Kind = AlignedKind.LowScore, SetApartSide = AlignmentSide.Target, SourceText = "", SourceRanges = null, Link = new IndexLink([], i.Link.Target) });
        }
        return list;
    }

    private static IEnumerable<string> Slice(IReadOnlyList<string> list, int start, int count)
    {
        for (int i = start; i < start + count; i++) yield return list[i];
    }
}

/// <summary>What an <see cref="AlignedText"/> is.</summary>
public enum AlignedKind
{
    /// <summary>A link between sentences (either side may be empty).</summary>
    Link,
    /// <summary>Page furniture (stamps, running heads, page numbers): never aligned.</summary>
    Furniture,
    /// <summary>Metadata outside the two texts of a bilingual document: never aligned.</summary>
    Metadata,
    /// <summary>One side of a link whose score fell below the requested minimum: written unpaired.</summary>
    LowScore,
}
