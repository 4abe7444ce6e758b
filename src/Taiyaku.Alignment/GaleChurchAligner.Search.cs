using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Alignment;

/// <summary>The one search kernel and the one band driver, shared by the length-only and the anchored search.</summary>
public sealed partial class GaleChurchAligner
{
    /// <summary>
    /// How a search chooses its bands: the first, then one after each search that found no path (Next with a null
    /// path) or a path that came within <see cref="Margin"/> of the band's edge (unless <see cref="KeepsFirstPath"/>),
    /// each wider or better placed than the last.
    /// </summary>
    private interface IBandPlan
    {
        Band First();

        /// <summary>How close to the band's edge a path may come and be accepted.</summary>
        int Margin { get; }

        /// <summary>Whether the first path found is kept wherever it comes, the band's edge included.</summary>
        bool KeepsFirstPath { get; }

        Band Next(Band band, IReadOnlyList<Link>? path);
    }

    /// <summary>
    /// The band driver: searches <paramref name="plan"/>'s bands until a path keeps clear of the band's edges (or the
    /// band is the whole lattice), with the bead term <paramref name="makeTerm"/> builds for each band (and for the band
    /// of the sequences reversed, when the search runs as two halves).
    /// </summary>
    private AlignmentResult Search<TTerm>(IBandPlan plan, Func<Band, bool, TTerm> makeTerm, double[] src, double[] tgt, Model model, ProgressSink? progress, CancellationToken cancellationToken)
        where TTerm : struct, IBeadTerm
    {
        var band = plan.First();
        while (true)
        {
            var term = makeTerm(band, false);
            var result = Run(band, src, tgt, model, ref term, makeTerm, progress, cancellationToken);
            if (result is null)
            {
                // The band cut every path (possible with a bead set lacking 1-0 or 0-1): widen it.
                if (band.IsFull) throw NoAlignment();
                band = plan.Next(band, null);
                continue;
            }
            if (band.IsFull || plan.KeepsFirstPath || !band.Touches(result.Links, plan.Margin))
                return result;
            band = plan.Next(band, result.Links);
        }
    }

    /// <summary>
    /// Runs the DP inside <paramref name="band"/> with <paramref name="term"/>; null when the end cell is unreachable
    /// within it. Cancellation and progress are handled at the rows of <see cref="RowCheckpoints"/>. A search of at
    /// least <see cref="MeetingCells"/> cells' work runs as two halves on two threads (<see cref="RunMeeting"/>), the
    /// second with the term <paramref name="makeTerm"/> builds for the sequences reversed (makeTerm(band, true)).
    /// </summary>
    private unsafe AlignmentResult? Run<TTerm>(Band band, double[] src, double[] tgt, Model model, ref TTerm term, Func<Band, bool, TTerm> makeTerm,
        ProgressSink? progress, CancellationToken cancellationToken)
        where TTerm : struct, IBeadTerm
    {
        if (Options.DeletionOpenCost > 0)
            return RunAffine(band, src, tgt, model, ref term, progress, cancellationToken);
        long work = TTerm.Adjusts ? band.CellCount * AdjustedCellWork : band.CellCount;
        if (work >= MeetingCells && band.N >= 4 * maxSourceCount)
            return RunMeeting(band, src, tgt, model, ref term, makeTerm, progress, cancellationToken);
        int n = band.N, m = band.M;
        var checkpoints = new RowCheckpoints(progress, n + 1, cancellationToken);
        var costRows = new double[(long)(maxSourceCount + 1) * band.MaxRowWidth];
        byte* back = (byte*)NativeMemory.Alloc((nuint)band.CellCount);
        try
        {
            Sweep(band, src, tgt, model, ref term, n, costRows, back, ref checkpoints);
            checkpoints.End();
            if (double.IsPositiveInfinity(CostAt(band, costRows, n, m)))
                return null;
            return AlignmentResult.Own(TraceBack(back, band, n, m, LinkCosts(term, model), src, tgt), n, m);
        }
        finally
        {
            NativeMemory.Free(back);
        }
    }

