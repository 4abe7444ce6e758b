using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// A strict byte/text codec for one dictionary charset. EUC-JP is decoded the way glibc's iconv decodes it
/// (what mecab-dict-index uses), not the way Windows code page 51932 does: they differ on six JIS X 0208 cells.
/// </summary>
internal sealed class Charset
{
    static Charset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // cp51932 -> glibc EUC-JP for the cells where they disagree (checked against iconv on all of IPADIC).
    private static readonly (char Windows, char Iconv)[] EucJpFixups =
    [
        ('\uFF5E', '\u301C'), // A1C1 wave dash
        ('\u2225', '\u2016'), // A1C2 double vertical line
        ('\uFF0D', '\u2212'), // A1DD minus sign
        ('\uFFE0', '\u00A2'), // A1F1 cent
        ('\uFFE1', '\u00A3'), // A1F2 pound
        ('\uFFE2', '\u00AC'), // A2CC not sign
    ];

    private static readonly System.Buffers.SearchValues<char> WindowsOnly =
        System.Buffers.SearchValues.Create(string.Concat(EucJpFixups.Select(f => f.Windows)));

    private static readonly System.Buffers.SearchValues<char> IconvOnly =
        System.Buffers.SearchValues.Create(string.Concat(EucJpFixups.Select(f => f.Iconv)));

    private readonly Encoding _encoding;
    private readonly Encoding _lenient;
    private readonly bool _eucJp;

    private Charset(Encoding encoding, string name, bool eucJp)
    {
        _encoding = encoding;
        _lenient = encoding.CodePage == 65001
            ? new UTF8Encoding(false, false)
            : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        Name = name;
        _eucJp = eucJp;
        IsUtf8 = encoding.CodePage == 65001;
    }

    /// <summary>The name written into dictionary headers and dicrc (what MeCab's decode_charset understands).</summary>
    public string Name { get; }

    public bool IsUtf8 { get; }

    public int CodePage => _encoding.CodePage;

    public static Charset Utf8 { get; } = new(new UTF8Encoding(false, true), "UTF-8", false);

    public static Charset From(Encoding encoding) => encoding.CodePage switch
    {
        65001 => Utf8,
        51932 or 20932 => EucJp(),
        932 => new Charset(Strict(932), "SHIFT-JIS", false),
        _ => new Charset(Strict(encoding.CodePage), encoding.WebName.ToUpperInvariant(), false),
    };

    /// <summary>Resolves a charset name as found in dicrc or a dictionary header; null when unknown.</summary>
    public static Charset? FromName(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace('_', '-');
        return n switch
        {
            "utf-8" or "utf8" => Utf8,
            "euc-jp" or "euc" or "eucjp" => EucJp(),
            "shift-jis" or "sjis" or "cp932" or "shiftjis" or "windows-31j" => new Charset(Strict(932), "SHIFT-JIS", false),
            _ => TryGet(n),
        };
    }

    private static Charset? TryGet(string name)
    {
        try
        {
            var e = Encoding.GetEncoding(name);
            return From(e);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Charset EucJp() => new(Strict(51932), "EUC-JP", true);

    private static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public bool SameAs(Charset other) => CodePage == other.CodePage;

    /// <summary>The same charset under another name (mecab-dict-index writes -t's argument as given).</summary>
    public Charset Named(string name) => new(_encoding, name, _eucJp);

    /// <summary>Decodes, replacing invalid bytes with U+FFFD (for text whose bytes are copied unconverted).</summary>
    public string DecodeLenient(ReadOnlySpan<byte> bytes) => _lenient.GetString(bytes);

    /// <summary>Decodes; throws <see cref="DecoderFallbackException"/> on bytes invalid in this charset.</summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        var s = _encoding.GetString(bytes);
        if (_eucJp && s.AsSpan().IndexOfAny(WindowsOnly) >= 0)
        {
            foreach (var (w, i) in EucJpFixups) s = s.Replace(w, i);
        }

        return s;
    }

    /// <summary>Encodes; throws <see cref="EncoderFallbackException"/> on characters this charset lacks.</summary>
    public byte[] Encode(string s)
    {
        if (_eucJp && s.AsSpan().IndexOfAny(IconvOnly) >= 0)
        {
            foreach (var (w, i) in EucJpFixups) s = s.Replace(i, w);
        }

        return _encoding.GetBytes(s);
    }
}
