namespace Taiyaku.Edict;

/// <summary>
/// The binary lexicon image: what the build compiles the text lexicon into and <see cref="LexiconImage"/> reads in
/// place (memory-mapped with the assembly), so that no process parses the lexicon. Little-endian:
/// <code>
/// header   8 × int32: magic, version, keys, words, word references, hash slots, key chars, word chars
/// slots    int32[slots]      open addressing, linear probing: key index + 1, 0 = empty (Fnv1a of the key's UTF-16)
/// keyStart int32[keys + 1]   into key chars; keys in ordinal order
/// refStart int32[keys + 1]   into word references
/// refs     int32[references] word indices, each key's words in lexicon order
/// wordStart int32[words + 1] into word chars; words in ordinal order
/// keyChars, wordChars        UTF-16
/// </code>
/// </summary>
internal static class LexiconImageFormat
{
    public const int Magic = 0x4B445954;   // "TYDK"
    public const int Version = 1;
    public const int HeaderInts = 8;

    /// <summary>FNV-1a over UTF-16 code units: fixed here, unlike <see cref="string.GetHashCode()"/>, since it is stored.</summary>
    public static uint Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>Slots for <paramref name="keys"/> keys: a power of two at least twice as many (probes stay short).</summary>
    public static int SlotCount(int keys) => (int)Math.Max(2, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys * 2));
}
