using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Taiyaku.Alignment;

/// <summary>
/// The length-match part of the Gale &amp; Church cost: −log P(δ | match) with P(δ) = 2(1 − Φ(|δ|)) = erfc(|δ|/√2),
/// exact and tabulated.
/// </summary>
internal static class GaleChurchCost
{
    /// <summary>Table points per unit of |δ|.</summary>
    internal const int StepsPerUnit = 64;

    /// <summary>End of the table in |δ|; beyond it the cost is held constant (the floor on P(δ)).</summary>
    internal const double TableLimit = 64;

    /// <summary>Number of table intervals.</summary>
    internal const int Intervals = (int)(TableLimit * StepsPerUnit);

    // Interleaved (value, slope) pairs so that one lookup touches one cache line.
    internal static readonly double[] Table = BuildTable();

    private static double[] BuildTable()
    {
        var t = new double[2 * (Intervals + 1)];
        double prev = NegLogTail(0);
        for (int i = 0; i <= Intervals; i++)
        {
            double next = NegLogTail((i + 1) / (double)StepsPerUnit);
            t[2 * i] = prev;
            t[2 * i + 1] = next - prev;
            prev = next;
        }
        return t;
    }

    /// <summary>
    /// −log erfc(|δ|/√2) for δ ≥ 0, from the table with linear interpolation (absolute error below 3.1e-5). Beyond
    /// <see cref="TableLimit"/> the value is held at the table's last value (≈ 2053): this is the floor on P(δ)
    /// (≈ e^−2053) that keeps log(0) away, and such a bead is hopeless anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double NegLogTailFast(double delta)
    {
        double x = delta * StepsPerUnit;
        x = x < Intervals ? x : Intervals;   // also maps NaN to the floor
        int i = (int)x;
        ref double p = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), 2 * i);
        return p + Unsafe.Add(ref p, 1) * (x - i);
    }

    /// <summary>
    /// The Gale &amp; Church cost of one bead: −log P(bead) − log P(δ | match), with
    /// δ = (l₂ − c·l₁)/√(s²·c·m), m = (l₁ + l₂/c)/2 — the symmetric form of NLTK's gale_church, with the variance
    /// taken per unit of target-scale length (c·m) so that s² means the same whatever the units of either side; for
    /// c = 1 it is exactly G&amp;C's δ. Both lengths 0 give δ = 0. Deletions and insertions use the same formula with the
    /// other side 0.
    /// </summary>
    /// <param name="priorCost">−log P(bead).</param>
    /// <param name="l1">Source length of the bead.</param>
    /// <param name="l2">Target length of the bead.</param>
    /// <param name="c">Length ratio c.</param>
    /// <param name="halfVarianceTimesC">s²·c/2.</param>
    /// <param name="halfVariance">s²/2.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double BeadCost(double priorCost, double l1, double l2, double c, double halfVarianceTimesC, double halfVariance) =>
        priorCost + NegLogTailFast(AbsDelta(l1, l2, c, halfVarianceTimesC, halfVariance));

    /// <summary>|δ| of a bead (see <see cref="BeadCost"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double AbsDelta(double l1, double l2, double c, double halfVarianceTimesC, double halfVariance)
    {
        double d = l2 - c * l1;
        // v = 0 only when both lengths are 0, and then d = 0: the tiny addend turns 0/0 into 0 without a branch.
        double v = halfVarianceTimesC * l1 + halfVariance * l2 + 1e-300;
        return Math.Abs(d) / Math.Sqrt(v);
    }

    /// <summary>δ of a bead, as in <see cref="BeadCost"/> (for tests and diagnostics).</summary>
    internal static double Delta(double l1, double l2, double c, double variance)
    {
        double v = variance * c * (l1 + l2 / c) / 2;
        return v > 0 ? (l2 - c * l1) / Math.Sqrt(v) : 0;
    }

    /// <summary>
    /// Exact −log P(δ) = −log erfc(|δ|/√2), computed in the log domain for large |δ| so that it never takes log(0).
    /// </summary>
    internal static double NegLogTail(double delta)
    {
        double z = Math.Abs(delta) / Math.Sqrt(2);
        if (z < 2)
            return -Math.Log(Math.Max(Erfc(z), double.Epsilon));
        // erfc(z) = exp(−z²)/√π · K(z): take the log of each factor instead of the underflowing product.
        return z * z + 0.5 * Math.Log(Math.PI) - Math.Log(ErfcContinuedFraction(z));
    }

    /// <summary>
    /// The complementary error function, accurate to a few ulps in relative terms for z ≥ 0 (absolute 1e-16 for z &lt; 0).
    /// .NET has no Math.Erfc.
    /// </summary>
    internal static double Erfc(double z)
    {
        if (double.IsNaN(z)) return double.NaN;
        if (z < 0) return 2 - Erfc(-z);
        if (z < 2)
        {
            // erf(z) = 2/√π · exp(−z²) · Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1)): positive terms, no cancellation.
            double term = z, sum = z, z2 = 2 * z * z;
            for (int n = 1; n < 200; n++)
            {
                term *= z2 / (2 * n + 1);
                sum += term;
                if (term < sum * 1e-17) break;
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * Math.Exp(-z * z) * sum;
        }
        return Math.Exp(-z * z) / Math.Sqrt(Math.PI) * ErfcContinuedFraction(z);
    }

    /// <summary>K(z) = 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), so that erfc(z) = exp(−z²)/√π · K(z); for z ≥ 2.</summary>
    private static double ErfcContinuedFraction(double z)
    {
        // Modified Lentz evaluation of b0 + a1/(b1 + a2/(b2 + …)) with b = z, a_k = k/2.
        const double tiny = 1e-300;
        double f = z, c = z, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k * 0.5;
            d = z + a * d;
            if (d == 0) d = tiny;
            d = 1 / d;
            c = z + a / c;
            if (c == 0) c = tiny;
            double step = c * d;
            f *= step;
            if (Math.Abs(step - 1) < 1e-16) break;
        }
        return 1 / f;
    }
}
