using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>Evidence-based unaligned sentences (ν, <see cref="GaleChurchOptions.UnmatchedItemCost"/>) and the anchor skeleton band.</summary>
public class UnalignedEvidenceTests
{
    /// <summary>
    /// An aligner whose searches all run on one thread: the tests that compare bands with the full search compare
    /// paths, and a search run as two halves may break exact ties the other way (see <c>MeetingSearchTests</c>).
    /// </summary>
    private static GaleChurchAligner OneThread(GaleChurchOptions options) => new(options) { MeetingCells = long.MaxValue };

    private static SentenceAnchors Anchors(params ulong[] keys) =>
        new(keys.Select((k, i) => new AnchorKey(k, i)).ToArray(), keys.Select(_ => 2.0).ToArray());

    // Six source sentences, seven targets: target 3 is an untranslated paragraph as long as its neighbours, whose
    // words (keys 900..903) appear nowhere on the source side near it; every other target shares two keys with its source.
    private static (int[] Src, int[] Tgt, SentenceAnchors[] Sa, SentenceAnchors[] Ta) Document()
    {
        int[] src = [60, 60, 60, 60, 60, 60];
        int[] tgt = [150, 150, 150, 150, 150, 150, 150];
        var sa = Enumerable.Range(0, 6).Select(i => Anchors((ulong)(10 * i + 1), (ulong)(10 * i + 2))).ToArray();
        var ta = new SentenceAnchors[7];
        for (int j = 0, i = 0; j < 7; j++)
            ta[j] = j == 3 ? Anchors(950, 951, 952, 953) : Anchors((ulong)(10 * i + 1), (ulong)(10 * i++ + 2));
        return (src, tgt, sa, ta);
    }

