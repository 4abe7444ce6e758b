namespace Taiyaku.Japanese;

/// <summary>
/// MeCab's compiled dictionary file (<c>sys.dic</c>, <c>unk.dic</c>, user dictionaries), defined once for the reader
/// here and the compiler (<c>Taiyaku.Japanese.Dictionary</c>): the header is the file size XOR <see cref="MagicId"/>,
/// <see cref="Version"/>, the dictionary type, the lexicon size, the left and right context sizes, the double array,
/// token and feature sizes, a reserved word and a 32-byte charset name; then the double array, the tokens
/// (<see cref="TokenSize"/> bytes each) and the NUL-terminated features.
/// </summary>
public static class DictionaryFileFormat
{
    /// <summary>XORed with the file size in the header's first word.</summary>
    public const uint MagicId = 0xef718f77u;

    /// <summary>The format version MeCab 0.996 writes and reads.</summary>
    public const uint Version = 102;

    /// <summary>Bytes of the header: ten 32-bit words and the charset name.</summary>
    public const int HeaderSize = 40 + 32;

    /// <summary>Bytes of one token: left and right context ids, part-of-speech id, word cost, feature offset, compound.</summary>
    public const int TokenSize = 16;
}
