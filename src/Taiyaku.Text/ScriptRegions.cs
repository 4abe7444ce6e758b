namespace Taiyaku.Text;

/// <summary>Finds where a bilingual document's Japanese part lies, by counting scripts line by line.</summary>
internal static class ScriptRegions
{
    /// <summary>
    /// The first and last line of the stretch where Japanese characters outweigh Latin letters the most
    /// (the maximum-sum run of per-line Japanese-minus-Latin counts); (-1, -1) when no line leans Japanese.
    /// </summary>
    public static (int First, int Last) JapaneseBlock(string text, List<Line> lines)
    {
        long best = 0, sum = 0;
        int bestFirst = -1, bestLast = -1, first = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var (ja, latin) = Count(lines[i].Content(text));
            if (sum <= 0) { sum = 0; first = i; }
            sum += ja - latin;
            if (sum > best) { best = sum; bestFirst = first; bestLast = i; }
        }
        // Lines before the run's first Japanese line (blank, negative) are not part of it.
        while (bestFirst >= 0 && bestFirst < bestLast && Count(lines[bestFirst].Content(text)).Japanese == 0) bestFirst++;
        return (bestFirst, bestLast);
    }

    public static long LatinLetters(string text, int start, int end)
    {
        long n = 0;
        for (int i = start; i < end; i++) if (char.IsAsciiLetter(text[i])) n++;
        return n;
    }

    private static (int Japanese, int Latin) Count(ReadOnlySpan<char> line)
    {
        int ja = 0, latin = 0;
        foreach (char c in line)
        {
            if (char.IsAsciiLetter(c)) latin++;
            else if (IsJapanese(c)) ja++;
        }
        return (ja, latin);
    }

    /// <summary>Hiragana, katakana, CJK ideographs and the CJK punctuation that only Japanese text uses.</summary>
    internal static bool IsJapanese(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
            or (>= '\uFF66' and <= '\uFF9F');
}
