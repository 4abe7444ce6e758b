using System.Buffers;

namespace Taiyaku.Alignment;

/// <summary>
/// The skeleton of an alignment: the heaviest monotone chain of sentence pairs that share an anchor key found in exactly
/// one sentence of each side (a rare name or number that both texts hold once). It pins the search band where the
/// texts are parallel and lets it open where they are not, so that an untranslated stretch costs its own size, not the
/// whole document's (after Melamed's and Moore's anchor points; hunalign and Bertalign use the same idea).
/// </summary>
internal static class AnchorSkeleton
{
    /// <summary>Most sentences per side a key may occur in to propose pairs (each pair of its occurrences, weighed down by their number).</summary>
    private const int MaxOccurrences = 3;

    /// <summary>Most occurrences of a key found equally often on both sides for its occurrences to be paired in order.</summary>
    private const int MaxRanked = 32;

    /// <summary>How close (in sentences, on both sides) a pair's neighbour in the chain must be for the pair to be kept.</summary>
    private const int Neighbourhood = 12;

    /// <summary>Gaps between chain pairs longer than this (in sentences, on both sides) are searched again for keys rare within them.</summary>
    private const int RefineGap = 2 * Neighbourhood;

    /// <summary>How far from a gap's diagonal a pair inside it may lie, as a share of the gap.</summary>
    private const double DiagonalSlack = 0.2;

    /// <summary>Most levels of refinement inside gaps.</summary>
    private const int MaxDepth = 3;

    /// <summary>The chain's pairs (source index, target index), increasing in both; empty when no key is shared once.</summary>
    public static (int Source, int Target)[] Find(SentenceAnchors[] source, SentenceAnchors[] target, CancellationToken cancellationToken = default)
    {
        var chain = new List<(int Source, int Target)>();
        Refine(source, 0, source.Length, target, 0, target.Length, 0, false, false, chain, cancellationToken);
        return [.. OnCourse(chain)];
    }

    /// <summary>
    /// Appends the chain of sources s0..s1−1 against targets t0..t1−1 to <paramref name="chain"/>, then, recursively,
    /// the chains of the long gaps between its pairs: a key common in the whole document can be rare between two pairs
    /// (as in hunalign's and Moore's recursive anchoring), so that long gaps, which the band would search whole, are
    /// cut into short ones.
    /// </summary>
    private static void Refine(SentenceAnchors[] source, int s0, int s1, SentenceAnchors[] target, int t0, int t1, int depth,
        bool pairBefore, bool pairAfter, List<(int Source, int Target)> chain, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pairs = Chain(source, s0, s1, target, t0, t1, pairBefore, pairAfter);
        if (depth == 0) pairs = OnCourse(pairs);
        if (depth >= MaxDepth)
        {
            chain.AddRange(pairs);
            return;
        }
        int ps = s0 - 1, pt = t0 - 1;
        for (int k = 0; k <= pairs.Count; k++)
        {
            var p = k < pairs.Count ? pairs[k] : (Source: s1, Target: t1);
            bool before = k > 0 || pairBefore, after = k < pairs.Count || pairAfter;
            if (p.Source - ps > RefineGap && p.Target - pt > RefineGap)
                Refine(source, ps + 1, p.Source, target, pt + 1, p.Target, depth + 1, before, after, chain, cancellationToken);
            if (k < pairs.Count) chain.Add(p);
            (ps, pt) = p;
        }
    }

    /// <summary>Pairs on either side over which the chain's local slope is measured.</summary>
    private const int SlopeWindow = 8;

    /// <summary>How many times steeper or flatter than the chain's median slope a stretch may run.</summary>
    private const double SlopeRange = 3;

    /// <summary>
    /// The pairs that the chain reaches or leaves at a slope within <see cref="SlopeRange"/> times its median slope
    /// (measured over <see cref="SlopeWindow"/> pairs): a translation advances through both texts at about the same
    /// rate and an untranslated passage shows as one jump, into or out of a pair; a pair that is both reached and left
    /// off course (one far ahead in one text, as a chance match is, or a run of them where one text runs on past the
    /// other) is dropped.
    /// </summary>
    private static List<(int Source, int Target)> OnCourse(List<(int Source, int Target)> chain)
    {
        if (chain.Count < 4 * SlopeWindow) return chain;
        var slopes = new double[chain.Count - 1];
        for (int k = 0; k + 1 < chain.Count; k++)
            slopes[k] = Slope(chain[k], chain[k + 1]);
        Array.Sort(slopes);
        double median = slopes[slopes.Length / 2];
        var kept = new List<(int Source, int Target)>(chain.Count);
        for (int k = 0; k < chain.Count; k++)
        {
            bool reached = k > 0 && OnCourse(Slope(chain[Math.Max(0, k - SlopeWindow)], chain[k]));
            bool left = k + 1 < chain.Count && OnCourse(Slope(chain[k], chain[Math.Min(chain.Count - 1, k + SlopeWindow)]));
            if (reached || left) kept.Add(chain[k]);
        }
        return WithoutDetours(kept, median);

        bool OnCourse(double slope) => WithinRange(slope, median);
    }

