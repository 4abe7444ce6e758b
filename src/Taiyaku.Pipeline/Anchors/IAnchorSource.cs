namespace Taiyaku.Pipeline;

/// <summary>
/// A source of lexical anchors of your own, added with <see cref="DocumentAlignerBuilder.AddAnchorSource"/> beside the
/// built-in kinds (<see cref="AnchorOptions"/>): for each sentence it names keys, and a Japanese and an English
/// sentence holding the same key of the same source are evidence that they translate each other (weighed like the
/// built-in anchors: the rarer the key on the other side, the more it counts). A terminology list or a glossary is one
/// (<see cref="GlossaryAnchorSource"/>). The built-in kinds are sources behind this interface too, chosen by
/// <see cref="AnchorOptions"/>; yours come before them. Implementations must be thread-safe: one aligner serves many threads.
/// </summary>
public interface IAnchorSource
{
    /// <summary>Adds the keys of a Japanese sentence to <paramref name="anchors"/>.</summary>
    void AddJapanese(string sentence, AnchorCollector anchors);

    /// <summary>Adds the keys of an English sentence to <paramref name="anchors"/>.</summary>
    void AddEnglish(string sentence, AnchorCollector anchors);
}
