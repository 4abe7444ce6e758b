using System.Collections.Frozen;
using System.Text;

namespace Taiyaku.Edict;

/// <summary>
/// Reads EUC-JP text line by line. .NET's EUC-JP code page (51932, from <see cref="CodePagesEncodingProvider"/>) decodes
/// ASCII, JIS X 0201 kana and JIS X 0208, but not the three-byte JIS X 0212 sequences (<c>8F xx xx</c>) that EDICT uses
/// for a few accented letters (Tōkaidō, manjū, café); those are decoded here from the non-kanji rows of JIS X 0212
/// (the table agrees with glibc's iconv). Anything undecodable becomes U+FFFD.
/// </summary>
internal static class EucJpReader
{
    private static readonly Encoding Jis0208 = CreateEncoding();

    /// <summary>JIS X 0212 rows 2, 6, 7, 9, 10 and 11 (lead bytes A2, A6, A7, A9, AA, AB after 8F), 94 cells each; \0 = unassigned.</summary>
    private static readonly FrozenDictionary<byte, string> Jis0212 = new Dictionary<byte, string>
    {
        [0xA2] = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u02D8\u02C7\u00B8\u02D9\u02DD\u00AF\u02DB\u02DA\uFF5E\u0384\u0385\0\0\0\0\0\0\0\0\u00A1\u00A6\u00BF\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u00BA\u00AA\u00A9\u00AE\u2122\u00A4\u2116\0\0\0\0\0\0\0\0\0\0\0\0\0",
        [0xA6] = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0386\u0388\u0389\u038A\u03AA\0\u038C\0\u038E\u03AB\0\u038F\0\0\0\0\u03AC\u03AD\u03AE\u03AF\u03CA\u0390\u03CC\u03C2\u03CD\u03CB\u03B0\u03CE\0\0",
        [0xA7] = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0402\u0403\u0404\u0405\u0406\u0407\u0408\u0409\u040A\u040B\u040C\u040E\u040F\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0452\u0453\u0454\u0455\u0456\u0457\u0458\u0459\u045A\u045B\u045C\u045E\u045F",
        [0xA9] = "\u00C6\u0110\0\u0126\0\u0132\0\u0141\u013F\0\u014A\u00D8\u0152\0\u0166\u00DE\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u00E6\u0111\u00F0\u0127\u0131\u0133\u0138\u0142\u0140\u0149\u014B\u00F8\u0153\u00DF\u0167\u00FE\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        [0xAA] = "\u00C1\u00C0\u00C4\u00C2\u0102\u01CD\u0100\u0104\u00C5\u00C3\u0106\u0108\u010C\u00C7\u010A\u010E\u00C9\u00C8\u00CB\u00CA\u011A\u0116\u0112\u0118\0\u011C\u011E\u0122\u0120\u0124\u00CD\u00CC\u00CF\u00CE\u01CF\u0130\u012A\u012E\u0128\u0134\u0136\u0139\u013D\u013B\u0143\u0147\u0145\u00D1\u00D3\u00D2\u00D6\u00D4\u01D1\u0150\u014C\u00D5\u0154\u0158\u0156\u015A\u015C\u0160\u015E\u0164\u0162\u00DA\u00D9\u00DC\u00DB\u016C\u01D3\u0170\u016A\u0172\u016E\u0168\u01D7\u01DB\u01D9\u01D5\u0174\u00DD\u0178\u0176\u0179\u017D\u017B\0\0\0\0\0\0\0",
        [0xAB] = "\u00E1\u00E0\u00E4\u00E2\u0103\u01CE\u0101\u0105\u00E5\u00E3\u0107\u0109\u010D\u00E7\u010B\u010F\u00E9\u00E8\u00EB\u00EA\u011B\u0117\u0113\u0119\u01F5\u011D\u011F\0\u0121\u0125\u00ED\u00EC\u00EF\u00EE\u01D0\0\u012B\u012F\u0129\u0135\u0137\u013A\u013E\u013C\u0144\u0148\u0146\u00F1\u00F3\u00F2\u00F6\u00F4\u01D2\u0151\u014D\u00F5\u0155\u0159\u0157\u015B\u015D\u0161\u015F\u0165\u0163\u00FA\u00F9\u00FC\u00FB\u016D\u01D4\u0171\u016B\u0173\u016F\u0169\u01D8\u01DC\u01DA\u01D6\u0175\u00FD\u00FF\u0177\u017A\u017E\u017C\0\0\0\0\0\0\0",
    }.ToFrozenDictionary();

    /// <summary>The lines of an EUC-JP stream (line ends LF or CRLF), decoded.</summary>
    public static IEnumerable<string> ReadLines(Stream stream)
    {
        var line = new List<byte>(256);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                byte b = buffer[i];
                if (b != (byte)'\n') { line.Add(b); continue; }
                yield return Decode(line);
                line.Clear();
            }
        }
        if (line.Count > 0) yield return Decode(line);
    }

    /// <summary>Decodes one line (a 0x0A byte never occurs inside an EUC-JP character).</summary>
    internal static string Decode(List<byte> bytes)
    {
        int count = bytes.Count;
        if (count > 0 && bytes[count - 1] == (byte)'\r') count--;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[..count];
        if (!span.Contains((byte)0x8F)) return Jis0208.GetString(span);
        var sb = new StringBuilder(count);
        int start = 0;
        for (int i = 0; i < span.Length; i++)
        {
            byte b = span[i];
            if (b is 0x8E && i + 1 < span.Length) { i++; continue; }            // JIS X 0201 kana: two bytes
            if (b is >= 0xA1 and <= 0xFE && i + 1 < span.Length) { i++; continue; } // JIS X 0208: two bytes
            if (b != 0x8F) continue;
            sb.Append(Jis0208.GetString(span[start..i]));
            char c = '\uFFFD';
            if (i + 2 < span.Length && Jis0212.TryGetValue(span[i + 1], out string? row)
                && span[i + 2] is >= 0xA1 and <= 0xFE && row[span[i + 2] - 0xA1] != '\0')
                c = row[span[i + 2] - 0xA1];
            sb.Append(c);
            i = Math.Min(i + 2, span.Length - 1);
            start = i + 1;
        }
        sb.Append(Jis0208.GetString(span[start..]));
        return sb.ToString();
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
