using System.Collections.ObjectModel;

namespace Taiyaku.Alignment;

/// <summary>
/// A bead type of the Gale &amp; Church model: how many source and target units one link may join, and its prior probability.
/// </summary>
/// <param name="SourceCount">Number of source units (0 for an insertion).</param>
/// <param name="TargetCount">Number of target units (0 for a deletion).</param>
/// <param name="Probability">Prior probability of the bead, in (0, 1]; its cost contribution is −log of it.</param>
public readonly record struct Bead(int SourceCount, int TargetCount, double Probability)
{
    /// <summary>Largest number of units a bead may take on one side.</summary>
    public const int MaxCount = 8;

    /// <summary>
    /// Gale &amp; Church's (1993) six beads with their priors: 1-1 0.89, 1-0 and 0-1 0.0099 each,
    /// 2-1 and 1-2 0.089 each, 2-2 0.011.
    /// </summary>
    public static IReadOnlyList<Bead> Standard { get; } = new ReadOnlyCollection<Bead>(
    [
        new(1, 1, 0.89),
        new(1, 0, 0.0099),
        new(0, 1, 0.0099),
        new(2, 1, 0.089),
        new(1, 2, 0.089),
        new(2, 2, 0.011),
    ]);

    /// <summary>
    /// The six standard beads plus 1-3 and 3-1 (0.0089 each, a tenth of 2-1), 3-2 and 2-3 (0.0011 each,
    /// a tenth of 2-2) and 3-3 (0.00011). The extra priors are our choice, not the paper's: small enough
    /// that they win only when lengths clearly call for them.
    /// </summary>
    public static IReadOnlyList<Bead> Extended { get; } = new ReadOnlyCollection<Bead>(
    [
        .. Standard,
        new(1, 3, 0.0089),
        new(3, 1, 0.0089),
        new(3, 2, 0.0011),
        new(2, 3, 0.0011),
        new(3, 3, 0.00011),
    ]);
}
