namespace Taiyaku.Text;

/// <summary>
/// Splits a Japanese paragraph into sentences: after 。．！？ (and half-width ｡!?) together with the closing brackets and
/// quotes that follow; never inside 「」『』 and brackets, so quoted speech stays whole when the quote ends the sentence.
/// </summary>
internal static class JapaneseSentences
{
    // A bracket left open longer than this is taken as a stray, so one typo cannot swallow the rest of a paragraph.
    private const int MaxBracketSpan = 300;

    public static void Split(ReadOnlySpan<char> text, List<(int Start, int End)> sentences)
    {
        var closeOf = MatchBrackets(text);
        int start = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (closeOf[i] > i)
            {
                // Skip a whole bracketed stretch; a quote ending in 。」 ends the sentence unless a quotative particle follows.
                int close = closeOf[i];
                i = close + 1;
                if (IsTerminal(text[close - 1]) && !(i < text.Length && IsQuotative(text[i])))
                {
                    i = SkipClosers(text, i);
                    Add(text, sentences, start, i);
                    start = i;
                }
                continue;
            }
            if (IsTerminal(c) && !(c == '．' && i > 0 && i + 1 < text.Length && IsDigit(text[i - 1]) && IsDigit(text[i + 1])))
            {
                i = SkipClosers(text, i + 1);
                Add(text, sentences, start, i);
                start = i;
                continue;
            }
            i++;
        }
        Add(text, sentences, start, text.Length);
    }

    private static int SkipClosers(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (IsTerminal(text[i]) || IsCloser(text[i]))) i++;
        return i;
    }

    private static void Add(ReadOnlySpan<char> text, List<(int, int)> sentences, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add((start, end));
    }

    /// <summary>For each opening bracket, the index of its matching close (or -1); stray brackets are ignored.</summary>
    private static int[] MatchBrackets(ReadOnlySpan<char> text)
    {
        var closeOf = new int[text.Length];
        Array.Fill(closeOf, -1);
        var open = new Stack<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (CloserFor(c) != '\0')
            {
                open.Push(i);
            }
            else if (IsBracketCloser(c))
            {
                // Unwind to the opener this closer matches; openers left behind were strays.
                while (open.Count > 0 && CloserFor(text[open.Peek()]) != c) open.Pop();
                if (open.Count > 0)
                {
                    int o = open.Pop();
                    if (i - o <= MaxBracketSpan) closeOf[o] = i;
                }
            }
        }
        return closeOf;
    }

    private static char CloserFor(char c) => c switch
    {
        '「' => '」',
        '『' => '』',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '〔' => '〕',
        '〈' => '〉',
        '《' => '》',
        _ => '\0',
    };

    private static bool IsBracketCloser(char c) => c is '」' or '』' or '）' or ')' or '】' or '〕' or '〉' or '》';

    /// <summary>。｡！？!? and the full-width full stop ． of text punctuated with ，．(except as a decimal point: ３．１４).</summary>
    internal static bool IsTerminal(char c) => c is '。' or '｡' or '！' or '？' or '!' or '?' or '．';

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static bool IsCloser(char c) => IsBracketCloser(c) || c is '”' or '’' or '"' or '\'';

    /// <summary>と, って, という... after a quote: the quote is reported speech inside a longer sentence.</summary>
    private static bool IsQuotative(char c) => c is 'と' or 'っ' or '、' or '，' or 'の' or 'を' or 'は' or 'が' or 'に';
}