    private static bool WithinRange(double slope, double median) => slope <= median * SlopeRange && slope >= median / SlopeRange;

    private static readonly double RootRange = Math.Sqrt(SlopeRange);

    private static double Slope((int Source, int Target) a, (int Source, int Target) b) => (b.Target - a.Target + 1.0) / (b.Source - a.Source + 1.0);

    /// <summary>
    /// The chain less its detours: a cluster of close pairs (neighbours within <see cref="Neighbourhood"/>) that the
    /// chain reaches from the cluster before far ahead of its course in one text and leaves far behind it (or the
    /// reverse), while the step from the cluster before to the one after is on course, and that is shorter than either
    /// jump. An untranslated passage is one jump; a chance match of a common key is a jump out and back. "Far" is a
    /// ratio of the two slopes above <see cref="SlopeRange"/>² with each off the median by √<see cref="SlopeRange"/>:
    /// the windows of <see cref="OnCourse(List{ValueTuple{int, int}})"/> can miss such a cluster where the pairs around
    /// it are sparse, their slopes then average the jump with the pairs beyond it (measured: a pair of chance matches
    /// 8,000 sentences ahead in a 100,000-sentence document, reached at 2.9 times the median slope, which made the
    /// first band 8,000 cells wide over 10,000 rows).
    /// </summary>
    private static List<(int Source, int Target)> WithoutDetours(List<(int Source, int Target)> chain, double median)
    {
        for (bool changed = true; changed;)
        {
            changed = false;
            var clusters = new List<(int First, int Last)>();
            for (int k = 0; k < chain.Count; k++)
            {
                if (k > 0 && chain[k].Source - chain[k - 1].Source <= Neighbourhood && chain[k].Target - chain[k - 1].Target <= Neighbourhood)
                    clusters[^1] = (clusters[^1].First, k);
                else
                    clusters.Add((k, k));
            }
            var drop = new bool[chain.Count];
            for (int c = 1; c + 1 < clusters.Count; c++)
            {
                var (before, first, last, after) = (chain[clusters[c - 1].Last], chain[clusters[c].First], chain[clusters[c].Last], chain[clusters[c + 1].First]);
                double into = Slope(before, first), outOf = Slope(last, after);
                bool detour = Math.Max(into / outOf, outOf / into) > SlopeRange * SlopeRange
                    && (into > median * RootRange && outOf < median / RootRange || into < median / RootRange && outOf > median * RootRange)
                    && WithinRange(Slope(before, after), median);
                int extent = last.Source - first.Source + last.Target - first.Target;
                int jump = Math.Min(first.Source - before.Source + first.Target - before.Target, after.Source - last.Source + after.Target - last.Target);
                if (detour && extent < jump)
                {
                    for (int k = clusters[c].First; k <= clusters[c].Last; k++) drop[k] = true;
                    changed = true;
                    c++;   // its neighbours' jumps change: judge them on the next round
                }
            }
            if (changed)
                chain = [.. chain.Where((_, k) => !drop[k])];
        }
        return chain;
    }

