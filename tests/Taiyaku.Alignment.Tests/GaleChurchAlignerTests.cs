using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>The dynamic programme on small cases whose answer is clear by hand.</summary>
public class GaleChurchAlignerTests
{
    private static readonly GaleChurchOptions Standard = new() { LengthRatio = 1, Beads = Bead.Standard };

    private static (int S, int SC, int T, int TC)[] Shape(AlignmentResult r) =>
        r.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)).ToArray();

    [Fact]
    public void Identical_lengths_align_one_to_one()
    {
        int[] lengths = [10, 25, 40, 3, 70, 18];
        foreach (var mode in new[] { SearchMode.Banded, SearchMode.Full })
        {
            var r = new GaleChurchAligner(new GaleChurchOptions { Search = mode }).Align(lengths, lengths);
            Assert.Equal(Enumerable.Range(0, 6).Select(i => (i, 1, i, 1)), Shape(r));
            // δ = 0 everywhere: every link costs −ln 0.89.
            Assert.All(r.Links, l => Assert.Equal(-Math.Log(0.89), l.Cost, 12));
        }
    }

    [Fact]
    public void Two_to_one_merge_is_found()
    {
        // Source 1 and 2 together (60 + 40) match target 1 (100).
        var r = new GaleChurchAligner(Standard).Align([80, 60, 40, 120], [80, 100, 120]);
        Assert.Equal([(0, 1, 0, 1), (1, 2, 1, 1), (3, 1, 2, 1)], Shape(r));
    }

    [Fact]
    public void One_to_two_merge_is_found()
    {
        var r = new GaleChurchAligner(Standard).Align([80, 100, 120], [80, 55, 45, 120]);
        Assert.Equal([(0, 1, 0, 1), (1, 1, 1, 2), (3 - 1, 1, 3, 1)], Shape(r));
    }

    [Fact]
    public void Deletion_is_found()
    {
        // A short extra source sentence between two 2-1 beads: absorbing it would need a 3-1 bead (not in the standard
        // set) or would break a good 2-1, so it is deleted. (Under G&C a long unmatched sentence is rarely deleted: its
        // 1-0 cost grows like its length, and a 2-1 merge with a neighbour is cheaper.)
        var r = new GaleChurchAligner(Standard).Align([60, 60, 10, 60, 60], [120, 120]);
        Assert.Equal([(0, 2, 0, 1), (2, 1, 1, 0), (3, 2, 1, 1)], Shape(r));
    }

    [Fact]
    public void Deletion_and_insertion_are_found_when_merges_are_not_available()
    {
        var options = new GaleChurchOptions
        {
            LengthRatio = 1,
            Beads = [new Bead(1, 1, 0.89), new Bead(1, 0, 0.0099), new Bead(0, 1, 0.0099)],
        };
        var aligner = new GaleChurchAligner(options);
        Assert.Equal([(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 1)], Shape(aligner.Align([100, 10, 100], [100, 100])));
        Assert.Equal([(0, 1, 0, 1), (1, 0, 1, 1), (1, 1, 2, 1)], Shape(aligner.Align([100, 100], [100, 10, 100])));
    }

    [Fact]
    public void Extended_beads_are_used_only_when_enabled()
    {
        int[] src = [50, 30, 30, 30, 50], tgt = [50, 90, 50];
        var std = new GaleChurchAligner(Standard).Align(src, tgt);
        Assert.All(std.Links, l => Assert.True(l.SourceCount <= 2 && l.TargetCount <= 2));
        var ext = new GaleChurchAligner(new GaleChurchOptions { LengthRatio = 1, Beads = Bead.Extended }).Align(src, tgt);
        Assert.Equal([(0, 1, 0, 1), (1, 3, 1, 1), (4, 1, 2, 1)], Shape(ext));
        Assert.Equal(-Math.Log(0.0089), ext.Links[1].Cost, 12);
    }

    [Fact]
    public void Default_options_use_the_extended_beads_and_estimate_c()
    {
        var d = GaleChurchOptions.Default;
        Assert.Null(d.LengthRatio);
        Assert.Equal(12, d.Variance);
        Assert.Equal(Bead.Extended, d.Beads);
        Assert.Equal(SearchMode.Banded, d.Search);
        Assert.Same(d, new GaleChurchAligner().Options);
        Assert.Equal(6, Bead.Standard.Count);
        Assert.Equal(11, Bead.Extended.Count);
        Assert.Equal(1.0988, Bead.Standard.Sum(b => b.Probability), 10);
    }

    [Fact]
    public void Length_ratio_is_estimated_from_the_totals()
    {
        Assert.Equal(3, GaleChurchAligner.EstimateLengthRatio(60, 180));
        Assert.Equal(1, GaleChurchAligner.EstimateLengthRatio(0, 180));
        Assert.Equal(1, GaleChurchAligner.EstimateLengthRatio(60, 0));

        // Target three times as long (as English characters are to Japanese ones): with c estimated (= 3) every
        // link is 1-1 with δ = 0; with c = 1 the same input is misaligned.
        int[] ja = [20, 35, 12, 50, 28, 40], en = [60, 105, 36, 150, 84, 120];
        var estimated = new GaleChurchAligner(new GaleChurchOptions { Beads = Bead.Standard }).Align(ja, en);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i, 1, i, 1)), Shape(estimated));
        Assert.All(estimated.Links, l => Assert.Equal(-Math.Log(0.89), l.Cost, 12));
        var fixedOne = new GaleChurchAligner(new GaleChurchOptions { LengthRatio = 1, Beads = Bead.Standard }).Align(ja, en);
        Assert.True(fixedOne.TotalCost > estimated.TotalCost + 10);

        // A 1-2 that only shows at the right ratio: ja 30 ↔ en 45 + 45.
        int[] ja2 = [20, 30, 20, 40], en2 = [60, 45, 45, 60, 120];
        var r = new GaleChurchAligner(new GaleChurchOptions { Beads = Bead.Standard }).Align(ja2, en2);
        Assert.Equal([(0, 1, 0, 1), (1, 1, 1, 2), (2, 1, 3, 1), (3, 1, 4, 1)], Shape(r));
    }

    [Fact]
    public void Empty_inputs()
    {
        var aligner = new GaleChurchAligner();
        var none = aligner.Align([], []);
        Assert.Empty(none.Links);
        Assert.Equal(0, none.TotalCost);
        Assert.Equal([(0, 1, 0, 0), (1, 1, 0, 0), (2, 1, 0, 0)], Shape(aligner.Align([5, 0, 7], [])));
        Assert.Equal([(0, 0, 0, 1), (0, 0, 1, 1)], Shape(aligner.Align([], [4, 9])));
    }

    [Fact]
    public void Zero_length_units_are_aligned()
    {
        var aligner = new GaleChurchAligner();
        var r = aligner.Align([0, 0, 0], [0, 0]);
        Assert.Equal(3, r.SourceCount);
        Assert.True(double.IsFinite(r.TotalCost));
        var mixed = aligner.Align([0, 40, 0, 60], [40, 0, 60]);
        Assert.True(double.IsFinite(mixed.TotalCost));
    }

    [Fact]
    public void Skewed_sizes_are_aligned_in_both_modes()
    {
        var rng = new Random(7);
        var src = Enumerable.Range(0, 300).Select(_ => rng.Next(1, 100)).ToArray();
        var tgt = Enumerable.Range(0, 7).Select(_ => rng.Next(1, 100)).ToArray();
        var banded = new GaleChurchAligner(new GaleChurchOptions { InitialBandWidth = 2 }).Align(src, tgt);
        var full = new GaleChurchAligner(new GaleChurchOptions { Search = SearchMode.Full }).Align(src, tgt);
        Assert.Equal(full.Links, banded.Links);
        Assert.Equal(300, banded.SourceCount);
        Assert.Equal(7, banded.TargetCount);
    }

    [Fact]
    public void Negative_lengths_are_rejected()
    {
        var aligner = new GaleChurchAligner();
        Assert.Throws<ArgumentException>("sourceLengths", () => aligner.Align([3, -1], [3]));
        Assert.Throws<ArgumentException>("targetLengths", () => aligner.Align([3], [-2]));
    }

    [Fact]
    public void Bead_set_that_cannot_cover_the_input_throws()
    {
        var oneToOne = new GaleChurchAligner(new GaleChurchOptions { Beads = [new Bead(1, 1, 0.9)] });
        Assert.Throws<InvalidOperationException>(() => oneToOne.Align([1, 2, 3], [1, 2]));
        Assert.Throws<InvalidOperationException>(() => oneToOne.Align([1], []));
        Assert.Equal(3, oneToOne.Align([1, 2, 3], [1, 2, 3]).Links.Count);
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new GaleChurchAligner().Align([1, 2], [1, 2], cts.Token));
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { LengthRatio = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { LengthRatio = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { Variance = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { InitialBandWidth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { Search = (SearchMode)7 });
        Assert.Throws<ArgumentException>(() => new GaleChurchOptions { Beads = [] });
        Assert.Throws<ArgumentException>(() => new GaleChurchOptions { Beads = [new Bead(0, 0, 0.5)] });
        Assert.Throws<ArgumentException>(() => new GaleChurchOptions { Beads = [new Bead(1, 1, 0)] });
        Assert.Throws<ArgumentException>(() => new GaleChurchOptions { Beads = [new Bead(1, 1, 0.5), new Bead(1, 1, 0.4)] });
        Assert.Throws<ArgumentException>(() => new GaleChurchOptions { Beads = [new Bead(Bead.MaxCount + 1, 1, 0.5)] });
    }

    [Fact]
    public void Options_copy_the_bead_list()
    {
        var list = new List<Bead>(Bead.Standard);
        var options = new GaleChurchOptions { Beads = list };
        list.Clear();
        Assert.Equal(6, options.Beads.Count);
    }
}
