using Taiyaku.Alignment;

namespace Taiyaku.Text;

/// <summary>What a segment of a document is.</summary>
public enum SegmentKind
{
    /// <summary>A sentence of the document's text, to be aligned.</summary>
    Sentence,
    /// <summary>Page furniture: stamps, running heads, page numbers that repeat on scanned pages. Never aligned.</summary>
    Furniture,
    /// <summary>Text outside the two language parts of a bilingual document (e.g. an archive's metadata). Never aligned.</summary>
    Metadata,
}

/// <summary>
/// One segment of a document. The <see cref="Ranges"/> of all segments of a document partition its text exactly:
/// every character, whitespace included, belongs to one segment. A sentence broken by a page boundary or by line
/// wrapping has several ranges; <see cref="Text"/> is the sentence rejoined.
/// </summary>
/// <param name="Kind">Sentence, furniture or metadata.</param>
/// <param name="Text">The segment's text: pieces joined (without a space in Japanese, with one in English), trimmed.</param>
/// <param name="Ranges">The original characters of the segment, in order, including the whitespace that follows each piece.</param>
public sealed record Segment(SegmentKind Kind, string Text, IReadOnlyList<TextRange> Ranges);
