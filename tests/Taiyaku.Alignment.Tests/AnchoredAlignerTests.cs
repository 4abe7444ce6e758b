using CsCheck;
using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>The aligner with lexical anchors, and <see cref="SentenceAnchors"/> itself.</summary>
public class AnchoredAlignerTests
{
    private static SentenceAnchors Anchors(params ulong[] keys) =>
        new(keys.Select((k, i) => new AnchorKey(k, i)).ToArray(), keys.Select(_ => 1.0).ToArray());

    private static SentenceAnchors[] None(int n) => Enumerable.Repeat(SentenceAnchors.Empty, n).ToArray();

    [Fact]
    public void Without_anchors_the_result_is_the_length_only_alignment()
    {
        int[] src = [20, 35, 18, 60, 22, 41, 9, 30];
        int[] tgt = [61, 100, 55, 90, 88, 70, 120, 27, 95];
        var aligner = new GaleChurchAligner();
        var plain = aligner.Align(src, tgt);
        var anchored = aligner.Align(src, tgt, None(src.Length), None(tgt.Length));
        Assert.Equal(plain.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)),
                     anchored.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
    }

    [Fact]
    public void Anchors_overrule_misleading_lengths()
    {
        // Source sentence 1 has no counterpart (a deletion), but lengths alone hide it: every sentence has the same
        // length, so the length model prefers the diagonal and shifts all later links by one.
        int[] src = [30, 30, 30, 30, 30, 30];
        int[] tgt = [90, 90, 90, 90, 90];
        var aligner = new GaleChurchAligner();
        var plain = aligner.Align(src, tgt);
        Assert.DoesNotContain(plain.Links, l => l.SourceStart == 1 && l.TargetCount == 0);

        // Unique keys tie source i to its true target: 0→0, 2→1, 3→2, 4→3, 5→4.
        var sa = new[] { Anchors(100), Anchors(999), Anchors(102), Anchors(103), Anchors(104), Anchors(105) };
        var ta = new[] { Anchors(100), Anchors(102), Anchors(103), Anchors(104), Anchors(105) };
        var anchored = new GaleChurchAligner(new GaleChurchOptions { AnchorWeight = 4 }).Align(src, tgt, sa, ta);
        // Sentence 1 joins sentence 0 or stands alone (both fit the lengths); the rest are back on their targets.
        Assert.Equal(
            [(2, 1, 1, 1), (3, 1, 2, 1), (4, 1, 3, 1), (5, 1, 4, 1)],
            anchored.Links.Skip(anchored.Links.Count - 4).Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        // A link's cost includes its anchor bonus: the anchored 1-1 links cost less than the deletion's length cost.
        Assert.True(anchored.Links[^1].Cost < aligner.Align([30], [90]).Links[0].Cost);
    }

    [Fact]
    public void Anchor_counts_must_match_the_lengths()
    {
        var aligner = new GaleChurchAligner();
        Assert.Throws<ArgumentException>(() => aligner.Align([1, 2], [3], None(1), None(1)));
        Assert.Throws<ArgumentException>(() => aligner.Align([1], [3, 4], None(1), None(1)));
    }

    private static readonly Gen<(int[], int[], SentenceAnchors[], SentenceAnchors[])> Documents =
        Gen.Select(Gen.Int[1, 120].Array[1, 80], Gen.Int[0, 1_000_000]).Select((src, seed) =>
        {
            var rng = new Random(seed);
            var tgt = new List<int>();
            var sa = new SentenceAnchors[src.Length];
            var ta = new List<SentenceAnchors>();
            for (int i = 0; i < src.Length; i++)
            {
                // Keys from a small vocabulary so that false matches happen too.
                var keys = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => (ulong)rng.Next(0, 40)).ToArray();
                sa[i] = Anchors(keys);
                int roll = rng.Next(12);
                if (roll == 0) continue;
                tgt.Add((int)(src[i] * 2.5 * (0.7 + 0.6 * rng.NextDouble())));
                ta.Add(Anchors(keys.Where(_ => rng.Next(3) > 0).ToArray()));
                if (roll == 1) { tgt.Add(rng.Next(1, 200)); ta.Add(SentenceAnchors.Empty); }
            }
            return (src, tgt.ToArray(), sa, ta.ToArray());
        });

    [Fact]
    public void Every_unit_is_in_exactly_one_link_and_banded_agrees_with_full_search()
    {
        var banded = new GaleChurchAligner(new GaleChurchOptions { AnchorWeight = 2, AnchorBandWidth = 200 });
        var full = new GaleChurchAligner(new GaleChurchOptions { AnchorWeight = 2, Search = SearchMode.Full });
        Documents.Sample(d =>
        {
            var (src, tgt, sa, ta) = d;
            var b = banded.Align(src, tgt, sa, ta);
            var f = full.Align(src, tgt, sa, ta);
            // AlignmentResult checks coverage and monotonicity itself; the totals must also agree.
            Assert.Equal(src.Length, b.Links.Sum(l => l.SourceCount));
            Assert.Equal(tgt.Length, b.Links.Sum(l => l.TargetCount));
            Assert.Equal(f.TotalCost, b.TotalCost, 6);
        }, iter: 200);
    }

    [Fact]
    public void An_anchor_index_shared_by_several_searches_gives_what_the_anchors_give_directly()
    {
        // One index for searches with other priors and with a guide, as the deletion-share search uses it.
        var options = new GaleChurchOptions { AnchorWeight = 2, UnmatchedItemCost = 1 };
        Documents.Sample(d =>
        {
            var (src, tgt, sa, ta) = d;
            var index = AnchorIndex.Create(sa, ta);
            Assert.Equal((src.Length, tgt.Length), (index.SourceCount, index.TargetCount));
            AlignmentResult? guide = null;
            foreach (var deletions in new[] { 0.01, 0.2 })
            {
                var aligner = new GaleChurchAligner(options with { Beads = [.. Bead.Standard.Select(b => b.SourceCount == 0 || b.TargetCount == 0 ? b with { Probability = deletions } : b)] });
                var direct = aligner.Align(src, tgt, sa, ta, guide, null);
                var indexed = aligner.Align(src, tgt, index, guide, null);
                Assert.Equal(direct.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount, l.Cost)),
                             indexed.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount, l.Cost)));
                guide = direct;
            }
        }, iter: 100);
    }

    [Fact]
    public void An_anchor_index_must_cover_the_same_units()
    {
        var aligner = new GaleChurchAligner(new GaleChurchOptions { AnchorWeight = 1 });
        var index = AnchorIndex.Create(None(2), None(1));
        Assert.Throws<ArgumentException>(() => aligner.Align([1, 2, 3], [3], index, null, null));
        Assert.Throws<ArgumentException>(() => aligner.Align([1, 2], [3, 4], index, null, null));
        Assert.Throws<ArgumentNullException>(() => AnchorIndex.Create([SentenceAnchors.Empty, null!], None(1)));
    }

    [Fact]
    public void Match_finds_the_items_that_share_a_key()
    {
        var a = new SentenceAnchors([new(5, 0), new(7, 0), new(9, 1), new(11, 2)], [1, 2, 3]);
        var b = new SentenceAnchors([new(7, 0), new(11, 1), new(11, 2), new(13, 3)], [1, 1, 1, 1]);
        SentenceAnchors.Match(a, b, out ulong inA, out ulong inB);
        Assert.Equal(0b101UL, inA);     // items 0 (key 7) and 2 (key 11)
        Assert.Equal(0b0111UL, inB);    // items 0, 1, 2
        Assert.Equal(4.0, a.WeightOf(inA));
        Assert.Equal(6.0, a.TotalWeight);
    }

    [Fact]
    public void Match_agrees_with_a_naive_comparison()
    {
        Gen.Select(Gen.ULong[0, 30].Array[0, 12], Gen.ULong[0, 30].Array[0, 12]).Sample((x, y) =>
        {
            var a = Anchors(x);
            var b = Anchors(y);
            SentenceAnchors.Match(a, b, out ulong inA, out ulong inB);
            ulong expectA = 0, expectB = 0;
            for (int i = 0; i < x.Length; i++) if (y.Contains(x[i])) expectA |= 1UL << i;
            for (int j = 0; j < y.Length; j++) if (x.Contains(y[j])) expectB |= 1UL << j;
            Assert.Equal(expectA, inA);
            Assert.Equal(expectB, inB);
        });
    }

    [Fact]
    public void Bad_anchor_sets_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SentenceAnchors([new(1, 3)], [1.0]));
        Assert.Throws<ArgumentException>(() => new SentenceAnchors([], [double.NaN]));
        Assert.Throws<ArgumentException>(() => new SentenceAnchors([], Enumerable.Repeat(1.0, 65).ToArray()));
    }
}
