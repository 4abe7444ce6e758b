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
        AlignAnchored(sourceLengths, targetLengths, sourceAnchors, targetAnchors, null, null, cancellationToken);

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
        IReadOnlyList<SentenceAnchors> sourceAnchors, IReadOnlyList<SentenceAnchors> targetAnchors, AlignmentResult? guide, CancellationToken cancellationToken = default) =>
        AlignAnchored(sourceLengths, targetLengths, sourceAnchors, targetAnchors, guide, null, cancellationToken);

    /// <summary>
    /// Aligns with anchors as <see cref="Align(ReadOnlySpan{int}, ReadOnlySpan{int}, IReadOnlyList{SentenceAnchors}, IReadOnlyList{SentenceAnchors}, AlignmentResult?, CancellationToken)"/>
    /// does, telling <paramref name="progress"/> how far each search has come (see <see cref="AlignmentProgress"/>;
    /// without an anchor skeleton the length-only alignment that places the band is one of the searches).
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="sourceAnchors">Anchors of each source unit (same count as <paramref name="sourceLengths"/>).</param>
    /// <param name="targetAnchors">Anchors of each target unit (same count as <paramref name="targetLengths"/>).</param>
    /// <param name="guide">An alignment of the same units, or null.</param>
    /// <param name="progress">Told the rows done about every 1 % of each search, on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <exception cref="ArgumentException">A length is negative, an anchor list has the wrong count, or the guide
    /// covers other counts of units.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths,
        IReadOnlyList<SentenceAnchors> sourceAnchors, IReadOnlyList<SentenceAnchors> targetAnchors, AlignmentResult? guide,
        IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default) =>
        AlignAnchored(sourceLengths, targetLengths, sourceAnchors, targetAnchors, guide, ProgressSink.For(progress), cancellationToken);

    /// <summary>
    /// Aligns with anchors indexed once (<see cref="AnchorIndex.Create"/>), as
    /// <see cref="Align(ReadOnlySpan{int}, ReadOnlySpan{int}, IReadOnlyList{SentenceAnchors}, IReadOnlyList{SentenceAnchors}, AlignmentResult?, IProgress{AlignmentProgress}?, CancellationToken)"/>
    /// does: several searches of the same units (other priors, say) share the index, its skeleton included. The
    /// result is the same as with the anchors given directly.
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="anchors">The anchors of the same units, indexed.</param>
    /// <param name="guide">An alignment of the same units, or null.</param>
    /// <param name="progress">Told the rows done about every 1 % of each search, on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <exception cref="ArgumentException">A length is negative, the index covers other counts of units, or the guide
    /// does.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths, AnchorIndex anchors, AlignmentResult? guide,
        IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        CheckGuide(guide, sourceLengths.Length, targetLengths.Length);
        if (anchors.SourceCount != sourceLengths.Length || anchors.TargetCount != targetLengths.Length)
            throw new ArgumentException($"The anchor index covers {anchors.SourceCount} and {anchors.TargetCount} units, not {sourceLengths.Length} and {targetLengths.Length}.", "index");
        return AlignIndexed(sourceLengths, targetLengths, anchors, guide, ProgressSink.For(progress), cancellationToken);
    }

    private AlignmentResult AlignAnchored(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths,
        IReadOnlyList<SentenceAnchors> sourceAnchors, IReadOnlyList<SentenceAnchors> targetAnchors, AlignmentResult? guide,
        ProgressSink? progress, CancellationToken cancellationToken)
    {
        CheckGuide(guide, sourceLengths.Length, targetLengths.Length);
        ArgumentNullException.ThrowIfNull(sourceAnchors);
        ArgumentNullException.ThrowIfNull(targetAnchors);
        if (sourceAnchors.Count != sourceLengths.Length)
            throw new ArgumentException($"There are {sourceLengths.Length} source lengths but {sourceAnchors.Count} anchor sets.", nameof(sourceAnchors));
        if (targetAnchors.Count != targetLengths.Length)
            throw new ArgumentException($"There are {targetLengths.Length} target lengths but {targetAnchors.Count} anchor sets.", nameof(targetAnchors));
        int n = sourceLengths.Length, m = targetLengths.Length;
        if (n == 0 || m == 0 || Options.AnchorWeight == 0)
            return AlignLengths(sourceLengths, targetLengths, progress, cancellationToken);
        var (sa, ta) = AnchorIndex.Checked(sourceAnchors, targetAnchors, nameof(sourceAnchors), nameof(targetAnchors));
        var index = AnchorIndex.Of(sa, ta, skeleton: Options.Search != SearchMode.Full, cancellationToken);
        return AlignIndexed(sourceLengths, targetLengths, index, guide, progress, cancellationToken);
    }

    private static void CheckGuide(AlignmentResult? guide, int n, int m)
    {
        if (guide != null && (guide.SourceCount != n || guide.TargetCount != m))
            throw new ArgumentException($"The guide aligns {guide.SourceCount} and {guide.TargetCount} units, not {n} and {m}.", nameof(guide));
    }

    /// <summary>The anchored search proper, on arguments the public methods have checked.</summary>
    private AlignmentResult AlignIndexed(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths, AnchorIndex index, AlignmentResult? guide,
        ProgressSink? progress, CancellationToken cancellationToken)
    {
        int n = sourceLengths.Length, m = targetLengths.Length;
        if (n == 0 || m == 0 || Options.AnchorWeight == 0)
            return AlignLengths(sourceLengths, targetLengths, progress, cancellationToken);

        var src = PrefixSums(sourceLengths, nameof(sourceLengths));
        var tgt = PrefixSums(targetLengths, nameof(targetLengths));
        double c = Options.LengthRatio ?? EstimateLengthRatio(src[n], tgt[m]);
        var model = new Model(c, Options.Variance);

        // With ν > 0 a linked sentence pays ν per item that its link leaves unmatched, that is ν per item (the prefix
        // sums of the item counts), less ν per matched item (folded into the match weights).
        double lambda = Options.AnchorWeight, mu = Options.UnmatchedItemCost;
        AnchorTerm MakeTerm(Band band, bool reversed) => new(band, maxSourceCount, maxTargetCount, index, lambda, mu, reversed);

        if (Options.Search == SearchMode.Full)
        {
            var full = Band.Full(n, m);
            var term = MakeTerm(full, false);
            return Run(full, src, tgt, model, ref term, MakeTerm, progress, cancellationToken) ?? throw NoAlignment();
        }

        // The band follows the anchor skeleton where there is one, else the length-only alignment. (An index lacks the
        // skeleton only when built for an aligner that searches in full, above.)
        var skeleton = index.Skeleton!;
        IReadOnlyList<Link>? lengthOnly = skeleton.Length == 0 ? AlignLengths(sourceLengths, targetLengths, progress, cancellationToken).Links : null;
        var plan = new SkeletonBands(n, m, Options.AnchorBandWidth, skeleton, lengthOnly, margin, guide, Options.FirstPathOnly && guide is null);
        return Search(plan, MakeTerm, src, tgt, model, progress, cancellationToken);
    }

    /// <summary>
    /// Bands around the anchor skeleton (or, without one, around the length-only alignment), starting from an earlier
    /// alignment's path when given. When a path comes near an edge, the skeleton pairs it does not honour were chance
    /// matches: they are dropped and the search runs again around the rest and the path; the band widens only when
    /// every pair held.
    /// </summary>
    private sealed class SkeletonBands : IBandPlan
    {
        private readonly int n, m, margin;
        private readonly IReadOnlyList<Link>? lengthOnly, firstPath;
        private (int Source, int Target)[] skeleton;
        private long width;
        private int dropRadius = 1;

        public SkeletonBands(int n, int m, long width, (int Source, int Target)[] skeleton, IReadOnlyList<Link>? lengthOnly, int margin, AlignmentResult? guide,
            bool keepsFirstPath)
        {
            KeepsFirstPath = keepsFirstPath;
            (this.n, this.m, this.width, this.lengthOnly, this.margin) = (n, m, width, lengthOnly, margin);
            this.skeleton = guide != null && lengthOnly is null ? Honoured(skeleton, guide.Links, Band.Full(n, m), 0, 0) : skeleton;
            firstPath = guide?.Links;
        }

        public Band First() => Make(firstPath);

        public int Margin => (int)Math.Max(margin, width / 2);

        public bool KeepsFirstPath { get; }

        public Band Next(Band band, IReadOnlyList<Link>? path)
        {
            if (path != null && lengthOnly is null)
            {
                // Each time pairs must go, twice as many around each touched row: a run of chance pairs (typically
                // where one text runs on past the other) goes in a few searches, not one search per pair.
                var kept = Honoured(skeleton, path, band, Margin, dropRadius);
                dropRadius *= 2;
                if (kept.Length < skeleton.Length)
                {
                    skeleton = kept;
                    return Make(path);
                }
            }
            width *= 2;
            return Make(path);
        }

        private Band Make(IReadOnlyList<Link>? path) =>
            lengthOnly is null ? Band.AroundSkeleton(n, m, skeleton, width, path) : Band.Around(n, m, width, lengthOnly, path);
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
}
