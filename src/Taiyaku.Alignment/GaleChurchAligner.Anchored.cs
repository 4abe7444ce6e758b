using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Alignment;

public sealed partial class GaleChurchAligner
{
    /// <summary>
    /// Aligns two sequences of units by their lengths and their lexical anchors: a bead's cost is its length cost minus
    /// <see cref="GaleChurchOptions.AnchorWeight"/> times its anchor score, the weight of the anchor items of its
    /// sentences that are matched on the other side, less ln k per item for k sentences on that side (see
    /// <see cref="SentenceAnchors"/>). The search runs in a band around the length-only alignment,
    /// widened until the path keeps clear of its edges.
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="sourceAnchors">Anchors of each source unit (same count as <paramref name="sourceLengths"/>).</param>
    /// <param name="targetAnchors">Anchors of each target unit (same count as <paramref name="targetLengths"/>).</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <returns>Links in document order covering every unit exactly once; a link's cost includes its anchor term.</returns>
    /// <exception cref="ArgumentException">A length is negative or an anchor list has the wrong count.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths,
        IReadOnlyList<SentenceAnchors> sourceAnchors, IReadOnlyList<SentenceAnchors> targetAnchors, CancellationToken cancellationToken = default) =>
        Align(sourceLengths, targetLengths, sourceAnchors, targetAnchors, null, cancellationToken);

    /// <summary>
    /// Aligns with anchors as <see cref="Align(ReadOnlySpan{int}, ReadOnlySpan{int}, IReadOnlyList{SentenceAnchors}, IReadOnlyList{SentenceAnchors}, CancellationToken)"/>
    /// does, starting from the band of <paramref name="guide"/>, an earlier alignment of the same units (a first pass
    /// with other anchors or priors): a later pass then searches where the earlier one ended instead of widening its
    /// way there again. The result does not depend on the guide except through the band.
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="sourceAnchors">Anchors of each source unit (same count as <paramref name="sourceLengths"/>).</param>
    /// <param name="targetAnchors">Anchors of each target unit (same count as <paramref name="targetLengths"/>).</param>
    /// <param name="guide">An alignment of the same units, or null.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <exception cref="ArgumentException">A length is negative, an anchor list has the wrong count, or the guide
    /// covers other counts of units.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths,
        IReadOnlyList<SentenceAnchors> sourceAnchors, IReadOnlyList<SentenceAnchors> targetAnchors, AlignmentResult? guide, CancellationToken cancellationToken = default)
    {
        if (guide != null && (guide.SourceCount != sourceLengths.Length || guide.TargetCount != targetLengths.Length))
            throw new ArgumentException($"The guide aligns {guide.SourceCount} and {guide.TargetCount} units, not {sourceLengths.Length} and {targetLengths.Length}.", nameof(guide));
        ArgumentNullException.ThrowIfNull(sourceAnchors);
        ArgumentNullException.ThrowIfNull(targetAnchors);
        if (sourceAnchors.Count != sourceLengths.Length)
            throw new ArgumentException($"There are {sourceLengths.Length} source lengths but {sourceAnchors.Count} anchor sets.", nameof(sourceAnchors));
        if (targetAnchors.Count != targetLengths.Length)
            throw new ArgumentException($"There are {targetLengths.Length} target lengths but {targetAnchors.Count} anchor sets.", nameof(targetAnchors));
        int n = sourceLengths.Length, m = targetLengths.Length;
        if (n == 0 || m == 0 || Options.AnchorWeight == 0)
            return Align(sourceLengths, targetLengths, cancellationToken);

        var src = PrefixSums(sourceLengths, nameof(sourceLengths));
        var tgt = PrefixSums(targetLengths, nameof(targetLengths));
        double c = Options.LengthRatio ?? EstimateLengthRatio(src[n], tgt[m]);
        var model = new Model(c, Options.Variance);
        var sa = sourceAnchors as SentenceAnchors[] ?? sourceAnchors.ToArray();
        var ta = targetAnchors as SentenceAnchors[] ?? targetAnchors.ToArray();
        for (int i = 0; i < sa.Length; i++) ArgumentNullException.ThrowIfNull(sa[i], nameof(sourceAnchors));
        for (int j = 0; j < ta.Length; j++) ArgumentNullException.ThrowIfNull(ta[j], nameof(targetAnchors));

        if (Options.Search == SearchMode.Full)
            return RunAnchored(Band.Full(n, m), src, tgt, model, sa, ta, Postings(ta), cancellationToken) ?? throw NoAlignment();

        // The band follows the anchor skeleton where there is one, else the length-only alignment.
        var skeleton = AnchorSkeleton.Find(sa, ta);
        IReadOnlyList<Link>? lengthOnly = skeleton.Length == 0 ? Align(sourceLengths, targetLengths, cancellationToken).Links : null;
        var postings = Postings(ta);
        long width = Options.AnchorBandWidth;
        Band MakeBand(IReadOnlyList<Link>? path) =>
            lengthOnly is null ? Band.AroundSkeleton(n, m, skeleton, width, path) : Band.Around(n, m, width, lengthOnly, path);
        if (guide != null && lengthOnly is null) skeleton = Honoured(skeleton, guide.Links, Band.Full(n, m), 0, 0);
        var band = MakeBand(guide?.Links);
        int dropRadius = 1;
        while (true)
        {
            var links = RunAnchored(band, src, tgt, model, sa, ta, postings, cancellationToken);
            if (links is null)
            {
                if (band.IsFull) throw NoAlignment();
                width *= 2;
                band = MakeBand(null);
                continue;
            }
            if (band.IsFull || !band.Touches(links.Links, (int)Math.Max(margin, width / 2)))
                return links;
            // Skeleton pairs that the path does not honour were chance matches: drop them and search again around
            // the rest and the path; widen only when every pair held.
            if (lengthOnly is null)
            {
                // Each time pairs must go, twice as many around each touched row: a run of chance pairs (typically
                // where one text runs on past the other) goes in a few searches, not one search per pair.
                var kept = Honoured(skeleton, links.Links, band, (int)Math.Max(margin, width / 2), dropRadius);
                dropRadius *= 2;
                if (kept.Length < skeleton.Length) { skeleton = kept; band = MakeBand(links.Links); continue; }
            }
            width *= 2;
            band = MakeBand(links.Links);
        }
    }

    /// <summary>
    /// dest[j] = prev[j − b] + the length cost of a bead of source length <paramref name="l1"/> and target length
    /// t[j] − t[j − b], for j in jStart..jEnd: four cells at a time with <see cref="LengthCostVector"/>, as the
    /// length-only search computes them.
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

    /// <summary>For each key of the target side, the target units holding it, ascending.</summary>
    private static Dictionary<ulong, int[]> Postings(SentenceAnchors[] target)
    {
        var lists = new Dictionary<ulong, List<int>>();
        for (int v = 0; v < target.Length; v++)
        {
            var keys = target[v].Keys;
            for (int k = 0; k < keys.Length; k++)
            {
                if (k > 0 && keys[k - 1] == keys[k]) continue;
                if (!lists.TryGetValue(keys[k], out var list)) lists[keys[k]] = list = [];
                list.Add(v);
            }
        }
        var postings = new Dictionary<ulong, int[]>(lists.Count);
        foreach (var (key, list) in lists) postings[key] = [.. list];
        return postings;
    }

    /// <summary>
    /// The skeleton pairs whose two sentences are in one link of <paramref name="path"/> or in neighbouring links, less
    /// the <paramref name="radius"/> pairs on either side of each row where the path came within
    /// <paramref name="edge"/> of the band's edge (those pairs held the path there).
    /// </summary>
    private static (int Source, int Target)[] Honoured((int Source, int Target)[] skeleton, IReadOnlyList<Link> path, Band band, int edge, int radius)
    {
        var suspect = new bool[skeleton.Length];
        foreach (var l in path)
        {
            int i = l.SourceStart, j = l.TargetStart;
            if ((band.Lo[i] > 0 && j - band.Lo[i] < edge) || (band.Hi[i] < band.M && band.Hi[i] - j < edge))
            {
                // The first pair at or after row i, and the radius pairs on either side of the row.
                int q = Array.BinarySearch(skeleton, (i, -1), SourceOrder.Instance);
                if (q < 0) q = ~q;
                for (int x = Math.Max(0, q - radius); x < Math.Min(skeleton.Length, q + radius); x++) suspect[x] = true;
            }
        }
        var kept = new List<(int, int)>(skeleton.Length);
        int k = 0;
        for (int q = 0; q < skeleton.Length; q++)
        {
            var p = skeleton[q];
            if (suspect[q]) continue;
            while (k < path.Count && (path[k].SourceEnd <= p.Source || path[k].SourceCount == 0)) k++;
            if (k == path.Count) break;
            var l = path[k];
            // The link holding the source sentence must hold the target or come within a link of it.
            if (p.Target >= l.TargetStart - 1 && p.Target <= l.TargetEnd) kept.Add(p);
        }
        return [.. kept];
    }

    private sealed class SourceOrder : IComparer<(int Source, int Target)>
    {
        public static readonly SourceOrder Instance = new();
        public int Compare((int Source, int Target) x, (int Source, int Target) y) => x.Source.CompareTo(y.Source);
    }

    /// <summary>The DP with anchors inside <paramref name="band"/>; null when the end cell is unreachable within it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe AlignmentResult? RunAnchored(Band band, double[] s, double[] t, Model model,
        SentenceAnchors[] sa, SentenceAnchors[] ta, Dictionary<ulong, int[]> postings, CancellationToken cancellationToken)
    {
        int n = band.N, m = band.M;
        int A = Math.Max(maxSourceCount, 1), B = maxTargetCount;
        int[] lo = band.Lo, hi = band.Hi;
        long[] offsets = band.RowOffsets;

        // Pair masks of source unit u against the targets it can meet in a bead: targets tStart[u]..tEnd[u].
        var tStart = new int[n];
        int maskWidth = 1;
        var tEnd = new int[n];
        for (int u = 0; u < n; u++)
        {
            int minLo = int.MaxValue, maxHi = int.MinValue;
            for (int i = u + 1; i <= Math.Min(n, u + A); i++)
            {
                minLo = Math.Min(minLo, lo[i]);
                maxHi = Math.Max(maxHi, hi[i]);
            }
            tStart[u] = Math.Max(0, minLo - B);
            tEnd[u] = Math.Min(m - 1, maxHi - 1);
            maskWidth = Math.Max(maskWidth, tEnd[u] - tStart[u] + 1);
        }
        var touchedBySlot = new List<int>[A];
        for (int x = 0; x < A; x++) touchedBySlot[x] = [];
        var inSource = new ulong[A * maskWidth];   // items of source u matched by target v
        var inTarget = new ulong[A * maskWidth];   // items of target v matched by source u
        var pairScore = new double[A * maskWidth];   // the anchor score of the 1-1 bead (u, v)
        var prefix = new double[A * (maskWidth + 1)];   // prefix sums of u's pair scores over v

        int rowCount = maxSourceCount + 1;
        int stride = band.MaxRowWidth;
        var costRows = new double[(long)rowCount * stride];
        byte* back = (byte*)NativeMemory.Alloc((nuint)band.CellCount);
        double lambda = Options.AnchorWeight;
        double mu = Options.UnmatchedItemCost;
        bool evidence = mu > 0;   // unaligned sentences then cost their prior only: the lexical evidence decides
        double c = model.C, hvc = model.HalfVarianceTimesC, hv = model.HalfVariance;
        // Prefix sums of the sentences' anchor item counts: a linked sentence (not left unaligned) pays ν per item that its
        // link leaves unmatched, that is ν per item, less ν per matched item (folded into the match weights below).
        var us = new double[n + 1];
        for (int u = 0; u < n; u++) us[u + 1] = us[u] + sa[u].ItemCount;
        var ut = new double[m + 1];
        for (int v = 0; v < m; v++) ut[v + 1] = ut[v] + ta[v].ItemCount;
        double lm = lambda * mu, lg = lambda;
        var tmpRow = new double[stride];
        var bestRow = new double[stride];
        try
        {
            fixed (double* rowsBase = costRows, tmpBase = tmpRow, bestBase = bestRow, tp = t, usp = us, utp = ut, pairBase = pairScore, prefixBase = prefix)
            {
            for (int i = 0; i <= n; i++)
            {
                if (i % CancellationRowInterval == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                if (i > 0)
                {
                    int u = i - 1, slot = u % A * maskWidth, first = tStart[u], last = tEnd[u];
                    int width = last - first + 1;
                    inSource.AsSpan(slot, width).Clear();
                    inTarget.AsSpan(slot, width).Clear();
                    pairScore.AsSpan(slot, width).Clear();
                    // Only the targets that share a key with u are touched: each key's postings in [first, last].
                    var touched = touchedBySlot[u % A];
                    touched.Clear();
                    var su = sa[u];
                    for (int p = 0; p < su.Keys.Length; p++)
                    {
                        ulong key = su.Keys[p];
                        if (!postings.TryGetValue(key, out var list)) continue;
                        int at = Array.BinarySearch(list, first);
                        if (at < 0) at = ~at;
                        for (; at < list.Length && list[at] <= last; at++)
                        {
                            int v = list[at];
                            int x = slot + v - first;
                            if (inSource[x] == 0 && inTarget[x] == 0) touched.Add(v);
                            inSource[x] |= 1UL << su.ItemOf[p];
                            inTarget[x] |= ta[v].ItemsOf(key);
                        }
                    }
                    foreach (int v in touched)
                    {
                        int x = slot + v - first;
                        pairScore[x] = su.WeightOf(inSource[x], -mu) + ta[v].WeightOf(inTarget[x], -mu);
                    }
                    int sumsAt = u % A * (maskWidth + 1);
                    double sum = 0;
                    prefix[sumsAt] = 0;
                    for (int x = 0; x < width; x++) prefix[sumsAt + x + 1] = sum += pairScore[slot + x];
                }
                int rowLo = lo[i], rowHi = hi[i];
                int curBase = (i % rowCount) * stride - rowLo;
                long bpBase = offsets[i] - rowLo;
                costRows.AsSpan((i % rowCount) * stride, rowHi - rowLo + 1).Fill(double.PositiveInfinity);
                new Span<byte>(back + offsets[i], rowHi - rowLo + 1).Fill(Unreached);
                if (i == 0) costRows[curBase] = 0;

                // Each bead's candidates for the whole row first (the length cost vectorised, as in the length-only
                // search), then the anchor term on the few cells whose bead holds a matched pair, then the minimum.
                double* best = bestBase - rowLo;
                new Span<double>(best + rowLo, rowHi - rowLo + 1).Fill(Unreached);
                double* cur = rowsBase + (long)(i % rowCount) * stride - rowLo;
                double* tmp = tmpBase - rowLo;
                for (int r = 0; r < rowBeads.Length; r++)
                {
                    int k = rowBeads[r], a = sourceCounts[k], b = targetCounts[k];
                    int pi = i - a;
                    if (pi < 0) continue;
                    int jStart = Math.Max(rowLo, lo[pi] + b), jEnd = Math.Min(rowHi, hi[pi] + b);
                    if (jStart > jEnd) continue;
                    double* prev = rowsBase + (long)(pi % rowCount) * stride - lo[pi];
                    double l1 = s[i] - s[pi], pc = priorCosts[k];
                    if (b == 0)
                    {
                        double cost = evidence ? pc : GaleChurchCost.BeadCost(pc, l1, 0, c, hvc, hv);
                        for (int j = jStart; j <= jEnd; j++) tmp[j] = prev[j] + cost;
                    }
                    else
                    {
                        LengthCandidates(prev, tp, tmp, jStart, jEnd, b, l1, pc, c, hvc, hv);
                        if (evidence)
                        {
                            double dus = usp[i] - usp[pi];
                            for (int j = jStart; j <= jEnd; j++) tmp[j] += lm * (dus + utp[j] - utp[j - b]);
                        }
                        if (a == 1 && b == 1)
                        {
                            // The 1-1 bead's anchor score is its pair's.
                            double* pair = pairBase + (pi % A) * maskWidth - tStart[pi] - 1;
                            for (int j = jStart; j <= jEnd; j++) tmp[j] -= lg * pair[j];
                        }
                        else
                        {
                            // The anchor score is at most the sum of the bead's pair scores (a union weighs no more
                            // than the sum of its parts, and the size penalty only lowers it), read off each source's
                            // prefix sums: the exact score only where even that bound could win.
                            for (int j = jStart; j <= jEnd; j++)
                            {
                                double bound = 0;
                                for (int u = pi; u < i; u++)
                                {
                                    double* sums = prefixBase + (u % A) * (maskWidth + 1) - tStart[u];
                                    bound += sums[j] - sums[j - b];
                                }
                                if (bound <= 0) continue;
                                double cand = tmp[j];
                                if (cand - lg * bound * BoundSlack >= cur[j]) continue;
                                tmp[j] = cand - lg * Covered(sa, ta, pi, i, j - b, j, tStart, inSource, inTarget, A, maskWidth, mu);
                            }
                        }
                    }
                    MergeMinimum(tmp, cur, best, jStart, jEnd, k);
                }
                for (int j = rowLo; j <= rowHi; j++)
                    back[bpBase + j] = (byte)best[j];

                for (int j = rowLo + 1; j <= rowHi; j++)
                {
                    for (int r = 0; r < inRowBeads.Length; r++)
                    {
                        int k = inRowBeads[r], b = targetCounts[k];
                        if (j - b < rowLo) continue;
                        double cand = costRows[curBase + j - b] + (evidence ? priorCosts[k] : GaleChurchCost.BeadCost(priorCosts[k], 0, t[j] - t[j - b], c, hvc, hv));
                        if (cand < costRows[curBase + j]) { costRows[curBase + j] = cand; back[bpBase + j] = (byte)k; }
                    }
                }
            }

            }
            if (double.IsPositiveInfinity(costRows[(n % rowCount) * stride - lo[n] + m]))
                return null;
            fixed (long* offsetsPtr = offsets)
            fixed (int* loPtr = lo)
            {
                var links = TraceBack(back, offsetsPtr, loPtr, n, m, (k, l1, l2, link) =>
                    link.SourceCount == 0 || link.TargetCount == 0
                        ? (evidence ? priorCosts[k] : GaleChurchCost.BeadCost(priorCosts[k], l1, l2, c, hvc, hv))
                        : GaleChurchCost.BeadCost(priorCosts[k], l1, l2, c, hvc, hv) + lm * (us[link.SourceEnd] - us[link.SourceStart] + ut[link.TargetEnd] - ut[link.TargetStart])
                          - lg * SentenceAnchors.Score(sa, ta, link, mu), s, t);
                return AlignmentResult.Own(links, n, m);
            }
        }
        finally
        {
            NativeMemory.Free(back);
        }
    }

    /// <summary>Rounding room for the bound read off prefix sums, so that it never falls below the exact score.</summary>
    private const double BoundSlack = 1 + 1e-12;

    /// <summary>Anchor score (see <see cref="SentenceAnchors"/>) of the bead of sources u0..u1−1 and targets v0..v1−1 (both sides).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Covered(SentenceAnchors[] sa, SentenceAnchors[] ta, int u0, int u1, int v0, int v1,
        int[] tStart, ulong[] inSource, ulong[] inTarget, int slots, int maskWidth, double mu)
    {
        double covered = 0;
        double sourcePenalty = SentenceAnchors.SizePenalty[v1 - v0] - mu, targetPenalty = SentenceAnchors.SizePenalty[u1 - u0] - mu;
        for (int u = u0; u < u1; u++)
        {
            int baseIndex = u % slots * maskWidth - tStart[u];
            ulong acc = 0;
            for (int v = v0; v < v1; v++) acc |= inSource[baseIndex + v];
            if (acc != 0) covered += sa[u].WeightOf(acc, sourcePenalty);
        }
        for (int v = v0; v < v1; v++)
        {
            ulong acc = 0;
            for (int u = u0; u < u1; u++) acc |= inTarget[u % slots * maskWidth - tStart[u] + v];
            if (acc != 0) covered += ta[v].WeightOf(acc, targetPenalty);
        }
        return covered;
    }
}

