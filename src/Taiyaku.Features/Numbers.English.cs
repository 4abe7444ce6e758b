using System.Collections.Frozen;

namespace Taiyaku.Features;

public static partial class Numbers
{
    private enum WordKind : byte
    {
        None,
        A,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        And,
    }

    private readonly record struct NumberWord(WordKind Kind, long Value, bool Ordinal = false, bool Plural = false);

    private static readonly FrozenDictionary<string, NumberWord> NumberWords = BuildNumberWords();

    private static readonly FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> NumberWordLookup =
        NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static FrozenDictionary<string, NumberWord> BuildNumberWords()
    {
        var d = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase)
        {
            ["a"] = new(WordKind.A, 1),
            ["an"] = new(WordKind.A, 1),
            ["and"] = new(WordKind.And, 0),
            ["hundred"] = new(WordKind.Hundred, 100),
            ["hundreds"] = new(WordKind.Hundred, 100, Plural: true),
            ["hundredth"] = new(WordKind.Hundred, 100, Ordinal: true),
            // "first" is 1, taken only inside a compound (twenty-first).
            ["first"] = new(WordKind.Unit, 1, Ordinal: true),
            ["second"] = new(WordKind.Unit, 2, Ordinal: true),
        };
        string[] units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        string[] unitOrdinals = ["", "", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
        for (int k = 0; k < units.Length; k++)
        {
            d[units[k]] = new(WordKind.Unit, k + 1);
            if (unitOrdinals[k].Length > 0)
            {
                d[unitOrdinals[k]] = new(WordKind.Unit, k + 1, Ordinal: true);
                d[unitOrdinals[k] + "s"] = new(WordKind.Unit, k + 1, Ordinal: true); // two-thirds
            }
        }
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int k = 0; k < teens.Length; k++)
        {
            d[teens[k]] = new(WordKind.Teen, k + 10);
            string ordinal = k switch { 0 => "tenth", 1 => "eleventh", 2 => "twelfth", _ => teens[k] + "th" };
            d[ordinal] = new(WordKind.Teen, k + 10, Ordinal: true);
            d[ordinal + "s"] = new(WordKind.Teen, k + 10, Ordinal: true);
        }
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int k = 0; k < tens.Length; k++)
        {
            d[tens[k]] = new(WordKind.Tens, (k + 2) * 10);
            d[tens[k][..^1] + "ieth"] = new(WordKind.Tens, (k + 2) * 10, Ordinal: true);
        }
        (string Name, long Value)[] scales = [("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000), ("trillion", 1_000_000_000_000)];
        foreach (var (name, value) in scales)
        {
            d[name] = new(WordKind.Scale, value);
            d[name + "s"] = new(WordKind.Scale, value, Plural: true);
            d[name + "th"] = new(WordKind.Scale, value, Ordinal: true);
        }
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Appends every number mentioned in an English sentence: digits with <c>,</c> separators and a decimal point
    /// (1,234.5), a scale word after digits (6 trillion, 2.5 billion), spelled-out cardinals (forty-two,
    /// nine hundred sixty-nine, a hundred and twenty, two thousand, ten thousands), ordinals (21st, 15th, third,
    /// twenty-first), percentages (0.9% and 0.9 percent → 0.9), decades (1980s → 1980), month names next to a
    /// date (April 25 → 4 and 25), Roman numerals after a name (Henry VIII → 8), twice and thrice.
    /// </summary>
    /// <param name="text">The sentence.</param>
    /// <param name="values">Receives the values, in order of appearance.</param>
    /// <remarks>
    /// Not taken, because they are mostly not numbers or not the number 1 worth anchoring: "one" on its own ("no
    /// one", "one of them"), "first" on its own (but "twenty-first" is 21), "once", plural scales without a
    /// number ("thousands of"), "a" without a scale, "dozen", "score", "double", "both". "second" is taken as 2:
    /// in these texts it is mostly the ordinal (第二, 二月, 二度目). Month names count when capitalised; May and March only next to
    /// digits (May 31, 5 March). Roman numerals need two or more letters of I, V, X (II..XXXIX) after a capitalised
    /// word, so the pronoun I is never read.
    /// </remarks>
    public static void ExtractEnglish(ReadOnlySpan<char> text, ICollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsDigit(c))
            {
                int end = ScanDigits(text, i, out decimal v);
                end = ReadDigitSuffix(text, end, ref v);
                if (v >= 0) values.Add(Normalize(v));
                i = end;
            }
            else if (char.IsAsciiLetter(c))
            {
                int end = ReadSpelled(text, i, out decimal v);
                if (end > i)
                {
                    if (v >= 0) values.Add(Normalize(v));
                    i = end;
                    continue;
                }
                int wordEnd = WordEnd(text, i);
                if (TryReadWord(text, i, wordEnd, out v)) values.Add(v);
                i = wordEnd;
            }
            else
            {
                i++;
            }
        }
    }

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
        return i;
    }

    /// <summary>Reads an ordinal or decade suffix (21st, 1980s) or a following scale word (6 trillion).</summary>
    private static int ReadDigitSuffix(ReadOnlySpan<char> text, int end, ref decimal value)
    {
        if (value < 0) return end;
        if (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            int wordEnd = WordEnd(text, end);
            ReadOnlySpan<char> suffix = text[end..wordEnd];
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("s", StringComparison.OrdinalIgnoreCase))
            {
                return wordEnd;
            }
            return end;
        }
        if (end + 1 < text.Length && text[end] is ' ' or '\u00A0' or '-' && char.IsAsciiLetter(text[end + 1]) && value < 1_000_000_000_000m)
        {
            int wordEnd = WordEnd(text, end + 1);
            if (NumberWordLookup.TryGetValue(text[(end + 1)..wordEnd], out NumberWord w)
                && w.Kind is WordKind.Hundred or WordKind.Scale && !w.Plural && !w.Ordinal)
            {
                value *= w.Value;
                return wordEnd;
            }
        }
        return end;
    }

    /// <summary>
    /// Reads a spelled-out number starting at the word at <paramref name="start"/>. Returns the end of the words
    /// read, or <paramref name="start"/> when there is no number there; <paramref name="value"/> is -1 for a number
    /// that is not taken (1).
    /// </summary>
    private static int ReadSpelled(ReadOnlySpan<char> text, int start, out decimal value)
    {
        value = -1;
        decimal total = 0;
        decimal current = 0;
        long lastScale = long.MaxValue;
        WordKind last = WordKind.None;
        int end = start;
        int pos = start;
        while (true)
        {
            int wordEnd = WordEnd(text, pos);
            if (!NumberWordLookup.TryGetValue(text[pos..wordEnd], out NumberWord w)) break;
            if (!Follows(last, current, lastScale, w, NextNumberWord(text, wordEnd))) break;
            switch (w.Kind)
            {
                case WordKind.Unit or WordKind.Teen or WordKind.Tens:
                    current += w.Value;
                    break;
                case WordKind.Hundred:
                    current = (last == WordKind.A ? 1 : current) * 100;
                    break;
                case WordKind.Scale:
                    total += (last == WordKind.A ? 1 : current) * w.Value;
                    current = 0;
                    lastScale = w.Value;
                    break;
            }
            last = w.Kind;
            if (w.Kind is not (WordKind.A or WordKind.And)) end = wordEnd;
            if (w.Ordinal || !IsJoiner(text, wordEnd)) break;
            pos = wordEnd + 1;
        }
        if (end == start) return start;
        decimal v = total + current;
        value = v == 1 ? -1 : v;
        return end;
    }

    /// <summary>True when the word ending at <paramref name="wordEnd"/> is followed by a space or hyphen and another word.</summary>
    private static bool IsJoiner(ReadOnlySpan<char> text, int wordEnd) =>
        wordEnd + 1 < text.Length && text[wordEnd] is ' ' or '-' && char.IsAsciiLetter(text[wordEnd + 1]);

    private static WordKind NextNumberWord(ReadOnlySpan<char> text, int wordEnd)
    {
        if (!IsJoiner(text, wordEnd)) return WordKind.None;
        int nextEnd = WordEnd(text, wordEnd + 1);
        return NumberWordLookup.TryGetValue(text[(wordEnd + 1)..nextEnd], out NumberWord next) && !next.Plural
            && !(next.Ordinal && next.Value == 1 && next.Kind == WordKind.Unit) ? next.Kind : WordKind.None;
    }

    /// <summary>Whether <paramref name="w"/> can continue a number whose last word was of kind <paramref name="last"/>.</summary>
    private static bool Follows(WordKind last, decimal current, long lastScale, NumberWord w, WordKind next) => w.Kind switch
    {
        WordKind.A => last == WordKind.None && next is WordKind.Hundred or WordKind.Scale,
        WordKind.Unit when w.Ordinal && w.Value == 1 => last is WordKind.Tens or WordKind.Hundred or WordKind.Scale or WordKind.And,
        WordKind.Unit => last is WordKind.None or WordKind.Tens or WordKind.Hundred or WordKind.Scale or WordKind.And,
        WordKind.Teen or WordKind.Tens => last is WordKind.None or WordKind.Hundred or WordKind.Scale or WordKind.And,
        WordKind.Hundred => (last == WordKind.A && !w.Plural) || (last is WordKind.Unit or WordKind.Teen or WordKind.Tens && current is > 0 and < 100),
        WordKind.Scale => w.Value < lastScale
            && ((last == WordKind.A && !w.Plural) || (last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Hundred && current > 0)),
        WordKind.And => last is WordKind.Hundred or WordKind.Scale && next is WordKind.Unit or WordKind.Teen or WordKind.Tens,
        _ => false,
    };

    /// <summary>Single words that are numbers: twice, thrice, month names, Roman numerals after a name.</summary>
    private static bool TryReadWord(ReadOnlySpan<char> text, int start, int end, out decimal value)
    {
        value = 0;
        ReadOnlySpan<char> word = text[start..end];
        if (word.Equals("twice", StringComparison.OrdinalIgnoreCase))
        {
            value = 2;
            return true;
        }
        if (word.Equals("thrice", StringComparison.OrdinalIgnoreCase))
        {
            value = 3;
            return true;
        }
        if (word.Length > 4 && word.EndsWith("fold", StringComparison.OrdinalIgnoreCase)
            && NumberWordLookup.TryGetValue(word[..^4], out NumberWord multiple) && !multiple.Ordinal && !multiple.Plural
            && multiple.Kind is not (WordKind.A or WordKind.And) && multiple.Value > 1)
        {
            value = multiple.Value; // sevenfold, hundredfold
            return true;
        }
        if (!char.IsAsciiLetterUpper(word[0])) return false;
        for (int m = 0; m < Months.Length; m++)
        {
            if (!word.Equals(Months[m], StringComparison.Ordinal)) continue;
            // May and March are also a verb and a noun; take them only next to a date.
            if (m is 2 or 4
                && !(end + 1 < text.Length && text[end] == ' ' && IsDigit(text[end + 1]))
                && !(start >= 2 && text[start - 1] == ' ' && IsDigit(text[start - 2])))
            {
                return false;
            }
            value = m + 1;
            return true;
        }
        if (word.Length >= 2 && start >= 2 && text[start - 1] == ' ' && StartsCapitalisedWord(text, start - 1)
            && TryParseRoman(word, out int roman))
        {
            value = roman;
            return true;
        }
        return false;
    }

    /// <summary>True when the word ending just before <paramref name="end"/> starts with a capital letter.</summary>
    private static bool StartsCapitalisedWord(ReadOnlySpan<char> text, int end)
    {
        int s = end;
        while (s > 0 && char.IsAsciiLetter(text[s - 1])) s--;
        return s < end && char.IsAsciiLetterUpper(text[s]);
    }

    /// <summary>Parses a canonical Roman numeral of I, V and X (II..XXXIX).</summary>
    private static bool TryParseRoman(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        int i = 0;
        while (i < word.Length && word[i] == 'X' && value < 30)
        {
            value += 10;
            i++;
        }
        ReadOnlySpan<char> rest = word[i..];
        int units = rest switch
        {
            "" => 0,
            "I" => 1,
            "II" => 2,
            "III" => 3,
            "IV" => 4,
            "V" => 5,
            "VI" => 6,
            "VII" => 7,
            "VIII" => 8,
            "IX" => 9,
            _ => -1,
        };
        if (units < 0) return false;
        value += units;
        return value >= 2;
    }
}
