using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Taiyaku.Formats;

/// <summary>The encodings input text is read in.</summary>
public enum TextEncoding
{
    /// <summary>Detected from the bytes (see <see cref="TextDecoding.Detect"/>).</summary>
    Auto,
    /// <summary>UTF-8, with or without a byte-order mark.</summary>
    Utf8,
    /// <summary>UTF-16 little-endian (a leading <c>FF FE</c> mark is skipped).</summary>
    Utf16LE,
    /// <summary>UTF-16 big-endian (a leading <c>FE FF</c> mark is skipped).</summary>
    Utf16BE,
    /// <summary>Shift_JIS as Windows writes it: code page 932 (CP932, Windows-31J), with NEC and IBM extensions.</summary>
    ShiftJis,
    /// <summary>EUC-JP (code page 51932): ASCII, JIS X 0208 and half-width katakana; JIS X 0212 (<c>8F</c> sequences) is not supported.</summary>
    EucJp,
}

/// <summary>How input bytes become text.</summary>
public sealed record TextDecodingOptions
{
    /// <summary>The defaults: encoding detected automatically, undecodable bytes an error.</summary>
    public static TextDecodingOptions Default { get; } = new();

    /// <summary>Strict UTF-8 (a leading BOM is skipped), as the library read text before encodings were selectable.</summary>
    public static TextDecodingOptions StrictUtf8 { get; } = new() { Encoding = TextEncoding.Utf8 };

    /// <summary>The encoding, or <see cref="TextEncoding.Auto"/> (the default) to detect it.</summary>
    public TextEncoding Encoding { get; init; } = TextEncoding.Auto;

    /// <summary>
    /// False (the default): an undecodable byte is an error naming the file, line and byte offset. True: every
    /// undecodable byte sequence becomes U+FFFD and <see cref="DecodedText.ReplacedSequences"/> counts them.
    /// </summary>
    public bool ReplaceInvalid { get; init; }
}

/// <summary>Text decoded from bytes, with the encoding that was used.</summary>
/// <param name="Text">The text, without byte-order mark; line breaks are kept as they were.</param>
/// <param name="Encoding">The encoding used (never <see cref="TextEncoding.Auto"/>).</param>
/// <param name="Detected">True when the encoding was detected rather than given.</param>
/// <param name="ReplacedSequences">How many undecodable byte sequences became U+FFFD (0 unless replacement was asked for).</param>
public sealed record DecodedText(string Text, TextEncoding Encoding, bool Detected, int ReplacedSequences);

