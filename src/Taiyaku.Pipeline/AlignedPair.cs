using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>One link between Japanese and English sentences, with their text and where they stand in the originals.</summary>
/// <param name="JapaneseIndex">Index of the first Japanese sentence of the link.</param>
/// <param name="Japanese">The Japanese sentences (none for an English sentence without counterpart).</param>
/// <param name="EnglishIndex">Index of the first English sentence.</param>
/// <param name="English">The English sentences (none for a Japanese sentence without counterpart).</param>
/// <param name="Cost">The link's cost under the model (lower is better).</param>
/// <param name="Score">Calibrated probability that the link is right; NaN when scores are off.</param>
public sealed record AlignedPair(int JapaneseIndex, IReadOnlyList<Segment> Japanese, int EnglishIndex, IReadOnlyList<Segment> English, double Cost, double Score)
{
    /// <summary>The Japanese sentences joined (Japanese needs no space between sentences).</summary>
    public string JapaneseText => string.Concat(Japanese.Select(s => s.Text));

    /// <summary>The English sentences joined with a space.</summary>
    public string EnglishText => string.Join(" ", English.Select(s => s.Text));
}
