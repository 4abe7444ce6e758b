namespace Taiyaku.Features;

/// <summary>
/// A Japanese-to-English word lexicon used for lexical anchors. Implementations are immutable and thread-safe.
/// </summary>
public interface IBilingualLexicon
{
    /// <summary>
    /// Looks up a Japanese dictionary form (as the morphological analyzer gives it: kanji, kana or mixed).
    /// </summary>
    /// <param name="japanese">The dictionary form to look up.</param>
    /// <param name="englishWords">Lower-case English content words of its translations (no stop words), or empty.</param>
    /// <returns><see langword="true"/> when the word is in the lexicon.</returns>
    bool TryGetTranslations(string japanese, out IReadOnlyList<string> englishWords);
}
