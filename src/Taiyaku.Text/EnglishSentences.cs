using ICU4N.Globalization;
using ICU4N.Text;

namespace Taiyaku.Text;

/// <summary>
/// English sentence and word breaking with ICU4N. Sentences use the <c>en@ss=standard</c> rules, which suppress
/// breaks after abbreviations such as "Mr." and "No.". BreakIterator instances are not thread-safe (see the note on the lock below).
/// </summary>
public static class EnglishText
{
    // ICU4N 60.1 alpha's filtered (ss=standard) iterators share state even across clones and separately created
    // instances: under concurrent use they gave wrong breaks (our no-loss property test caught it). Until that is
    // fixed upstream, all use goes through one instance of each kind under a lock.
    private static readonly object Gate = new();
    private static readonly BreakIterator Sentence = BreakIterator.GetSentenceInstance(new UCultureInfo("en@ss=standard"));
    private static readonly BreakIterator Word = BreakIterator.GetWordInstance(new UCultureInfo("en"));

    /// <summary>The sentences of <paramref name="text"/> as (start, end) positions, trimmed of whitespace.</summary>
    public static IReadOnlyList<(int Start, int End)> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<(int, int)>();
        Sentences(text, list);
        return list;
    }

    internal static void Sentences(string text, List<(int Start, int End)> sentences)
    {
        lock (Gate) SentencesLocked(text, sentences);
    }

    private static void SentencesLocked(string text, List<(int Start, int End)> sentences)
    {
        var bi = Sentence;
        bi.SetText(text);
        int start = bi.First();
        int first = sentences.Count;
        for (int end = bi.Next(); end != BreakIterator.Done; start = end, end = bi.Next())
        {
            int s = start, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e <= s) continue;
            s = SplitBeforeParenthesis(text, s, e, sentences);
            // ICU's list has no "No." (it can end a sentence: "No."), so a number after it decides.
            if (sentences.Count > first && EndsWithAbbreviation(text.AsSpan(sentences[^1].Start, sentences[^1].End - sentences[^1].Start), char.IsAsciiDigit(text[s])))
                sentences[^1] = (sentences[^1].Start, e);
            else
                sentences.Add((s, e));
        }
    }

    /// <summary>
    /// ICU keeps "jobs. (laughter) After" together because a lower-case word follows the parenthesis; a parenthetical
    /// after a full word and a terminal starts a new sentence, as a speaker's aside or label does.
    /// Adds the sentences before such points and returns where the rest starts.
    /// </summary>
    private static int SplitBeforeParenthesis(string text, int s, int e, List<(int Start, int End)> sentences)
    {
        for (int i = s + 3; i < e; i++)
        {
            if (text[i] != '(' || text[i - 1] != ' ' || text[i - 2] is not ('.' or '?' or '!')) continue;
            int w = i - 3;
            while (w >= s && char.IsLetter(text[w])) w--;
            if (i - 3 - w < 3 || (w >= s && text[w] == '.')) continue; // "e.g. (", "Mr. (": an abbreviation
            sentences.Add((s, i - 1));
            s = i;
        }
        return s;
    }

    // Followed by a number they never end a sentence; alone they may ("Did he agree? No.").
    private static readonly string[] NumberAbbreviations = ["No.", "Nos.", "no.", "nos.", "Vol.", "vol.", "Art.", "art.", "Fig.", "fig.", "p.", "pp.", "Ch.", "ch.", "Sec.", "sec.", "Para.", "para.", "Tel.", "Ref.", "Nr."];

    // Titles before a name, which ICU's suppression list partly lacks.
    private static readonly string[] Titles = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev.", "Hon.", "Messrs.", "Amb.", "Adm.", "Pres."];

    private static bool EndsWithAbbreviation(ReadOnlySpan<char> sentence, bool numberFollows)
    {
        if (numberFollows && EndsWithAny(sentence, NumberAbbreviations)) return true;
        return EndsWithAny(sentence, Titles);

        static bool EndsWithAny(ReadOnlySpan<char> sentence, string[] words)
        {
            foreach (var a in words)
                if (sentence.EndsWith(a, StringComparison.Ordinal) && (sentence.Length == a.Length || !char.IsLetter(sentence[^(a.Length + 1)])))
                    return true;
            return false;
        }
    }

    /// <summary>Words and numbers in <paramref name="text"/>, by ICU's word rules; spaces and punctuation do not count.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (Gate)
        {
            var bi = Word;
            bi.SetText(text);
            int count = 0;
            bi.First();
            while (bi.Next() != BreakIterator.Done)
                if (bi.RuleStatus >= 100) count++; // 0-99: none (spaces, punctuation); 100+: number, letter, kana, ideo
            return count;
        }
    }
}
