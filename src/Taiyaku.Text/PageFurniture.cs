using System.Text;

namespace Taiyaku.Text;

/// <summary>
/// Recognises page furniture: stamps and running heads that recur from page to page, and page numbers. A short line
/// that repeats is not enough (an author repeats headings, refrains and list items): it must recur at page-like
/// spacing (three times or more, each a page of text after the last), or stand apart between blank lines as a stamp
/// does, recurring in a stamp block of several lines, inside a sentence broken by a page boundary, or beside a form feed.
/// </summary>
internal static class PageFurniture
{
    // The least text between two occurrences of a running head or stamp (characters): a short page.
    private const int MinPageGap = 500;

    /// <summary>Marks each line of <paramref name="lines"/> that is page furniture.</summary>
    public static bool[] Detect(string text, IReadOnlyList<Line> lines, SegmenterOptions options)
    {
        var marks = new bool[lines.Count];
        if (!options.DetectFurniture) return marks;
        var keys = new string?[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank) continue;
            string key = Normalize(lines[i].Content(text));
            if (key.Length == 0 || key.Length > options.FurnitureMaxLength || EndsSentence(key)) continue;
            keys[i] = key;
        }

        // Blocks of text lines between blank lines; a block made only of short lines stands apart as stamps do.
        var blockOf = new int[lines.Count];
        var blockFirst = new List<int>();
        var apart = new List<bool>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank) { blockOf[i] = -1; continue; }
            if (i == 0 || lines[i - 1].IsBlank)
            {
                blockFirst.Add(i);
                apart.Add(true);
            }
            blockOf[i] = blockFirst.Count - 1;
            if (keys[i] == null) apart[^1] = false;
        }

        var blockSize = new int[blockFirst.Count];
        for (int i = 0; i < lines.Count; i++)
            if (blockOf[i] >= 0) blockSize[blockOf[i]]++;

        var occurrences = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
            if (keys[i] is { } key)
            {
                if (!occurrences.TryGetValue(key, out var list)) occurrences[key] = list = [];
                list.Add(i);
            }

        // For each line, the nearest text line before and after it that is not a short line (or -1 / Count).
        var bodyBefore = new int[lines.Count];
        var bodyAfter = new int[lines.Count];
        for (int i = 0, last = -1; i < lines.Count; i++)
        {
            bodyBefore[i] = last;
            if (!lines[i].IsBlank && keys[i] == null) last = i;
        }
        for (int i = lines.Count - 1, next = lines.Count; i >= 0; i--)
        {
            bodyAfter[i] = next;
            if (!lines[i].IsBlank && keys[i] == null) next = i;
        }

        foreach (var (key, at) in occurrences)
        {
            var standing = at.Where(i => apart[blockOf[i]]).ToList();
            if (at.Count >= Math.Max(3, options.FurnitureMinRepeats) && PageSpaced(lines, at))
            {
                foreach (int i in at) marks[i] = true;
                continue;
            }
            if (standing.Select(i => blockOf[i]).Distinct().Count() < options.FurnitureMinRepeats) continue;
            if (standing.Any(i => blockSize[blockOf[i]] > 1 || BreaksSentence(text, lines, bodyBefore[i], bodyAfter[i], options) || BesideFormFeed(text, lines, i)))
                foreach (int i in standing) marks[i] = true;
        }

        // A page number standing apart, or beside a form feed.
        for (int i = 0; i < lines.Count; i++)
            if (keys[i] is { } key && IsPageNumber(key) && (apart[blockOf[i]] || BesideFormFeed(text, lines, i)))
                marks[i] = true;
        return marks;
    }

    /// <summary>Every gap at least a short page, and pages of comparable length (the longest gap at most three times the shortest).</summary>
    private static bool PageSpaced(IReadOnlyList<Line> lines, List<int> at)
    {
        int min = int.MaxValue, max = 0;
        for (int k = 1; k < at.Count; k++)
        {
            int gap = lines[at[k]].Start - lines[at[k - 1]].ContentEnd;
            min = Math.Min(min, gap);
            max = Math.Max(max, gap);
        }
        return min >= MinPageGap && max <= 3 * min;
    }

    /// <summary>
    /// Whether the line stands inside a sentence: the text before it (skipping other short lines) stops without ending
    /// a sentence, and either goes on in lower case after it or is long enough to be body text.
    /// </summary>
    private static bool BreaksSentence(string text, IReadOnlyList<Line> lines, int p, int n, SegmenterOptions options)
    {
        if (p < 0 || n >= lines.Count || Layout.EndsSentence(lines[p].Content(text))) return false;
        return char.IsLower(text[lines[n].ContentStart]) || lines[p].ContentEnd - lines[p].ContentStart >= options.PageBreakJoinMinLength;
    }

    /// <summary>Whether a form feed stands among the blank lines next to line <paramref name="i"/>.</summary>
    private static bool BesideFormFeed(string text, IReadOnlyList<Line> lines, int i)
    {
        for (int p = i - 1; p >= 0 && lines[p].IsBlank; p--)
            if (text.AsSpan(lines[p].Start, lines[p + 1].Start - lines[p].Start).Contains('\f')) return true;
        for (int n = i + 1; n < lines.Count && lines[n].IsBlank; n++)
            if (text.AsSpan(lines[n].Start, (n + 1 < lines.Count ? lines[n + 1].Start : text.Length) - lines[n].Start).Contains('\f')) return true;
        // A form feed at the very start or end of the line itself.
        var whole = text.AsSpan(lines[i].Start, (i + 1 < lines.Count ? lines[i + 1].Start : text.Length) - lines[i].Start);
        return whole.Contains('\f');
    }

    /// <summary>The line without markup (Markdown emphasis and headings) and without spaces, so that stamps compare equal.</summary>
    internal static string Normalize(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (char c in line)
            if (!char.IsWhiteSpace(c) && c is not ('*' or '#' or '_' or '|' or '>')) sb.Append(c);
        return sb.ToString();
    }

    // A line that ends a sentence, or introduces what follows ("For example:"), is the author's.
    private static bool EndsSentence(string s) => s[^1] is '。' or '.' or '?' or '!' or '？' or '！' or '．' or ':' or '：';

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
