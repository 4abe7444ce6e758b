using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// The vector Viterbi step against the scalar rule it replaces (mecab's: the first left node with the smallest
/// total wins), on random inputs with many ties, negative costs and the padding the analyser adds.
/// </summary>
public unsafe class ConnectionKernelTests
{
    [SkippableFact]
    public void First_min_matches_the_scalar_rule()
    {
        Skip.IfNot(ConnectionKernel.IsSupported, "AVX2 is not available on this machine: the vector step is not used here");
        var random = new Random(16);
        const int columns = 300;
        // One element more than the row: the gather reads 4 bytes at the last one.
        short[] row = new short[columns + 1];
        for (int trial = 0; trial < 20_000; trial++)
        {
            // Small ranges make equal totals common, so the tie order is tested too.
            bool ties = trial % 2 == 0;
            for (int c = 0; c < columns; c++) row[c] = (short)(ties ? random.Next(-3, 4) : random.Next(short.MinValue, short.MaxValue + 1));
            int n = random.Next(1, 41);
            int padded = (n + ConnectionKernel.Width - 1) & -ConnectionKernel.Width;
            int[] cost = new int[padded], right = new int[padded];
            for (int k = 0; k < n; k++)
            {
                cost[k] = ties ? random.Next(-3, 4) : random.Next(ConnectionKernel.MinCost, ConnectionKernel.MaxCost + 1);
                right[k] = random.Next(columns);
            }
            for (int k = n; k < padded; k++) cost[k] = ConnectionKernel.PadCost;

            long best = long.MaxValue;
            int expected = -1;
            for (int k = 0; k < n; k++)
            {
                long total = (long)cost[k] + row[right[k]];
                if (total < best) { best = total; expected = k; }
            }

            int index, actual;
            fixed (int* pc = cost, pr = right)
            fixed (short* prow = row)
                index = ConnectionKernel.FirstMin(pc, pr, padded, prow, out actual);
            Assert.True(expected == index && best == actual, $"trial {trial}, n {n}: expected {expected} ({best}), got {index} ({actual})");

            // The one- and two-vector forms the analyser keeps in registers must agree.
            if (padded > 2 * ConnectionKernel.Width) continue;
            fixed (int* pc = cost, pr = right)
            fixed (short* prow = row)
            {
                var c0 = Avx.LoadVector256(pc);
                var r0 = Avx.LoadVector256(pr);
                index = padded == ConnectionKernel.Width
                    ? ConnectionKernel.FirstMin8(c0, r0, prow, out actual)
                    : ConnectionKernel.FirstMin16(c0, r0, Avx.LoadVector256(pc + ConnectionKernel.Width),
                        Avx.LoadVector256(pr + ConnectionKernel.Width), prow, out actual);
            }
            Assert.True(expected == index && best == actual, $"trial {trial}, n {n} (vector form): expected {expected} ({best}), got {index} ({actual})");
        }
    }
}
