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
        // ICU4N proposes the breaks (it knows terminals, closing quotes and brackets, and a list of abbreviations);
        // the rules of EnglishRules then drop, add and move breaks where ICU4N is known to go wrong.
        var bi = Sentence;
        bi.SetText(text);
        var breaks = new BreakSet();
        bi.First();
        for (int end = bi.Next(); end != BreakIterator.Done; end = bi.Next())
            breaks.Add(end);
        EnglishRules.Apply(text, breaks);
        int start = 0;
        for (int k = 0; k <= breaks.Count; k++)
        {
            int end = k < breaks.Count ? breaks[k] : text.Length;
            int s = start, e = Math.Min(end, text.Length);
            start = Math.Max(start, e);
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) sentences.Add((s, e));
        }
    }

    private static BreakIterator? japaneseSentence;

    /// <summary>
    /// ICU4N's sentence breaks alone (en@ss=standard, or ja), trimmed, for comparing with our rules (the segmentation
    /// suite). Under the same lock as every other use, for the reason given above.
    /// </summary>
    internal static List<string> PlainIcuSentences(string text, bool japanese)
    {
        lock (Gate)
        {
            var bi = japanese ? japaneseSentence ??= BreakIterator.GetSentenceInstance(new UCultureInfo("ja")) : Sentence;
            bi.SetText(text);
            var list = new List<string>();
            for (int start = bi.First(), end = bi.Next(); end != BreakIterator.Done; start = end, end = bi.Next())
            {
                string s = text[start..end].Trim();
                if (s.Length > 0) list.Add(s);
            }
            return list;
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
