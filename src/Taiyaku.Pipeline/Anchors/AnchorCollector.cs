namespace Taiyaku.Pipeline;

/// <summary>Receives the anchors an <see cref="IAnchorSource"/> finds in one sentence.</summary>
public sealed class AnchorCollector
{
    private readonly List<AnchorItem> _items;
    private readonly int _source;

    internal AnchorCollector(List<AnchorItem> items, int source, WordPool? words = null)
    {
        _items = items;
        _source = source;
        Words = words;
    }

    /// <summary>The document's shared words and memo of items, when the extraction keeps one.</summary>
    internal WordPool? Words { get; }

    /// <summary>
    /// Adds an anchor: <paramref name="key"/> matches the same key given by the same source for a sentence of the other
    /// side (ordinal comparison; normalise case and forms in the source).
    /// </summary>
    /// <param name="key">The key, e.g. the id of a glossary entry.</param>
    /// <param name="weight">Log-odds bonus of a match above what its rarity gives, at least 0 (default 1, as numbers and Latin words).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative or not finite.</exception>
    public void Add(string key, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!(weight >= 0 && double.IsFinite(weight)))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "An anchor's weight must be finite and at least 0.");
        var item = new AnchorItem(weight, null);
        item.AddKey(AnchorKeys.Source(_source, key));
        _items.Add(item);
    }

    /// <summary>
    /// Adds an item of the built-in kinds: its keys are in the built-in key spaces (<see cref="AnchorKeys"/>), shared by
    /// all built-in sources, and any one of them matches (one item counts once); its word is what the learned second pass reads.
    /// </summary>
    internal void AddBuiltIn(AnchorItem item) => _items.Add(item);
}
