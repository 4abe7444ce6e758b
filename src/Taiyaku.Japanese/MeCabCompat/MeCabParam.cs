namespace Taiyaku.Japanese.MeCabCompat;

/// <summary>
/// Settings of a <see cref="MeCabTagger"/>, shaped like MeCab.DotNet's and NMeCab's <c>MeCabParam</c> (their
/// <c>LatticeLevel</c>, <c>Theta</c> and <c>Partial</c> are not offered: marginal probabilities and partial parsing
/// are not implemented).
/// </summary>
public sealed class MeCabParam
{
    /// <summary>The dictionary folder; <see langword="null"/> (default): as <see cref="MecabDictionary.Open"/> finds one (MECABRC's, else the bundled IPADIC).</summary>
    public string? DicDir { get; set; }

    /// <summary>Compiled user dictionaries searched after the system dictionary; empty (default): dicrc's <c>userdic</c>.</summary>
    public string[] UserDic { get; set; } = [];

    /// <summary>mecab's <c>-O</c> for <see cref="MeCabTagger.Parse"/>: <c>wakati</c>, <c>none</c> or a dicrc format name; <see langword="null"/> (default): dicrc's.</summary>
    public string? OutputFormatType { get; set; }

    /// <summary>mecab's <c>-a</c>: <see cref="MeCabTagger.Parse"/> and <see cref="MeCabTagger.ParseToNode"/> give every morpheme of the lattice (default false).</summary>
    public bool AllMorphs { get; set; }
}
