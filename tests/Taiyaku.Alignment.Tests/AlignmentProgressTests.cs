using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>The aligner's progress reports: what each search says, how often, and that reporting changes nothing.</summary>
public class AlignmentProgressTests
{

    /// <summary>A pair of documents long enough for the coarse search (over 2048 units a side), with a drift.</summary>
    private static (int[] Src, int[] Tgt) Long(int n)
    {
        var rng = new Random(7);
        var src = Enumerable.Range(0, n).Select(_ => rng.Next(10, 80)).ToArray();
        var tgt = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (i % 97 == 0) continue;                      // a deleted sentence now and then
            tgt.Add(src[i] * 3 + rng.Next(-5, 6));
            if (i % 131 == 0) tgt.Add(rng.Next(30, 200));  // an inserted one
        }
        return (src, [.. tgt]);
    }

    /// <summary>Each search starts at row 0, goes forward, ends at its total, and reports at most about 100 times.</summary>
    private static void AssertWellFormed(List<AlignmentProgress> reports)
    {
        Assert.NotEmpty(reports);
        foreach (var search in reports.GroupBy(r => r.Search))
        {
            var rows = search.ToList();
            Assert.Equal(0, rows[0].RowsDone);
            Assert.Equal(rows[0].RowsTotal, rows[^1].RowsDone);
            Assert.All(rows, r => Assert.Equal(rows[0].RowsTotal, r.RowsTotal));
            Assert.Equal(rows.Select(r => r.RowsDone).Order(), rows.Select(r => r.RowsDone));
            Assert.InRange(rows.Count, 2, 103);
        }
        // Searches are numbered 1, 2, … in the order they run.
        var order = reports.Select(r => r.Search).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, order.Count), order);
    }

    [Fact]
    public void A_long_alignment_reports_the_coarse_search_then_the_fine_ones_and_the_same_links()
    {
        var (src, tgt) = Long(6000);
        var aligner = new GaleChurchAligner();
        var recorder = new ProgressRecorder();
        var with = aligner.Align(src, tgt, recorder);
        Assert.Equal(aligner.Align(src, tgt).Links, with.Links);
        AssertWellFormed(recorder.Reports);
        // The coarse search (blocks of 8; from 2048 units a side) comes first; the last search has a row per unit, plus one.
        Assert.Equal((6000 + 7) / 8 + 1, recorder.Reports[0].RowsTotal);
        Assert.Equal(6001, recorder.Reports[^1].RowsTotal);
        Assert.Equal(1.0, recorder.Reports[^1].Fraction);
    }

    [Fact]
    public void An_anchored_alignment_numbers_its_length_only_search_and_its_anchored_ones_in_one_sequence()
    {
        var (src, tgt) = Long(500);
        // No anchor in common: no skeleton, so the band follows a length-only alignment first.
        var sa = src.Select((_, i) => new SentenceAnchors([new AnchorKey((ulong)(1000 + i), 0)], [1.0])).ToArray();
        var ta = tgt.Select((_, j) => new SentenceAnchors([new AnchorKey((ulong)(900_000 + j), 0)], [1.0])).ToArray();
        var aligner = new GaleChurchAligner(new GaleChurchOptions { AnchorWeight = 1 });
        var recorder = new ProgressRecorder();
        var with = aligner.Align(src, tgt, sa, ta, null, recorder);
        Assert.Equal(aligner.Align(src, tgt, sa, ta).Links, with.Links);
        AssertWellFormed(recorder.Reports);
        Assert.True(recorder.Reports[^1].Search >= 2, "the length-only search and the anchored one are both reported");
    }

    [Fact]
    public void A_short_search_reports_its_start_and_end_only()
    {
        var recorder = new ProgressRecorder();
        new GaleChurchAligner().Align([10, 20, 30], [30, 60, 90], recorder);
        Assert.Equal([new AlignmentProgress(1, 0, 4), new AlignmentProgress(1, 4, 4)], recorder.Reports);
    }
}
