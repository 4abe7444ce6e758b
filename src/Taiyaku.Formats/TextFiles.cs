using System.Text;

namespace Taiyaku.Formats;

/// <summary>
/// Reading text files strictly: an undecodable byte is an error, not a silent replacement (unless replacement is asked
/// for). The overloads without <see cref="TextDecodingOptions"/> read strict UTF-8; those with it read any encoding of
/// <see cref="TextEncoding"/>, detected or given (see <see cref="TextDecoding"/>).
/// </summary>
public static class TextFiles
{
    /// <summary>UTF-8 without a BOM on output that throws on invalid bytes when decoding.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the lines of a UTF-8 file (a leading BOM is skipped; <c>\n</c> or <c>\r\n</c> end a line).
    /// Each line is one sentence, kept as it is, empty lines included.
    /// </summary>
    /// <exception cref="TextDataException">The file is not valid UTF-8; the message names the file, line and byte offset.</exception>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return SplitLines(bytes, path);
    }

    /// <summary>
    /// Reads the lines of a text file in the encoding of <paramref name="options"/> (detected by default): one sentence
    /// per line, kept as it is, empty lines included (see <see cref="SplitLines(string)"/>).
    /// </summary>
    /// <exception cref="TextDataException">An undecodable byte; the message names the file, line and byte offset.</exception>
    public static async Task<(IReadOnlyList<string> Lines, DecodedText Decoded)> ReadLinesAsync(string path, TextDecodingOptions options, CancellationToken cancellationToken = default)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var decoded = TextDecoding.Decode(bytes, path, options);
        return (SplitLines(decoded.Text), decoded);
    }

    /// <summary>
    /// Splits decoded text into lines: <c>\n</c> or <c>\r\n</c> end a line, a last line without one counts, and a text
    /// ending in a line break has no empty line after it. Lines are kept as they are, empty lines included.
    /// </summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        int offset = 0;
        while (offset < text.Length)
        {
            int nl = text.IndexOf('\n', offset);
            int end = nl < 0 ? text.Length : nl;
            int lineEnd = end > offset && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add(text[offset..lineEnd]);
            offset = nl < 0 ? text.Length : end + 1;
        }
        return lines;
    }

    /// <summary>Decodes <paramref name="bytes"/> as strict UTF-8 and splits it into lines (see <see cref="ReadLinesAsync(string, CancellationToken)"/>).</summary>
    /// <exception cref="TextDataException">The bytes are not valid UTF-8.</exception>
    public static IReadOnlyList<string> SplitLines(ReadOnlySpan<byte> bytes, string fileName)
    {
        int bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;   // "\uFEFF"u8 is EF BB BF ("\xEF..."u8 would be the UTF-8 of U+00EF...)
        bytes = bytes[bom..];
        var lines = new List<string>();
        int lineNo = 0;
        int offset = 0;
        while (offset < bytes.Length)
        {
            lineNo++;
            int nl = bytes[offset..].IndexOf((byte)'\n');
            int end = nl < 0 ? bytes.Length : offset + nl;
            var line = bytes[offset..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            if (System.Text.Unicode.Utf8.IsValid(line) == false)
            {
                int bad = FirstInvalidByte(line);
                throw new TextDataException(fileName, lineNo, $"invalid UTF-8 at byte offset {bom + offset + bad} of the file");
            }
            lines.Add(Encoding.UTF8.GetString(line));
            offset = nl < 0 ? bytes.Length : end + 1;
        }
        return lines;
    }

    /// <summary>
    /// Decodes a whole document as strict UTF-8 (a leading BOM is skipped), keeping its line breaks as they are.
    /// </summary>
    /// <exception cref="TextDataException">The bytes are not valid UTF-8; the message names the file, line and byte offset.</exception>
    public static string DecodeDocument(ReadOnlySpan<byte> bytes, string fileName)
    {
        int bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;   // "\uFEFF"u8 is EF BB BF ("\xEF..."u8 would be the UTF-8 of U+00EF...)
        bytes = bytes[bom..];
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            int bad = FirstInvalidByte(bytes);
            int line = 1 + bytes[..bad].Count((byte)'\n');
            throw new TextDataException(fileName, line, $"invalid UTF-8 at byte offset {bom + bad} of the file");
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Decodes a whole document in the encoding of <paramref name="options"/> (detected by default; a byte-order mark
    /// is skipped), keeping its line breaks as they are.
    /// </summary>
    /// <exception cref="TextDataException">An undecodable byte; the message names the file, line and byte offset.</exception>
    public static DecodedText DecodeDocument(ReadOnlySpan<byte> bytes, string fileName, TextDecodingOptions options) =>
        TextDecoding.Decode(bytes, fileName, options);

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(line[i..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return line.Length;
    }
}
