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

    /// <summary>The chain's pairs (source index, target index), increasing in both; empty when no key is shared once.</summary>
    public static (int Source, int Target)[] Find(SentenceAnchors[] source, SentenceAnchors[] target)
    {
        var sourceOf = Occurrences(source);
        var targetOf = Occurrences(target);
        var weights = new Dictionary<(int, int), double>();
        foreach (var (key, si) in sourceOf)
        {
            if (!targetOf.TryGetValue(key, out var ti)) continue;
            if (si.Count == ti.Count && si.Count <= MaxRanked)
            {
                // As often on both sides: the r-th occurrence of one side most likely translates the r-th of the other.
                for (int r = 0; r < si.Count; r++)
                    weights[(si[r].Index, ti[r].Index)] = weights.GetValueOrDefault((si[r].Index, ti[r].Index)) + si[r].Weight + ti[r].Weight;
                continue;
            }
            if (si.Count > MaxOccurrences || ti.Count > MaxOccurrences) continue;
            double share = 1.0 / (si.Count * ti.Count);
            foreach (var (i, wi) in si)
                foreach (var (j, wj) in ti)
                    weights[(i, j)] = weights.GetValueOrDefault((i, j)) + (wi + wj) * share;
        }
        if (weights.Count == 0) return [];

        // Heaviest chain strictly increasing in both indices: points by source ascending and, within a source, target
        // descending (so that two points of one source sentence never chain); a Fenwick tree of prefix maxima over targets.
        var points = weights.Select(p => (S: p.Key.Item1, T: p.Key.Item2, W: p.Value))
            .OrderBy(p => p.S).ThenByDescending(p => p.T).ToArray();
        int m = target.Length;
        var treeScore = new double[m + 1];
        var treeIndex = new int[m + 1];
        Array.Fill(treeIndex, -1);
        var previous = new int[points.Length];
        var score = new double[points.Length];
        for (int k = 0; k < points.Length; k++)
        {
            double best = 0;
            int from = -1;
            for (int x = points[k].T; x > 0; x -= x & -x)   // prefix over targets < T (tree positions 1..T)
                if (treeIndex[x] >= 0 && treeScore[x] > best) { best = treeScore[x]; from = treeIndex[x]; }
            score[k] = best + points[k].W;
            previous[k] = from;
            for (int x = points[k].T + 1; x <= m; x += x & -x)
                if (score[k] > treeScore[x] || treeIndex[x] < 0) { treeScore[x] = score[k]; treeIndex[x] = k; }
        }
        int end = 0;
        for (int k = 1; k < points.Length; k++) if (score[k] > score[end]) end = k;
        var chain = new List<(int S, int T)>();
        for (int k = end; k >= 0; k = previous[k]) chain.Add((points[k].S, points[k].T));
        chain.Reverse();
        // A pair far from both its neighbours in the chain is kept only by its own weight, which a chance match of a
        // rare word can have (typically past the end of the other text): keep the pairs that have a close neighbour.
        var kept = new List<(int, int)>(chain.Count);
        for (int k = 0; k < chain.Count; k++)
        {
            bool close = (k > 0 && Close(chain[k - 1], chain[k])) || (k + 1 < chain.Count && Close(chain[k], chain[k + 1]));
            if (close) kept.Add(chain[k]);
        }
        return [.. kept];

        static bool Close((int S, int T) a, (int S, int T) b) => b.S - a.S <= Neighbourhood && b.T - a.T <= Neighbourhood;
    }

    /// <summary>For each key, the sentences holding it (up to one more than <see cref="MaxRanked"/>) with the weight of its item there.</summary>
    private static Dictionary<ulong, List<(int Index, double Weight)>> Occurrences(SentenceAnchors[] side)
    {
        var of = new Dictionary<ulong, List<(int, double)>>();
        for (int i = 0; i < side.Length; i++)
        {
            var a = side[i];
            for (int k = 0; k < a.Keys.Length; k++)
            {
                ulong key = a.Keys[k];
                if (k > 0 && a.Keys[k - 1] == key) continue;
                if (!of.TryGetValue(key, out var list)) of[key] = list = [];
                if (list.Count <= MaxRanked) list.Add((i, a.Weights[a.ItemOf[k]]));
            }
        }
        return of;
    }
}