    /// <summary>The heaviest chain over sources s0..s1−1 and targets t0..t1−1, of pairs with a close neighbour (the pair (s0−1, t0−1) before the range counts as a neighbour when <paramref name="pairBefore"/>, (s1, t1) after it when <paramref name="pairAfter"/>).</summary>
    private static List<(int Source, int Target)> Chain(SentenceAnchors[] source, int s0, int s1, SentenceAnchors[] target, int t0, int t1, bool pairBefore, bool pairAfter)
    {
        using var sourceOf = new KeyOccurrences(source, s0, s1);
        using var targetOf = new KeyOccurrences(target, t0, t1);
        var weights = new Dictionary<(int, int), double>();
        bool inGap = pairBefore && pairAfter;
        long gs = s1 - s0, gt = t1 - t0;
        bool NearDiagonal(int i, int j) => Math.Abs((i - s0) * gt - (j - t0) * gs) <= DiagonalSlack * gs * gt;
        for (int id = 0; id < sourceOf.KeyCount; id++)
        {
            if (!targetOf.TryFind(sourceOf.KeyAt(id), out int targetId)) continue;
            var si = sourceOf.Of(id);
            var ti = targetOf.Of(targetId);
            if (inGap)
            {
                // Between two pairs: a key once on each side, near the gap's diagonal (a gap that is not parallel
                // throughout stays whole; the band searches it all).
                if (si.Length == 1 && ti.Length == 1 && NearDiagonal(si[0].Index, ti[0].Index))
                    weights[(si[0].Index, ti[0].Index)] = weights.GetValueOrDefault((si[0].Index, ti[0].Index)) + si[0].Weight + ti[0].Weight;
                continue;
            }
            if (si.Length == ti.Length && si.Length <= MaxRanked)
            {
                // As often on both sides: the r-th occurrence of one side most likely translates the r-th of the other.
                for (int r = 0; r < si.Length; r++)
                    weights[(si[r].Index, ti[r].Index)] = weights.GetValueOrDefault((si[r].Index, ti[r].Index)) + si[r].Weight + ti[r].Weight;
                continue;
            }
            if (si.Length > MaxOccurrences || ti.Length > MaxOccurrences) continue;
            double share = 1.0 / (si.Length * ti.Length);
            foreach (var (i, wi) in si)
                foreach (var (j, wj) in ti)
                    weights[(i, j)] = weights.GetValueOrDefault((i, j)) + (wi + wj) * share;
        }
        if (weights.Count == 0) return [];

        // Heaviest chain strictly increasing in both indices: points by source ascending and, within a source, target
        // descending (so that two points of one source sentence never chain); a Fenwick tree of prefix maxima over targets.
        var points = weights.Select(p => (S: p.Key.Item1, T: p.Key.Item2, W: p.Value))
            .OrderBy(p => p.S).ThenByDescending(p => p.T).ToArray();
        // Tree positions are targets relative to t0, plus one.
        int m = t1 - t0;
        var treeScore = new double[m + 1];
        var treeIndex = new int[m + 1];
        Array.Fill(treeIndex, -1);
        var previous = new int[points.Length];
        var score = new double[points.Length];
        for (int k = 0; k < points.Length; k++)
        {
            double best = 0;
            int from = -1;
            for (int x = points[k].T - t0; x > 0; x -= x & -x)   // prefix over targets < T
                if (treeIndex[x] >= 0 && treeScore[x] > best) { best = treeScore[x]; from = treeIndex[x]; }
            score[k] = best + points[k].W;
            previous[k] = from;
            for (int x = points[k].T - t0 + 1; x <= m; x += x & -x)
                if (score[k] > treeScore[x] || treeIndex[x] < 0) { treeScore[x] = score[k]; treeIndex[x] = k; }
        }
        int end = 0;
        for (int k = 1; k < points.Length; k++) if (score[k] > score[end]) end = k;
        var chain = new List<(int S, int T)>();
        for (int k = end; k >= 0; k = previous[k]) chain.Add((points[k].S, points[k].T));
        chain.Reverse();
        // A pair far from both its neighbours in the chain is kept only by its own weight, which a chance match of a
        // rare word can have (typically past the end of the other text): keep the pairs that have a close neighbour.
        // Inside a gap, the pairs bounding it count as neighbours.
        if (pairBefore) chain.Insert(0, (s0 - 1, t0 - 1));
        if (pairAfter) chain.Add((s1, t1));
        var kept = new List<(int Source, int Target)>(chain.Count);
        for (int k = pairBefore ? 1 : 0, last = pairAfter ? chain.Count - 1 : chain.Count; k < last; k++)
        {
            bool close = (k > 0 && Close(chain[k - 1], chain[k])) || (k + 1 < chain.Count && Close(chain[k], chain[k + 1]));
            if (close) kept.Add(chain[k]);
        }
        return kept;

        static bool Close((int S, int T) a, (int S, int T) b) => b.S - a.S <= Neighbourhood && b.T - a.T <= Neighbourhood;
    }

    /// <summary>
    /// For each key of sentences from..to−1, the sentences holding it (up to one more than <see cref="MaxRanked"/>,
    /// ascending) with the weight of its item there; keys numbered in order of first occurrence. Its flat array is
    /// the shared pool's until <see cref="Dispose"/> (a whole document's is on the large-object heap: made anew at each
    /// of an alignment's four skeletons, it set off a full collection nearly every time).
    /// </summary>
    private sealed class KeyOccurrences : IDisposable
    {
        private readonly KeyRuns runs;
        private (int Index, double Weight)[] entries;

        public KeyOccurrences(SentenceAnchors[] side, int from, int to)
        {
            runs = new KeyRuns(side, from, to, MaxRanked + 1);
            var cursor = runs.Cursors();
            int length = runs.Start[^1];   // every entry below it is written below
            entries = length <= MaxPooled ? ArrayPool<(int, double)>.Shared.Rent(length) : new (int, double)[length];
            var order = runs.Order;
            int p = 0;
            for (int i = from; i < to; i++)
            {
                var a = side[i];
                var k = a.Keys;
                for (int x = 0; x < k.Length; x++)
                {
                    if (x > 0 && k[x - 1] == k[x]) continue;
                    int id = order[p++];
                    if (cursor[id] < runs.Start[id + 1]) entries[cursor[id]++] = (i, a.Weights[a.ItemOf[x]]);
                }
            }
        }

        public int KeyCount => runs.Keys.Count;

        public ulong KeyAt(int id) => runs.Keys[id];

        public bool TryFind(ulong key, out int id) => runs.TryGetId(key, out id);

        public ReadOnlySpan<(int Index, double Weight)> Of(int id) => entries.AsSpan(runs.Start[id], runs.Start[id + 1] - runs.Start[id]);

        public void Dispose()
        {
            if (entries.Length is > 0 and <= MaxPooled) ArrayPool<(int, double)>.Shared.Return(entries);
            entries = [];
            runs.Dispose();
        }

        /// <summary>Entries beyond which the array is its own, not kept by the pool once done (a 1M-sentence document's).</summary>
        private const int MaxPooled = 1 << 20;
    }
}
