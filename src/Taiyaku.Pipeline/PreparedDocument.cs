
namespace Taiyaku.Pipeline;

/// <summary>Segmented sentences measured and analysed once (see <see cref="DocumentAligner.Prepare"/>). Immutable.</summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(LengthMeasure length, AnchorOptions anchors, int[] jaLengths, int[] enLengths,
        List<AnchorItem>[]? jaItems, List<AnchorItem>[]? enItems)
    {
        Length = length;
        Anchors = anchors;
        JapaneseLengths = jaLengths;
        EnglishLengths = enLengths;
        JapaneseItems = jaItems;
        EnglishItems = enItems;
    }

    internal LengthMeasure Length { get; }
    internal AnchorOptions Anchors { get; }
    internal int[] JapaneseLengths { get; }
    internal int[] EnglishLengths { get; }
    internal List<AnchorItem>[]? JapaneseItems { get; }
    internal List<AnchorItem>[]? EnglishItems { get; }

    /// <summary>Number of Japanese sentences.</summary>
    public int JapaneseCount => JapaneseLengths.Length;

    /// <summary>Number of English sentences.</summary>
    public int EnglishCount => EnglishLengths.Length;
}
