namespace Taiyaku.Alignment;

/// <summary>
/// One bead of an alignment: a contiguous range of source units aligned to a contiguous range of target units.
/// Either range may be empty (a deletion or an insertion), but not both.
/// </summary>
/// <param name="SourceStart">Index of the first source unit (0-based). For an empty range, the position it sits at.</param>
/// <param name="SourceCount">Number of source units in the link (0 for an insertion).</param>
/// <param name="TargetStart">Index of the first target unit (0-based). For an empty range, the position it sits at.</param>
/// <param name="TargetCount">Number of target units in the link (0 for a deletion).</param>
/// <param name="Cost">The link's cost under the model that produced it (lower is better; 0 when unknown).</param>
/// <param name="Score">Confidence that the link is right, a calibrated probability in [0, 1]; NaN when not computed.</param>
public readonly record struct Link(int SourceStart, int SourceCount, int TargetStart, int TargetCount, double Cost = 0, double Score = double.NaN)
{
    /// <summary>Index one past the last source unit.</summary>
    public int SourceEnd => SourceStart + SourceCount;

    /// <summary>Index one past the last target unit.</summary>
    public int TargetEnd => TargetStart + TargetCount;
}
