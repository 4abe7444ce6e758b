using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>One unit of the double array: a base and the check that proves the transition.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DoubleArrayUnit
{
    public int Base;
    public uint Check;
}

/// <summary>A word entry as mecab-dict-index writes it (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RawToken
{
    public ushort LeftId;
    public ushort RightId;
    public ushort PosId;
    public short WordCost;
    public uint Feature;
    public uint Compound;
}

/// <summary>A compiled MeCab lexicon (<c>sys.dic</c>, <c>unk.dic</c> or a user dictionary), memory-mapped and validated.</summary>
internal sealed unsafe class LexiconFile : IDisposable
{
    private const uint MagicId = DictionaryFileFormat.MagicId;
    private const uint SupportedVersion = DictionaryFileFormat.Version;
    internal const int HeaderSize = DictionaryFileFormat.HeaderSize;

    private readonly MappedFile _map;
    private readonly DoubleArrayUnit* _units;
    private readonly uint _unitCount;
    private readonly RawToken* _tokens;
    private readonly uint _tokenCount;
    private readonly byte* _features;
    private readonly uint _featureSize;

    public string Path => _map.Path;
    public uint Type { get; }
    public uint LexiconSize { get; }
    public uint LeftSize { get; }
    public uint RightSize { get; }
    public string Charset { get; }
    public uint TokenCount => _tokenCount;

    public LexiconFile(string path, uint? expectedType)
    {
        _map = new MappedFile(path);
        try
        {
            long size = _map.Length;
            // mecab itself rejects files under 100 bytes.
            if (size < 100) throw Bad($"truncated: {size} bytes, smaller than the smallest dictionary");
            uint magic = _map.U32(0);
            if ((magic ^ MagicId) != size)
                throw Bad((magic ^ MagicId) > size && (magic ^ MagicId) - size < (1u << 30)
                    ? $"truncated (or bad magic number): the header implies {magic ^ MagicId} bytes but the file has {size}"
                    : $"bad magic number 0x{magic:x8}: not a MeCab dictionary, or truncated/extended (the file has {size} bytes)");
            uint version = _map.U32(4);
            if (version != SupportedVersion) throw Bad($"unsupported dictionary version {version} (expected {SupportedVersion})");
            Type = _map.U32(8);
            if (Type > 2) throw Bad($"unknown dictionary type {Type}");
            if (expectedType is uint t && Type != t)
                throw Bad($"wrong dictionary type {Type} ({TypeName(Type)}), expected {t} ({TypeName(t)})");
            LexiconSize = _map.U32(12);
            LeftSize = _map.U32(16);
            RightSize = _map.U32(20);
            uint dsize = _map.U32(24), tsize = _map.U32(28), fsize = _map.U32(32);
            var cs = _map.Span(40, 32);
            int nul = cs.IndexOf((byte)0);
            if (nul < 0) throw Bad("the charset field is not terminated");
            Charset = Encoding.ASCII.GetString(cs[..nul]);
            if ((long)HeaderSize + dsize + tsize + fsize != size)
                throw Bad($"section sizes ({dsize} + {tsize} + {fsize} bytes after a {HeaderSize}-byte header) do not add up to the file size {size}");
            if (dsize % 8 != 0 || dsize < 8) throw Bad($"bad double-array size {dsize}");
            if (tsize % 16 != 0) throw Bad($"bad token-table size {tsize}");
            if (fsize == 0 || _map.Pointer[size - 1] != 0) throw Bad("the feature section is not NUL-terminated");
            _units = (DoubleArrayUnit*)(_map.Pointer + HeaderSize);
            _unitCount = dsize / 8;
            _tokens = (RawToken*)(_map.Pointer + HeaderSize + dsize);
            _tokenCount = tsize / 16;
            _features = _map.Pointer + HeaderSize + dsize + tsize;
            _featureSize = fsize;
            // The system dictionary's tokens (6 MB for IPADIC) are checked as lookups reach them (CheckToken), so
            // that opening does not page in the whole table; the small unknown-word and user dictionaries up front.
            CheckedOnUse = Type == 0;
            RawToken* tokens = _tokens;
            for (uint i = 0, n = CheckedOnUse ? 0 : _tokenCount; i < n; i++)
                if (tokens[i].Feature >= fsize) ThrowBadToken(i, 0, 0, "");
        }
        catch
        {
            _map.Dispose();
            throw;
        }
    }

    private static string TypeName(uint t) => t switch { 0 => "system", 1 => "user", 2 => "unknown-word", _ => "?" };

    internal static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private DictionaryFormatException Bad(string problem) => new(_map.Path, problem);

    /// <summary>True for the system dictionary: its tokens are checked by <see cref="CheckToken"/> as lookups reach them.</summary>
    public bool CheckedOnUse { get; }

    private int _matrixLeft, _matrixRight;
    private string _matrixPath = "";

    /// <summary>Checks every token's context ids against the connection matrix (or, for the system dictionary, keeps
    /// the matrix's sizes for <see cref="CheckToken"/>).</summary>
    public void ValidateIds(int matrixLeft, int matrixRight, string matrixPath)
    {
        (_matrixLeft, _matrixRight, _matrixPath) = (matrixLeft, matrixRight, matrixPath);
        RawToken* tokens = _tokens;
        for (uint i = 0, n = CheckedOnUse ? 0 : _tokenCount; i < n; i++)
            CheckToken(tokens + i, i);
    }

