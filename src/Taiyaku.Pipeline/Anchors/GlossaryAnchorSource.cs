namespace Taiyaku.Pipeline;

/// <summary>
/// Anchors from a glossary or terminology list: a Japanese sentence that contains an entry's Japanese term and an
/// English sentence that contains its English term (as whole words, ignoring case) share that entry's key. Immutable
/// and thread-safe. Each sentence is checked against every entry, so the cost grows with the glossary's size: meant for
/// project glossaries of up to some thousands of terms, not whole dictionaries (use a lexicon for those).
/// </summary>
public sealed class GlossaryAnchorSource : IAnchorSource
{
    private readonly (string Japanese, string English)[] _entries;
    private readonly double _weight;

    /// <summary>Creates the source.</summary>
    /// <param name="entries">Japanese term and its English term; an empty term is refused.</param>
    /// <param name="weight">Log-odds bonus of a match (see <see cref="AnchorCollector.Add"/>); default 1.</param>
    /// <exception cref="ArgumentException">A term is empty or white space.</exception>
    public GlossaryAnchorSource(IEnumerable<(string Japanese, string English)> entries, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.Select(e =>
        {
            if (string.IsNullOrWhiteSpace(e.Japanese) || string.IsNullOrWhiteSpace(e.English))
                throw new ArgumentException("A glossary term is empty.", nameof(entries));
            return (e.Japanese.Trim(), e.English.Trim());
        }).ToArray();
        if (!(weight >= 0 && double.IsFinite(weight)))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be finite and at least 0.");
        _weight = weight;
    }

    /// <inheritdoc/>
    public void AddJapanese(string sentence, AnchorCollector anchors)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(anchors);
        for (int k = 0; k < _entries.Length; k++)
            if (sentence.Contains(_entries[k].Japanese, StringComparison.Ordinal)) anchors.Add(Key(k), _weight);
    }

    /// <inheritdoc/>
    public void AddEnglish(string sentence, AnchorCollector anchors)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(anchors);
        for (int k = 0; k < _entries.Length; k++)
            if (ContainsWord(sentence, _entries[k].English)) anchors.Add(Key(k), _weight);
    }

    // Entries with the same English term share a key: two Japanese spellings of one term are one anchor.
    private string Key(int k) => _entries[k].English.ToLowerInvariant();

    private static bool ContainsWord(string sentence, string term)
    {
        for (int at = sentence.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = sentence.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool before = at == 0 || !char.IsLetterOrDigit(sentence[at - 1]);
            int end = at + term.Length;
            bool after = end == sentence.Length || !char.IsLetterOrDigit(sentence[end]);
            if (before && after) return true;
        }
        return false;
    }
}
