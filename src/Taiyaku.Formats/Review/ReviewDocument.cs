using Taiyaku.Alignment;
namespace Taiyaku.Formats.Review;

/// <summary>One row of the review page: a link (indices into the sentence lists) or text set apart (furniture, metadata).</summary>
internal sealed record ReviewRow(IndexLink Link, double Score, AlignedKind Kind, bool SourceSide, string Text);

/// <summary>
/// What the review page and the path plot show: every sentence of both sides by index, and the rows in document order,
/// with unaligned text (page furniture, metadata) placed where it stood in the document.
/// </summary>
internal sealed class ReviewDocument
{
    private ReviewDocument(string title, string name, IReadOnlyList<string> source, IReadOnlyList<string> target, IReadOnlyList<ReviewRow> rows, AlignmentWriterOptions options)
    {
        Title = title;
        Name = name;
        Source = source;
        Target = target;
        Rows = rows;
        Options = options;
    }

    public string Title { get; }

    /// <summary>The file name the page's exports take (NAME.gold, NAME.ja, NAME.en, NAME.tmx).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Source { get; }

    public IReadOnlyList<string> Target { get; }

    public IReadOnlyList<ReviewRow> Rows { get; }

    public AlignmentWriterOptions Options { get; }

    public IEnumerable<ReviewRow> Links => Rows.Where(r => r.Kind == AlignedKind.Link);

    /// <summary>
    /// The rows of <paramref name="items"/> (as the aligner made them, before any score filter) over the sentences of
    /// each side. Text set apart that knows its offsets goes before the first link of its side that starts after it.
    /// </summary>
    public static ReviewDocument Create(string title, IReadOnlyList<AlignedText> items, IReadOnlyList<string> source, IReadOnlyList<string> target, AlignmentWriterOptions? options = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var links = new List<(ReviewRow Row, int SourceStart, int TargetStart)>();
        var apart = new List<(ReviewRow Row, int Start)>();
        foreach (var i in items)
        {
            if (i.Kind == AlignedKind.Link)
            {
                foreach (int s in i.Link.Source)
                    if ((uint)s >= (uint)source.Count) throw new ArgumentException($"Link {i.Link} names source sentence {s}; there are {source.Count}.", nameof(items));
                foreach (int t in i.Link.Target)
                    if ((uint)t >= (uint)target.Count) throw new ArgumentException($"Link {i.Link} names target sentence {t}; there are {target.Count}.", nameof(items));
                links.Add((new ReviewRow(i.Link, i.Score, AlignedKind.Link, true, ""), First(i.SourceRanges), First(i.TargetRanges)));
            }
            else if (i.Kind is AlignedKind.Furniture or AlignedKind.Metadata)
            {
                bool src = i.Side == AlignmentSide.Source;
                apart.Add((new ReviewRow(i.Link, double.NaN, i.Kind, src, src ? i.SourceText : i.TargetText), First(src ? i.SourceRanges : i.TargetRanges)));
            }
            else throw new ArgumentException("The review page shows the alignment before any score filter (it has its own).", nameof(items));
        }

        // Each piece of text set apart goes before the first link of its side that starts after it; without offsets, at the end.
        var before = new List<ReviewRow>[links.Count + 1];
        foreach (var (row, start) in apart)
        {
            int at = links.Count;
            if (start >= 0)
                for (int k = 0; k < links.Count; k++)
                {
                    int s = row.SourceSide ? links[k].SourceStart : links[k].TargetStart;
                    if (s > start) { at = k; break; }
                }
            (before[at] ??= []).Add(row);
        }
        var rows = new List<ReviewRow>(items.Count);
        for (int k = 0; k <= links.Count; k++)
        {
            if (before[k] != null) rows.AddRange(before[k]);
            if (k < links.Count) rows.Add(links[k].Row);
        }
        return new ReviewDocument(title, string.IsNullOrWhiteSpace(name) ? "alignment" : name, source, target, rows, options ?? AlignmentWriterOptions.Default);

        static int First(IReadOnlyList<TextRange>? ranges) => ranges is { Count: > 0 } ? ranges[0].Start : -1;
    }
}
