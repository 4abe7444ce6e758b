using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// A strict byte/text codec for one dictionary charset. EUC-JP and Shift_JIS are decoded the way glibc's iconv
/// decodes them (what mecab-dict-index uses), not the way Windows code pages 51932 and 932 do: they differ on six
/// JIS X 0208 cells (wave dash, double vertical line, minus, cent, pound, not). CP932 (Windows-31J) by that name
/// keeps Windows' mapping, as glibc's CP932 does.
/// </summary>
internal sealed class Charset
{
    static Charset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // cp51932/cp932 -> glibc EUC-JP/SHIFT_JIS for the cells where they disagree (checked against iconv on all of IPADIC).
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
    private readonly bool _jisMapping;

    private Charset(Encoding encoding, string name, bool eucJp)
    {
        _encoding = encoding;
        _lenient = encoding.CodePage == 65001
            ? new UTF8Encoding(false, false)
            : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        Name = name;
        _jisMapping = eucJp;
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
        932 => new Charset(Strict(932), "SHIFT-JIS", true),
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
            "shift-jis" or "sjis" or "shiftjis" => new Charset(Strict(932), "SHIFT-JIS", true),
            "cp932" or "windows-31j" => new Charset(Strict(932), "CP932", false),
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

    /// <summary>
    /// The same charset under another name (mecab-dict-index writes -t's argument as given); for code page 932 the
    /// name also chooses the mapping, as with iconv: CP932 and Windows-31J Windows', Shift_JIS JIS X 0208's.
    /// </summary>
    public Charset Named(string name) => new(_encoding, name,
        _encoding.CodePage == 932 ? !(name.Equals("cp932", StringComparison.OrdinalIgnoreCase) || name.Equals("windows-31j", StringComparison.OrdinalIgnoreCase)) : _jisMapping);

    /// <summary>Decodes, replacing invalid bytes with U+FFFD (for text whose bytes are copied unconverted).</summary>
    public string DecodeLenient(ReadOnlySpan<byte> bytes) => _lenient.GetString(bytes);

    /// <summary>Decodes; throws <see cref="DecoderFallbackException"/> on bytes invalid in this charset.</summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        var s = _encoding.GetString(bytes);
        // glibc's SHIFT_JIS reads 0x5C and 0x7E as JIS X 0201's yen sign and overline.
        if (_jisMapping && _encoding.CodePage == 932) s = s.Replace('\\', '\u00A5').Replace('~', '\u203E');
        if (_jisMapping && s.AsSpan().IndexOfAny(WindowsOnly) >= 0)
        {
            foreach (var (w, i) in EucJpFixups) s = s.Replace(w, i);
        }

        return s;
    }

    /// <summary>Encodes; throws <see cref="EncoderFallbackException"/> on characters this charset lacks.</summary>
    public byte[] Encode(string s)
    {
        if (_jisMapping && _encoding.CodePage == 932) s = s.Replace('\u00A5', '\\').Replace('\u203E', '~');
        if (_jisMapping && s.AsSpan().IndexOfAny(IconvOnly) >= 0)
        {
            foreach (var (w, i) in EucJpFixups) s = s.Replace(i, w);
        }

        return _encoding.GetBytes(s);
    }
}
