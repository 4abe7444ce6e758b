using System.Text.RegularExpressions;

namespace Taiyaku.Text;

/// <summary>
/// Corrections to ICU4N's English sentence breaks. Each rule names the case it fixes; the cases are in the
/// segmentation suite (tests/Taiyaku.Text.Tests/Suite/segmentation-cases.txt). A break is a position where the next
/// sentence may start (whitespace before it belongs to the previous one).
/// </summary>
internal static partial class EnglishRules
{
    public static void Apply(string text, BreakSet breaks)
    {
        var proposed = breaks.ToArray();
        breaks.Clear();
        foreach (int p in proposed)
        {
            int b = SkipSpace(text, p);
            if (b > 0 && b < text.Length) breaks.Add(MoveOutOfFootnote(text, b));
        }
        breaks.Remove(text.Length);
        foreach (int b in breaks.ToArray())
            if (Continues(text, b, breaks)) breaks.Remove(b);
        if (text.AsSpan().ContainsAny("[¹²³") || text.AsSpan().ContainsAnyInRange('⁰', '⁹'))
            AddFootnoteBreaks(text, breaks);
        AddMissingSpaceBreaks(text, breaks);
        AddEllipsisBreaks(text, breaks);
        if (text.Contains('(')) AddParentheticalBreaks(text, breaks);
        ListItems(text, breaks);
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    /// <summary>
    /// ICU breaks inside a footnote marker after a full stop ("martyr.[ | 1] The"), or before it ("sharply. | ¹ Wages"):
    /// the marker belongs to the sentence it follows.
    /// </summary>
    private static int MoveOutOfFootnote(string text, int b)
    {
        int p = b;
        if (p > 0 && text[p - 1] == '[') p--;
        int q = p - 1;
        while (q >= 0 && char.IsWhiteSpace(text[q])) q--;
        if (q < 0 || !(IsTerminal(text[q]) || IsCloser(text[q]) || text[q] == '[')) return b;
        int end = FootnotesEnd(text, text[q] == '[' ? q : p);
        return end > p ? SkipSpace(text, end) : b;
    }

    /// <summary>The end of the footnote markers ([1], [a], [citation needed], ¹²) that start at <paramref name="i"/>.</summary>
    private static int FootnotesEnd(string text, int i)
    {
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0 || close - i > 31 || text.AsSpan(i + 1, close - i - 1).ContainsAny('[', '\n')) break;
                i = close + 1;
            }
            else if (text[i] is '¹' or '²' or '³' or (>= '⁰' and <= '⁹')) i++;
            else break;
        }
        return i;
    }

    /// <summary>Whether the sentence goes on across ICU's break at <paramref name="b"/>.</summary>
    private static bool Continues(string text, int b, BreakSet breaks)
    {
        int e = b - 1;
        while (e >= 0 && char.IsWhiteSpace(text[e])) e--;
        if (e < 0) return false;
        var before = text.AsSpan(0, e + 1);
        var word = LastToken(before);
        char next = text[b];
        // "'Well!' thought Alice", "Yahoo! in the": after ! or ? (and closing quotes) a lower-case word goes on.
        if (char.IsLower(next) && EndsWithStrongTerminal(before)) return true;
        // A list marker alone ("1." "a." "1.)" "I.") starts the item that follows it.
        int wordStart = before.Length - word.Length;
        if (wordStart == 0 || breaks.Contains(wordStart))
            if (word.Length > 0 && ListItem.MarkerLength(text.AsSpan(wordStart)) == word.Length) return true;
        if (!word.EndsWith('.')) return false;
        // Titles and number abbreviations ICU's list lacks ("Dr. Jones", "Sec. 4"); "No." only before a number.
        if (Abbreviations.IsTitle(word) || (char.IsAsciiDigit(next) && Abbreviations.TakesNumber(word))) return true;
        // "e.g. Hammers": never the end of a sentence.
        if (word is "e.g." or "i.e." or "cf." or "viz.") return true;
        // Initials and dotted abbreviations ("Jonas E. Smith", "J. R. R. Tolkien", "U.S. Government") go on into a
        // capitalised word that does not usually start a sentence ("the U.S. The next year" breaks).
        if (IsInitial(word) || IsDottedAbbreviation(word))
            return char.IsLower(next) || (char.IsUpper(next) && !Abbreviations.StartsSentences(FirstWord(text.AsSpan(b))));
        return false;
    }

    private static ReadOnlySpan<char> LastToken(ReadOnlySpan<char> s)
    {
        int i = s.Length;
        while (i > 0 && !char.IsWhiteSpace(s[i - 1])) i--;
        return s[i..];
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && (char.IsLetter(s[i]) || s[i] == '\'')) i++;
        return s[..i];
    }

    private static bool EndsWithStrongTerminal(ReadOnlySpan<char> s)
    {
        int i = s.Length - 1;
        while (i >= 0 && IsCloser(s[i])) i--;
        return i >= 0 && s[i] is '!' or '?' or '！' or '？';
    }

    /// <summary>"E." "W." — one capital letter and a full stop, as an initial in a name.</summary>
    private static bool IsInitial(ReadOnlySpan<char> word) =>
        word.Length == 2 && char.IsAsciiLetterUpper(word[0]) && word[1] == '.';

    /// <summary>"U.S." "U.K." "e.g." "a.m.": single letters each followed by a full stop.</summary>
    private static bool IsDottedAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word.Length % 2 != 0) return false;
        for (int i = 0; i < word.Length; i += 2)
            if (!char.IsAsciiLetter(word[i]) || word[i + 1] != '.') return false;
        return true;
    }

    /// <summary>"martyr.[1] The", "improved.[citation needed] Later": a break after the footnote markers.</summary>
    private static void AddFootnoteBreaks(string text, BreakSet breaks)
    {
        foreach (Match m in FootnoteAfterTerminal().Matches(text))
        {
            int end = SkipSpace(text, m.Index + m.Length);
            if (end < text.Length && (char.IsUpper(text[end]) || text[end] is '"' or '“' or '\'' or '‘')) breaks.Add(end);
        }
    }

    [GeneratedRegex(@"[.!?][""'”’)]*(?:\[[^\[\]\n]{1,30}\]|[¹²³⁰-⁹]+)+\s")]
    private static partial Regex FootnoteAfterTerminal();

    /// <summary>
    /// "world.Today is", "true?Yes", "ended.\"We": a sentence that starts right after a terminal with no space. Not in
    /// URLs, e-mail addresses and file or domain names ("Node.js", "ASP.NET", "www.Kyoto-Travel.jp"), nor after a
    /// title ("Mr.Smith") or a single letter ("U.S.Army").
    /// </summary>
    private static void AddMissingSpaceBreaks(string text, BreakSet breaks)
    {
        foreach (Match m in MissingSpace().Matches(text))
        {
            int dot = m.Index + 1;
            // The token around the full stop (looked at within 200 characters, so that cost stays linear).
            int tokenStart = dot;
            while (tokenStart > 0 && dot - tokenStart < 200 && !char.IsWhiteSpace(text[tokenStart - 1])) tokenStart--;
            int tokenEnd = dot;
            while (tokenEnd < text.Length && tokenEnd - dot < 200 && !char.IsWhiteSpace(text[tokenEnd])) tokenEnd++;
            var token = text.AsSpan(tokenStart, tokenEnd - tokenStart);
            if (token.Contains('@') || token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || token.StartsWith("<", StringComparison.Ordinal)) continue;
            int w = dot;
            while (w > tokenStart && char.IsLetter(text[w - 1])) w--;
            var word = text.AsSpan(w, dot - w);
            if (word.Length == 1 || Abbreviations.IsTitle(text.AsSpan(w, dot - w + 1))) continue;
            if (w > tokenStart && text[w - 1] == '.') continue; // "U.S.Army", "e.g.This"
            breaks.Add(dot + 1);
        }
        // ICU breaks after a quote that opens the next sentence ("ended.\" | We"): the quote goes with what follows.
        foreach (int b in breaks.ToArray())
            if (b >= 2 && text[b - 1] is '"' or '“' && IsTerminal(text[b - 2]) && char.IsLetter(text[b]) && (b < 3 || !IsCloser(text[b - 3])))
            {
                breaks.Remove(b);
                breaks.Add(b - 1);
            }
    }

    [GeneratedRegex(@"[a-z0-9][.!?](?=[""“]?[A-Z][a-z])")]
    private static partial Regex MissingSpace();

    /// <summary>"The list goes on… It never ends": ICU does not break after "…"; a capitalised word after it starts a sentence.</summary>
    private static void AddEllipsisBreaks(string text, BreakSet breaks)
    {
        for (int i = text.IndexOf('…'); i >= 0; i = text.IndexOf('…', i + 1))
        {
            int j = i + 1;
            while (j < text.Length && text[j] is '…' or '”' or '"' or '’' or '\'') j++;
            if (j >= text.Length || !char.IsWhiteSpace(text[j])) continue;
            int n = SkipSpace(text, j);
            if (n < text.Length && char.IsUpper(text[n]) && !(text[n] == 'I' && n + 1 < text.Length && !char.IsLetter(text[n + 1])))
                breaks.Add(n);
        }
    }

    /// <summary>
    /// ICU keeps "jobs. (laughter) After" together because a lower-case word follows the parenthesis; a parenthetical
    /// after a full word and a terminal starts a new sentence, as a speaker's aside or label does.
    /// </summary>
    private static void AddParentheticalBreaks(string text, BreakSet breaks)
    {
        for (int i = 3; i < text.Length; i++)
        {
            if (text[i] != '(' || text[i - 1] != ' ' || text[i - 2] is not ('.' or '?' or '!')) continue;
            int w = i - 3;
            while (w >= 0 && char.IsLetter(text[w])) w--;
            if (i - 3 - w < 3 || (w >= 0 && text[w] == '.')) continue; // "e.g. (", "Mr. (": an abbreviation
            breaks.Add(i);
        }
    }

    /// <summary>
    /// Inline lists: "1. The first item 2. The second item", "a) … b) …", "• Milk • Bread". A marker at the start of
    /// a sentence opens a list; each following marker in sequence (2 after 1, b after a, ii after i, the same bullet)
    /// starts an item of its own, and no break stays between a marker and its item.
    /// </summary>
    private static void ListItems(string text, BreakSet breaks)
    {
        string? previous = null;
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0 && !char.IsWhiteSpace(text[i - 1])) continue;
            int length = ListItem.MarkerLength(text.AsSpan(i));
            if (length == 0) continue;
            string marker = text.Substring(i, length);
            bool startsSentence = i == 0 || breaks.Contains(i);
            if (previous != null && Follows(previous, marker))
            {
                breaks.Add(i);
                previous = marker;
            }
            else if (startsSentence) previous = marker;
            else continue;
            // No break between the marker and its item.
            breaks.Remove(SkipSpace(text, i + length));
        }
    }

    /// <summary>Whether list marker <paramref name="next"/> comes right after <paramref name="previous"/>.</summary>
    private static bool Follows(string previous, string next)
    {
        static (string Core, string Shape) Split(string m)
        {
            int a = 0, b = m.Length;
            while (a < b && !char.IsLetterOrDigit(m[a])) a++;
            while (b > a && !char.IsLetterOrDigit(m[b - 1])) b--;
            return (m[a..b], m[..a] + "#" + m[b..]);
        }
        var (p, ps) = Split(previous);
        var (n, ns) = Split(next);
        if (ps != ns) return false;
        if (p.Length == 0) return n.Length == 0; // the same bullet
        if (int.TryParse(p, out int pi) && int.TryParse(n, out int ni)) return ni == pi + 1;
        if (ListItem.IsRoman(p, lower: true) && ListItem.IsRoman(n, lower: true)) return Roman(n) == Roman(p) + 1;
        if (ListItem.IsRoman(p, lower: false) && ListItem.IsRoman(n, lower: false)) return Roman(n) == Roman(p) + 1;
        return p.Length == 1 && n.Length == 1 && n[0] == p[0] + 1;

        static int Roman(string r)
        {
            int total = 0;
            for (int i = 0; i < r.Length; i++)
            {
                int v = char.ToLowerInvariant(r[i]) switch { 'i' => 1, 'v' => 5, _ => 10 };
                int after = i + 1 < r.Length ? char.ToLowerInvariant(r[i + 1]) switch { 'i' => 1, 'v' => 5, _ => 10 } : 0;
                total += v < after ? -v : v;
            }
            return total;
        }
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…' or '！' or '？' or '。' or '．';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '」' or '』' or '）';
}
