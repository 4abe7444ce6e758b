using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Taiyaku.Edict;

/// <summary>Turns an EDICT gloss such as <c>to move (in a direction)</c> into lower-case English content words.</summary>
internal static class GlossWords
{
    /// <summary>
    /// Function words, light verbs and the dictionary's own placeholders ("something", "one's", "etc."): words that
    /// would match almost any English sentence and so say nothing about whether two sentences are translations.
    /// </summary>
    internal static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        // articles, particles, prepositions, conjunctions
        "a", "an", "the", "to", "of", "and", "or", "but", "nor", "if", "then", "than", "so", "as", "at", "by", "for",
        "from", "in", "into", "on", "onto", "off", "out", "over", "under", "up", "down", "with", "without", "within",
        "about", "above", "below", "after", "before", "between", "through", "during", "upon", "via", "per", "against",
        "among", "around", "toward", "towards", "across", "along", "behind", "beyond", "whether", "while", "because",
        "though", "although", "unless", "until", "till", "since",
        // be, auxiliaries, light verbs
        "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having", "do", "does", "did",
        "doing", "done", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "get", "gets", "got",
        "gotten", "getting", "make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "give",
        "gives", "gave", "given", "giving", "put", "puts", "putting", "let", "lets",
        // pronouns, determiners, quantifiers
        "i", "me", "my", "myself", "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her",
        "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "they", "them", "their", "theirs",
        "themselves", "this", "that", "these", "those", "there", "here", "which", "who", "whom", "whose", "what", "when",
        "where", "why", "how", "not", "no", "any", "some", "all", "each", "every", "both", "either", "neither", "such",
        "other", "another", "more", "most", "much", "many", "few", "less", "least", "own", "same", "very", "too", "also",
        "just", "only", "even", "still", "yet", "again", "ever", "quite", "rather", "somewhat", "etc",
        // the dictionary's placeholders and abbreviations
        "one", "one's", "ones", "oneself", "someone", "someone's", "somebody", "something", "something's", "somewhere",
        "anyone", "anything", "everyone", "everything", "nothing", "esp", "usu", "eg", "ie", "cf",
        "sb", "sth", "vs", "viz", "kind", "sort", "type", "way", "certain", "particular", "various",
        // grammatical descriptions rather than translations
        "particle", "suffix", "prefix", "copula", "auxiliary", "nominalizer", "nominalizing", "honorific",
    ], StringComparer.Ordinal);

    /// <summary>First words that mark a gloss as a description of usage ("indicates ...", "counter for ...").</summary>
    private static readonly FrozenSet<string> DescriptionStarts = FrozenSet.ToFrozenSet(
    [
        "indicates", "indicating", "indicate", "used", "counter", "particle", "suffix", "prefix", "nominalizing",
        "denotes", "denoting", "expresses", "expressing", "emphasizes", "emphasizing", "emphatic", "honorific", "refers",
        "referring", "euphemism", "euphemistic", "abbreviation", "see", "word", "term", "sentence",
        "marks", "marker", "verb", "noun", "adjective",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The content words of one gloss, in order (duplicates kept); empty for glosses that describe usage rather than
    /// translate, for English affixes ("-ian"), and for glosses longer than <paramref name="maxWords"/> content words
    /// (definitions, not translations).
    /// </summary>
    public static List<string> Extract(string gloss, int maxWords)
    {
        var words = new List<string>();
        string text = FoldToAscii(RemoveBracketed(gloss)).ToLowerInvariant().Trim();
        if (text.StartsWith('-') || text.EndsWith('-')) return words;   // affixes: "-ian (e.g. Italian)", "pre-"
        var tokens = Tokenize(text);
        if (tokens.Count > 1 && DescriptionStarts.Contains(tokens[0])) return words;
        foreach (string t in tokens)
        {
            if (t.Length < 2 || StopWords.Contains(t) || t.All(c => char.IsAsciiDigit(c) || c == '\'')) continue;
            words.Add(t);
        }
        if (words.Count > maxWords) words.Clear();
        return words;
    }

    /// <summary>Removes <c>(...)</c>, <c>[...]</c> and <c>{...}</c> notes, nested or not.</summary>
    internal static string RemoveBracketed(string s)
    {
        var sb = new StringBuilder(s.Length);
        int depth = 0;
        foreach (char c in s)
        {
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') { if (depth > 0) depth--; }
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Drops diacritics (Tōkaidō → Tokaido) and maps typographic apostrophes to ASCII.</summary>
    private static string FoldToAscii(string s)
    {
        bool plain = true;
        foreach (char c in s) if (c > 0x7F) { plain = false; break; }
        if (plain) return s;
        var sb = new StringBuilder(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is '\u2019' or '\u2018' ? '\'' : c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Splits on anything but letters, digits and inner apostrophes (hyphenated words become two words, as ICU's word
    /// rules split them); a possessive <c>'s</c> is dropped (children's → children).
    /// </summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                   || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1])))) i++;
            string token = text[start..i];
            if (token.EndsWith("'s", StringComparison.Ordinal) && !StopWords.Contains(token)) token = token[..^2];
            tokens.Add(token);
        }
        return tokens;
    }
}
