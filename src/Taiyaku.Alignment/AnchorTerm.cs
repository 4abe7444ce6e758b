using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Taiyaku.Alignment;

/// <summary>
/// The anchor term of a bead: minus λ times the weight of its sentences' anchor items matched on the other side (less ln k
/// per item for k sentences on that side; see <see cref="SentenceAnchors"/>); with ν &gt; 0, a linked sentence also pays
/// λν per item its link leaves unmatched, and a bead with an empty side costs its prior only (the lexical evidence
/// decides what is left unaligned). A bead with an empty side whose sentences have one-sided evidence
/// (<see cref="SentenceAnchors.OneSidedEvidence"/>) costs its prior less that evidence, whatever ν, and a 1-1 bead of two
/// such sentences costs both less. Built for one band: the masks of a source unit cover the targets it can meet there.
/// </summary>
internal readonly unsafe struct AnchorTerm : IBeadTerm
{
    /// <summary>Rounding room for the bound read off prefix sums, so that it never falls below the exact score.</summary>
    private const double BoundSlack = 1 + 1e-12;

    private readonly SentenceAnchors[] sa, ta;
    private readonly int[] postingTargets, sourceKeyStart;
    private readonly ulong[] postingItems;
    private readonly (int Start, int End)[] sourceKeyPostings;
    private readonly int[] tStart, tEnd;
    private readonly int slots, maskWidth;
    private readonly ulong[] inSource, inTarget;   // items of source u matched by target v; of target v matched by source u
    private readonly double[] pairScore, prefix;   // the 1-1 bead (u, v)'s anchor score; prefix sums of it over v
    private readonly double[] sourceScore, targetScore;  // its two parts: u's items matched by v, v's matched by u
    private readonly List<int>[] touchedBySlot;
    private readonly double[] us, ut;              // prefix sums of the anchor item counts of each side
    private readonly double[] oneSidedS, oneSidedT; // the one-sided evidence of each unit of each side
    private readonly double lambda, mu;
    private readonly bool reversed;
    private readonly int n, m;

    /// <param name="band">Row i spans targets band.Lo[i]..band.Hi[i].</param>
    /// <param name="maxSourceCount">Most source units in a bead.</param>
    /// <param name="maxTargetCount">Most target units in a bead.</param>
    /// <param name="index">The anchors' postings and item counts.</param>
    /// <param name="lambda">λ, the anchor weight.</param>
    /// <param name="mu">ν, the cost of an unmatched item of a linked sentence.</param>
    /// <param name="reversed">Whether the band is of the two sequences reversed (unit u as unit n − 1 − u): the term
    /// then reads the index's postings from the end, without an index of its own.</param>
    public AnchorTerm(GaleChurchAligner.Band band, int maxSourceCount, int maxTargetCount, AnchorIndex index, double lambda, double mu, bool reversed = false)
    {
        int n = band.N, m = band.M;
        (this.n, this.m, this.reversed) = (n, m, reversed);
        int A = Math.Max(maxSourceCount, 1), B = maxTargetCount;
        tStart = new int[n];
        tEnd = new int[n];
        maskWidth = 1;
        for (int u = 0; u < n; u++)
        {
            int minLo = int.MaxValue, maxHi = int.MinValue;
            for (int i = u + 1; i <= Math.Min(n, u + A); i++)
            {
                minLo = Math.Min(minLo, band.Lo[i]);
                maxHi = Math.Max(maxHi, band.Hi[i]);
            }
            tStart[u] = Math.Max(0, minLo - B);
            tEnd[u] = Math.Min(m - 1, maxHi - 1);
            maskWidth = Math.Max(maskWidth, tEnd[u] - tStart[u] + 1);
        }
        slots = A;
        touchedBySlot = new List<int>[A];
        for (int x = 0; x < A; x++) touchedBySlot[x] = [];
        inSource = new ulong[A * maskWidth];
        inTarget = new ulong[A * maskWidth];
        // Pinned: the kernel reads them through pointers.
        pairScore = GC.AllocateArray<double>(A * maskWidth, pinned: true);
        prefix = GC.AllocateArray<double>(A * (maskWidth + 1), pinned: true);
        sourceScore = new double[A * maskWidth];
        targetScore = new double[A * maskWidth];
        postingTargets = index.PostingTargets;
        postingItems = index.PostingItems;
        sourceKeyStart = index.SourceKeyStart;
        sourceKeyPostings = index.SourceKeyPostings;
        if (reversed)
        {
            sa = Mirrored(index.Source);
            ta = Mirrored(index.Target);
            us = GaleChurchAligner.ReversedSums(index.SourceItems);   // exact: item counts are integers
            ut = GaleChurchAligner.ReversedSums(index.TargetItems);
            oneSidedS = Mirrored(index.SourceOneSided);
            oneSidedT = Mirrored(index.TargetOneSided);
        }
        else
        {
            sa = index.Source;
            ta = index.Target;
            us = index.SourceItems;
            ut = index.TargetItems;
            oneSidedS = index.SourceOneSided;
            oneSidedT = index.TargetOneSided;
        }
        this.lambda = lambda;
        this.mu = mu;
    }

    public static bool Adjusts => true;

    private static T[] Mirrored<T>(T[] units)
    {
        var copy = units.AsSpan().ToArray();
        Array.Reverse(copy);
        return copy;
    }

    /// <summary>The pair masks and scores of source u = i − 1 against the targets it can meet.</summary>
    public void BeginRow(int i)
    {
        if (i == 0) return;
        int u = i - 1, slot = u % slots * maskWidth, first = tStart[u], last = tEnd[u];
        int width = last - first + 1;
        inSource.AsSpan(slot, width).Clear();
        inTarget.AsSpan(slot, width).Clear();
        pairScore.AsSpan(slot, width).Clear();
        sourceScore.AsSpan(slot, width).Clear();
        targetScore.AsSpan(slot, width).Clear();
        // Only the targets that share a key with u are touched: each key's postings in [first, last].
        var touched = touchedBySlot[u % slots];
        touched.Clear();
        var su = sa[u];
        // Reversed, the postings (in the index's own order) are read for the mirrored targets.
        int keysAt = sourceKeyStart[reversed ? n - 1 - u : u];
        int from = reversed ? m - 1 - last : first, to = reversed ? m - 1 - first : last;
        for (int p = 0; p < su.Keys.Length; p++)
        {
            var (start, end) = sourceKeyPostings[keysAt + p];
            if (start == end) continue;
            int at = Array.BinarySearch(postingTargets, start, end - start, from);
            if (at < 0) at = ~at;
            ulong bit = 1UL << su.ItemOf[p];
            for (; at < end && postingTargets[at] <= to; at++)
            {
                int v = reversed ? m - 1 - postingTargets[at] : postingTargets[at];
                int x = slot + v - first;
                if (inSource[x] == 0 && inTarget[x] == 0) touched.Add(v);
                inSource[x] |= bit;
                inTarget[x] |= postingItems[at];
            }
        }
        foreach (int v in touched)
        {
            int x = slot + v - first;
            double source = su.WeightOf(inSource[x], -mu), target = ta[v].WeightOf(inTarget[x], -mu);
            sourceScore[x] = source;
            targetScore[x] = target;
            pairScore[x] = source + target;
        }
        int sumsAt = u % slots * (maskWidth + 1);
        double sum = 0;
        prefix[sumsAt] = 0;
        for (int x = 0; x < width; x++) prefix[sumsAt + x + 1] = sum += pairScore[slot + x];
    }

    public void Adjust(double* tmp, double* cur, int pi, int i, int a, int b, int jStart, int jEnd)
    {
        double lg = lambda;
        if (mu > 0)
        {
            double lm = lambda * mu, dus = us[i] - us[pi];
            fixed (double* utp = ut)
                AddUnmatched(tmp, utp, lm, dus, b, jStart, jEnd);
        }
        double* pairBase = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pairScore));
        double* prefixBase = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(prefix));
        if (a == 1 && b == 1)
        {
            // The 1-1 bead's anchor score is its pair's.
            SubtractScaled(tmp, pairBase + (pi % slots) * maskWidth - tStart[pi] - 1, lg, jStart, jEnd);
            double eu = oneSidedS[pi];
            if (eu > 0)
                fixed (double* et = oneSidedT)
                    SubtractFacing(tmp, et - 1, eu, jStart, jEnd);
            return;
        }
        // The anchor score is at most the sum of the bead's pair scores (a union weighs no more than the sum of its
        // parts, and the size penalty only lowers it), read off each source's prefix sums: the exact score only where
        // even that bound could win. Each source's row of sums is found once, not once per cell.
        var sums = stackalloc double*[a];
        for (int u = pi; u < i; u++)
            sums[u - pi] = prefixBase + (u % slots) * (maskWidth + 1) - tStart[u];
        double scaled = lg * BoundSlack;
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var vScaled = Vector256.Create(scaled);
            for (; j + 3 <= jEnd; j += 4)
            {
                var bound = Vector256<double>.Zero;
                for (int x = 0; x < a; x++)
                    bound += Vector256.Load(sums[x] + j) - Vector256.Load(sums[x] + j - b);
                var cand = Vector256.Load(tmp + j);
                var promising = Vector256.GreaterThan(bound, Vector256<double>.Zero)
                    & Vector256.LessThan(cand - vScaled * bound, Vector256.Load(cur + j));
                if (promising == Vector256<double>.Zero) continue;
                for (int y = j; y < j + 4; y++)
                    if (promising.GetElement(y - j) != 0)
                        tmp[y] -= lg * Covered(pi, i, y - b, y);
            }
        }
        for (; j <= jEnd; j++)
        {
            double bound = 0;
            for (int x = 0; x < a; x++) bound += sums[x][j] - sums[x][j - b];
            if (bound <= 0) continue;
            double cand = tmp[j];
            if (cand - scaled * bound >= cur[j]) continue;
            tmp[j] = cand - lg * Covered(pi, i, j - b, j);
        }
    }

    /// <summary>tmp[j] += lm · (dus + ut[j] − ut[j − b]) for j in jStart..jEnd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddUnmatched(double* tmp, double* ut, double lm, double dus, int b, int jStart, int jEnd)
    {
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var vlm = Vector256.Create(lm);
            var vdus = Vector256.Create(dus);
            for (; j + 3 <= jEnd; j += 4)
                (Vector256.Load(tmp + j) + vlm * (vdus + Vector256.Load(ut + j) - Vector256.Load(ut + j - b))).Store(tmp + j);
        }
        for (; j <= jEnd; j++) tmp[j] += lm * (dus + ut[j] - ut[j - b]);
    }

    /// <summary>tmp[j] −= eu + et[j] where et[j] &gt; 0, for j in jStart..jEnd: two sentences with one-sided evidence face each other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractFacing(double* tmp, double* et, double eu, int jStart, int jEnd)
    {
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var veu = Vector256.Create(eu);
            for (; j + 3 <= jEnd; j += 4)
            {
                var e = Vector256.Load(et + j);
                (Vector256.Load(tmp + j) - ((veu + e) & Vector256.GreaterThan(e, Vector256<double>.Zero))).Store(tmp + j);
            }
        }
        for (; j <= jEnd; j++)
            if (et[j] > 0) tmp[j] -= eu + et[j];
    }

    /// <summary>tmp[j] −= lg · pair[j] for j in jStart..jEnd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractScaled(double* tmp, double* pair, double lg, int jStart, int jEnd)
    {
        int j = jStart;
        if (Vector256.IsHardwareAccelerated)
        {
            var vlg = Vector256.Create(lg);
            for (; j + 3 <= jEnd; j += 4)
                (Vector256.Load(tmp + j) - vlg * Vector256.Load(pair + j)).Store(tmp + j);
        }
        for (; j <= jEnd; j++) tmp[j] -= lg * pair[j];
    }

    public double DeletionCost(double priorCost, double lengthCost, bool target, int from, int to)
    {
        var units = target ? oneSidedT : oneSidedS;
        double evidence = 0;
        for (int u = from; u < to; u++) evidence += units[u];
        // A sentence with evidence of having no counterpart is no translation: its length says nothing.
        return evidence > 0 || mu > 0 ? priorCost - evidence : lengthCost;
    }

    public double LinkCost(double priorCost, double lengthCost, Link link) =>
        link.SourceCount == 0 ? DeletionCost(priorCost, lengthCost, true, link.TargetStart, link.TargetEnd)
        : link.TargetCount == 0 ? DeletionCost(priorCost, lengthCost, false, link.SourceStart, link.SourceEnd)
        : lengthCost + lambda * mu * (us[link.SourceEnd] - us[link.SourceStart] + ut[link.TargetEnd] - ut[link.TargetStart])
              - lambda * SentenceAnchors.Score(sa, ta, link, mu) - Facing(link);

    /// <summary>
    /// What a 1-1 link of two sentences that both have one-sided evidence saves: that evidence. Page furniture faces
    /// page furniture (a page number and its translation): the evidence tells such a line from running text only.
    /// </summary>
    private double Facing(Link link)
    {
        if (link.SourceCount != 1 || link.TargetCount != 1) return 0;
        double eu = oneSidedS[link.SourceStart], ev = oneSidedT[link.TargetStart];
        return eu > 0 && ev > 0 ? eu + ev : 0;
    }

    /// <summary>Anchor score of the bead of sources u0..u1−1 and targets v0..v1−1 (both sides).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Covered(int u0, int u1, int v0, int v1)
    {
        double covered = 0;
        double sourcePenalty = SentenceAnchors.SizePenalty[v1 - v0] - mu, targetPenalty = SentenceAnchors.SizePenalty[u1 - u0] - mu;
        // A side facing one sentence has the scores of its 1-1 pairs (ln 1 = 0: the same penalty, the same sums).
        if (v1 - v0 == 1)
            for (int u = u0; u < u1; u++) covered += sourceScore[u % slots * maskWidth - tStart[u] + v0];
        else
            for (int u = u0; u < u1; u++)
            {
                int baseIndex = u % slots * maskWidth - tStart[u];
                ulong acc = 0;
                for (int v = v0; v < v1; v++) acc |= inSource[baseIndex + v];
                if (acc != 0) covered += sa[u].WeightOf(acc, sourcePenalty);
            }
        if (u1 - u0 == 1)
        {
            int baseIndex = u0 % slots * maskWidth - tStart[u0];
            for (int v = v0; v < v1; v++) covered += targetScore[baseIndex + v];
        }
        else
            for (int v = v0; v < v1; v++)
            {
                ulong acc = 0;
                for (int u = u0; u < u1; u++) acc |= inTarget[u % slots * maskWidth - tStart[u] + v];
                if (acc != 0) covered += ta[v].WeightOf(acc, targetPenalty);
            }
        return covered;
    }
}
