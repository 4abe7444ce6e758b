namespace Taiyaku.Japanese.MeCabCompat;

/// <summary>What a <see cref="MeCabNode"/> is (mecab's MECAB_NOR_NODE ... MECAB_EON_NODE).</summary>
public enum MeCabNodeStat
{
    /// <summary>A dictionary word.</summary>
    Nor = 0,

    /// <summary>An unknown word.</summary>
    Unk = 1,

    /// <summary>Beginning of sentence.</summary>
    Bos = 2,

    /// <summary>End of sentence.</summary>
    Eos = 3,

    /// <summary>End of N-best results.</summary>
    Eon = 4,
}

/// <summary>
/// One node of a result, shaped like MeCab.DotNet's and NMeCab's <c>MeCabNode</c>: BOS, the morphemes, EOS,
/// linked by <see cref="Next"/> and <see cref="Prev"/>. Lengths are in bytes of the dictionary's charset, as in
/// mecab; <see cref="BPos"/> and <see cref="EPos"/> are UTF-16 offsets into the parsed string.
/// </summary>
public sealed class MeCabNode
{
    internal MeCabNode() { }

    /// <summary>The previous node (null at BOS).</summary>
    public MeCabNode? Prev { get; internal set; }

    /// <summary>The next node (null at EOS).</summary>
    public MeCabNode? Next { get; internal set; }

    /// <summary>The surface (empty for BOS and EOS).</summary>
    public string Surface { get; internal init; } = "";

    /// <summary>The feature string (dicrc's bos-feature for BOS and EOS).</summary>
    public string Feature { get; internal init; } = "";

    /// <summary>Surface length in bytes.</summary>
    public int Length { get; internal init; }

    /// <summary>Surface length in bytes including the white space skipped before it.</summary>
    public int RLength { get; internal init; }

    /// <summary>Start of the surface in the parsed string, in UTF-16 code units.</summary>
    public int BPos { get; internal init; }

    /// <summary>End of the surface in the parsed string, in UTF-16 code units.</summary>
    public int EPos { get; internal init; }

    /// <summary>Right context id.</summary>
    public ushort RCAttr { get; internal init; }

    /// <summary>Left context id.</summary>
    public ushort LCAttr { get; internal init; }

    /// <summary>Part-of-speech id.</summary>
    public ushort PosId { get; internal init; }

    /// <summary>The character category (char.def order) of the first character; 0 for BOS and EOS.</summary>
    public uint CharType { get; internal init; }

    /// <summary>Normal, unknown, BOS or EOS.</summary>
    public MeCabNodeStat Stat { get; internal init; }

    /// <summary>True on the best path.</summary>
    public bool IsBest { get; internal init; }

    /// <summary>The word cost.</summary>
    public short WCost { get; internal init; }

    /// <summary>The cost of the best path from BOS to this node.</summary>
    public long Cost { get; internal init; }
}
