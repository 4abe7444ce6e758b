namespace Taiyaku.Text;

/// <summary>List markers: bullets, numbers and letters with a full stop or parenthesis, circled numbers.</summary>
internal static class ListItem
{
    /// <summary>Whether <paramref name="line"/> starts with a list marker (and so starts an item of its own).</summary>
    public static bool StartsAt(ReadOnlySpan<char> line) => MarkerLength(line) > 0;

    /// <summary>The length of the list marker at the start of <paramref name="s"/>, spaces after it excluded; 0 when there is none.</summary>
    public static int MarkerLength(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        char c = s[0];
        // Bullets that are never anything else; and ASCII ones only before a space ("-5", "*emphasis*" are not).
        if (c is '•' or '◦' or '‣' or '▪' or '●' or '○' or '■' or '□' or '◆' or '◇' or '・' or '※' or (>= '\u2460' and <= '\u2473'))
            return s.Length > 1 ? 1 : 0;
        if (c is '-' or '*' or '+' or '–' or '—') return s.Length > 2 && s[1] == ' ' ? 1 : 0;
        // (1) （１） (a) (iv)
        if (c is '(' or '（')
        {
            int close = s.IndexOfAny(')', '）');
            return close > 1 && close <= 5 && IsEnumerator(s[1..close]) && s.Length > close + 1 ? close + 1 : 0;
        }
        int n = 0;
        while (n < s.Length && n < 5 && (char.IsAsciiLetterOrDigit(s[n]) || s[n] is >= '０' and <= '９')) n++;
        if (n == 0 || n >= s.Length || !IsEnumerator(s[..n])) return 0;
        int end = n;
        if (s[end] is '.' or '．')
        {
            end++;
            if (end < s.Length && s[end] == ')') end++;
        }
        else if (s[end] is ')' or '）') end++;
        else return 0;
        // A full-width marker needs nothing after it; a half-width one needs a space ("1.5", "e.g." are not markers).
        if (end >= s.Length) return 0;
        if (s[end - 1] is '．' or '）' || s[end] == ' ' || s[end] == '\t') return end;
        return 0;
    }

    /// <summary>1 to 3 digits, one letter, or a lower-case roman numeral (i to xxxix), or I to XX in capitals.</summary>
    private static bool IsEnumerator(ReadOnlySpan<char> e)
    {
        if (e.IsEmpty) return false;
        bool digits = true;
        foreach (char c in e) digits &= char.IsAsciiDigit(c) || c is >= '０' and <= '９';
        if (digits) return e.Length <= 3;
        if (e.Length == 1) return char.IsAsciiLetter(e[0]);
        return IsRoman(e, lower: true) || IsRoman(e, lower: false);
    }

    internal static bool IsRoman(ReadOnlySpan<char> e, bool lower)
    {
        if (e.IsEmpty || e.Length > 5) return false;
        foreach (char c in e)
            if (lower ? c is not ('i' or 'v' or 'x') : c is not ('I' or 'V' or 'X')) return false;
        return true;
    }
}
