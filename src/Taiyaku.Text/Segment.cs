using Taiyaku.Alignment;

namespace Taiyaku.Text;

/// <summary>
/// One segment of a document. The <see cref="Ranges"/> of all segments of a document partition its text exactly:
/// every character, whitespace included, belongs to one segment. A sentence broken by a page boundary or by line
/// wrapping has several ranges; <see cref="Text"/> is the sentence rejoined.
/// </summary>
/// <param name="Kind">Sentence, furniture or metadata.</param>
/// <param name="Text">The segment's text: pieces joined (without a space in Japanese, with one in English), trimmed.</param>
/// <param name="Ranges">The original characters of the segment, in order, including the whitespace that follows each piece.</param>
public sealed record Segment(SegmentKind Kind, string Text, IReadOnlyList<TextRange> Ranges)
{
    // The segmenter's segments hold no copies: a sentence of one stretch of the source keeps the source and the
    // stretch, and the ranges of all segments are one array (measured, a 100 MB pair: the copies and a list per
    // segment were most of the memory beside the text). Text and ranges are made each time they are asked for, so a
    // segment stays immutable and holds nothing more afterwards.
    private readonly string _source = Text;              // the text itself when _length < 0
    private readonly int _start, _length = -1;
    private readonly IReadOnlyList<TextRange> _ranges = Ranges;   // the ranges themselves when _count < 0
    private readonly int _first, _count = -1;

    /// <summary>
    /// A segment whose text is <paramref name="text"/>, or when null <paramref name="source"/>[<paramref name="start"/>..+<paramref name="length"/>];
    /// its ranges are <paramref name="count"/> of <paramref name="ranges"/> from <paramref name="first"/>.
    /// </summary>
    internal Segment(SegmentKind kind, string? text, string source, int start, int length, TextRange[] ranges, int first, int count)
        : this(kind, text ?? source, ranges)
    {
        if (text == null) (_start, _length) = (start, length);
        (_first, _count) = (first, count);
    }

    /// <summary>The segment's text: pieces joined (without a space in Japanese, with one in English), trimmed.</summary>
    public string Text
    {
        get => _length < 0 ? _source : _source.Substring(_start, _length);
        init => (_source, _length) = (value, -1);
    }

    /// <summary>The original characters of the segment, in order, including the whitespace that follows each piece.</summary>
    public IReadOnlyList<TextRange> Ranges
    {
        get => _count < 0 ? _ranges : new ArraySegment<TextRange>((TextRange[])_ranges, _first, _count);
        init => (_ranges, _count) = (value, -1);
    }

    /// <summary>The text without making a string of it.</summary>
    internal ReadOnlySpan<char> TextSpan => _length < 0 ? _source.AsSpan() : _source.AsSpan(_start, _length);

    /// <summary>Equal kinds and texts, and equal <see cref="Ranges"/> (as the list's own equality says: for a list, the same object).</summary>
    public bool Equals(Segment? other) =>
        other is not null && Kind == other.Kind && TextSpan.SequenceEqual(other.TextSpan) &&
        EqualityComparer<IReadOnlyList<TextRange>>.Default.Equals(Ranges, other.Ranges);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, string.GetHashCode(TextSpan), Ranges);
}
