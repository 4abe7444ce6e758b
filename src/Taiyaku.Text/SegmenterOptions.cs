namespace Taiyaku.Text;

/// <summary>Settings of <see cref="SentenceSegmenter"/>. Immutable; the defaults suit archival scans and plain text alike.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The defaults.</summary>
    public static SegmenterOptions Default { get; } = new();

    /// <summary>
    /// Whether lines that repeat on many pages (stamps, running heads) and page numbers are recognised as page furniture
    /// and kept out of sentences. Default <c>true</c>.
    /// </summary>
    public bool DetectFurniture { get; init; } = true;

    /// <summary>How often a short line must occur in a document to count as page furniture. Default 2.</summary>
    public int FurnitureMinRepeats { get; init; } = 2;

    /// <summary>The longest line, in characters without markup and spaces, that can be page furniture. Default 30.</summary>
    public int FurnitureMaxLength { get; init; } = 30;

    /// <summary>
    /// A Japanese paragraph at least this long that does not end a sentence and is followed by page furniture is
    /// continued by the next paragraph (a sentence broken by a page boundary). Default 40 characters.
    /// </summary>
    public int PageBreakJoinMinLength { get; init; } = 40;
}
