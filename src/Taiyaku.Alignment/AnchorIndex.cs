namespace Taiyaku.Alignment;

/// <summary>
/// The lexical anchors of two sequences of units, indexed once for several searches of the same units (with other
/// bead priors, say): for each target key the units holding it, the units' item counts, and the anchor skeleton that
/// places the search band. Immutable and thread-safe; <see cref="Create"/> builds it.
/// </summary>
public sealed class AnchorIndex
{
    private AnchorIndex(SentenceAnchors[] source, SentenceAnchors[] target, Postings postings, (int Source, int Target)[]? skeleton)
    {
        Source = source;
        Target = target;
        (PostingTargets, PostingItems, SourceKeyStart, SourceKeyPostings) = postings;
        SourceItems = new double[source.Length + 1];
        for (int u = 0; u < source.Length; u++) SourceItems[u + 1] = SourceItems[u] + source[u].ItemCount;
        TargetItems = new double[target.Length + 1];
        for (int v = 0; v < target.Length; v++) TargetItems[v + 1] = TargetItems[v] + target[v].ItemCount;
        SourceOneSided = OneSided(source);
        TargetOneSided = OneSided(target);
        Skeleton = skeleton;
    }

    /// <summary>Number of source units.</summary>
    public int SourceCount => Source.Length;

    /// <summary>Number of target units.</summary>
    public int TargetCount => Target.Length;

    internal SentenceAnchors[] Source { get; }

    internal SentenceAnchors[] Target { get; }

    /// <summary>The postings of the target keys, one run per key: the target units holding it, ascending (read only).</summary>
    internal int[] PostingTargets { get; }

    /// <summary>Beside each entry of <see cref="PostingTargets"/>, the bits of the target unit's items that hold the key.</summary>
    internal ulong[] PostingItems { get; }

    /// <summary>Where the keys of source unit u start in <see cref="SourceKeyPostings"/>: at SourceKeyStart[u], one entry per key of <c>Source[u].Keys</c>.</summary>
    internal int[] SourceKeyStart { get; }

    /// <summary>For each key of each source unit, its run in <see cref="PostingTargets"/> (empty when no target holds it).</summary>
    internal (int Start, int End)[] SourceKeyPostings { get; }

    /// <summary>Prefix sums of the source units' anchor item counts.</summary>
    internal double[] SourceItems { get; }

    /// <summary>Prefix sums of the target units' anchor item counts.</summary>
    internal double[] TargetItems { get; }

    /// <summary>The source units' one-sided evidence (see <see cref="SentenceAnchors.OneSidedEvidence"/>).</summary>
    internal double[] SourceOneSided { get; }

    /// <summary>The target units' one-sided evidence.</summary>
    internal double[] TargetOneSided { get; }

    /// <summary>The anchor skeleton (see <see cref="AnchorSkeleton"/>); null when built for a full search, which needs none.</summary>
    internal (int Source, int Target)[]? Skeleton { get; }

    /// <summary>Indexes the anchors of each source and target unit.</summary>
    /// <param name="source">Anchors of each source unit.</param>
    /// <param name="target">Anchors of each target unit.</param>
    /// <param name="cancellationToken">Cancels the work (the skeleton of a long document takes a while).</param>
    /// <exception cref="ArgumentNullException">A list or one of its items is null.</exception>
    public static AnchorIndex Create(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target, CancellationToken cancellationToken = default)
    {
        var (sa, ta) = Checked(source, target, nameof(source), nameof(target));
        return Of(sa, ta, skeleton: true, cancellationToken);
    }

    /// <summary>The index of anchors already checked (<see cref="Checked"/>); without the skeleton for a search of the whole lattice, which needs none.</summary>
    internal static AnchorIndex Of(SentenceAnchors[] source, SentenceAnchors[] target, bool skeleton, CancellationToken cancellationToken)
    {
        if (!skeleton) return new(source, target, BuildPostings(source, target), null);
        if (source.Length + target.Length < SideBySideUnits)
            return new(source, target, BuildPostings(source, target), AnchorSkeleton.Find(source, target, cancellationToken));
        // The skeleton and the postings read the same anchors and nothing of each other: built side by side.
        (int, int)[]? found = null;
        using var finding = ConcurrentWork.Start(() => found = AnchorSkeleton.Find(source, target, cancellationToken));
        var postings = BuildPostings(source, target);
        finding.Finish();
        return new(source, target, postings, found);
    }

    /// <summary>Units (both sides) from which the skeleton is built on a thread beside the postings: a short document's
    /// takes less than handing it over (the pipeline packs the two sides side by side from the same size).</summary>
    private const int SideBySideUnits = 2048;

    /// <summary>The two lists as arrays, after checking that neither they nor their items are null (named as the caller names them).</summary>
    internal static (SentenceAnchors[], SentenceAnchors[]) Checked(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target, string sourceName, string targetName)
    {
        ArgumentNullException.ThrowIfNull(source, sourceName);
        ArgumentNullException.ThrowIfNull(target, targetName);
        var sa = source as SentenceAnchors[] ?? [.. source];
        var ta = target as SentenceAnchors[] ?? [.. target];
        for (int i = 0; i < sa.Length; i++) ArgumentNullException.ThrowIfNull(sa[i], sourceName);
        for (int j = 0; j < ta.Length; j++) ArgumentNullException.ThrowIfNull(ta[j], targetName);
        return (sa, ta);
    }

    /// <summary>What <see cref="BuildPostings"/> builds: <see cref="PostingTargets"/>, <see cref="PostingItems"/>, <see cref="SourceKeyStart"/>, <see cref="SourceKeyPostings"/>.</summary>
    private readonly record struct Postings(int[] Targets, ulong[] Items, int[] SourceKeyStart, (int Start, int End)[] SourceKeyPostings);

    private static double[] OneSided(SentenceAnchors[] units)
    {
        var evidence = new double[units.Length];
        for (int u = 0; u < units.Length; u++) evidence[u] = units[u].OneSidedEvidence;
        return evidence;
    }

    /// <summary>
    /// The target keys' postings in flat arrays, and each source key's run in them: a search then reads, for each
    /// source unit, the targets sharing its keys and their items without a hash lookup or a search of the target's
    /// keys, however many searches share the index.
    /// </summary>
    private static Postings BuildPostings(SentenceAnchors[] source, SentenceAnchors[] target)
    {
        using var runs = new KeyRuns(target, 0, target.Length);
        var cursor = runs.Cursors();
        var targets = new int[runs.Start[^1]];
        var items = new ulong[targets.Length];
        var order = runs.Order;
        int p = 0;
        for (int v = 0; v < target.Length; v++)
        {
            var ta = target[v];
            var keys = ta.Keys;
            for (int k = 0; k < keys.Length; k++)
            {
                if (k > 0 && keys[k - 1] == keys[k]) continue;
                ulong bits = 0;
                for (int x = k; x < keys.Length && keys[x] == keys[k]; x++) bits |= 1UL << ta.ItemOf[x];
                int at = cursor[order[p++]]++;
                targets[at] = v;
                items[at] = bits;
            }
        }
        var start = new int[source.Length + 1];
        for (int u = 0; u < source.Length; u++) start[u + 1] = start[u] + source[u].Keys.Length;
        var sourceRuns = new (int, int)[start[source.Length]];
        for (int u = 0; u < source.Length; u++)
        {
            var keys = source[u].Keys;
            for (int k = 0; k < keys.Length; k++)
                if (runs.TryGetId(keys[k], out int id)) sourceRuns[start[u] + k] = (runs.Start[id], runs.Start[id + 1]);
        }
        return new(targets, items, start, sourceRuns);
    }
}