    /// <summary>
    /// Throws unless the token's context ids lie inside the matrix and its feature inside the feature section: what
    /// keeps a damaged dictionary from sending reads out of the maps. Matrix index is (left node's right id) +
    /// lsize * (right node's left id).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckToken(RawToken* t, uint index)
    {
        if (t->RightId >= _matrixLeft || t->LeftId >= _matrixRight || t->Feature >= _featureSize)
            ThrowBadToken(index, t->LeftId, t->RightId, _matrixPath);
    }

    private void ThrowBadToken(uint i, int leftId, int rightId, string matrixPath)
    {
        RawToken* t = _tokens + i;
        throw t->Feature >= _featureSize
            ? Bad($"token {i} points at feature offset {t->Feature}, past the feature section ({_featureSize} bytes)")
            : Bad($"token {i} has context ids {leftId}/{rightId}, outside {matrixPath}'s {_matrixLeft}x{_matrixRight} matrix");
    }

    public RawToken* Tokens => _tokens;

    public byte* FeatureAt(uint offset) => _features + offset;

    /// <summary>Resolves a double-array value to a token range, checking it lies inside the token table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void TokenRange(int value, out uint first, out int count)
    {
        first = (uint)value >> 8;
        count = value & 0xff;
        if ((ulong)first + (ulong)count > _tokenCount) ThrowBadTokenRange(first, count);
    }

    private void ThrowBadTokenRange(uint first, int count) =>
        throw Bad($"the double array points at tokens {first}..{first + count}, past the token table ({_tokenCount} tokens)");

    /// <summary>
    /// Finds every key that is a prefix of <paramref name="key"/>, shortest first, writing (value, byte length) pairs.
    /// Returns the number found (it may exceed the space given, like mecab's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CommonPrefixSearch(byte* key, int length, Span<int> values, Span<int> lengths)
    {
        DoubleArrayUnit* a = _units;
        uint n = _unitCount;
        int found = 0;
        int b = a[0].Base;
        for (int i = 0; ; i++)
        {
            int value = ValueAt(a, n, b);
            if (value >= 0)
            {
                if (found < values.Length) { values[found] = value; lengths[found] = i; }
                found++;
                // The caller reads this entry's tokens next: start loading them while the search goes on.
                if (Sse.IsSupported) Sse.Prefetch0(_tokens + ((uint)value >> 8));
            }
            if (i == length) return found;
            // A first character of three bytes (every kana and kanji): its three steps in one, from the table.
            if (i == 0 && length >= 3 && (key[0] & 0xF0) == 0xE0 && (key[1] & 0xC0) == 0x80 && (key[2] & 0xC0) == 0x80)
            {
                int state = FirstCharacter(key);
                if (state == NoCharacter) return found;
                if (state != SlowCharacter) { b = state - CharacterBias; i = 2; continue; }   // i++ then passes the third byte
            }
            if (!Step(a, n, ref b, key[i])) return found;
        }
    }

    // The double array's two moves, on the array a of n units (passed in, so that the search's loop keeps them in registers).

    /// <summary>The value of the key that ends at state <paramref name="b"/>, or −1 when none does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ValueAt(DoubleArrayUnit* a, uint n, int b)
    {
        uint p = (uint)b;
        return p < n && a[p].Check == (uint)b && a[p].Base < 0 ? -a[p].Base - 1 : -1;
    }

    /// <summary>Follows byte <paramref name="c"/> from state <paramref name="b"/>; false when the array has no such transition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Step(DoubleArrayUnit* a, uint n, ref int b, byte c)
    {
        uint p = (uint)b + c + 1u;
        if (p >= n || a[p].Check != (uint)b) return false;
        b = a[p].Base;
        return true;
    }

    // The states after one three-byte character from the root, by the character's 16 payload bits, made on the first
    // search and filled in as characters come (a race only writes the same value twice): 0 not yet known, NoCharacter
    // when the character leaves the array, SlowCharacter when a key ends inside its bytes (never in a dictionary of
    // UTF-8 text; in an EUC-JP one, a two-byte character and the next one's first byte), else the state plus
    // CharacterBias. Filled on use so that opening the dictionary does not page the array in.
    private const int NoCharacter = 1, SlowCharacter = 2, CharacterBias = 3;
    private int[]? _firstCharacter;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FirstCharacter(byte* key)
    {
        int[] table = _firstCharacter ?? FirstCharacterTable();
        int index = (key[0] & 0x0F) << 12 | (key[1] & 0x3F) << 6 | (key[2] & 0x3F);
        int state = table[index];
        return state != 0 ? state : table[index] = FirstCharacterState(key);
    }

    private int[] FirstCharacterTable()
    {
        Interlocked.CompareExchange(ref _firstCharacter, new int[1 << 16], null);
        return _firstCharacter;
    }

    private int FirstCharacterState(byte* key)
    {
        DoubleArrayUnit* a = _units;
        uint n = _unitCount;
        int b = a[0].Base;
        for (int i = 0; i < 3; i++)
        {
            if (i > 0 && ValueAt(a, n, b) >= 0) return SlowCharacter;
            if (!Step(a, n, ref b, key[i])) return NoCharacter;
        }
        return b >= 0 && b <= int.MaxValue - CharacterBias ? b + CharacterBias : SlowCharacter;
    }

    /// <summary>The value stored for exactly <paramref name="key"/>, or -1.</summary>
    public int ExactMatch(ReadOnlySpan<byte> key)
    {
        DoubleArrayUnit* a = _units;
        uint n = _unitCount;
        int b = a[0].Base;
        foreach (byte c in key)
            if (!Step(a, n, ref b, c)) return -1;
        return ValueAt(a, n, b);
    }

    public void Dispose() => _map.Dispose();
}
