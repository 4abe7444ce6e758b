
namespace Taiyaku.Pipeline;

/// <summary>Segmented sentences measured and analysed once (see <see cref="DocumentAligner.Prepare"/>). Immutable.</summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(LengthMeasure length, AnchorOptions anchors, int[] jaLengths, int[] enLengths,
        AnchorItem[][]? jaItems, AnchorItem[][]? enItems, double[]? jaOneSided = null, double[]? enOneSided = null)
    {
        JapaneseOneSided = jaOneSided;
        EnglishOneSided = enOneSided;
        Length = length;
        Anchors = anchors;
        JaLengths = jaLengths;
        EnLengths = enLengths;
        JapaneseItems = jaItems;
        EnglishItems = enItems;
    }

    internal LengthMeasure Length { get; }
    internal AnchorOptions Anchors { get; }
    internal int[] JaLengths { get; }
    internal int[] EnLengths { get; }
    internal AnchorItem[][]? JapaneseItems { get; }
    internal AnchorItem[][]? EnglishItems { get; }
    internal double[]? JapaneseOneSided { get; }
    internal double[]? EnglishOneSided { get; }

    /// <summary>Number of Japanese sentences.</summary>
    public int JapaneseCount => JaLengths.Length;

    /// <summary>Number of English sentences.</summary>
    public int EnglishCount => EnLengths.Length;

    /// <summary>Each Japanese sentence's length in the aligner's <see cref="AlignmentParameters.Length"/> measure.</summary>
    public IReadOnlyList<int> JapaneseLengths => JaLengths;

    /// <summary>Each English sentence's length in the aligner's <see cref="AlignmentParameters.Length"/> measure.</summary>
    public IReadOnlyList<int> EnglishLengths => EnLengths;

    /// <summary>Whether the document is aligned with anchors: false when they are off, or when their projected memory
    /// (<see cref="AnchorMemory"/>) is above <see cref="AnchorOptions.MemoryLimit"/> and lengths alone align it.</summary>
    public bool Anchored => JapaneseItems != null;

    /// <summary>The memory, in bytes, the document's anchors were projected to add to the alignment's peak, from an even
    /// sample of its sentences (every sentence of a document of up to 4,095 a side); 0 when anchors are off.</summary>
    public long AnchorMemory { get; internal init; }
}
