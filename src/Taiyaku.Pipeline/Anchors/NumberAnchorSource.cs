using Taiyaku.Features;

namespace Taiyaku.Pipeline;

/// <summary>
/// The built-in number anchors (<see cref="AnchorOptions.Numbers"/>): numbers and dates, normalised across scripts and
/// scales (６兆円 ↔ 6 trillion yen), one item per number. Immutable and thread-safe.
/// </summary>
internal sealed class NumberAnchorSource(double weight) : IAnchorSource
{
    /// <summary>Log-odds bonus of a match (<see cref="AnchorOptions.NumberWeight"/>).</summary>
    public double Weight { get; } = weight;

    public void AddJapanese(string sentence, AnchorCollector anchors) => Add(sentence, anchors, japanese: true);

    public void AddEnglish(string sentence, AnchorCollector anchors) => Add(sentence, anchors, japanese: false);

    private void Add(string sentence, AnchorCollector anchors, bool japanese)
    {
        var values = new List<decimal>();
        if (japanese) Numbers.ExtractJapanese(sentence, values);
        else Numbers.ExtractEnglish(sentence, values);
        foreach (var v in values)
            anchors.AddBuiltIn(AnchorItem.WithKey(Weight, null, AnchorKeys.Number(v)));
    }
}
