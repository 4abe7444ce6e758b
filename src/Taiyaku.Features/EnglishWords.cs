using System.Collections.Frozen;

namespace Taiyaku.Features;

/// <summary>
/// English word forms for lexical anchors: function words to ignore and a light, conservative stemmer so that
/// dictionary glosses ("mountains", "gave") and sentence words meet. Stateless and thread-safe.
/// </summary>
public static class EnglishWords
{
    // Function words, including the King James forms the Bible text keeps in places.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the",
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
        "them", "their", "theirs", "themselves", "one", "ones", "oneself",
        "thee", "thou", "thy", "thine", "thyself", "ye",
        "who", "whom", "whose", "which", "what", "whoever", "whomever", "whatever", "whichever", "that", "this",
        "these", "those",
        "be", "am", "is", "are", "was", "were", "been", "being", "art", "wast", "wert",
        "have", "has", "had", "having", "hast", "hath", "hadst",
        "do", "does", "did", "doing", "dost", "doth", "didst",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "shalt", "wilt",
        "wouldst", "shouldst", "canst", "couldst", "mayest", "mightest",
        "not", "no", "nor", "neither", "either", "none",
        "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon", "unto", "about", "above",
        "below", "over", "under", "after", "before", "between", "among", "amongst", "through", "throughout",
        "during", "without", "within", "against", "across", "toward", "towards", "up", "down", "out", "off",
        "around", "along", "beside", "besides", "beyond", "behind", "beneath", "underneath", "near", "since",
        "until", "till", "via", "per", "except", "than",
        "and", "or", "but", "if", "then", "else", "so", "because", "as", "though", "although", "while", "whilst",
        "whereas", "whether", "lest", "unless", "nevertheless", "however",
        "also", "too", "very", "just", "only", "even", "yet", "still", "again", "ever", "never", "now", "here",
        "there", "where", "when", "why", "how", "thus", "hence", "therefore", "wherefore", "whereby", "whereas",
        "thereof", "therein", "thereby", "thereto", "herein", "hereby", "hither", "thither", "whither", "whence",
        "yea", "nay", "yes", "o", "oh", "lo", "ah", "indeed", "rather", "quite", "such", "own", "same",
        "all", "any", "both", "each", "every", "few", "many", "more", "most", "much", "other", "others", "another",
        "some", "several", "enough", "let", "s",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Common irregular forms (verbs, plurals) and their base forms. Ambiguous forms are left out: left (leave or
    // the side), lay (lie or lay), rose (rise or the flower), saw is kept (see) as the Bible uses it so.
    private static readonly FrozenDictionary<string, string> Irregular = BuildIrregular();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup =
        Irregular.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that only look inflected (hundred, morning); they are their own stems.
    private static readonly FrozenSet<string> Unchanged = FrozenSet.ToFrozenSet(
    [
        "hundred", "sacred", "kindred", "wicked", "naked", "crooked", "rugged", "beloved", "hatred", "bed", "red",
        "morning", "evening", "nothing", "something", "anything", "everything", "king", "thing", "spring", "sing",
        "ring", "wing", "string", "during", "ceiling", "sling", "darling", "wedding", "pudding",
        "family", "holy", "early", "daily", "lily", "ugly", "fly", "reply", "supply", "apply", "italy", "july",
        "jelly", "belly", "rely", "only", "likely", "lonely", "lovely", "friendly", "heavenly", "worldly", "godly",
        "ungodly", "manly", "costly", "wily", "silly", "sly", "bully", "folly",
        "is", "was", "has", "his", "this", "its", "us", "as", "yes", "gas", "bus", "plus", "thus", "bias", "alias",
        "atlas", "news", "series", "species", "always", "perhaps", "whereas", "besides", "towards", "afterwards",
        "less", "unless", "assembly", "multiply", "comply",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnchangedLookup =
        Unchanged.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, string> BuildIrregular()
    {
        (string Base, string Forms)[] table =
        [
            ("arise", "arose arisen"), ("be", "am is are was were been"), ("bear", "bore borne born"),
            ("become", "became"), ("begin", "began begun"), ("bind", "bound"), ("bite", "bit bitten"),
            ("blow", "blew blown"), ("break", "broke broken"), ("bring", "brought"), ("build", "built"),
            ("buy", "bought"), ("catch", "caught"), ("choose", "chose chosen"), ("come", "came"),
            ("deal", "dealt"), ("die", "died dying"), ("do", "did done does"), ("draw", "drew drawn"),
            ("drink", "drank drunk"), ("drive", "drove driven"), ("dwell", "dwelt"), ("eat", "ate eaten"),
            ("fall", "fell fallen"), ("feed", "fed"), ("feel", "felt"), ("fight", "fought"), ("find", "found"),
            ("flee", "fled"), ("fly", "flew flown flies"), ("forgive", "forgave forgiven"),
            ("forsake", "forsook forsaken"), ("get", "got gotten"), ("give", "gave given"), ("go", "went gone goes going"),
            ("grow", "grew grown"), ("hang", "hung"), ("have", "had has"), ("hear", "heard"), ("hide", "hid hidden"),
            ("hold", "held"), ("keep", "kept"), ("know", "knew known"), ("lead", "led"), ("lie", "lain lying"),
            ("lose", "lost"), ("make", "made"), ("mean", "meant"), ("meet", "met"), ("pay", "paid"),
            ("ride", "rode ridden"), ("rise", "risen"), ("run", "ran"), ("say", "said"), ("see", "saw seen"),
            ("seek", "sought"), ("sell", "sold"), ("send", "sent"), ("shake", "shook shaken"), ("shine", "shone"),
            ("shoot", "shot"), ("sit", "sat"), ("slay", "slew slain"), ("sleep", "slept"), ("smite", "smote smitten"),
            ("speak", "spoke spoken"), ("spend", "spent"), ("stand", "stood"), ("steal", "stole stolen"),
            ("strike", "struck stricken"), ("swear", "swore sworn"), ("take", "took taken"), ("teach", "taught"),
            ("tear", "tore torn"), ("tell", "told"), ("think", "thought"), ("throw", "threw thrown"),
            ("understand", "understood"), ("wear", "wore worn"), ("weep", "wept"), ("win", "won"),
            ("write", "wrote written"),
            ("man", "men"), ("woman", "women"), ("child", "children"), ("brother", "brethren"), ("foot", "feet"),
            ("tooth", "teeth"), ("mouse", "mice"), ("goose", "geese"), ("ox", "oxen"), ("life", "lives"),
            ("wife", "wives"), ("knife", "knives"), ("thief", "thieves"), ("wolf", "wolves"), ("loaf", "loaves"),
            ("half", "halves"), ("calf", "calves"), ("shelf", "shelves"), ("sheaf", "sheaves"),
        ];
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stem, forms) in table)
        {
            foreach (string form in forms.Split(' ')) d[form] = stem;
        }
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True for English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and
    /// the like, including King James forms (unto, thee, thou, thy, ye, hath, shalt).</summary>
    /// <param name="lowerWord">A lower-case word.</param>
    /// <returns>Whether the word is a stop word.</returns>
    public static bool IsStopWord(ReadOnlySpan<char> lowerWord) => StopWordLookup.Contains(lowerWord);

    /// <summary>
    /// Reduces a lower-case word to a conservative stem: the possessive 's, plural -s/-es/-ies, -ed, -ing and
    /// -ly are removed (mountains → mountain, cities → city, loved → love, running → run, greatly → great,
    /// humbly → humble), and common irregular forms map to their base (gave → give, went → go, men → man,
    /// children → child, said → say, saw → see). Words that only look inflected (hundred, morning, family, news)
    /// are kept. A plural may also lose -ing or -ed (offerings → offer).
    /// </summary>
    /// <param name="lowerWord">A lower-case word.</param>
    /// <returns>The stem; the same instance when nothing changes.</returns>
    public static string Stem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        if (lowerWord.Length > 64) return lowerWord;
        Span<char> buffer = stackalloc char[lowerWord.Length + 2];
        int n = Stem(lowerWord, buffer);
        return buffer[..n].SequenceEqual(lowerWord) ? lowerWord : new string(buffer[..n]);
    }

    /// <summary>Writes the stem of <paramref name="lowerWord"/> (as <see cref="Stem(string)"/>) into <paramref name="destination"/>.</summary>
    /// <param name="lowerWord">A lower-case word.</param>
    /// <param name="destination">At least <c>lowerWord.Length + 2</c> long.</param>
    /// <returns>The length of the stem.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public static int Stem(ReadOnlySpan<char> lowerWord, Span<char> destination)
    {
        if (destination.Length < lowerWord.Length + 2)
            throw new ArgumentException("The destination must be at least two characters longer than the word.", nameof(destination));

        ReadOnlySpan<char> w = lowerWord;
        // Possessive: men's, Moses', God’s.
        if (w.Length > 2 && w[^1] == 's' && w[^2] is '\'' or '’') w = w[..^2];
        else if (w.Length > 1 && w[^1] is '\'' or '’') w = w[..^1];

        if (IrregularLookup.TryGetValue(w, out string? irregular)) return Copy(irregular, destination);
        if (w.Length < 4 || UnchangedLookup.Contains(w)) return Copy(w, destination);

        // Plurals and third person -s; the singular may still carry -ing or -ed (offerings → offering → offer).
        if (w.EndsWith("ies") && w.Length > 4) return Concat(w[..^3], "y", destination);
        bool plural = false;
        if (w.EndsWith("es") && (w[..^2].EndsWith("ss") || w[..^2].EndsWith("x") || w[..^2].EndsWith("z")
            || w[..^2].EndsWith("ch") || w[..^2].EndsWith("sh")))
        {
            w = w[..^2];
            plural = true;
        }
        else if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            w = w[..^1];
            plural = true;
        }
        if (plural)
        {
            if (IrregularLookup.TryGetValue(w, out irregular)) return Copy(irregular, destination);
            if (w.Length < 4 || UnchangedLookup.Contains(w)) return Copy(w, destination);
        }

        // -ed and -ing, with the e or the doubled consonant of the base restored.
        if (!plural && w.EndsWith("ied") && w.Length > 4) return Concat(w[..^3], "y", destination);
        if (!plural && w.EndsWith("ed") && w[^3] != 'e' && HasVowel(w[..^2])) return Restore(w[..^2], destination);
        if (w.EndsWith("ing") && w.Length > 5 && HasVowel(w[..^3])) return Restore(w[..^3], destination);
        if (plural) return Copy(w, destination);

        // -ly: greatly → great, humbly → humble, happily → happy.
        if (w.EndsWith("ly"))
        {
            if (w.EndsWith("ily") && w.Length - 3 >= 4) return Concat(w[..^3], "y", destination);
            if (w.EndsWith("bly") && w.Length - 3 >= 3) return Concat(w[..^3], "ble", destination);
            if (w.Length - 2 >= 4 && w[^3] != 'i') return Copy(w[..^2], destination);
        }
        return Copy(w, destination);
    }

