using System.Text;

namespace Taiyaku.Text;

/// <summary>Recognises page furniture: short lines that repeat across pages, and page numbers.</summary>
internal static class PageFurniture
{
    /// <summary>Marks each line of <paramref name="lines"/> that is page furniture.</summary>
    public static bool[] Detect(string text, IReadOnlyList<Line> lines, SegmenterOptions options)
    {
        var marks = new bool[lines.Count];
        if (!options.DetectFurniture) return marks;
        var keys = new string?[lines.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank) continue;
            string key = Normalize(lines[i].Content(text));
            if (key.Length == 0 || key.Length > options.FurnitureMaxLength || EndsSentence(key)) continue;
            keys[i] = key;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        for (int i = 0; i < lines.Count; i++)
        {
            string? key = keys[i];
            if (key == null) continue;
            marks[i] = counts[key] >= options.FurnitureMinRepeats || IsPageNumber(key);
        }
        return marks;
    }

    /// <summary>The line without markup (Markdown emphasis and headings) and without spaces, so that stamps compare equal.</summary>
    internal static string Normalize(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (char c in line)
            if (!char.IsWhiteSpace(c) && c is not ('*' or '#' or '_' or '|' or '>')) sb.Append(c);
        return sb.ToString();
    }

    private static bool EndsSentence(string s) => s[^1] is '。' or '.' or '?' or '!' or '？' or '！';

    /// <summary>12, -12-, - 12 -, 12/40, Page 12, p. 12: the line is only a page number.</summary>
    private static bool IsPageNumber(string s)
    {
        ReadOnlySpan<char> t = s;
        if (t.StartsWith("Page", StringComparison.OrdinalIgnoreCase)) t = t[4..];
        else if (t.StartsWith("p.", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        t = t.Trim("-–—");
        int slash = t.IndexOf('/');
        if (slash > 0) return AllDigits(t[..slash]) && AllDigits(t[(slash + 1)..]);
        return t.Length <= 4 && AllDigits(t);

        static bool AllDigits(ReadOnlySpan<char> d)
        {
            if (d.IsEmpty) return false;
            foreach (char c in d) if (!char.IsAsciiDigit(c) && c is < '０' or > '９') return false;
            return true;
        }
    }
}
