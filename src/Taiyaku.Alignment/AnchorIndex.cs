namespace Taiyaku.Alignment;

/// <summary>
/// The lexical anchors of two sequences of units, indexed once for several searches of the same units (with other
/// bead priors, say): for each target key the units holding it, the units' item counts, and the anchor skeleton that
/// places the search band. Immutable and thread-safe; <see cref="Create"/> builds it.
/// </summary>
public sealed class AnchorIndex
{
    private AnchorIndex(SentenceAnchors[] source, SentenceAnchors[] target, (int Source, int Target)[]? skeleton)
    {
        Source = source;
        Target = target;
        Postings = BuildPostings(target);
        SourceItems = new double[source.Length + 1];
        for (int u = 0; u < source.Length; u++) SourceItems[u + 1] = SourceItems[u] + source[u].ItemCount;
        TargetItems = new double[target.Length + 1];
        for (int v = 0; v < target.Length; v++) TargetItems[v + 1] = TargetItems[v] + target[v].ItemCount;
        Skeleton = skeleton;
    }

    /// <summary>Number of source units.</summary>
    public int SourceCount => Source.Length;

    /// <summary>Number of target units.</summary>
    public int TargetCount => Target.Length;

    internal SentenceAnchors[] Source { get; }

    internal SentenceAnchors[] Target { get; }

    /// <summary>For each key of the target side, the target units holding it, ascending (read only).</summary>
    internal Dictionary<ulong, int[]> Postings { get; }

    /// <summary>Prefix sums of the source units' anchor item counts.</summary>
    internal double[] SourceItems { get; }

    /// <summary>Prefix sums of the target units' anchor item counts.</summary>
    internal double[] TargetItems { get; }

    /// <summary>The anchor skeleton (see <see cref="AnchorSkeleton"/>); null when built for a full search, which needs none.</summary>
    internal (int Source, int Target)[]? Skeleton { get; }

    /// <summary>Indexes the anchors of each source and target unit.</summary>
    /// <param name="source">Anchors of each source unit.</param>
    /// <param name="target">Anchors of each target unit.</param>
    /// <param name="cancellationToken">Cancels the work (the skeleton of a long document takes a while).</param>
    /// <exception cref="ArgumentNullException">A list or one of its items is null.</exception>
    public static AnchorIndex Create(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target, CancellationToken cancellationToken = default)
    {
        var (sa, ta) = Checked(source, target);
        return new AnchorIndex(sa, ta, AnchorSkeleton.Find(sa, ta, cancellationToken));
    }

    /// <summary>As <see cref="Create"/>, without the skeleton: for a search of the whole lattice.</summary>
    internal static AnchorIndex WithoutSkeleton(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target)
    {
        var (sa, ta) = Checked(source, target);
        return new AnchorIndex(sa, ta, null);
    }

    private static (SentenceAnchors[], SentenceAnchors[]) Checked(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sa = source as SentenceAnchors[] ?? [.. source];
        var ta = target as SentenceAnchors[] ?? [.. target];
        for (int i = 0; i < sa.Length; i++) ArgumentNullException.ThrowIfNull(sa[i], nameof(source));
        for (int j = 0; j < ta.Length; j++) ArgumentNullException.ThrowIfNull(ta[j], nameof(target));
        return (sa, ta);
    }

    private static Dictionary<ulong, int[]> BuildPostings(SentenceAnchors[] target)
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
}
