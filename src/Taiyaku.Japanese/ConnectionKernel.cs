using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Japanese;

/// <summary>
/// The Viterbi step for one right node: the first left node with the smallest path cost plus connection cost, over
/// left nodes held as arrays (cost, right context id). The vector path runs in 32-bit lanes, exact only while every
/// left cost lies in <see cref="MinCost"/>..<see cref="MaxCost"/>; the caller checks that and otherwise takes the
/// 64-bit scalar path, as mecab's <c>long</c> costs do.
/// </summary>
internal static unsafe class ConnectionKernel
{
    /// <summary>Smallest left cost for the 32-bit path: adding any 16-bit connection cost cannot wrap.</summary>
    public const int MinCost = int.MinValue + 65536;

    /// <summary>Largest left cost for the 32-bit path: real totals then stay below <see cref="PadCost"/>'s totals.</summary>
    public const int MaxCost = int.MaxValue - 131072;

    /// <summary>The cost of the padding lanes up to a multiple of <see cref="Width"/>: never smaller than a real total.</summary>
    public const int PadCost = int.MaxValue - 32768;

    public const int Width = 8;

    /// <summary>Whether the vector path can run on this machine.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// <see cref="FirstMin"/> for one vector of left nodes (up to <see cref="Width"/>, padded), held in registers by the
    /// caller across right nodes: the first lane holding the smallest total is the first minimum, found from the
    /// equality mask instead of tracking indices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstMin8(Vector256<int> cost, Vector256<int> right, short* row, out int total)
    {
        var c = Total(cost, right, row);
        var m = HorizontalMin(c);
        total = m.ToScalar();
        return BitOperations.TrailingZeroCount(Avx.MoveMask(Avx2.CompareEqual(c, m).AsSingle()));
    }

    /// <summary><see cref="FirstMin8"/> for two vectors of left nodes (up to 2 × <see cref="Width"/>, padded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstMin16(Vector256<int> cost0, Vector256<int> right0, Vector256<int> cost1, Vector256<int> right1, short* row, out int total)
    {
        var c0 = Total(cost0, right0, row);
        var c1 = Total(cost1, right1, row);
        var m = HorizontalMin(Avx2.Min(c0, c1));
        total = m.ToScalar();
        int mask = Avx.MoveMask(Avx2.CompareEqual(c0, m).AsSingle());
        return mask != 0
            ? BitOperations.TrailingZeroCount(mask)
            : Width + BitOperations.TrailingZeroCount(Avx.MoveMask(Avx2.CompareEqual(c1, m).AsSingle()));
    }

    // Left cost plus the connection cost gathered from the row at each left node's right id.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Total(Vector256<int> cost, Vector256<int> right, short* row)
    {
        var raw = Avx2.GatherVector256((int*)row, right, 2);
        // The low 16 bits of each gathered int are the short at row[right[k]]: sign-extend them.
        return Avx2.Add(cost, Avx2.ShiftRightArithmetic(Avx2.ShiftLeftLogical(raw, 16), 16));
    }

    // The smallest lane, in every lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> HorizontalMin(Vector256<int> v)
    {
        var m = Avx2.Min(v, Avx2.Permute2x128(v, v, 1));
        m = Avx2.Min(m, Avx2.Shuffle(m, 0b01_00_11_10));
        return Avx2.Min(m, Avx2.Shuffle(m, 0b10_11_00_01));
    }

    /// <summary>
    /// Over <paramref name="count"/> left nodes (padded to a multiple of <see cref="Width"/> with <see cref="PadCost"/>
    /// and id 0), the index of the first smallest <c>cost[k] + row[right[k]]</c> and that total.
    /// <paramref name="row"/> is the matrix row of the right node's left id; the gather reads 4 bytes per entry, so the
    /// 2 bytes after the matrix must be readable (<see cref="ConnectionMatrix.GatherSafe"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstMin(int* cost, int* right, int count, short* row, out int total)
    {
        var best = Vector256.Create(int.MaxValue);
        var bestIndex = Vector256<int>.Zero;
        var index = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var step = Vector256.Create(Width);
        for (int k = 0; k < count; k += Width)
        {
            var raw = Avx2.GatherVector256((int*)row, Avx.LoadVector256(right + k), 2);
            // The low 16 bits of each gathered int are the short at row[right[k]]: sign-extend them.
            var connection = Avx2.ShiftRightArithmetic(Avx2.ShiftLeftLogical(raw, 16), 16);
            var c = Avx2.Add(Avx.LoadVector256(cost + k), connection);
            // Strictly smaller only, so each lane keeps its first minimum.
            var smaller = Avx2.CompareGreaterThan(best, c);
            best = Avx2.BlendVariable(best, c, smaller);
            bestIndex = Avx2.BlendVariable(bestIndex, index, smaller);
            index = Avx2.Add(index, step);
        }
        // The smallest total across lanes, then the smallest index holding it: the first minimum overall.
        var m = Avx2.Min(best, Avx2.Permute2x128(best, best, 1));
        m = Avx2.Min(m, Avx2.Shuffle(m, 0b01_00_11_10));
        m = Avx2.Min(m, Avx2.Shuffle(m, 0b10_11_00_01));
        var candidates = Avx2.BlendVariable(Vector256.Create(int.MaxValue), bestIndex, Avx2.CompareEqual(best, m));
        var i = Avx2.Min(candidates, Avx2.Permute2x128(candidates, candidates, 1));
        i = Avx2.Min(i, Avx2.Shuffle(i, 0b01_00_11_10));
        i = Avx2.Min(i, Avx2.Shuffle(i, 0b10_11_00_01));
        total = m.ToScalar();
        return i.ToScalar();
    }
}
