using System.Text;

namespace Taiyaku.Formats;

/// <summary>Reading one-sentence-per-line text files strictly: invalid UTF-8 is an error, not a silent replacement.</summary>
public static class TextFiles
{
    /// <summary>UTF-8 without a BOM on output that throws on invalid bytes when decoding.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the lines of a UTF-8 file (a leading BOM is skipped; <c>\n</c> or <c>\r\n</c> end a line).
    /// Each line is one sentence, kept as it is, empty lines included.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not valid UTF-8; the message names the file, line and byte offset.</exception>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return SplitLines(bytes, path);
    }

    /// <summary>Decodes <paramref name="bytes"/> as strict UTF-8 and splits it into lines (see <see cref="ReadLinesAsync"/>).</summary>
    /// <exception cref="InvalidDataException">The bytes are not valid UTF-8.</exception>
    public static IReadOnlyList<string> SplitLines(ReadOnlySpan<byte> bytes, string fileName)
    {
        int bom = bytes.StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
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
                throw new InvalidDataException($"{fileName}:{lineNo}: invalid UTF-8 at byte offset {bom + offset + bad} of the file");
            }
            lines.Add(Encoding.UTF8.GetString(line));
            offset = nl < 0 ? bytes.Length : end + 1;
        }
        return lines;
    }

    /// <summary>
    /// Decodes a whole document as strict UTF-8 (a leading BOM is skipped), keeping its line breaks as they are.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not valid UTF-8; the message names the file, line and byte offset.</exception>
    public static string DecodeDocument(ReadOnlySpan<byte> bytes, string fileName)
    {
        int bom = bytes.StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        bytes = bytes[bom..];
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            int bad = FirstInvalidByte(bytes);
            int line = 1 + bytes[..bad].Count((byte)'\n');
            throw new InvalidDataException($"{fileName}:{line}: invalid UTF-8 at byte offset {bom + bad} of the file");
        }
        return Encoding.UTF8.GetString(bytes);
    }

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