    [Fact]
    public void With_evidence_an_unsupported_sentence_is_left_unaligned()
    {
        var (src, tgt, sa, ta) = Document();
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 1, Beads = [new(1, 1, 0.8), new(1, 0, 0.05), new(0, 1, 0.05), new(1, 2, 0.1)] };
        var links = new GaleChurchAligner(options).Align(src, tgt, sa, ta).Links;
        Assert.Contains(links, l => l.SourceCount == 0 && l.TargetStart == 3);
        Assert.Equal(6, links.Count(l => l.SourceCount == 1 && l.TargetCount == 1));
    }

    [Fact]
    public void Without_evidence_the_length_cost_merges_it_into_a_neighbour()
    {
        var (src, tgt, sa, ta) = Document();
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 0, Beads = [new(1, 1, 0.8), new(1, 0, 0.05), new(0, 1, 0.05), new(1, 2, 0.1)] };
        var links = new GaleChurchAligner(options).Align(src, tgt, sa, ta).Links;
        Assert.DoesNotContain(links, l => l.SourceCount == 0);
        Assert.Contains(links, l => l.TargetCount == 2 && l.TargetStart <= 3 && l.TargetEnd > 3);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(21.0)]
    public void The_unmatched_item_cost_is_validated(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { UnmatchedItemCost = value });

    [Fact]
    public void The_skeleton_is_a_monotone_chain_without_isolated_chance_matches()
    {
        // Sources 0..99 match targets 0..99 one to one by unique keys; a chance match pairs source 98 with target
        // 400, far past the parallel part (targets 100..499 have no counterpart).
        var sa = Enumerable.Range(0, 100).Select(i => i == 98 ? Anchors(1000 + (ulong)i, 77_777) : Anchors(1000 + (ulong)i)).ToArray();
        var ta = Enumerable.Range(0, 500).Select(j => j < 100 ? Anchors(1000 + (ulong)j) : j == 400 ? Anchors(77_777) : SentenceAnchors.Empty).ToArray();
        var chain = AnchorSkeleton.Find(sa, ta);
        Assert.Equal(100, chain.Length);
        Assert.All(chain, p => Assert.Equal(p.Source, p.Target));
    }

    [Fact]
    public void A_long_untranslated_tail_aligns_in_a_band_and_stays_unaligned()
    {
        // 300 parallel sentences, then 300 English sentences with no counterpart: the banded search follows the
        // skeleton and agrees with the full search.
        int n = 300, m = 600;
        var rng = new Random(7);
        int[] src = Enumerable.Range(0, n).Select(_ => rng.Next(20, 80)).ToArray();
        int[] tgt = Enumerable.Range(0, m).Select(j => j < n ? src[j] * 5 / 2 + rng.Next(-5, 6) : rng.Next(50, 200)).ToArray();
        var sa = Enumerable.Range(0, n).Select(i => Anchors(5000 + (ulong)i)).ToArray();
        var ta = Enumerable.Range(0, m).Select(j => j < n ? Anchors(5000 + (ulong)j) : Anchors(90_000 + (ulong)j)).ToArray();
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 1, Beads = [new(1, 1, 0.7), new(1, 0, 0.05), new(0, 1, 0.2), new(1, 2, 0.05)] };
        var banded = new GaleChurchAligner(options).Align(src, tgt, sa, ta).Links;
        var full = new GaleChurchAligner(options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta).Links;
        Assert.Equal(full.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), banded.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        // The first tail sentence may join the last parallel link as a 1-2 (one unmatched item costs less than its prior).
        Assert.True(banded.Count(l => l.SourceCount == 0 && l.TargetStart >= n) >= m - n - 1);
    }

    [Fact]
    public void A_guide_of_other_counts_is_refused_and_the_full_optimum_as_guide_is_kept()
    {
        var (src, tgt, sa, ta) = Document();
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 1, Beads = [new(1, 1, 0.8), new(1, 0, 0.05), new(0, 1, 0.05), new(1, 2, 0.1)] };
        var full = new GaleChurchAligner(options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta);
        var guided = new GaleChurchAligner(options).Align(src, tgt, sa, ta, full);
        Assert.Equal(full.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), guided.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        var other = new GaleChurchAligner().Align([1, 2], [3]);
        Assert.Throws<ArgumentException>(() => new GaleChurchAligner(options).Align(src, tgt, sa, ta, other));
    }

    [Fact]
    public void Long_gaps_of_the_skeleton_are_cut_by_keys_rare_within_them()
    {
        // Unique keys pair sentences 0..9 and 190..199; in between, key 500 + r sits in source and target 10 + 10r, and
        // again four times in sources 0..9 and five times in targets 190..199: too common (and unevenly so) to pair in
        // the whole document, but once on each side of the gap.
        var sourceKeys = Enumerable.Range(0, 200).Select(_ => new List<ulong>()).ToArray();
        var targetKeys = Enumerable.Range(0, 200).Select(_ => new List<ulong>()).ToArray();
        for (int i = 0; i < 10; i++) { sourceKeys[i].Add(1000 + (ulong)i); targetKeys[i].Add(1000 + (ulong)i); }
        for (int i = 190; i < 200; i++) { sourceKeys[i].Add(1000 + (ulong)i); targetKeys[i].Add(1000 + (ulong)i); }
        for (int r = 0; r < 18; r++)
        {
            ulong key = 500 + (ulong)r;
            sourceKeys[10 + 10 * r].Add(key);
            targetKeys[10 + 10 * r].Add(key);
            for (int x = 0; x < 4; x++) sourceKeys[x].Add(key);
            for (int x = 0; x < 5; x++) targetKeys[190 + x].Add(key);
        }
        var chain = AnchorSkeleton.Find(sourceKeys.Select(k => Anchors([.. k])).ToArray(), targetKeys.Select(k => Anchors([.. k])).ToArray());
        var expected = Enumerable.Range(0, 10).Concat(Enumerable.Range(0, 18).Select(r => 10 + 10 * r)).Concat(Enumerable.Range(190, 10));
        Assert.Equal(expected.Select(i => (i, i)), chain.Select(p => (p.Source, p.Target)));
    }

    /// <summary>
    /// 400 sentences with rare keys on a third of them, refrains (four common keys) in a passage of the middle, a
    /// sentence inserted in one in forty, and an untranslated tail with chance keys: a document whose first band's path
    /// comes near the band's edge (found by trying seeds).
    /// </summary>
    private static (int[] Src, int[] Tgt, SentenceAnchors[] Sa, SentenceAnchors[] Ta) Refrains(int seed)
    {
        var rng = new Random(seed);
        int n = 400;
        var src = Enumerable.Range(0, n).Select(_ => rng.Next(20, 80)).ToArray();
        var tgt = new List<int>();
        var ta = new List<SentenceAnchors>();
        var sa = new SentenceAnchors[n];
        for (int i = 0; i < n; i++)
        {
            ulong key = (ulong)(10_000 + i);
            bool rare = rng.Next(3) == 0;
            ulong refrain = (ulong)(500 + rng.Next(4));
            bool inPassage = i > 150 && i < 250 && rng.Next(2) == 0;
            sa[i] = Anchors([.. (rare ? new[] { key } : []), .. (inPassage ? new[] { refrain } : [])]);
            if (rng.Next(40) == 0)
            {
                tgt.Add(rng.Next(50, 200));
                ta.Add(rng.Next(3) == 0 ? Anchors(refrain) : SentenceAnchors.Empty);
            }
            tgt.Add(src[i] * 5 / 2 + rng.Next(-8, 9));
            ta.Add(Anchors([.. (rare ? new[] { key } : []), .. (inPassage && rng.Next(3) > 0 ? new[] { refrain } : [])]));
        }
        for (int j = rng.Next(0, 200); j > 0; j--)
        {
            tgt.Add(rng.Next(50, 200));
            ta.Add(rng.Next(10) == 0 ? Anchors((ulong)(10_000 + rng.Next(n - 30, n))) : SentenceAnchors.Empty);
        }
        return (src, [.. tgt], sa, [.. ta]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(146)]
    public void A_first_pass_that_keeps_its_first_path_searches_once_and_a_pass_guided_by_it_gives_the_full_result(int seed)
    {
        var (src, tgt, sa, ta) = Refrains(seed);
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 1, Beads = [new(1, 1, 0.7), new(1, 0, 0.05), new(0, 1, 0.2), new(1, 2, 0.05)] };
        static (int, int, int, int)[] Shape(AlignmentResult r) => [.. r.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount))];
        var refined = new ProgressRecorder();
        var byDefault = OneThread(options).Align(src, tgt, sa, ta, null, refined);
        Assert.True(refined.Reports.Max(r => r.Search) >= 2, "the default searches again");
        var once = new ProgressRecorder();
        var first = OneThread(options with { FirstPathOnly = true }).Align(src, tgt, sa, ta, null, once);
        Assert.Equal(1, once.Reports.Max(r => r.Search));
        var full = OneThread(options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta);
        Assert.NotEqual(Shape(full), Shape(first));
        Assert.Equal(Shape(full), Shape(byDefault));
        // A later pass guided by the first path searches again where it must, and finds the full search's result.
        var guided = OneThread(options).Align(src, tgt, sa, ta, first);
        Assert.Equal(Shape(full), Shape(guided));
        // With a guide the option changes nothing.
        Assert.Equal(Shape(guided), Shape(OneThread(options with { FirstPathOnly = true }).Align(src, tgt, sa, ta, first)));
    }


    [Fact]
    public void A_run_of_chance_pairs_past_the_end_of_the_translation_still_gives_the_full_search_result()
    {
        // 300 parallel sentences and 300 untranslated English ones; the last 20 source sentences share keys only with
        // targets 500..519 (a run of close chance pairs that the skeleton takes): the band gives them up as the path
        // disagrees, and the result is the full search's.
        int n = 300, m = 600;
        var rng = new Random(11);
        int[] src = Enumerable.Range(0, n).Select(_ => rng.Next(20, 80)).ToArray();
        int[] tgt = Enumerable.Range(0, m).Select(j => j < n ? src[j] * 5 / 2 + rng.Next(-5, 6) : rng.Next(50, 200)).ToArray();
        var sa = Enumerable.Range(0, n).Select(i => Anchors(5000 + (ulong)(i < 280 ? i : 220 + i))).ToArray();
        var ta = Enumerable.Range(0, m).Select(j => j < 280 || (j >= 500 && j < 520) ? Anchors(5000 + (ulong)j) : SentenceAnchors.Empty).ToArray();
        var options = new GaleChurchOptions { AnchorWeight = 1, UnmatchedItemCost = 1, Beads = [new(1, 1, 0.7), new(1, 0, 0.05), new(0, 1, 0.2), new(1, 2, 0.05)] };
        Assert.Contains(AnchorSkeleton.Find(sa, ta), p => p.Target >= 500);
        var banded = OneThread(options).Align(src, tgt, sa, ta).Links;
        var full = OneThread(options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta).Links;
        Assert.Equal(full.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), banded.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
    }

    [Fact]
    public void A_chance_cluster_far_off_the_chain_s_course_is_dropped()
    {
        // Sentences 0..99 and 200..299 pair one to one by unique keys; between them nothing is shared except three
        // chance matches close together, sources 110..112 with targets 190..192: reached far ahead of the course
        // (slope about 5) and left far behind it (about 0.2), so they go.
        var sa = Enumerable.Range(0, 300).Select(i => i < 100 || i >= 200 ? Anchors(1000 + (ulong)i) : i is >= 110 and < 113 ? Anchors(5000 + (ulong)i) : SentenceAnchors.Empty).ToArray();
        var ta = Enumerable.Range(0, 300).Select(j => j < 100 || j >= 200 ? Anchors(1000 + (ulong)j) : j is >= 190 and < 193 ? Anchors(5000 + (ulong)j - 80) : SentenceAnchors.Empty).ToArray();
        var chain = AnchorSkeleton.Find(sa, ta);
        Assert.Equal(Enumerable.Range(0, 100).Concat(Enumerable.Range(200, 100)).Select(i => (i, i)), chain.Select(p => (p.Source, p.Target)));
    }

    [Fact]
    public void A_chance_cluster_between_sparse_stretches_is_dropped_though_its_window_looks_on_course()
    {
        // Sentences 0..99 and 1000..1099 pair one to one by unique keys; in between nothing is shared but two chance
        // matches, sources 400 and 402 with targets 850 and 852. Eight pairs back the chain reaches them at slope 2.5
        // (within the range of 3), but from the last pair before them it jumps 750 targets ahead over 300 sources and
        // then 150 over 600: out and back. Kept, they would make the band a 300 by 750 rectangle.
        static bool Paired(int i) => i < 100 || i is >= 1000 and < 1100;
        var sa = Enumerable.Range(0, 1100).Select(i => Paired(i) ? Anchors(1000 + (ulong)i) : i is 400 or 402 ? Anchors(90000 + (ulong)i) : SentenceAnchors.Empty).ToArray();
        var ta = Enumerable.Range(0, 1100).Select(j => Paired(j) ? Anchors(1000 + (ulong)j) : j is 850 or 852 ? Anchors(90000 + (ulong)j - 450) : SentenceAnchors.Empty).ToArray();
        var chain = AnchorSkeleton.Find(sa, ta);
        Assert.Equal(Enumerable.Range(0, 1100).Where(Paired).Select(i => (i, i)), chain.Select(p => (p.Source, p.Target)));
    }
}