/// <summary>
/// Decodes input files in UTF-8, UTF-16 and the legacy Japanese encodings, detecting which one a file is in.
/// <para>
/// The detection rule (<see cref="Detect"/>), in order:
/// 1. a byte-order mark decides: <c>EF BB BF</c> UTF-8, <c>FF FE</c> UTF-16LE, <c>FE FF</c> UTF-16BE;
/// 2. bytes that are valid UTF-8 (pure ASCII included) are UTF-8;
/// 3. bytes that are mostly UTF-8 — at least 90 % of the bytes above 0x7F belong to well-formed UTF-8 sequences — are
///    UTF-8 with damage (the damage is then reported or replaced; legacy text almost never forms that many valid sequences);
/// 4. otherwise the bytes are decoded as CP932 and as EUC-JP. A decoding is <em>plausible</em> when at least half of
///    its non-ASCII characters are those of everyday Japanese text: kana, punctuation and the other symbols of JIS X 0208
///    rows 1–8, NEC's row 13, and the 2,965 level-1 kanji. (The wrong decoding of Japanese text, and any decoding of
///    Latin-1 text, gives half-width katakana, level-2 kanji and private-use characters instead.) If both decode without
///    an undecodable byte and are plausible, the higher share wins, a tie going to CP932; if one does, it wins;
/// 5. when neither is plausible but one of them decodes with fewer undecodable sequences than UTF-8 and is plausible
///    apart from those, it is taken (a legacy file with a few damaged bytes);
/// 6. otherwise the file is taken as UTF-8, and its first invalid byte is reported (or the invalid bytes replaced).
/// </para>
/// UTF-16 without a byte-order mark is not detected: name it explicitly.
/// </summary>
public static class TextDecoding
{
    private const double MostlyUtf8 = 0.9;
    private const double JapaneseShare = 0.5;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The names accepted by <see cref="TryParseName"/> (case-insensitive); <c>shift_jis</c> and <c>cp932</c> are the same encoding.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "utf-8", "utf-16le", "utf-16be", "shift_jis", "cp932", "euc-jp"];

    /// <summary>Parses an encoding name of <see cref="Names"/> (also <c>utf8</c>, <c>sjis</c>, <c>windows-31j</c>, <c>eucjp</c>).</summary>
    public static bool TryParseName(string? name, out TextEncoding encoding)
    {
        encoding = name?.Trim().ToLowerInvariant() switch
        {
            "auto" => TextEncoding.Auto,
            "utf-8" or "utf8" => TextEncoding.Utf8,
            "utf-16le" or "utf16le" => TextEncoding.Utf16LE,
            "utf-16be" or "utf16be" => TextEncoding.Utf16BE,
            "shift_jis" or "shift-jis" or "sjis" or "cp932" or "windows-31j" or "ms932" => TextEncoding.ShiftJis,
            "euc-jp" or "eucjp" or "euc_jp" => TextEncoding.EucJp,
            _ => (TextEncoding)(-1),
        };
        return encoding >= 0;
    }

    /// <summary>The encoding's usual name, as messages show it.</summary>
    public static string DisplayName(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 => "UTF-8",
        TextEncoding.Utf16LE => "UTF-16LE",
        TextEncoding.Utf16BE => "UTF-16BE",
        TextEncoding.ShiftJis => "Shift_JIS (CP932)",
        TextEncoding.EucJp => "EUC-JP",
        _ => "auto",
    };

    /// <summary>A .NET <see cref="Encoding"/> for <paramref name="encoding"/> that throws on undecodable bytes.</summary>
    public static Encoding GetStrictEncoding(TextEncoding encoding) => Get(encoding, DecoderFallback.ExceptionFallback);

    private static Encoding Get(TextEncoding encoding, DecoderFallback fallback) => encoding switch
    {
        TextEncoding.Utf8 => Encoding.GetEncoding(65001, EncoderFallback.ExceptionFallback, fallback),
        TextEncoding.Utf16LE => Encoding.GetEncoding(1200, EncoderFallback.ExceptionFallback, fallback),
        TextEncoding.Utf16BE => Encoding.GetEncoding(1201, EncoderFallback.ExceptionFallback, fallback),
        TextEncoding.ShiftJis => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, fallback),
        TextEncoding.EucJp => Encoding.GetEncoding(51932, EncoderFallback.ExceptionFallback, fallback),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a concrete encoding."),
    };

    /// <summary>The encoding <paramref name="bytes"/> are in, by the rule in the class summary.</summary>
    public static TextEncoding Detect(ReadOnlySpan<byte> bytes) => DetectWithReason(bytes).Encoding;

    /// <summary>
    /// Decodes <paramref name="bytes"/> (a whole file) into text. A byte-order mark of the encoding used is skipped.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <param name="options">Encoding and replacement; <see cref="TextDecodingOptions.Default"/> when null.</param>
    /// <exception cref="TextDataException">An undecodable byte (without <see cref="TextDecodingOptions.ReplaceInvalid"/>);
    /// the message names the file, the line and the byte offset in the file.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string fileName, TextDecodingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TextDecodingOptions.Default;
        TextEncoding encoding = options.Encoding;
        string? why = null;
        if (encoding == TextEncoding.Auto) (encoding, why) = DetectWithReason(bytes);
        else if (!Enum.IsDefined(encoding)) throw new ArgumentOutOfRangeException(nameof(options), encoding, "Unknown encoding.");
        int bom = BomLength(bytes, encoding);
        var body = bytes[bom..];

        if (options.ReplaceInvalid)
        {
            var (text, replaced) = DecodeReplacing(body, encoding);
            return new DecodedText(text, encoding, why != null, replaced);
        }
        int bad = FirstInvalid(body, encoding, out int badLength);
        if (bad >= 0)
        {
            string hex = Convert.ToHexString(body.Slice(bad, Math.Min(Math.Max(badLength, 1), Math.Min(4, body.Length - bad))));
            string detected = why == null ? "" : $" (encoding detected automatically: {why})";
            throw new TextDataException(fileName, LineAt(body, bad, encoding),
                $"invalid {DisplayName(encoding)} at byte offset {bom + bad} of the file (bytes {hex}){detected}");
        }
        return new DecodedText(Get(encoding, DecoderFallback.ExceptionFallback).GetString(body), encoding, why != null, 0);
    }

    /// <summary>Length of the byte-order mark at the start of <paramref name="bytes"/> that belongs to <paramref name="encoding"/>.</summary>
    private static int BomLength(ReadOnlySpan<byte> bytes, TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 when bytes.StartsWith("\uFEFF"u8) => 3,
        TextEncoding.Utf16LE when bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE => 2,
        TextEncoding.Utf16BE when bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF => 2,
        _ => 0,
    };

    private static (TextEncoding Encoding, string? Why) DetectWithReason(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return (TextEncoding.Utf8, "UTF-8 byte-order mark");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (TextEncoding.Utf16LE, "UTF-16LE byte-order mark");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (TextEncoding.Utf16BE, "UTF-16BE byte-order mark");
        if (Utf8.IsValid(bytes)) return (TextEncoding.Utf8, "valid UTF-8");

        var (wellFormed, malformed) = Utf8Bytes(bytes);
        if (wellFormed >= MostlyUtf8 * (wellFormed + malformed))
            return (TextEncoding.Utf8, $"{100.0 * wellFormed / (wellFormed + malformed):0.#}% of the non-ASCII bytes form UTF-8");

        var sjis = Judge(bytes, TextEncoding.ShiftJis);
        var euc = Judge(bytes, TextEncoding.EucJp);
        bool sjisClean = sjis.Errors == 0 && sjis.Plausible, eucClean = euc.Errors == 0 && euc.Plausible;
        if (sjisClean && eucClean)
            return sjis.Score >= euc.Score
                ? (TextEncoding.ShiftJis, $"as CP932 {100 * sjis.Score:0.#}% of the non-ASCII characters are everyday Japanese, as EUC-JP {100 * euc.Score:0.#}%")
                : (TextEncoding.EucJp, $"as EUC-JP {100 * euc.Score:0.#}% of the non-ASCII characters are everyday Japanese, as CP932 {100 * sjis.Score:0.#}%");
        if (sjisClean) return (TextEncoding.ShiftJis, "decodes as CP932 into Japanese text");
        if (eucClean) return (TextEncoding.EucJp, "decodes as EUC-JP into Japanese text");

        // A legacy file with some damage: the plausible decoding with the fewest undecodable sequences, if it beats UTF-8.
        int utf8Errors = CountUtf8Errors(bytes);
        var best = new[] { (TextEncoding.ShiftJis, sjis), (TextEncoding.EucJp, euc) }
            .Where(c => c.Item2.Plausible && c.Item2.Errors < utf8Errors)
            .OrderBy(c => c.Item2.Errors).ThenByDescending(c => c.Item2.Score)
            .Select(c => c.Item1).FirstOrDefault();
        if (best != TextEncoding.Auto)
            return (best, $"decodes as {DisplayName(best)} into Japanese text apart from some damaged bytes");
        return (TextEncoding.Utf8, "not UTF-8, but neither CP932 nor EUC-JP decodes into Japanese text");
    }

    /// <summary>Bytes above 0x7F that belong to well-formed UTF-8 sequences, and those that do not.</summary>
    private static (long WellFormed, long Malformed) Utf8Bytes(ReadOnlySpan<byte> bytes)
    {
        long good = 0, bad = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int ascii = System.Text.Ascii.IsValid(bytes[i..]) ? bytes.Length - i : IndexOfNonAscii(bytes[i..]);
            i += ascii;
            if (i >= bytes.Length) break;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == OperationStatus.Done) good += consumed;
            else bad += consumed;
            i += consumed;
        }
        return (good, bad);
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> bytes)
    {
        int k = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        return k < 0 ? bytes.Length : k;
    }

    private static int CountUtf8Errors(ReadOnlySpan<byte> bytes)
    {
        int errors = 0, i = 0;
        while (i < bytes.Length)
        {
            i += IndexOfNonAscii(bytes[i..]);
            if (i >= bytes.Length) break;
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed) != OperationStatus.Done) errors++;
            i += consumed;
        }
        return errors;
    }

    private readonly record struct Judgement(int Errors, bool Plausible, double Score);

    /// <summary>Decodes with replacement and judges how Japanese the result looks (see the class summary).</summary>
    private static Judgement Judge(ReadOnlySpan<byte> bytes, TextEncoding encoding)
    {
        var (text, errors) = DecodeReplacing(bytes, encoding);
        bool[] common = CommonJapanese.Value;
        long nonAscii = 0, usual = 0;
        foreach (char c in text)
        {
            if (c < 0x80) continue;
            nonAscii++;
            if (common[c]) usual++;
        }
        if (nonAscii == 0) return new Judgement(errors, false, 0);
        double share = (double)usual / nonAscii;
        return new Judgement(errors, share >= JapaneseShare, share);
    }

    /// <summary>
    /// The characters of everyday Japanese text: JIS X 0208 rows 1–8 (punctuation, symbols, full-width digits and
    /// letters, kana, Greek, Cyrillic), NEC's row 13 (circled numbers and the like) and the level-1 kanji — taken from
    /// the CP932 table itself. Half-width katakana, level-2 kanji, private-use and other characters are not.
    /// </summary>
    private static readonly Lazy<bool[]> CommonJapanese = new(() =>
    {
        var table = new bool[0x10000];
        var cp932 = Get(TextEncoding.ShiftJis, DecoderFallback.ExceptionFallback);
        Span<byte> pair = stackalloc byte[2];
        Span<char> one = stackalloc char[2];
        for (int lead = 0x81; lead <= 0x98; lead++)
        {
            if (lead is 0x85 or 0x86) continue;
            for (int trail = 0x40; trail <= 0xFC; trail++)
            {
                if (trail == 0x7F || (lead == 0x98 && trail > 0x72)) continue;
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                try
                {
                    if (cp932.GetChars(pair, one) == 1) table[one[0]] = true;
                }
                catch (DecoderFallbackException) { }   // unassigned cell
            }
        }
        return table;
    });

    /// <summary>
    /// Decodes with U+FFFD for each undecodable sequence, and counts them. Counting is a pass of its own, because
    /// decoding into a string may consult the fallback twice (once to size the string, once to fill it).
    /// </summary>
    private static (string Text, int Replaced) DecodeReplacing(ReadOnlySpan<byte> bytes, TextEncoding encoding)
    {
        if (encoding == TextEncoding.Utf8 && Utf8.IsValid(bytes)) return (Encoding.UTF8.GetString(bytes), 0);
        var counter = new CountingReplacementFallback();
        Get(encoding, counter).GetCharCount(bytes);
        return (Get(encoding, new DecoderReplacementFallback("\uFFFD")).GetString(bytes), counter.Count);
    }

    /// <summary>Offset of the first undecodable byte of <paramref name="body"/>, or -1; <paramref name="length"/> bytes of it.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> body, TextEncoding encoding, out int length)
    {
        length = 0;
        switch (encoding)
        {
            case TextEncoding.Utf8:
            {
                if (Utf8.IsValid(body)) return -1;
                int i = 0;
                while (i < body.Length)
                {
                    i += IndexOfNonAscii(body[i..]);
                    if (i >= body.Length) break;
                    if (Rune.DecodeFromUtf8(body[i..], out _, out int consumed) != OperationStatus.Done)
                    {
                        length = consumed;
                        return i;
                    }
                    i += consumed;
                }
                return -1;
            }
            case TextEncoding.Utf16LE:
            case TextEncoding.Utf16BE:
            {
                bool be = encoding == TextEncoding.Utf16BE;
                int units = body.Length / 2;
                for (int u = 0; u < units; u++)
                {
                    int c = be ? (body[2 * u] << 8) | body[2 * u + 1] : body[2 * u] | (body[2 * u + 1] << 8);
                    if (c is >= 0xD800 and <= 0xDBFF)
                    {
                        int d = u + 1 < units ? (be ? (body[2 * u + 2] << 8) | body[2 * u + 3] : body[2 * u + 2] | (body[2 * u + 3] << 8)) : -1;
                        if (d is >= 0xDC00 and <= 0xDFFF) { u++; continue; }
                        length = 2;
                        return 2 * u;
                    }
                    if (c is >= 0xDC00 and <= 0xDFFF)
                    {
                        length = 2;
                        return 2 * u;
                    }
                }
                if (body.Length % 2 != 0)
                {
                    length = 1;
                    return body.Length - 1;
                }
                return -1;
            }
            default:
            {
                try
                {
                    Get(encoding, DecoderFallback.ExceptionFallback).GetCharCount(body);
                    return -1;
                }
                catch (DecoderFallbackException e)
                {
                    length = e.BytesUnknown?.Length ?? 1;
                    int index = e.Index;
                    // The index is relative to the whole span when decoded in one call; check it, and search if not.
                    if (index < 0 || index >= body.Length || (e.BytesUnknown is { Length: > 0 } u && !body[index..].StartsWith(u)))
                        index = SearchFirstInvalid(body, encoding);
                    return index;
                }
            }
        }
    }

    /// <summary>The first undecodable position, found by feeding a decoder byte by byte (a fallback that should not be needed).</summary>
    private static int SearchFirstInvalid(ReadOnlySpan<byte> body, TextEncoding encoding)
    {
        var decoder = Get(encoding, DecoderFallback.ExceptionFallback).GetDecoder();
        Span<char> chars = stackalloc char[8];
        for (int i = 0; i < body.Length; i++)
        {
            try { decoder.GetChars(body.Slice(i, 1), chars, flush: i == body.Length - 1); }
            catch (DecoderFallbackException) { return i; }
        }
        return body.Length - 1;
    }

    /// <summary>1-based line of byte <paramref name="offset"/>: 1 + the line feeds before it.</summary>
    private static int LineAt(ReadOnlySpan<byte> body, int offset, TextEncoding encoding)
    {
        int lines = 1;
        if (encoding is TextEncoding.Utf16LE or TextEncoding.Utf16BE)
        {
            bool be = encoding == TextEncoding.Utf16BE;
            for (int i = 0; i + 1 < offset; i += 2)
                if ((be ? body[i] == 0 && body[i + 1] == 0x0A : body[i] == 0x0A && body[i + 1] == 0)) lines++;
            return lines;
        }
        // UTF-8, CP932 and EUC-JP never use 0x0A inside a multi-byte character.
        return lines + body[..offset].Count((byte)'\n');
    }

    /// <summary>Replaces each undecodable sequence with U+FFFD and counts them. One instance per decoding call.</summary>
    private sealed class CountingReplacementFallback : DecoderFallback
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingReplacementFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                Interlocked.Increment(ref owner._count);
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0) return '\0';
                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0) return false;
                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
