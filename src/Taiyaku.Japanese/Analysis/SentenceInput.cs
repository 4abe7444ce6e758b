using System.Runtime.CompilerServices;
using System.Text;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// The sentence as the analyser reads it: bytes in the dictionary's charset (UTF-8 for IPADIC), NUL-terminated as
/// mecab's are, and, when it came as a string, the UTF-16 offset of every byte so tokens can point into that string.
/// </summary>
internal sealed class SentenceInput
{
    private readonly CharsetKind _charset;
    private readonly Encoding _encoding;
    private byte[] _bytes = new byte[256];
    private int _length;
    private int[] _utf16 = new int[256];  // per byte, its character's UTF-16 offset; [length] = the string's length
    private bool _fromUtf16;

    public SentenceInput(MecabDictionary dictionary)
    {
        _charset = dictionary.CharsetKind;
        _encoding = dictionary.TextEncoding;
    }

    public int Length => _length;

    /// <summary>The bytes, with a NUL at <see cref="Length"/> (reads at the end see 0, as in mecab).</summary>
    public byte[] Buffer => _bytes;

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    /// <summary>Takes bytes as they are, like mecab (no validation); offsets are then byte offsets.</summary>
    public void SetBytes(ReadOnlySpan<byte> bytes)
    {
        EnsureBytes(bytes.Length);
        bytes.CopyTo(_bytes);
        Terminate(bytes.Length, fromUtf16: false);
    }

    /// <summary>Puts the pieces of a partial-parsing block together; offsets are byte offsets.</summary>
    public void SetPieces(List<(byte[] Surface, byte[]? Feature)> pieces)
    {
        int total = 0;
        foreach (var p in pieces) total += p.Surface.Length;
        EnsureBytes(total);
        int o = 0;
        foreach (var p in pieces) { p.Surface.CopyTo(_bytes, o); o += p.Surface.Length; }
        Terminate(total, fromUtf16: false);
    }

    /// <summary>Encodes <paramref name="text"/>, lone surrogates as U+FFFD; offsets are then UTF-16 offsets into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetText(ReadOnlySpan<char> text)
    {
        if (_charset != CharsetKind.Utf8)
        {
            SetTextOther(text);
            return;
        }
        int max = text.Length * 3;
        EnsureBytes(max);
        EnsureMap(max);
        byte[] b = _bytes;
        int[] map = _utf16;
        int o = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            map[o] = i;
            if (c < 0x80)
            {
                b[o++] = (byte)c;
            }
            else if (c < 0x800)
            {
                map[o + 1] = i;
                b[o++] = (byte)(0xC0 | (c >> 6));
                b[o++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int cp = char.ConvertToUtf32((char)c, text[i + 1]);
                map[o + 1] = i; map[o + 2] = i; map[o + 3] = i;
                b[o++] = (byte)(0xF0 | (cp >> 18));
                b[o++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                b[o++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                b[o++] = (byte)(0x80 | (cp & 0x3F));
                i++;
            }
            else
            {
                if (char.IsSurrogate((char)c)) c = 0xFFFD;
                map[o + 1] = i; map[o + 2] = i;
                b[o++] = (byte)(0xE0 | (c >> 12));
                b[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                b[o++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        map[o] = text.Length;
        Terminate(o, fromUtf16: true);
    }

    /// <summary>The caller's offset and length of bytes [<paramref name="begin"/>, <paramref name="end"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MapRange(int begin, int end, out int offset, out int length)
    {
        if (_fromUtf16) { offset = _utf16[begin]; length = _utf16[end] - offset; }
        else { offset = begin; length = end - begin; }
    }

    // Another charset than UTF-8: encoded character by character to map the offsets.
    private void SetTextOther(ReadOnlySpan<char> text)
    {
        int max = _encoding.GetMaxByteCount(2) * text.Length + 8;
        EnsureBytes(max);
        EnsureMap(max);
        int o = 0;
        for (int i = 0; i < text.Length;)
        {
            int n = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            int written = _encoding.GetBytes(text.Slice(i, n), _bytes.AsSpan(o));
            for (int k = 0; k < written; k++) _utf16[o + k] = i;
            o += written;
            i += n;
        }
        _utf16[o] = text.Length;
        Terminate(o, fromUtf16: true);
    }

    private void Terminate(int length, bool fromUtf16)
    {
        _length = length;
        _bytes[length] = 0;
        _fromUtf16 = fromUtf16;
    }

    private void EnsureBytes(int n)
    {
        if (_bytes.Length < n + 1) _bytes = new byte[Math.Max(n + 1, _bytes.Length * 2)];
    }

    private void EnsureMap(int n)
    {
        if (_utf16.Length < n + 1) _utf16 = new int[Math.Max(n + 1, _utf16.Length * 2)];
    }
}
