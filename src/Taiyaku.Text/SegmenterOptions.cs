namespace Taiyaku.Text;

/// <summary>Settings of <see cref="SentenceSegmenter"/>. Immutable; the defaults suit archival scans and plain text alike.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The defaults.</summary>
    public static SegmenterOptions Default { get; } = new();

    /// <summary>
    /// What a single line break means: <see cref="Text.LineBreaks.Auto"/> (default) decides per document and per block
    /// of lines whether the text is hard-wrapped or has one paragraph per line; <see cref="Text.LineBreaks.Wrap"/> and
    /// <see cref="Text.LineBreaks.Paragraph"/> say so. Blank lines always end a paragraph.
    /// </summary>
    public LineBreaks LineBreaks { get; init; } = LineBreaks.Auto;

    /// <summary>
    /// Whether lines that repeat on many pages (stamps, running heads) and page numbers are recognised as page furniture
    /// and kept out of sentences. Default <c>true</c>.
    /// </summary>
    public bool DetectFurniture { get; init; } = true;

    /// <summary>
    /// How often a short line must occur, standing apart between blank lines, to count as page furniture. Default 2.
    /// Only stamps count (a block of such lines, a line inside a sentence broken by a page boundary, a line beside a
    /// form feed) or lines that recur at page-like spacing at least three times: an author's repeated line is content.
    /// </summary>
    public int FurnitureMinRepeats { get; init; } = 2;

    /// <summary>The longest line, in characters without markup and spaces, that can be page furniture. Default 30.</summary>
    public int FurnitureMaxLength { get; init; } = 30;

    /// <summary>
    /// A Japanese paragraph at least this long that does not end a sentence and is followed by page furniture is
    /// continued by the next paragraph (a sentence broken by a page boundary). Default 40 characters.
    /// </summary>
    public int PageBreakJoinMinLength { get; init; } = 40;
}
