namespace Taiyaku.Cli.Batch;

/// <summary>One line of a batch manifest: its 1-based number and its bytes (without the line break).</summary>
internal readonly record struct ManifestLine(int Number, byte[] Bytes);

/// <summary>
/// Reads a manifest line by line, lazily, so that a manifest streamed on stdin is processed as it arrives. Bytes are
/// kept as they are (the JSON parser validates UTF-8 per line); <c>\n</c> or <c>\r\n</c> end a line, a leading BOM is
/// skipped.
/// </summary>
internal static class ManifestLines
{
    public static IEnumerable<ManifestLine> Read(Stream stream, string name)
    {
        var buffer = new byte[1 << 16];
        int start = 0, length = 0, scanned = 0, number = 0;
        bool eof = false, first = true;
        while (true)
        {
            int nl = buffer.AsSpan(scanned, length - scanned).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int end = scanned + nl;
                yield return Line(buffer.AsSpan(start, end - start), ++number, ref first);
                start = scanned = end + 1;
                continue;
            }
            if (eof)
            {
                if (start < length) yield return Line(buffer.AsSpan(start, length - start), ++number, ref first);
                yield break;
            }
            // No complete line left in the buffer: make room, then read more.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, length - start);
                length -= start;
                start = 0;
            }
            else if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            scanned = length;
            int read;
            try { read = stream.Read(buffer, length, buffer.Length - length); }
            catch (IOException e) { throw InputException.In(name, e.Message); }
            if (read == 0) eof = true;
            length += read;
        }
    }

    private static ManifestLine Line(ReadOnlySpan<byte> bytes, int number, ref bool first)
    {
        if (first && bytes.StartsWith("\xEF\xBB\xBF"u8)) bytes = bytes[3..];
        first = false;
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        return new ManifestLine(number, bytes.ToArray());
    }
}
