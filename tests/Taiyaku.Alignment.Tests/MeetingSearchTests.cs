using System.Collections.Concurrent;
using CsCheck;
using Taiyaku.Alignment;
using Taiyaku.Testing;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// A large length-only search runs as two halves that meet in the middle (the forward search and the search of the
/// reversed sequences, on two threads): it must find an optimal path, the one-thread search's own wherever no other
/// path costs exactly the same, and fail, cancel and report as the one-thread search does; with anchors too (the
/// reversed half reads the same index from the end).
/// </summary>
public class MeetingSearchTests
{
    private static GaleChurchAligner OneThread(GaleChurchOptions? options = null) => new(options) { MeetingCells = long.MaxValue };

    private static GaleChurchAligner Halves(GaleChurchOptions? options = null) => new(options) { MeetingCells = 0 };

    /// <summary>A translation whose lengths are drawn from a wide range: no two paths cost exactly the same.</summary>
    private static (int[] Src, int[] Tgt) DistinctLengths(int n, int seed)
    {
        var rng = new Random(seed);
        var src = new int[n];
        var tgt = new List<int>();
        for (int i = 0; i < n; i++)
        {
            src[i] = rng.Next(10_000, 1_000_000);
            int len = (int)(src[i] * (0.8 + 0.45 * rng.NextDouble()));
            double roll = rng.NextDouble();
            if (roll < 0.02) continue;
            if (roll < 0.06) { tgt.Add(len / 3); tgt.Add(len - len / 3); }
            else tgt.Add(len);
            if (roll > 0.99) tgt.Add(rng.Next(10_000, 1_000_000));
        }
        return (src, [.. tgt]);
    }

    private static double TotalCost(AlignmentResult result) => result.Links.Sum(l => l.Cost);

