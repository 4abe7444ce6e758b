using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Taiyaku.Edict;

/// <summary>
/// Reads a <see cref="LexiconImageFormat"/> image where it lies: the embedded one inside the memory-mapped assembly, so
/// start-up costs a header check and a lookup touches a few pages. Word lists are built on first lookup of their key
/// and kept. Immutable and thread-safe.
/// </summary>
internal sealed unsafe class LexiconImage
{
    private readonly byte[]? _pinned;   // owns the bytes when they are not the assembly's
    private readonly int* _slots, _keyStart, _refStart, _refs, _wordStart;
    private readonly char* _keyChars, _wordChars;
    private readonly uint _mask;
    private readonly ConcurrentDictionary<int, ReadOnlyCollection<string>> _lists = new();

    public int KeyCount { get; }

    /// <summary>True when the image is read where it lies (the assembly's memory), false for a copy.</summary>
    public bool InPlace => _pinned == null;

    /// <summary>An image in memory that lives as long as the process (an embedded resource), 4-byte aligned.</summary>
    private LexiconImage(byte* image, long length, byte[]? pinned)
    {
        _pinned = pinned;
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the lexicon image is little-endian");
        if (length < LexiconImageFormat.HeaderInts * 4) throw new InvalidDataException("lexicon image: too short");
        int* h = (int*)image;
        if (h[0] != LexiconImageFormat.Magic || h[1] != LexiconImageFormat.Version)
            throw new InvalidDataException($"lexicon image: not a version {LexiconImageFormat.Version} image");
        int keys = h[2], words = h[3], refs = h[4], slots = h[5], keyChars = h[6], wordChars = h[7];
        long expected = 4L * (LexiconImageFormat.HeaderInts + slots + 2 * (keys + 1) + refs + words + 1) + 2L * ((long)keyChars + wordChars);
        if (keys < 0 || words < 0 || refs < 0 || keyChars < 0 || wordChars < 0 || slots != LexiconImageFormat.SlotCount(keys) || expected != length)
            throw new InvalidDataException($"lexicon image: sizes do not add up ({length} bytes, {expected} expected)");
        KeyCount = keys;
        _mask = (uint)slots - 1;
        _slots = h + LexiconImageFormat.HeaderInts;
        _keyStart = _slots + slots;
        _refStart = _keyStart + keys + 1;
        _refs = _refStart + keys + 1;
        _wordStart = _refs + refs;
        _keyChars = (char*)(_wordStart + words + 1);
        _wordChars = _keyChars + keyChars;
    }

    /// <summary>Reads the image in place when the stream is memory the process keeps (a manifest resource), else copies it.</summary>
    public static LexiconImage Open(Stream stream)
    {
        if (stream is UnmanagedMemoryStream { CanWrite: false } memory && ((nint)memory.PositionPointer & 3) == 0)
            return new LexiconImage(memory.PositionPointer, memory.Length - memory.Position, null);
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return FromBytes(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }

    /// <summary>Copies the image to pinned memory owned by the result.</summary>
    public static LexiconImage FromBytes(ReadOnlySpan<byte> image)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(image.Length, pinned: true);
        image.CopyTo(pinned);
        fixed (byte* p = pinned) return new LexiconImage(p, pinned.Length, pinned);   // pinned for life: the pointer stays valid
    }

    /// <summary>The index of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        for (uint i = LexiconImageFormat.Hash(key) & _mask; ; i = (i + 1) & _mask)
        {
            int k = _slots[i] - 1;
            if (k < 0) return -1;
            if (KeySpan(k).SequenceEqual(key)) return k;
        }
    }

    public string Key(int k) => KeySpan(k).ToString();

    public ReadOnlyCollection<string> Words(int k) =>
        _lists.TryGetValue(k, out var list) ? list : _lists.GetOrAdd(k, static (k, self) => self.ReadWords(k), this);

    private ReadOnlySpan<char> KeySpan(int k) => new(_keyChars + _keyStart[k], _keyStart[k + 1] - _keyStart[k]);

    /// <summary>The words of key <paramref name="k"/>, read afresh (not kept).</summary>
    public ReadOnlyCollection<string> ReadWords(int k)
    {
        var words = new string[_refStart[k + 1] - _refStart[k]];
        for (int i = 0; i < words.Length; i++)
        {
            int w = _refs[_refStart[k] + i];
            words[i] = new string(_wordChars + _wordStart[w], 0, _wordStart[w + 1] - _wordStart[w]);
        }
        return Array.AsReadOnly(words);
    }
}
