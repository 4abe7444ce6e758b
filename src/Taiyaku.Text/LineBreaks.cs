namespace Taiyaku.Text;

/// <summary>What a single line break means in a raw document (see <see cref="SegmenterOptions.LineBreaks"/>).</summary>
public enum LineBreaks
{
    /// <summary>
    /// Decided per document and per block of lines, from line widths (would the next line's first word have fitted
    /// on the line?), line-final punctuation, list markers and blank lines: hard-wrapped blocks are joined, and in
    /// text with one paragraph per line every line stands alone. Headings and list items stay on their own.
    /// </summary>
    Auto,

    /// <summary>The text is hard-wrapped: a single line break continues the paragraph (a list item still starts a new one).</summary>
    Wrap,

    /// <summary>Every line is a paragraph (or a heading or list item) of its own.</summary>
    Paragraph,
}

/// <summary>How the lines of a document were read (see <see cref="SegmentedText.Layout"/>).</summary>
public enum TextLayout
{
    /// <summary>Every line is a paragraph, heading or list item of its own (or no two text lines follow each other).</summary>
    OneParagraphPerLine,

    /// <summary>Hard-wrapped: consecutive lines were joined into paragraphs.</summary>
    HardWrapped,

    /// <summary>Some blocks of lines were hard-wrapped and others had one paragraph per line.</summary>
    Mixed,
}
