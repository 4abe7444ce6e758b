namespace Taiyaku.Japanese.Dictionary;

/// <summary>A source file held as bytes and cut into lines, the way MeCab reads sources (bytes, '\n'-separated).</summary>
internal sealed class SourceText
{
    private SourceText(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    public static SourceText Read(string path)
    {
        try
        {
            return new SourceText(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DictionaryCompileException(path, 0, $"cannot read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Lines without their terminator. A trailing '\r' is dropped too (MeCab would keep it in the feature, which
    /// only ever hurts), and so is a UTF-8 byte order mark at the start of the file.
    /// </summary>
    public IEnumerable<SourceLine> Lines()
    {
        var data = Bytes;
        var start = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        var number = 0;
        while (start < data.Length)
        {
            var nl = Array.IndexOf(data, (byte)'\n', start);
            var end = nl < 0 ? data.Length : nl;
            var len = end - start;
            if (len > 0 && data[end - 1] == (byte)'\r') len--;
            yield return new SourceLine(++number, start, len);
            start = end + 1;
        }
    }

    public ReadOnlySpan<byte> Span(SourceLine line) => Bytes.AsSpan(line.Start, line.Length);

    public DictionaryCompileException Error(SourceLine line, string reason) => new(Path, line.Number, reason);
}

internal readonly record struct SourceLine(int Number, int Start, int Length);

/// <summary>Byte-level tokenizers with the semantics of MeCab's tokenizeCSV and tokenize2.</summary>
internal static class Tokenizer
{
    /// <summary>
    /// Splits a CSV line like MeCab's tokenizeCSV: leading blanks of a field are skipped, a field may be quoted
    /// with "" as an escaped quote, and the <paramref name="max"/>-th field takes the rest of the line as is.
    /// Returns false on an unterminated quote (MeCab silently reads to the end; we call it malformed).
    /// </summary>
    public static bool SplitCsv(ReadOnlySpan<byte> line, int max, List<byte[]> fields)
    {
        fields.Clear();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t')) i++;
            if (fields.Count == max - 1)
            {
                fields.Add(line[i..].ToArray());
                return true;
            }

            if (i < line.Length && line[i] == (byte)'"')
            {
                var buf = new List<byte>();
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == (byte)'"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == (byte)'"')
                        {
                            buf.Add((byte)'"');
                            i += 2;
                            continue;
                        }

                        i++;
                        closed = true;
                        break;
                    }

                    buf.Add(line[i++]);
                }

                if (!closed) return false;
                var comma = line[i..].IndexOf((byte)',');
                i = comma < 0 ? line.Length : i + comma;
                fields.Add([.. buf]);
            }
            else
            {
                var comma = line[i..].IndexOf((byte)',');
                var end = comma < 0 ? line.Length : i + comma;
                fields.Add(line[i..end].ToArray());
                i = end;
            }

            i++; // past the comma; a trailing comma adds no empty field, as in MeCab
        }

        return true;
    }

    /// <summary>Splits on runs of spaces and tabs (MeCab's tokenize2 with " \t"), at most pieces.Length pieces.</summary>
    public static int SplitBlank(ReadOnlySpan<byte> line, Span<Range> pieces)
    {
        var n = 0;
        var i = 0;
        while (n < pieces.Length && i < line.Length)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t')) i++;
            if (i >= line.Length) break;
            var s = i;
            while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t') i++;
            pieces[n++] = s..i;
        }

        return n;
    }

    /// <summary>Splits a feature string into columns like tokenizeCSV with no limit.</summary>
    public static List<string> SplitCsv(string s)
    {
        var result = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
            if (i < s.Length && s[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < s.Length)
                {
                    if (s[i] == '"')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(s[i++]);
                }

                var c = s.IndexOf(',', i);
                i = c < 0 ? s.Length : c;
                result.Add(sb.ToString());
            }
            else
            {
                var c = s.IndexOf(',', i);
                var end = c < 0 ? s.Length : c;
                result.Add(s[i..end]);
                i = end;
            }

            i++;
        }

        return result;
    }

    /// <summary>Parses an optionally signed decimal integer that must fill the span (blanks around allowed).</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        s = s.Trim((byte)' ').Trim((byte)'\t');
        if (s.IsEmpty) return false;
        var neg = false;
        var i = 0;
        if (s[0] == (byte)'-' || s[0] == (byte)'+')
        {
            neg = s[0] == (byte)'-';
            i = 1;
            if (s.Length == 1) return false;
        }

        long v = 0;
        for (; i < s.Length; i++)
        {
            var d = s[i] - (byte)'0';
            if ((uint)d > 9) return false;
            v = v * 10 + d;
            if (v > int.MaxValue) return false;
        }

        value = (int)(neg ? -v : v);
        return true;
    }
}