    /// <summary>
    /// A link's cost from its bead, source and target lengths: <paramref name="term"/>'s, given the bead's prior and
    /// length costs recomputed with the same arithmetic as in the DP.
    /// </summary>
    private Func<int, double, double, Link, double> LinkCosts<TTerm>(TTerm term, Model model)
        where TTerm : struct, IBeadTerm =>
        (k, l1, l2, link) => term.LinkCost(priorCosts[k], GaleChurchCost.BeadCost(priorCosts[k], l1, l2, model.C, model.HalfVarianceTimesC, model.HalfVariance), link);

    /// <summary>The cost of cell (i, j) of a band's row i, which must be one of the rows <paramref name="costRows"/> still holds.</summary>
    private double CostAt(Band band, double[] costRows, int i, int j) =>
        costRows[(long)(i % (maxSourceCount + 1)) * band.MaxRowWidth + j - band.Lo[i]];

    /// <summary>
    /// The DP over rows 0..<paramref name="lastRow"/> of <paramref name="band"/>: each cell's cost into the ring of rows
    /// <paramref name="costRows"/> (row i at (i mod (a + 1)) · the band's widest row, for a the most source units of a
    /// bead), its best bead into <paramref name="back"/> (at the band's row offsets). Each bead's length-cost candidates
    /// for a row are computed four cells at a time (<see cref="LengthCostVector"/>); a term that adjusts them does so
    /// on the row before the minimum is taken.
    /// </summary>
    // Fully optimised from the first call: the method runs only a few times per alignment, each time for long, so
    // tiered compilation would leave it in tier-0/OSR code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Sweep<TTerm>(Band band, double[] src, double[] tgt, Model model, ref TTerm term, int lastRow, double[] costRows, byte* back,
        ref RowCheckpoints checkpoints)
        where TTerm : struct, IBeadTerm
    {
        int rowCount = maxSourceCount + 1;
        int stride = band.MaxRowWidth;
        var bestBeads = new double[stride];
        var tmpRow = new double[TTerm.Adjusts ? stride : 0];
        fixed (double* rowsBase = costRows, s = src, t = tgt, tmpBase = tmpRow)
        fixed (int* lo = band.Lo, hi = band.Hi)
        fixed (long* offsets = band.RowOffsets)
        fixed (int* sc = sourceCounts, tc = targetCounts, rb = rowBeads, ib = inRowBeads)
        fixed (double* prior = priorCosts, bestBase = bestBeads, table = GaleChurchCost.Table)
        {
            double c = model.C, hvc = model.HalfVarianceTimesC, hv = model.HalfVariance;
            for (int i = 0; i <= lastRow; i++)
            {
                if (i == checkpoints.Next)
                    checkpoints.Reached(i);
                term.BeginRow(i);
                int rowLo = lo[i], rowHi = hi[i];
                // Pointers shifted by -lo so that cur[j] and bp[j] index by target position directly.
                double* cur = rowsBase + (long)(i % rowCount) * stride - rowLo;
                byte* bp = back + offsets[i] - rowLo;
                new Span<double>(cur + rowLo, rowHi - rowLo + 1).Fill(double.PositiveInfinity);
                double* best = bestBase - rowLo;   // bead index per cell, as double so the vector path can blend it
                new Span<double>(best + rowLo, rowHi - rowLo + 1).Fill(Unreached);
                double* tmp = tmpBase - rowLo;
                if (i == 0) cur[0] = 0;

                for (int r = 0; r < rowBeads.Length; r++)
                {
                    int k = rb[r], a = sc[k], b = tc[k];
                    int pi = i - a;
                    if (pi < 0) continue;
                    int jStart = Math.Max(rowLo, lo[pi] + b), jEnd = Math.Min(rowHi, hi[pi] + b);
                    double* prev = rowsBase + (long)(pi % rowCount) * stride - lo[pi];
                    double l1 = s[i] - s[pi], pc = prior[k];
                    if (!TTerm.Adjusts)
                    {
                        // Candidate and minimum in one step.
                        double kd = k;
                        int j = jStart;
                        if (Avx2.IsSupported)
                        {
                            var cost = new LengthCostVector(table, l1, pc, c, hvc, hv);
                            var vk = Vector256.Create(kd);
                            for (; j + 3 <= jEnd; j += 4)
                            {
                                var cand = Vector256.Load(prev + j - b) + cost.Cost(Vector256.Load(t + j) - Vector256.Load(t + j - b));
                                var old = Vector256.Load(cur + j);
                                var better = Vector256.LessThan(cand, old);
                                Vector256.ConditionalSelect(better, cand, old).Store(cur + j);
                                Vector256.ConditionalSelect(better, vk, Vector256.Load(best + j)).Store(best + j);
                            }
                        }
                        for (; j <= jEnd; j++)
                        {
                            double cand = prev[j - b] + GaleChurchCost.BeadCost(pc, l1, t[j] - t[j - b], c, hvc, hv);
                            if (cand < cur[j]) { cur[j] = cand; best[j] = kd; }
                        }
                        continue;
                    }
                    if (jStart > jEnd) continue;
                    if (b == 0)
                    {
                        double cost = term.DeletionCost(pc, GaleChurchCost.BeadCost(pc, l1, 0, c, hvc, hv), false, pi, i);
                        for (int j = jStart; j <= jEnd; j++) tmp[j] = prev[j] + cost;
                    }
                    else
                    {
                        LengthCandidates(prev, t, tmp, jStart, jEnd, b, l1, pc, c, hvc, hv);
                        term.Adjust(tmp, cur, pi, i, a, b, jStart, jEnd);
                    }
                    MergeMinimum(tmp, cur, best, jStart, jEnd, k);
                }

                for (int j = rowLo; j <= rowHi; j++)
                    bp[j] = (byte)best[j];

                if (inRowBeads.Length > 0)
                {
                    for (int j = rowLo + 1; j <= rowHi; j++)
                    {
                        for (int r = 0; r < inRowBeads.Length; r++)
                        {
                            int k = ib[r], b = tc[k];
                            if (j - b < rowLo) continue;
                            double cand = cur[j - b] + term.DeletionCost(prior[k], GaleChurchCost.BeadCost(prior[k], 0, t[j] - t[j - b], c, hvc, hv), true, j - b, j);
                            if (cand < cur[j]) { cur[j] = cand; bp[j] = (byte)k; }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The fewest length-only cells' work for which a search runs as two halves (<see cref="RunMeeting"/>):
    /// about a hundredth of a second of one thread, against the microseconds it takes to hand work to a second (the
    /// length-only search of a Bible book stays on one thread, its anchored searches run as halves).</summary>
    internal const long DefaultMeetingCells = 1L << 18;

    /// <summary>The fewest length-only cells' work for which a search runs as two halves; tests set it low.</summary>
    internal long MeetingCells { get; init; } = DefaultMeetingCells;

    /// <summary>A cell of a search whose term adjusts the candidates (the anchored search) costs about this many
    /// length-only cells (measured on Genesis: 170–250 against 40 ns a cell).</summary>
    private const int AdjustedCellWork = 5;

    /// <summary>
    /// The DP as two halves on two threads, meeting in the middle: the forward search from (0, 0) over the rows up to
    /// the middle row h (and the a − 1 rows after it, for a the most source units of a bead), and the same search of
    /// the two sequences reversed from (n, m) back to row h, with the term <paramref name="makeTerm"/> builds for them.
    /// The reversed search's cost of a cell is the cost of the best path from that cell to (n, m): a bead's lengths
    /// are differences of exact integer sums, and its anchor term that of the same sentences, the same either way
    /// (to rounding). Every path enters rows h..h + a − 1 (no bead spans more than a rows), so the cell there with the
    /// least sum of the two costs is on an optimal path, which is its two halves traced back; each link's cost is then
    /// given by this search's own term, as the one-thread search gives it. Where several paths cost the same (two
    /// adjacent sentences of the same length, one of which is left out; the order of adjacent deletions), the two
    /// searches may choose differently, so a search of this size runs this way on any machine, one core or more, and
    /// gives the same links everywhere.
    /// </summary>
    private unsafe AlignmentResult? RunMeeting<TTerm>(Band band, double[] src, double[] tgt, Model model, ref TTerm term, Func<Band, bool, TTerm> makeTerm,
        ProgressSink? progress, CancellationToken cancellationToken)
        where TTerm : struct, IBeadTerm
    {
        int n = band.N, m = band.M, a = maxSourceCount;
        // The middle row halves the cells, so that the two halves take about as long.
        int h = 0;
        while (h < n && band.RowOffsets[h + 1] < band.CellCount / 2) h++;
        h = Math.Clamp(h, a, n - a);
        int lastForward = h + a - 1;
        var reversed = band.Reversed();
        var reversedSrc = ReversedSums(src);
        var reversedTgt = ReversedSums(tgt);
        var forwardRows = new double[(long)(a + 1) * band.MaxRowWidth];
        var backwardRows = new double[(long)(a + 1) * reversed.MaxRowWidth];
        byte* back = (byte*)NativeMemory.Alloc((nuint)band.RowOffsets[lastForward + 1]);
        byte* backReversed = null;
        var backwardDone = new RowCounter();
        ConcurrentWork? backward = null;
        try
        {
            backReversed = (byte*)NativeMemory.Alloc((nuint)reversed.RowOffsets[n - h + 1]);
            // On the caller's scheduler: within align-batch's, the other half waits for a free thread of the batch
            // (or is done here after this one) rather than add a thread to the batch's.
            backward = ConcurrentWork.Start(() =>
            {
                var checkpoints = new RowCheckpoints(null, n - h + 1, cancellationToken, publish: backwardDone);
                var reversedTerm = makeTerm(reversed, true);
                Sweep(reversed, reversedSrc, reversedTgt, model, ref reversedTerm, n - h, backwardRows, backReversed, ref checkpoints);
            });
            var checkpoints = new RowCheckpoints(progress, n + 1, cancellationToken, add: backwardDone);
            Sweep(band, src, tgt, model, ref term, lastForward, forwardRows, back, ref checkpoints);
            backward.Finish();
            checkpoints.End();

            int bestRow = -1, bestTarget = -1;
            double bestCost = double.PositiveInfinity;
            for (int i = h; i <= lastForward; i++)
                for (int j = band.Lo[i]; j <= band.Hi[i]; j++)
                {
                    double total = CostAt(band, forwardRows, i, j) + CostAt(reversed, backwardRows, n - i, m - j);
                    if (total < bestCost) (bestCost, bestRow, bestTarget) = (total, i, j);
                }
            if (double.IsPositiveInfinity(bestCost))
                return null;

            // Every link's cost by this search's own term, as the one-thread search gives it.
            var cost = LinkCosts(term, model);
            static Link Unreversed(Link l, int n, int m) => new(n - l.SourceEnd, l.SourceCount, m - l.TargetEnd, l.TargetCount);
            var head = TraceBack(back, band, bestRow, bestTarget, cost, src, tgt);
            var tail = TraceBack(backReversed, reversed, n - bestRow, m - bestTarget, (k, l1, l2, link) => cost(k, l1, l2, Unreversed(link, n, m)),
                reversedSrc, reversedTgt);
            var links = new Link[head.Length + tail.Length];
            head.CopyTo(links, 0);
            for (int x = 0; x < tail.Length; x++)
            {
                var l = tail[tail.Length - 1 - x];
                links[head.Length + x] = Unreversed(l, n, m) with { Cost = l.Cost };
            }
            OrderDeletionRuns(links, head.Length);
            return AlignmentResult.Own(links, n, m);
        }
        finally
        {
            // The other half writes into memory freed here: it must not start, or must end, first.
            backward?.Dispose();
            NativeMemory.Free(back);
            NativeMemory.Free(backReversed);
        }
    }

    /// <summary>
    /// Puts the links of each run of adjacent links with an empty side from the run holding link
    /// <paramref name="from"/> on (the reversed half's) in the one-thread search's order: the targets' (0-b) before the
    /// sources' (a-0). A run costs the same in any order (a deletion's cost is its units'), and the one-thread search
    /// keeps the source's deletion for last where the rounding of its sums does not decide otherwise (a row's beads
    /// come before the in-row ones); the reversed half, searching from the end, would put it first.
    /// </summary>
    internal static void OrderDeletionRuns(Link[] links, int from)
    {
        static bool Deletion(Link l) => l.SourceCount == 0 || l.TargetCount == 0;
        while (from > 0 && from < links.Length && Deletion(links[from]) && Deletion(links[from - 1])) from--;
        for (int start = from; start < links.Length;)
        {
            int end = start;
            while (end < links.Length && Deletion(links[end])) end++;
            if (end - start > 1)
            {
                var run = links[start..end];
                int s = run[0].SourceStart, t = run[0].TargetStart, x = start;
                foreach (var l in run)
                    if (l.SourceCount == 0) { links[x++] = l with { SourceStart = s, TargetStart = t }; t += l.TargetCount; }
                foreach (var l in run)
                    if (l.SourceCount != 0) { links[x++] = l with { SourceStart = s, TargetStart = t }; s += l.SourceCount; }
            }
            start = Math.Max(end, start + 1);
        }
    }

    /// <summary>Prefix sums of the units in reverse order: r[i] = p[n] − p[n − i] (exact: integers held in doubles).</summary>
    internal static double[] ReversedSums(double[] prefix)
    {
        int n = prefix.Length - 1;
        var r = new double[n + 1];
        for (int i = 1; i <= n; i++) r[i] = prefix[n] - prefix[n - i];
        return r;
    }

    /// <summary>The rows one half of a search has done, for the other half's progress reports.</summary>
    private sealed class RowCounter
    {
        public volatile int Done;
    }

    /// <summary>In a cell's back byte under <see cref="RunAffine"/>: the bead that ends the link state's best path (or
    /// <see cref="Unlinked"/>), with <see cref="DeletionState"/> set when the deletion state is the cell's best.</summary>
    private const byte DeletionState = 0x80;

    /// <summary>In a cell's deletion back byte: the deletion bead (or <see cref="Unlinked"/>), with
    /// <see cref="DeletionState"/> set when it extends a run (the cell before was in the deletion state).</summary>
    private const byte Unlinked = 0x7F;

    /// <summary>
    /// <see cref="Run"/> with a cost for opening a run of deletions (<see cref="GaleChurchOptions.DeletionOpenCost"/>):
    /// Gotoh's two states. A link starts from the better state of its cell; a deletion starts a run from the link state
    /// (paying the opening cost) or extends one from the deletion state. Scalar for the deletions, the link beads as in
    /// <see cref="Run"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe AlignmentResult? RunAffine<TTerm>(Band band, double[] src, double[] tgt, Model model, ref TTerm term, ProgressSink? progress,
        CancellationToken cancellationToken)
        where TTerm : struct, IBeadTerm
    {
        int n = band.N, m = band.M;
        var checkpoints = new RowCheckpoints(progress, n + 1, cancellationToken);
        int rowCount = maxSourceCount + 1;
        int stride = band.MaxRowWidth;
        double open = Options.DeletionOpenCost;
        // costRows holds the better of the two states, which links start from.
        var costRows = new double[(long)rowCount * stride];
        var linkRows = new double[(long)rowCount * stride];
        var deletionRows = new double[(long)rowCount * stride];
        var bestBeads = new double[stride];
        var deletionBeads = new int[stride];
        var tmpRow = new double[stride];
        byte* back = (byte*)NativeMemory.Alloc((nuint)band.CellCount);
        byte* backDeletion = (byte*)NativeMemory.Alloc((nuint)band.CellCount);
        try
        {
            fixed (double* rowsBase = costRows, linkBase = linkRows, delBase = deletionRows, s = src, t = tgt, tmpBase = tmpRow, bestBase = bestBeads)
            fixed (int* lo = band.Lo, hi = band.Hi, delBeadBase = deletionBeads)
            fixed (long* offsets = band.RowOffsets)
            {
                double c = model.C, hvc = model.HalfVarianceTimesC, hv = model.HalfVariance;
                for (int i = 0; i <= n; i++)
                {
                    if (i == checkpoints.Next)
                        checkpoints.Reached(i);
                    term.BeginRow(i);
                    int rowLo = lo[i], rowHi = hi[i], width = rowHi - rowLo + 1;
                    long rowAt = (long)(i % rowCount) * stride - rowLo;
                    double* cur = rowsBase + rowAt, link = linkBase + rowAt, del = delBase + rowAt;
                    byte* bp = back + offsets[i] - rowLo;
                    byte* bd = backDeletion + offsets[i] - rowLo;
                    double* best = bestBase - rowLo;
                    int* delBead = delBeadBase - rowLo;
                    double* tmp = tmpBase - rowLo;
                    new Span<double>(link + rowLo, width).Fill(double.PositiveInfinity);
                    new Span<double>(del + rowLo, width).Fill(double.PositiveInfinity);
                    new Span<double>(best + rowLo, width).Fill(Unlinked);
                    new Span<int>(delBead + rowLo, width).Fill(Unlinked);
                    if (i == 0) link[0] = 0;

                    for (int r = 0; r < rowBeads.Length; r++)
                    {
                        int k = rowBeads[r], a = sourceCounts[k], b = targetCounts[k];
                        int pi = i - a;
                        if (pi < 0) continue;
                        int jStart = Math.Max(rowLo, lo[pi] + b), jEnd = Math.Min(rowHi, hi[pi] + b);
                        if (jStart > jEnd) continue;
                        long prevAt = (long)(pi % rowCount) * stride - lo[pi];
                        double l1 = s[i] - s[pi], pc = priorCosts[k];
                        if (b == 0)
                        {
                            double cost = term.DeletionCost(pc, GaleChurchCost.BeadCost(pc, l1, 0, c, hvc, hv), false, pi, i);
                            DeletionCandidates(linkBase + prevAt, delBase + prevAt, del, delBead, jStart, jEnd, open, cost, k);
                        }
                        else
                        {
                            LengthCandidates(rowsBase + prevAt, t, tmp, jStart, jEnd, b, l1, pc, c, hvc, hv);
                            term.Adjust(tmp, link, pi, i, a, b, jStart, jEnd);
                            MergeMinimum(tmp, link, best, jStart, jEnd, k);
                        }
                    }

                    for (int j = rowLo; j <= rowHi; j++)
                    {
                        for (int r = 0; r < inRowBeads.Length; r++)
                        {
                            int k = inRowBeads[r], b = targetCounts[k];
                            if (j - b < rowLo) continue;
                            double cost = term.DeletionCost(priorCosts[k], GaleChurchCost.BeadCost(priorCosts[k], 0, t[j] - t[j - b], c, hvc, hv), true, j - b, j);
                            double opening = link[j - b] + open, extending = del[j - b];
                            bool extends = extending < opening;
                            double cand = (extends ? extending : opening) + cost;
                            if (cand < del[j]) { del[j] = cand; delBead[j] = k | (extends ? DeletionState : 0); }
                        }
                        bool deletionBest = del[j] < link[j];
                        cur[j] = deletionBest ? del[j] : link[j];
                        bp[j] = (byte)((int)best[j] | (deletionBest ? DeletionState : 0));
                        bd[j] = (byte)delBead[j];
                    }
                }

                checkpoints.End();
                double* last = rowsBase + (long)(n % rowCount) * stride - lo[n];
                if (double.IsPositiveInfinity(last[m]))
                    return null;
                return AlignmentResult.Own(TraceBackAffine(back, backDeletion, offsets, lo, n, m, LinkCosts(term, model), src, tgt, open), n, m);
            }
        }
        finally
        {
            NativeMemory.Free(back);
            NativeMemory.Free(backDeletion);
        }
    }

    /// <summary>
    /// The deletion state's candidates of a bead that consumes source units only: each cell's run opened from the link
    /// state <paramref name="open"/> above, or extended, plus <paramref name="cost"/>; kept where below del[j]. Four
    /// cells at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void DeletionCandidates(double* prevLink, double* prevDel, double* del, int* delBead, int jStart, int jEnd, double open, double cost, int bead)
    {
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var vOpen = Vector256.Create(open);
            var vCost = Vector256.Create(cost);
            for (; j + 3 <= jEnd; j += 4)
            {
                var opening = Vector256.Load(prevLink + j) + vOpen;
                var extending = Vector256.Load(prevDel + j);
                var extends = Vector256.LessThan(extending, opening);
                var cand = Vector256.ConditionalSelect(extends, extending, opening) + vCost;
                var better = Vector256.LessThan(cand, Vector256.Load(del + j));
                if (better == Vector256<double>.Zero) continue;
                Vector256.ConditionalSelect(better, cand, Vector256.Load(del + j)).Store(del + j);
                for (int y = 0; y < 4; y++)
                    if (better.GetElement(y) != 0)
                        delBead[j + y] = bead | (extends.GetElement(y) != 0 ? DeletionState : 0);
            }
        }
        for (; j <= jEnd; j++)
        {
            double opening = prevLink[j] + open, extending = prevDel[j];
            bool extends = extending < opening;
            double cand = (extends ? extending : opening) + cost;
            if (cand < del[j]) { del[j] = cand; delBead[j] = bead | (extends ? DeletionState : 0); }
        }
    }

    /// <summary>
    /// <see cref="TraceBack"/> through the two states of <see cref="RunAffine"/>; a deletion that opens a run carries
    /// the opening cost in its link's cost, so that the links' costs still sum to the path's.
    /// </summary>
    private unsafe Link[] TraceBackAffine(byte* back, byte* backDeletion, long* offsets, int* lo, int n, int m, Func<int, double, double, Link, double> cost,
        double[] s, double[] t, double open)
    {
        var links = new List<Link>();
        bool inDeletion = (back[offsets[n] + m - lo[n]] & DeletionState) != 0;
        for (int si = n, tj = m; si > 0 || tj > 0;)
        {
            long cell = offsets[si] + tj - lo[si];
            int code = inDeletion ? backDeletion[cell] : back[cell], k = code & Unlinked;
            if (k == Unlinked)
                throw new InvalidOperationException("Internal error: the back-pointer path is broken.");
            int a = sourceCounts[k], b = targetCounts[k];
            var link = new Link(si - a, a, tj - b, b);
            bool opens = inDeletion && (code & DeletionState) == 0;
            links.Add(link with { Cost = cost(k, s[si] - s[si - a], t[tj] - t[tj - b], link) + (opens ? open : 0) });
            si -= a;
            tj -= b;
            // A link starts from its cell's better state; a deletion from the state it names.
            inDeletion = inDeletion ? (code & DeletionState) != 0 : (si > 0 || tj > 0) && (back[offsets[si] + tj - lo[si]] & DeletionState) != 0;
        }
        links.Reverse();
        return [.. links];
    }

    /// <summary>
    /// The rows at which a search checks its cancellation token (every <see cref="CancellationRowInterval"/> rows) and
    /// reports its progress (row 0, about every 1 % of its rows but at most every <see cref="MinProgressRows"/>, and
    /// the end). The DP compares the row with <see cref="Next"/>, one load and compare per row and no register held
    /// across the row's inner loops; the work is out of line. Lives on the stack of one search.
    /// </summary>
    private struct RowCheckpoints
    {
        private readonly ProgressSink? progress;
        private readonly RowCounter? add, publish;
        private readonly CancellationToken token;
        private readonly int search, rows, step;
        private int nextReport;

        /// <summary>The next row at which <see cref="Reached"/> must be called.</summary>
        public int Next;

        /// <param name="progress">Told the rows done; null for no reports.</param>
        /// <param name="rows">The rows of the search.</param>
        /// <param name="token">Checked at the checkpoints.</param>
        /// <param name="add">The other half of a search that runs as two: its rows are added to this half's in reports.</param>
        /// <param name="publish">Where this half of a search that runs as two publishes its rows at each checkpoint.</param>
        public RowCheckpoints(ProgressSink? progress, int rows, CancellationToken token, RowCounter? add = null, RowCounter? publish = null)
        {
            this.progress = progress;
            this.add = add;
            this.publish = publish;
            this.token = token;
            this.rows = rows;
            search = progress?.Begin() ?? 0;
            step = Math.Max(MinProgressRows, rows / ProgressRows);
            nextReport = progress is null ? int.MaxValue : 0;
            Next = 0;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Reached(int row)
        {
            if (row % CancellationRowInterval == 0)
                token.ThrowIfCancellationRequested();
            if (publish != null) publish.Done = row;
            if (row == nextReport)
            {
                // Short of the end until End: the last rows may still be the other half's.
                progress!.Report(search, add is null || row == 0 ? row : Math.Min(row + add.Done, rows - 1), rows);
                nextReport = row + step;
            }
            Next = Math.Min((row / CancellationRowInterval + 1) * CancellationRowInterval, nextReport);
        }

        /// <summary>Reports the search complete.</summary>
        public readonly void End() => progress?.Report(search, rows, rows);
    }

    /// <summary>
    /// dest[j] = prev[j − b] + the length cost of a bead of source length <paramref name="l1"/> and target length
    /// t[j] − t[j − b], for j in jStart..jEnd: four cells at a time with <see cref="LengthCostVector"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void LengthCandidates(double* prev, double* t, double* dest, int jStart, int jEnd, int b,
        double l1, double pc, double c, double hvc, double hv)
    {
        int j = jStart;
        if (Avx2.IsSupported)
        {
            fixed (double* table = GaleChurchCost.Table)
            {
                var cost = new LengthCostVector(table, l1, pc, c, hvc, hv);
                for (; j + 3 <= jEnd; j += 4)
                    (Vector256.Load(prev + j - b) + cost.Cost(Vector256.Load(t + j) - Vector256.Load(t + j - b))).Store(dest + j);
            }
        }
        for (; j <= jEnd; j++)
            dest[j] = prev[j - b] + GaleChurchCost.BeadCost(pc, l1, t[j] - t[j - b], c, hvc, hv);
    }

    /// <summary>cur[j] = min(cur[j], cand[j]) for j in jStart..jEnd, best[j] = <paramref name="bead"/> where cand won.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void MergeMinimum(double* cand, double* cur, double* best, int jStart, int jEnd, int bead)
    {
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var vk = Vector256.Create((double)bead);
            for (; j + 3 <= jEnd; j += 4)
            {
                var cv = Vector256.Load(cand + j);
                var old = Vector256.Load(cur + j);
                var better = Vector256.LessThan(cv, old);
                Vector256.ConditionalSelect(better, cv, old).Store(cur + j);
                Vector256.ConditionalSelect(better, vk, Vector256.Load(best + j)).Store(best + j);
            }
        }
        for (; j <= jEnd; j++)
            if (cand[j] < cur[j]) { cur[j] = cand[j]; best[j] = bead; }
    }

    /// <summary>
    /// The links on the back-pointer path of <paramref name="band"/> from cell (<paramref name="row"/>,
    /// <paramref name="column"/>) to (0, 0), in order, each with <paramref name="cost"/>(bead, source length, target
    /// length, link). A first walk counts the links so that the array is allocated once, at its exact size.
    /// </summary>
    private unsafe Link[] TraceBack(byte* back, Band band, int row, int column, Func<int, double, double, Link, double> cost, double[] s, double[] t)
    {
        long[] offsets = band.RowOffsets;
        int[] lo = band.Lo;
        int count = 0;
        for (int si = row, tj = column; si > 0 || tj > 0; count++)
        {
            int k = back[offsets[si] + tj - lo[si]];
            if (k == Unreached)
                throw new InvalidOperationException("Internal error: the back-pointer path is broken.");
            si -= sourceCounts[k];
            tj -= targetCounts[k];
        }
        var links = new Link[count];
        for (int si = row, tj = column, x = count - 1; x >= 0; x--)
        {
            int k = back[offsets[si] + tj - lo[si]];
            int a = sourceCounts[k], b = targetCounts[k];
            var link = new Link(si - a, a, tj - b, b);
            links[x] = link with { Cost = cost(k, s[si] - s[si - a], t[tj] - t[tj - b], link) };
            si -= a;
            tj -= b;
        }
        return links;
    }
}
