using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// <see cref="GaleChurchOptions.DeletionOpenCost"/>: a run of sentences without counterpart pays for its opening once,
/// so an untranslated block is left whole rather than cut by chance matches.
/// </summary>
public class DeletionOpenCostTests
{
    private static SentenceAnchors Anchors(params ulong[] keys) =>
        new(keys.Select((k, i) => new AnchorKey(k, i)).ToArray(), keys.Select(_ => 3.0).ToArray());

    // Nine sources translated by targets 0..8, then an untranslated tail of 31 targets. Target 25, in the tail, shares
    // source 8's key as its translation does, and its length matches better (a repeated phrase, say).
    private static (int[] Src, int[] Tgt, SentenceAnchors[] Sa, SentenceAnchors[] Ta) Document()
    {
        int[] src = [.. Enumerable.Repeat(100, 9)];
        int[] tgt = [.. Enumerable.Repeat(100, 40)];
        tgt[8] = 130;
        var sa = Enumerable.Range(0, 9).Select(i => Anchors((ulong)i + 1)).ToArray();
        var ta = Enumerable.Range(0, 40).Select(j => j < 9 ? Anchors((ulong)j + 1) : j == 25 ? Anchors(9) : SentenceAnchors.Empty).ToArray();
        return (src, tgt, sa, ta);
    }

    private static GaleChurchOptions Options(double open) => new()
    {
        LengthRatio = 1,
        AnchorWeight = 1,
        UnmatchedItemCost = 1,
        DeletionOpenCost = open,
        Beads = [new(1, 1, 0.8), new(1, 0, 0.001), new(0, 1, 0.15), new(1, 2, 0.01), new(2, 1, 0.01)],
    };

    [Fact]
    public void Without_an_opening_cost_a_chance_match_cuts_the_block()
    {
        var (src, tgt, sa, ta) = Document();
        var links = new GaleChurchAligner(Options(0)).Align(src, tgt, sa, ta).Links;
        Assert.Contains(links, l => l.SourceStart == 8 && l.SourceCount == 1 && l.TargetStart == 25);
    }

    [Fact]
    public void With_an_opening_cost_the_block_is_left_whole()
    {
        var (src, tgt, sa, ta) = Document();
        var result = new GaleChurchAligner(Options(5)).Align(src, tgt, sa, ta);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (i, 1, i, 1)), result.Links.Where(l => l.SourceCount > 0).Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        Assert.Equal(31, result.Links.Count(l => l.SourceCount == 0));
        // The run's first deletion carries the opening cost; the others do not.
        var first = result.Links.First(l => l.SourceCount == 0);
        var second = result.Links.First(l => l.SourceCount == 0 && l.TargetStart == first.TargetStart + 1);
        Assert.Equal(5, first.Cost - second.Cost, 1e-9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(5)]
    public void The_banded_and_the_full_search_agree(double open)
    {
        var (src, tgt, sa, ta) = Document();
        var banded = new GaleChurchAligner(Options(open)).Align(src, tgt, sa, ta);
        var full = new GaleChurchAligner(Options(open) with { Search = SearchMode.Full }).Align(src, tgt, sa, ta);
        Assert.Equal(full.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), banded.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        Assert.Equal(full.Links.Sum(l => l.Cost), banded.Links.Sum(l => l.Cost), 1e-9);
    }

    [Fact]
    public void The_path_is_the_cheapest_with_runs_priced_once()
    {
        // Every alignment of 3 sources and 4 targets into 1-1, 1-0 and 0-1 beads, priced by hand from the aligner's own
        // bead costs with the opening cost once per run: the aligner's total is the least.
        int[] src = [40, 90, 60];
        int[] tgt = [45, 20, 95, 55];
        Bead[] beads = [new(1, 1, 0.8), new(1, 0, 0.1), new(0, 1, 0.1)];
        var options = new GaleChurchOptions { LengthRatio = 1, Variance = 7, DeletionOpenCost = 1.5, Beads = beads, Search = SearchMode.Full };
        double total = new GaleChurchAligner(options).Align(src, tgt).Links.Sum(l => l.Cost);
        // An aligner with one bead, the same prior and ratio, prices that bead alone.
        var single = beads.ToDictionary(b => (b.SourceCount, b.TargetCount), b => new GaleChurchAligner(options with { DeletionOpenCost = 0, Beads = [b] }));
        double best = double.PositiveInfinity;
        foreach (var path in Paths(0, 0, 3, 4))
        {
            double cost = 0;
            bool inRun = false;
            foreach (var (a, b, i, j) in path)
            {
                // One bead's cost, from an alignment of that bead alone.
                cost += single[(a, b)].Align(src.AsSpan(i, a), tgt.AsSpan(j, b)).Links.Single().Cost;
                bool deletion = a == 0 || b == 0;
                if (deletion && !inRun) cost += 1.5;
                inRun = deletion;
            }
            best = Math.Min(best, cost);
        }
        Assert.Equal(best, total, 1e-6);

        static IEnumerable<List<(int, int, int, int)>> Paths(int i, int j, int n, int m)
        {
            if (i == n && j == m) { yield return []; yield break; }
            foreach (var (a, b) in new[] { (1, 1), (1, 0), (0, 1) })
            {
                if (i + a > n || j + b > m) continue;
                foreach (var rest in Paths(i + a, j + b, n, m))
                    yield return [(a, b, i, j), .. rest];
            }
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(21.0)]
    public void The_opening_cost_is_validated(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaleChurchOptions { DeletionOpenCost = value });
}
