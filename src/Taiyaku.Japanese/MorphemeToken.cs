namespace Taiyaku.Japanese;

/// <summary>
/// One token of the best path, as a small struct that refers to the session's input and the dictionary's memory.
/// Valid until the session analyses the next sentence (offsets stay valid forever); resolve the surface and
/// feature with <see cref="AnalyzerSession.SurfaceUtf8"/> and <see cref="AnalyzerSession.FeatureUtf8"/>.
/// </summary>
public readonly struct MorphemeToken
{
    internal readonly nint FeaturePointer;

    /// <summary>The node's index in the session's lattice (BOS = 0; mecab's id but in partial parsing).</summary>
    internal int NodeId { get; }

    internal MorphemeToken(int offset, int length, int utf8Offset, int utf8Length, bool isUnknown,
        ushort leftId, ushort rightId, short wordCost, long pathCost, nint feature,
        int spaceLength, ushort posId, byte charType, long connectionCost, int nodeId)
    {
        NodeId = nodeId;
        SpaceLength = spaceLength;
        PosId = posId;
        CharType = charType;
        ConnectionCost = connectionCost;
        Offset = offset;
        Length = length;
        Utf8Offset = utf8Offset;
        Utf8Length = utf8Length;
        IsUnknown = isUnknown;
        LeftId = leftId;
        RightId = rightId;
        WordCost = wordCost;
        PathCost = pathCost;
        FeaturePointer = feature;
    }

    /// <summary>Start of the surface in the caller's text, in UTF-16 code units (in bytes for UTF-8 input).</summary>
    public int Offset { get; }

    /// <summary>Length of the surface in the caller's text, in UTF-16 code units (in bytes for UTF-8 input).</summary>
    public int Length { get; }

    /// <summary>Start of the surface in the UTF-8 bytes that were analysed (leading spaces excluded).</summary>
    public int Utf8Offset { get; }

    /// <summary>Length of the surface in UTF-8 bytes.</summary>
    public int Utf8Length { get; }

    /// <summary>True when the token came from the unknown-word model rather than a dictionary entry.</summary>
    public bool IsUnknown { get; }

    /// <summary>Left context id.</summary>
    public ushort LeftId { get; }

    /// <summary>Right context id.</summary>
    public ushort RightId { get; }

    /// <summary>The word's own cost.</summary>
    public short WordCost { get; }

    /// <summary>Cost of the best path from BOS through this token.</summary>
    public long PathCost { get; }

    /// <summary>Number of bytes of white space skipped before the surface (mecab's rlength minus length).</summary>
    public int SpaceLength { get; }

    /// <summary>The part-of-speech id of the entry (mecab's posid, <c>%h</c>).</summary>
    public ushort PosId { get; }

    /// <summary>The character category of the token's first character (index into char.def's categories; mecab's char_type, <c>%t</c>).</summary>
    public byte CharType { get; }

    /// <summary>The connection cost from the previous token on the best path to this one (mecab's <c>%pC</c>).</summary>
    public long ConnectionCost { get; }
}
