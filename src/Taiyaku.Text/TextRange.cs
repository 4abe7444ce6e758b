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
