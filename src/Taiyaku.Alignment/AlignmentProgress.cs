namespace Taiyaku.Alignment;

/// <summary>
/// How far an alignment has come: the search of the dynamic programme under way and how many of its rows (source
/// positions) are done. An alignment runs one or more searches (for long texts a coarse alignment first, then one
/// search per band tried, and with anchors a length-only or anchored pass before the final one); how many is known
/// only at the end, so there is no share of the whole: <see cref="Search"/> counts the searches from 1 in the order
/// they run, and <see cref="RowsDone"/> of <see cref="RowsTotal"/> measures the current one (its time grows with its
/// rows, so a rate over rows gives the time it has left).
/// </summary>
/// <remarks>
/// Each search reports <see cref="RowsDone"/> = 0 first, then about every 1 % of its rows (at most once every 64
/// rows), then <see cref="RowsDone"/> = <see cref="RowsTotal"/>. Reports are made synchronously on the aligning thread:
/// an <see cref="IProgress{T}"/> given to an aligner should return quickly and be thread-safe if it is shared.
/// </remarks>
/// <param name="Search">The search under way, 1 for the first of an alignment.</param>
/// <param name="RowsDone">Rows of the search done, from 0 to <paramref name="RowsTotal"/>.</param>
/// <param name="RowsTotal">Rows of the search (source units + 1).</param>
public readonly record struct AlignmentProgress(int Search, int RowsDone, int RowsTotal)
{
    /// <summary>The share of the current search done, from 0 to 1.</summary>
    public double Fraction => RowsTotal > 0 ? (double)RowsDone / RowsTotal : 1;
}
