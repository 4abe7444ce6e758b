using Taiyaku.Formats;

namespace Taiyaku.Evaluation;

/// <summary>
/// Scores a test alignment against gold with the semantics of vecalign's <c>score.py</c> (after Sennrich and Volk 2011):
/// links empty on both sides are dropped and duplicates count once; precision is over every remaining test link
/// (insertions and deletions included); recall is precision with gold and test swapped, after removing every link with
/// an empty side from both; a link is a lax hit when it shares a source and a target sentence with one gold link.
/// </summary>
public static class AlignmentScorer
{
    /// <summary>The counts for one document; add them across documents and call <see cref="ScoreCounts.ToScore"/>.</summary>
    public static ScoreCounts Count(IReadOnlyCollection<IndexLink> gold, IReadOnlyCollection<IndexLink> test)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(test);
        var (sp, lp, pTotal) = Judge(gold, test);
        var (sr, lr, rTotal) = Judge(BothSides(test), BothSides(gold));
        return new ScoreCounts(sp, lp, pTotal, sr, lr, rTotal);
    }

    /// <summary>The six figures for one document.</summary>
    public static AlignmentScore Score(IReadOnlyCollection<IndexLink> gold, IReadOnlyCollection<IndexLink> test) =>
        Count(gold, test).ToScore();

    private static List<IndexLink> BothSides(IEnumerable<IndexLink> links) =>
        links.Where(l => l.Source.Count > 0 && l.Target.Count > 0).ToList();

    /// <summary>Strict hits, lax hits and the number of distinct non-empty test links, judged against <paramref name="gold"/>.</summary>
    private static (int Strict, int Lax, int Total) Judge(IEnumerable<IndexLink> gold, IEnumerable<IndexLink> test)
    {
        var goldSet = NonEmptySet(gold);
        var testSet = NonEmptySet(test);
        var goldTargetsOfSource = new Dictionary<int, HashSet<int>>();
        foreach (var g in goldSet)
            foreach (int s in g.Source)
            {
                if (!goldTargetsOfSource.TryGetValue(s, out var set)) goldTargetsOfSource[s] = set = new HashSet<int>();
                set.UnionWith(g.Target);
            }

        int strict = 0, lax = 0;
        foreach (var t in testSet)
        {
            if (goldSet.Contains(t)) { strict++; lax++; }
            else if (SharesTarget(t, goldTargetsOfSource)) lax++;
        }
        return (strict, lax, testSet.Count);
    }

    private static bool SharesTarget(IndexLink test, Dictionary<int, HashSet<int>> goldTargetsOfSource)
    {
        foreach (int s in test.Source)
            if (goldTargetsOfSource.TryGetValue(s, out var targets))
                foreach (int t in test.Target)
                    if (targets.Contains(t)) return true;
        return false;
    }

    private static HashSet<IndexLink> NonEmptySet(IEnumerable<IndexLink> links) =>
        links.Where(l => l.Source.Count > 0 || l.Target.Count > 0).ToHashSet();
}
