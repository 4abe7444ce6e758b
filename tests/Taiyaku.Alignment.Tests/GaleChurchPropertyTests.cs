using CsCheck;
using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>Properties of the aligner on random length sequences.</summary>
public class GaleChurchPropertyTests
{
    // Lengths with a fair share of zeros; sides drawn independently, so sizes often differ a lot (and may be 0).
    private static readonly Gen<int> Length = Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, 300]));
    private static readonly Gen<int[]> Side = Length.Array[0, 60];

    // A target side derived from the source as a translation would be: lengths scaled by ~3 with noise, with
    // occasional merges, splits, deletions and insertions — so the best path is near, but not on, the diagonal.
    private static readonly Gen<(int[], int[])> Translated =
        Gen.Select(Gen.Int[1, 120].Array[1, 150], Gen.Int[0, 1_000_000]).Select((src, seed) =>
        {
            var rng = new Random(seed);
            var tgt = new List<int>();
            for (int i = 0; i < src.Length; i++)
            {
                int roll = rng.Next(20);
                int len = (int)(src[i] * 3 * (0.7 + 0.6 * rng.NextDouble()));
                if (roll == 0) continue;                                            // deleted
                if (roll == 1 && i + 1 < src.Length) len += src[++i] * 3;           // 2-1
                if (roll == 2) { tgt.Add(len / 2); len -= len / 2; }                // 1-2
                if (roll == 3) tgt.Add(rng.Next(0, 200));                           // inserted
                tgt.Add(len);
            }
            return (src, tgt.ToArray());
        });

    private static readonly GaleChurchAligner Banded = new();
    private static readonly GaleChurchAligner NarrowBand = new(new GaleChurchOptions { InitialBandWidth = 1 });
    private static readonly GaleChurchAligner Full = new(new GaleChurchOptions { Search = SearchMode.Full });
    private static readonly GaleChurchAligner StandardBanded = new(new GaleChurchOptions { Beads = Bead.Standard });
    private static readonly GaleChurchAligner StandardFull = new(new GaleChurchOptions { Beads = Bead.Standard, Search = SearchMode.Full });

    private static void AssertCovers(AlignmentResult r, int[] src, int[] tgt)
    {
        // AlignmentResult validates on construction; check the invariant independently here as well.
        Assert.Equal(src.Length, r.SourceCount);
        Assert.Equal(tgt.Length, r.TargetCount);
        var seenS = new int[src.Length];
        var seenT = new int[tgt.Length];
        int s = 0, t = 0;
        foreach (var l in r.Links)
        {
            Assert.True(l.SourceCount + l.TargetCount > 0);
            Assert.Equal((s, t), (l.SourceStart, l.TargetStart));
            for (int i = l.SourceStart; i < l.SourceEnd; i++) seenS[i]++;
            for (int j = l.TargetStart; j < l.TargetEnd; j++) seenT[j]++;
            s = l.SourceEnd;
            t = l.TargetEnd;
            Assert.True(double.IsFinite(l.Cost) && l.Cost >= 0);
        }
        Assert.All(seenS, c => Assert.Equal(1, c));
        Assert.All(seenT, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Links_are_monotone_and_cover_every_unit_once()
    {
        Gen.Select(Side, Side).Sample((src, tgt) =>
        {
            AssertCovers(Banded.Align(src, tgt), src, tgt);
            AssertCovers(StandardBanded.Align(src, tgt), src, tgt);
        }, iter: 300);
    }

    [Fact]
    public void Banded_equals_full_on_random_sequences()
    {
        // Same links, costs included: ties are broken identically (same bead order, same arithmetic) in both modes.
        Gen.Select(Side, Side).Sample((src, tgt) =>
            Assert.Equal(Full.Align(src, tgt).Links, Banded.Align(src, tgt).Links), iter: 400);
    }

    [Fact]
    public void Narrow_band_widens_to_a_valid_alignment_never_cheaper_than_full()
    {
        // A band of half-width 1 must be widened and re-centred many times. The banded search is a heuristic (a path
        // may leave the band and come back cheaper), so only validity and the optimality bound are guaranteed.
        Gen.Select(Side, Side).Sample((src, tgt) =>
        {
            var narrow = NarrowBand.Align(src, tgt);
            AssertCovers(narrow, src, tgt);
            Assert.True(narrow.TotalCost >= Full.Align(src, tgt).TotalCost - 1e-9);
        }, iter: 300);
    }

    [Fact]
    public void Band_follows_a_path_far_from_the_diagonal()
    {
        // The target lacks the source's first 60 sentences: the best path runs along the source axis first, far from
        // the diagonal that the first band follows.
        var rng = new Random(11);
        var src = Enumerable.Range(0, 400).Select(_ => rng.Next(1, 200)).ToArray();
        var tgt = src.Skip(60).Select(l => 3 * l + rng.Next(-5, 6)).ToArray();
        var full = Full.Align(src, tgt);
        Assert.Equal(full.Links, new GaleChurchAligner(new GaleChurchOptions { InitialBandWidth = 4 }).Align(src, tgt).Links);
        Assert.Equal(full.Links, Banded.Align(src, tgt).Links);
        Assert.Contains(full.Links, l => l.SourceStart >= 60 && l.TargetStart == l.SourceStart - 60 && l.SourceCount == 1 && l.TargetCount == 1);
    }

    [Fact]
    public void Banded_equals_full_on_translation_like_sequences()
    {
        Translated.Sample((src, tgt) =>
        {
            AssertCovers(Banded.Align(src, tgt), src, tgt);
            AssertCovers(NarrowBand.Align(src, tgt), src, tgt);
            Assert.Equal(Full.Align(src, tgt).Links, Banded.Align(src, tgt).Links);
            Assert.Equal(StandardFull.Align(src, tgt).Links, StandardBanded.Align(src, tgt).Links);
        }, iter: 200);
    }

    [Fact]
    public void Banded_equals_full_on_long_documents_guided_by_a_coarse_alignment()
    {
        // Above GaleChurchAligner.CoarseThreshold units per side the first band follows a coarse alignment.
        var rng = new Random(5);
        for (int doc = 0; doc < 2; doc++)
        {
            var src = Enumerable.Range(0, 2300).Select(_ => rng.Next(1, 120)).ToArray();
            var tgt = new List<int>();
            for (int i = 0; i < src.Length; i++)
            {
                int roll = rng.Next(25), len = (int)(src[i] * 3 * (0.75 + 0.5 * rng.NextDouble()));
                if (roll == 0) continue;
                if (roll == 1 && i + 1 < src.Length) len += 3 * src[++i];
                if (roll == 2) { tgt.Add(len / 2); len -= len / 2; }
                tgt.Add(len);
            }
            Assert.True(tgt.Count >= GaleChurchAligner.CoarseThreshold);
            Assert.Equal(Full.Align(src, tgt.ToArray()).Links, Banded.Align(src, tgt.ToArray()).Links);
        }
    }

    [Fact]
    public void Output_is_deterministic_across_calls_and_threads()
    {
        Translated.Sample((src, tgt) =>
        {
            var first = Banded.Align(src, tgt).Links;
            var again = new List<IReadOnlyList<Link>>();
            Parallel.For(0, 4, _ => { var r = Banded.Align(src, tgt).Links; lock (again) again.Add(r); });
            Assert.All(again, r => Assert.Equal(first, r));
        }, iter: 50);
    }

    [Fact]
    public void Total_cost_is_the_sum_of_link_costs()
    {
        Gen.Select(Side, Side).Sample((src, tgt) =>
        {
            var banded = Banded.Align(src, tgt);
            Assert.Equal(banded.Links.Sum(l => l.Cost), banded.TotalCost, 9);
            // Full search is optimal: a banded result can never cost less.
            Assert.True(banded.TotalCost >= Full.Align(src, tgt).TotalCost - 1e-9);
        }, iter: 200);
    }
}