    /// <summary>Every unit of both sides in exactly one link, in order.</summary>
    private static void AssertCovers(AlignmentResult result, int n, int m)
    {
        int s = 0, t = 0;
        foreach (var l in result.Links)
        {
            Assert.Equal(s, l.SourceStart);
            Assert.Equal(t, l.TargetStart);
            s += l.SourceCount;
            t += l.TargetCount;
        }
        Assert.Equal((n, m), (s, t));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Without_ties_the_halves_find_the_one_thread_searchs_links(int seed)
    {
        var (src, tgt) = DistinctLengths(3000, seed);
        var expected = OneThread().Align(src, tgt);
        var actual = Halves().Align(src, tgt);
        Assert.Equal(expected.Links, actual.Links);
    }

    [Fact]
    public void The_reversed_halfs_runs_of_deletions_are_put_in_the_one_thread_searchs_order()
    {
        // Links 0..1 are the forward half's, from 2 on the reversed half's: a run that reaches into the reversed half
        // is reordered whole, targets' deletions first; one before it is left as its half made it.
        Link[] links =
        [
            new(0, 1, 0, 0), new(1, 0, 0, 1),                    // forward: 1-0 then 0-1, left
            new(1, 1, 1, 1),
            new(2, 1, 2, 0), new(3, 0, 2, 2), new(3, 1, 4, 0),   // reversed: 1-0, 0-2, 1-0
            new(4, 1, 4, 1),
        ];
        links[3] = links[3] with { Cost = 3 };
        links[4] = links[4] with { Cost = 4 };
        GaleChurchAligner.OrderDeletionRuns(links, 3);
        Assert.Equal(
            [new(0, 1, 0, 0), new(1, 0, 0, 1), new(1, 1, 1, 1), new(2, 0, 2, 2) { Cost = 4 }, new(2, 1, 4, 0) { Cost = 3 }, new(3, 1, 4, 0), new(4, 1, 4, 1)],
            links);
        // A run that straddles the two halves is reordered whole.
        Link[] straddling = [new(0, 1, 0, 0), new(1, 0, 0, 1), new(1, 1, 1, 1)];
        GaleChurchAligner.OrderDeletionRuns(straddling, 1);
        Assert.Equal([new(0, 0, 0, 1), new(0, 1, 1, 0), new(1, 1, 1, 1)], straddling);
    }

    [Fact]
    public void A_full_search_as_halves_finds_the_one_thread_searchs_links()
    {
        var (src, tgt) = DistinctLengths(400, 4);
        var options = new GaleChurchOptions { Search = SearchMode.Full };
        Assert.Equal(OneThread(options).Align(src, tgt).Links, Halves(options).Align(src, tgt).Links);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void With_ties_the_halves_find_a_path_of_the_same_cost(int seed)
    {
        // Lengths of 8 to 60 characters: adjacent sentences of the same length, one of them left out, tie.
        var (src, tgt) = NoisyTranslation.Lengths(20_000, seed);
        var one = OneThread().Align(src, tgt);
        var halves = Halves().Align(src, tgt);
        AssertCovers(halves, src.Length, tgt.Length);
        Assert.Equal(TotalCost(one), TotalCost(halves), 1e-9 * TotalCost(one));
        // Each link's cost is its bead's: the same links cost the same in both.
        var costs = one.Links.ToDictionary(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount), l => l.Cost);
        foreach (var l in halves.Links)
            if (costs.TryGetValue((l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount), out double c))
                Assert.Equal(c, l.Cost);
    }

    [Fact]
    public void The_halves_give_the_same_links_every_time()
    {
        var (src, tgt) = NoisyTranslation.Lengths(20_000, 5);
        var aligner = Halves();
        var first = aligner.Align(src, tgt).Links;
        for (int k = 0; k < 3; k++)
            Assert.Equal(first, aligner.Align(src, tgt).Links);
    }

    [Fact]
    public void Halves_that_cannot_meet_fail_as_one_search_does()
    {
        // Only 1-1 beads, and one unit more on one side: no path reaches the end.
        var options = new GaleChurchOptions { Beads = [new Bead(1, 1, 1.0)], Search = SearchMode.Full };
        int[] src = [.. Enumerable.Repeat(30, 200)], tgt = [.. Enumerable.Repeat(30, 201)];
        var expected = Assert.Throws<InvalidOperationException>(() => OneThread(options).Align(src, tgt));
        var actual = Assert.Throws<InvalidOperationException>(() => Halves(options).Align(src, tgt));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void A_search_as_halves_stops_when_cancelled_during_it()
    {
        var (src, tgt) = NoisyTranslation.Lengths(50_000, 6);
        using var cts = new CancellationTokenSource();
        // Cancelled at the first report after the start, from inside the search.
        var progress = new CancelOnReport(cts, after: 1);
        Assert.ThrowsAny<OperationCanceledException>(() => Halves().Align(src, tgt, progress, cts.Token));
        Assert.True(progress.Reports >= 2);
        // The aligner is unharmed: the next search gives the one-thread search's cost.
        var again = Halves().Align(src, tgt);
        Assert.Equal(TotalCost(OneThread().Align(src, tgt)), TotalCost(again), 1e-9 * TotalCost(again));
    }

    [Fact]
    public void A_search_as_halves_reports_its_rows_as_one_search()
    {
        var (src, tgt) = NoisyTranslation.Lengths(20_000, 7);
        var recorder = new ProgressRecorder();
        var aligner = Halves();
        var with = aligner.Align(src, tgt, recorder);
        Assert.Equal(aligner.Align(src, tgt).Links, with.Links);
        foreach (var search in recorder.Reports.GroupBy(r => r.Search))
        {
            var rows = search.ToList();
            Assert.Equal(0, rows[0].RowsDone);
            Assert.Equal(rows[0].RowsTotal, rows[^1].RowsDone);
            Assert.Equal(rows.Select(r => r.RowsDone).Order(), rows.Select(r => r.RowsDone));
            Assert.InRange(rows.Count, 2, 103);
        }
    }

    /// <summary>
    /// A translation with distinct lengths and anchors of random weights from a vocabulary of 400 keys: each target
    /// keeps most of its source's keys; inserted targets have keys of their own, and some units one-sided evidence.
    /// </summary>
    private static (int[] Src, int[] Tgt, SentenceAnchors[] Sa, SentenceAnchors[] Ta) Anchored(int n, int seed)
    {
        var rng = new Random(seed);
        var (src, tgt, sa, ta) = (new List<int>(), new List<int>(), new List<SentenceAnchors>(), new List<SentenceAnchors>());
        SentenceAnchors Random(ulong[] keys) => new(
            [.. keys.Select((k, i) => new AnchorKey(k, i))], [.. keys.Select(_ => 0.5 + 2.5 * rng.NextDouble())],
            rng.Next(40) == 0 ? 1 + rng.NextDouble() : 0);
        for (int i = 0; i < n; i++)
        {
            var keys = Enumerable.Range(0, rng.Next(0, 6)).Select(_ => (ulong)rng.Next(400)).Distinct().ToArray();
            src.Add(rng.Next(10_000, 1_000_000));
            sa.Add(Random(keys));
            double roll = rng.NextDouble();
            if (roll < 0.04) continue;
            tgt.Add((int)(src[^1] * (0.8 + 0.45 * rng.NextDouble())));
            ta.Add(Random([.. keys.Where(_ => rng.Next(4) > 0)]));
            if (roll > 0.97)
            {
                tgt.Add(rng.Next(10_000, 1_000_000));
                ta.Add(Random([(ulong)rng.Next(400, 800)]));
            }
        }
        return ([.. src], [.. tgt], [.. sa], [.. ta]);
    }

    /// <summary>
    /// The same alignment up to the order of adjacent links with an empty side: such a run costs the same in any
    /// order, and which order a search keeps is decided by the rounding of its running sums (with anchors and ν &gt; 0
    /// a deletion's cost does not depend on its lengths, so such runs are common).
    /// </summary>
    private static void AssertSameAlignment(AlignmentResult expected, AlignmentResult actual)
    {
        Assert.Equal(expected.Links.Where(l => l.SourceCount > 0 && l.TargetCount > 0), actual.Links.Where(l => l.SourceCount > 0 && l.TargetCount > 0));
        Assert.Equal(expected.Links.Where(l => l.TargetCount == 0).Select(l => (l.SourceStart, l.SourceCount, l.Cost)),
                     actual.Links.Where(l => l.TargetCount == 0).Select(l => (l.SourceStart, l.SourceCount, l.Cost)));
        Assert.Equal(expected.Links.Where(l => l.SourceCount == 0).Select(l => (l.TargetStart, l.TargetCount, l.Cost)),
                     actual.Links.Where(l => l.SourceCount == 0).Select(l => (l.TargetStart, l.TargetCount, l.Cost)));
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 0.5)]
    [InlineData(4, 0.5)]
    public void Anchored_without_ties_the_halves_find_the_one_thread_searchs_alignment(int seed, double unmatchedItemCost)
    {
        var (src, tgt, sa, ta) = Anchored(1500, seed);
        var options = new GaleChurchOptions { AnchorWeight = 2, UnmatchedItemCost = unmatchedItemCost };
        var expected = OneThread(options).Align(src, tgt, sa, ta);
        var actual = Halves(options).Align(src, tgt, sa, ta);
        AssertSameAlignment(expected, actual);
    }

    [Fact]
    public void Anchored_in_full_the_halves_find_the_one_thread_searchs_alignment()
    {
        var (src, tgt, sa, ta) = Anchored(300, 5);
        var options = new GaleChurchOptions { AnchorWeight = 2, UnmatchedItemCost = 0.5, Search = SearchMode.Full };
        AssertSameAlignment(OneThread(options).Align(src, tgt, sa, ta), Halves(options).Align(src, tgt, sa, ta));
    }

    [Fact]
    public void Anchored_with_ties_the_halves_find_a_path_of_the_same_cost()
    {
        // Short documents, equal weights and a small vocabulary: ties and chance matches are common.
        var options = new GaleChurchOptions { AnchorWeight = 2, UnmatchedItemCost = 1 };
        Gen.Select(Gen.Int[1, 120].Array[16, 120], Gen.Int[0, 1_000_000]).Sample((lengths, seed) =>
        {
            var rng = new Random(seed);
            var (tgt, sa, ta) = (new List<int>(), new SentenceAnchors[lengths.Length], new List<SentenceAnchors>());
            for (int i = 0; i < lengths.Length; i++)
            {
                var keys = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => (ulong)rng.Next(0, 40)).ToArray();
                sa[i] = new SentenceAnchors([.. keys.Select((k, x) => new AnchorKey(k, x))], [.. keys.Select(_ => 1.0)]);
                if (rng.Next(12) == 0) continue;
                tgt.Add((int)(lengths[i] * 2.5 * (0.7 + 0.6 * rng.NextDouble())));
                var kept = keys.Where(_ => rng.Next(3) > 0).ToArray();
                ta.Add(new SentenceAnchors([.. kept.Select((k, x) => new AnchorKey(k, x))], [.. kept.Select(_ => 1.0)]));
            }
            if (tgt.Count == 0) return;
            var one = OneThread(options).Align(lengths, [.. tgt], sa, [.. ta]);
            var halves = Halves(options).Align(lengths, [.. tgt], sa, [.. ta]);
            AssertCovers(halves, lengths.Length, tgt.Count);
            Assert.Equal(TotalCost(one), TotalCost(halves), 1e-9 * (1 + Math.Abs(TotalCost(one))));
        }, iter: 200);
    }

