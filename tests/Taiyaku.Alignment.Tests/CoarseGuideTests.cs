using Taiyaku.Alignment;
using Taiyaku.Testing;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// The coarse alignment that guides a long document's first band: on a noisy translation it must lie close enough to
/// the true path that the finer bands need not widen.
/// </summary>
public class CoarseGuideTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_two_finest_levels_are_searched_once_on_a_noisy_translation(int seed)
    {
        // 300,000 units: the finest level, blocks of 8 and of 64 (searched as coarse levels), blocks of 512 (the
        // diagonal). Measured before blocks had their own length model: the blocks of 8 were searched three times,
        // their band widened to 16 times the first, because the blocks of 64 were aligned hundreds of units off.
        var (src, tgt) = NoisyTranslation.Lengths(300_000, seed);
        var recorder = new ProgressRecorder();
        var aligner = new GaleChurchAligner(new GaleChurchOptions { Variance = 7 });
        aligner.Align(src, tgt, recorder);
        var rows = recorder.Reports.Where(r => r.RowsDone == 0).Select(r => r.RowsTotal).ToList();
        Assert.Equal(1, rows.Count(r => r == src.Length + 1));
        Assert.Equal(1, rows.Count(r => r == (src.Length + 7) / 8 + 1));
    }
}
