using Taiyaku.Alignment;
using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>The aligned sentences of a document pair, and what was set apart (page furniture, metadata).</summary>
public sealed class DocumentAlignment
{
    internal DocumentAlignment(SegmentedText japanese, SegmentedText english, IReadOnlyList<Segment> metadata, AlignmentResult result)
    {
        Japanese = japanese;
        English = english;
        Metadata = metadata;
        Result = result;
        Pairs = result.Links.Select(l => new AlignedPair(
            l.SourceStart, Slice(japanese.Sentences, l.SourceStart, l.SourceCount),
            l.TargetStart, Slice(english.Sentences, l.TargetStart, l.TargetCount), l.Cost, l.Score)).ToArray();
        Unaligned = japanese.Segments.Concat(english.Segments).Where(s => s.Kind != SegmentKind.Sentence).Concat(metadata).ToArray();
    }

    private static Segment[] Slice(IReadOnlyList<Segment> list, int start, int count) =>
        Enumerable.Range(start, count).Select(i => list[i]).ToArray();

    /// <summary>The Japanese text's segments; ranges point into <see cref="SegmentedText.Source"/>.</summary>
    public SegmentedText Japanese { get; }

    /// <summary>The English text's segments; ranges point into <see cref="SegmentedText.Source"/>.</summary>
    public SegmentedText English { get; }

    /// <summary>Metadata set apart from a bilingual document (empty for two separate texts).</summary>
    public IReadOnlyList<Segment> Metadata { get; }

    /// <summary>The links by sentence index (indices into <see cref="SegmentedText.Sentences"/> of each side).</summary>
    public AlignmentResult Result { get; }

    /// <summary>The links with their sentences, in document order. Every sentence of both sides is in exactly one.</summary>
    public IReadOnlyList<AlignedPair> Pairs { get; }

    /// <summary>Whether the sentences were aligned with anchors (see <see cref="PreparedDocument.Anchored"/>); for a
    /// document that makes its own pairs, whether every pair was.</summary>
    public bool Anchored { get; internal init; }

    /// <summary>The memory, in bytes, the anchors were projected to need (see <see cref="PreparedDocument.AnchorMemory"/>);
    /// for a document that makes its own pairs, the most any pair's were.</summary>
    public long AnchorMemory { get; internal init; }

    /// <summary>Page furniture and metadata: never aligned, never dropped.</summary>
    public IReadOnlyList<Segment> Unaligned { get; }

    /// <summary>How a bilingual document laid out its languages (see <see cref="DocumentAligner.AlignBilingual(string, CancellationToken)"/>); null for two texts.</summary>
    public BilingualLayout? BilingualLayout { get; internal init; }

    /// <summary>The pairs a bilingual document made itself (lines, records, paragraphs), kept: no link crosses one. Empty otherwise.</summary>
    public IReadOnlyList<SentencePairing> Pairings { get; internal init; } = [];
}
