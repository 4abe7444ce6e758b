using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// The coarse alignment that guides a long document's first band: on a noisy translation it must lie close enough to
/// the true path that the finer bands need not widen.
/// </summary>
public class CoarseGuideTests
{
    private sealed class Recorder : IProgress<AlignmentProgress>
    {
        public List<AlignmentProgress> Reports { get; } = [];

        public void Report(AlignmentProgress value) => Reports.Add(value);
    }

    /// <summary>
    /// A translation as the speed issue measures it: Japanese sentences of 8–60 characters (3 bytes each), English
    /// 2.4 times as many bytes × U(0.8, 1.25), 1% of the English dropped and 4% split in two.
    /// </summary>
    private static (int[] Src, int[] Tgt) Noisy(int n, int seed)
    {
        var rng = new Random(seed);
        var src = new int[n];
        var tgt = new List<int>(n + n / 20);
        for (int i = 0; i < n; i++)
        {
            int chars = rng.Next(8, 61);
            src[i] = 3 * chars;
            int len = (int)(2.4 * chars * (0.8 + 0.45 * rng.NextDouble()));
            double roll = rng.NextDouble();
            if (roll < 0.01) continue;
            if (roll < 0.05) { tgt.Add(len / 2); tgt.Add(len - len / 2); }
            else tgt.Add(len);
        }
        return (src, [.. tgt]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_two_finest_levels_are_searched_once_on_a_noisy_translation(int seed)
    {
        // 300,000 units: the finest level, blocks of 8 and of 64 (searched as coarse levels), blocks of 512 (the
        // diagonal). Measured before blocks had their own length model: the blocks of 8 were searched three times,
        // their band widened to 16 times the first, because the blocks of 64 were aligned hundreds of units off.
        var (src, tgt) = Noisy(300_000, seed);
        var recorder = new Recorder();
        var aligner = new GaleChurchAligner(new GaleChurchOptions { Variance = 7 });
        aligner.Align(src, tgt, recorder);
        var rows = recorder.Reports.Where(r => r.RowsDone == 0).Select(r => r.RowsTotal).ToList();
        Assert.Equal(1, rows.Count(r => r == src.Length + 1));
        Assert.Equal(1, rows.Count(r => r == (src.Length + 7) / 8 + 1));
    }
}
