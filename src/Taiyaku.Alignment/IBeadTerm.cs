namespace Taiyaku.Alignment;

/// <summary>
/// What a search adds to the Gale &amp; Church length cost of a bead: nothing (<see cref="LengthOnlyTerm"/>) or the
/// anchor score (<see cref="GaleChurchAligner"/>'s anchored term). The one search kernel is generic over it, so that the
/// JIT compiles each kind of search on its own, the length-only one without a trace of the other.
/// </summary>
internal unsafe interface IBeadTerm
{
    /// <summary>Whether <see cref="Adjust"/> changes candidates: when not, the kernel adds and compares in one step.</summary>
    static abstract bool Adjusts { get; }

    /// <summary>Called before row <paramref name="i"/> (source units 0..i−1 consumed) is searched.</summary>
    void BeginRow(int i);

    /// <summary>
    /// Adds the term to tmp[j], the length-cost candidates of the bead of sources pi..i−1 and targets j−b..j−1
    /// (a ≥ 1, b ≥ 1), for j in jStart..jEnd; cur[j] is the best cost of cell j so far.
    /// </summary>
    void Adjust(double* tmp, double* cur, int pi, int i, int a, int b, int jStart, int jEnd);

    /// <summary>
    /// The cost of a bead with an empty side, given its prior cost and length cost: of the source units
    /// <paramref name="from"/>..<paramref name="to"/>−1 (1-0), or of those target units when <paramref name="target"/> (0-b).
    /// </summary>
    double DeletionCost(double priorCost, double lengthCost, bool target, int from, int to);

    /// <summary>The cost of a link on the path, given its bead's prior cost and length cost.</summary>
    double LinkCost(double priorCost, double lengthCost, Link link);
}
