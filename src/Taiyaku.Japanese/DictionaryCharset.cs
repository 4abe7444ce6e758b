using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>The charsets of mecab's decode_charset (names compared case-insensitively; anything else is UTF-8, as in mecab).</summary>
internal enum CharsetKind : byte
{
    Utf8,
    EucJp,
    Cp932,
    Utf16,
    Utf16Le,
    Utf16Be,
    Ascii,
}

/// <summary>
/// mecab's charset handling: how a dictionary charset name is read and how bytes of that charset are decoded to the
/// UCS-2 code that indexes char.bin (mecab's ucs.h, with its EUC-JP and CP932 tables from ucstable.h).
/// </summary>
internal static unsafe class DictionaryCharset
{
    private static ushort[]? _tables;

    public static CharsetKind Decode(string name) => name.ToLowerInvariant() switch
    {
        "sjis" or "shift-jis" or "shift_jis" or "cp932" => CharsetKind.Cp932,
        "euc" or "euc_jp" or "euc-jp" => CharsetKind.EucJp,
        "utf16" or "utf_16" or "utf-16" => CharsetKind.Utf16,
        "utf16be" or "utf_16be" or "utf-16be" => CharsetKind.Utf16Be,
        "utf16le" or "utf_16le" or "utf-16le" => CharsetKind.Utf16Le,
        "ascii" => CharsetKind.Ascii,
        _ => CharsetKind.Utf8,
    };

    /// <summary>A .NET encoding for text of this charset (for the string API; mecab itself never converts).</summary>
    public static Encoding TextEncoding(CharsetKind kind)
    {
        // Only the legacy charsets need the code-page provider (loading it costs UTF-8 dictionaries start-up time).
        if (kind is CharsetKind.EucJp or CharsetKind.Cp932) Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return kind switch
        {
            CharsetKind.EucJp => Encoding.GetEncoding(51932),
            CharsetKind.Cp932 => Encoding.GetEncoding(932),
            CharsetKind.Utf16Be => Encoding.BigEndianUnicode,
            CharsetKind.Utf16 or CharsetKind.Utf16Le => Encoding.Unicode,
            CharsetKind.Ascii => Encoding.Latin1,
            _ => new UTF8Encoding(false),
        };
    }

    /// <summary>euc_tbl, euc_hojo_tbl and cp932_tbl of mecab's ucstable.h, 65536 entries each, loaded on first use.</summary>
    private static ushort[] Tables => _tables ??= LoadTables();

    private static ushort[] LoadTables()
    {
        using var s = typeof(DictionaryCharset).Assembly.GetManifestResourceStream("Taiyaku.Japanese.ucs-tables.bin.gz")
            ?? throw new InvalidOperationException("ucs-tables resource is missing");
        using var gz = new GZipStream(s, CompressionMode.Decompress);
        var bytes = new byte[3 * 65536 * 2];
        gz.ReadExactly(bytes);
        var t = new ushort[3 * 65536];
        for (int i = 0; i < t.Length; i++) t[i] = (ushort)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
        return t;
    }

    public static void EnsureTables(CharsetKind kind)
    {
        if (kind is CharsetKind.EucJp or CharsetKind.Cp932) _ = Tables;
    }

    /// <summary>mecab's *_to_ucs2 for the non-UTF-8 charsets; <paramref name="p"/> &lt; <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ToUcs2(CharsetKind kind, byte* p, byte* end, out int mblen)
    {
        long len = end - p;
        switch (kind)
        {
            case CharsetKind.EucJp:
                if (p[0] == 0x8f && len >= 3)
                {
                    int key = (p[1] << 8) + p[2];
                    if (key < 0xA0A0) { mblen = 1; return p[0]; }
                    mblen = 3;
                    return Tables[65536 + key - 0xA0A0];
                }
                if ((p[0] & 0x80) != 0 && len >= 2) { mblen = 2; return Tables[(p[0] << 8) + p[1]]; }
                mblen = 1;
                return p[0];
            case CharsetKind.Cp932:
                if (p[0] >= 0xA1 && p[0] <= 0xDF) { mblen = 1; return Tables[2 * 65536 + p[0]]; }
                if ((p[0] & 0x80) != 0 && len >= 2) { mblen = 2; return Tables[2 * 65536 + (p[0] << 8) + p[1]]; }
                mblen = 1;
                return p[0];
            case CharsetKind.Utf16:
            case CharsetKind.Utf16Le:
            case CharsetKind.Utf16Be:
                if (len <= 1) { mblen = 1; return 0; }
                mblen = 2;
                // As compiled on little-endian machines, with char signed (x86): a high byte >= 0x80 in the low
                // position sign-extends over the other.
                int hi = kind == CharsetKind.Utf16Be ? p[1] : p[0], lo = kind == CharsetKind.Utf16Be ? p[0] : p[1];
                return lo >= 0x80 ? 0xFF00 | lo : (hi << 8) | lo;
            case CharsetKind.Ascii:
                mblen = 1;
                return p[0];
            default:
                throw new InvalidOperationException("UTF-8 is decoded inline");
        }
    }
}