    [Fact]
    public async Task On_a_scheduler_that_never_gets_to_the_other_half_the_caller_does_it()
    {
        // One thread, busy with the alignment itself, and no running of a task inline: the other half (and the
        // anchor skeleton built beside the postings) stays queued, so the caller must do it and must not wait for it.
        var (src, tgt, sa, ta) = Anchored(1500, 6);
        var options = new GaleChurchOptions { AnchorWeight = 2, UnmatchedItemCost = 0.5 };
        using var scheduler = new OneThreadScheduler();
        var aligned = Task.Factory.StartNew(() => Halves(options).Align(src, tgt, sa, ta), CancellationToken.None, TaskCreationOptions.None, scheduler);
        // A deadlock shows as a timeout, not a hung test run (the scheduler's thread is a background one).
        var result = await aligned.WaitAsync(TimeSpan.FromSeconds(60));
        AssertSameAlignment(OneThread(options).Align(src, tgt, sa, ta), result);
    }

    /// <summary>Runs its tasks one at a time on a thread of its own, never inline.</summary>
    private sealed class OneThreadScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> queue = [];

        public OneThreadScheduler() =>
            new Thread(() => { foreach (var t in queue.GetConsumingEnumerable()) TryExecuteTask(t); }) { IsBackground = true }.Start();

        public override int MaximumConcurrencyLevel => 1;

        protected override void QueueTask(Task task) => queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => [.. queue];

        public void Dispose() => queue.CompleteAdding();
    }

    private sealed class CancelOnReport(CancellationTokenSource cts, int after) : IProgress<AlignmentProgress>
    {
        public int Reports;

        public void Report(AlignmentProgress value)
        {
            if (++Reports > after) cts.Cancel();
        }
    }
}