    /// <summary>Restores the base of a stem left by -ed or -ing: stopp → stop, lov → love, locat → locate, believ → believe.</summary>
    private static int Restore(ReadOnlySpan<char> stem, Span<char> destination)
    {
        int n = stem.Length;
        char last = stem[^1];
        if (n >= 3 && last == stem[^2] && !IsVowel(last) && last is not ('l' or 's' or 'z' or 'f'))
            return Copy(stem[..^1], destination);
        // English words do not end in v, c, u, dg, rg; -Cl, -Cat, -iz, a vowel + s mostly take an e (troubled,
        // located, realized, caused); a single short syllable does too (loved, hoped, taking).
        bool e = last is 'v' or 'c' or 'u'
            || stem.EndsWith("dg") || stem.EndsWith("rg") || stem.EndsWith("iz") || stem is "creat"
            || (last == 'l' && n >= 2 && !IsVowel(stem[^2]) && stem[^2] is not ('l' or 'r' or 'w'))
            || (last == 't' && n >= 3 && stem[^2] == 'a' && !IsVowel(stem[^3]))
            || (last == 's' && n >= 3 && IsVowel(stem[^2]) && (stem[^2] != 'u' || IsVowel(stem[^3])))
            || IsShortSyllable(stem);
        return e ? Concat(stem, "e", destination) : Copy(stem, destination);
    }

    /// <summary>One syllable ending consonant-vowel-consonant (not w, x, y): lov(e), giv(e), hop(e); not walk, eat.</summary>
    private static bool IsShortSyllable(ReadOnlySpan<char> stem)
    {
        int n = stem.Length;
        if (n < 2 || IsVowel(stem[^1]) || stem[^1] is 'w' or 'x' or 'y' || !IsVowel(stem[^2])) return false;
        if (n >= 3 && IsVowel(stem[^3])) return false;
        int vowelGroups = 0;
        for (int i = 0; i < n; i++)
        {
            if (IsVowel(stem[i]) && (i == 0 || !IsVowel(stem[i - 1]))) vowelGroups++;
        }
        return vowelGroups == 1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (IsVowel(c) || c == 'y') return true;
        }
        return false;
    }

    private static int Copy(ReadOnlySpan<char> s, Span<char> destination)
    {
        s.CopyTo(destination);
        return s.Length;
    }

    private static int Concat(ReadOnlySpan<char> s, ReadOnlySpan<char> tail, Span<char> destination)
    {
        s.CopyTo(destination);
        tail.CopyTo(destination[s.Length..]);
        return s.Length + tail.Length;
    }
}
