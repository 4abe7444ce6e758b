namespace Taiyaku.Pipeline;

/// <summary>One anchor item of a sentence before it is packed into <see cref="Taiyaku.Alignment.SentenceAnchors"/>.</summary>
internal sealed class AnchorItem(double weight, string? word)
{
    public double Weight { get; set; } = weight;

    /// <summary>The word the translation model sees: a Japanese base form or an English stem; null for numbers and punctuation.</summary>
    public string? Word { get; } = word;

    /// <summary>The keys any one of which matches: one item counts once however many of its keys match.</summary>
    public List<ulong> Keys { get; } = [];
}
