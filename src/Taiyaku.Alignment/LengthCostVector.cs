using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Alignment;

/// <summary>
/// <see cref="GaleChurchCost.BeadCost"/> for four target lengths at a time (AVX2), for one bead type and source length:
/// every operation is the scalar one in the same order (IEEE-exact either way), so a cell's cost does not depend on
/// which path computed it. Shared by the length-only and the anchored search.
/// </summary>
internal readonly unsafe struct LengthCostVector
{
    private readonly Vector256<double> cl1, hvcl1, hv, pc;
    private readonly double* table;

    // table: the pinned GaleChurchCost.Table; the rest as in GaleChurchCost.BeadCost.
    public LengthCostVector(double* table, double l1, double priorCost, double c, double halfVarianceTimesC, double halfVariance)
    {
        this.table = table;
        cl1 = Vector256.Create(c * l1);
        hvcl1 = Vector256.Create(halfVarianceTimesC * l1);
        hv = Vector256.Create(halfVariance);
        pc = Vector256.Create(priorCost);
    }

    /// <summary>The bead costs for target lengths <paramref name="l2"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Cost(Vector256<double> l2)
    {
        var d = l2 - cl1;
        var v = hvcl1 + hv * l2 + Vector256.Create(1e-300);
        var x = Vector256.Abs(d) / Vector256.Sqrt(v) * Vector256.Create((double)GaleChurchCost.StepsPerUnit);
        var limit = Vector256.Create((double)GaleChurchCost.Intervals);
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, limit), x, limit);
        var xi = Avx.ConvertToVector128Int32WithTruncation(x);
        var frac = x - Avx.ConvertToVector256Double(xi);
        var index = Sse2.ShiftLeftLogical(xi, 1);
        var value = Avx2.GatherVector256(table, index, 8);
        var slope = Avx2.GatherVector256(table + 1, index, 8);
        return pc + (value + slope * frac);
    }
}
