namespace Taiyaku.Alignment;

/// <summary>
/// Length-based sentence aligner after Gale &amp; Church (1993): a dynamic programme over beads (1-1, 1-0, 0-1, 2-1, …)
/// whose cost is −log P(bead) − log P(δ | match). Immutable and thread-safe: build once, call an Align method from
/// any thread.
/// </summary>
/// <remarks>
/// A search of more than about a hundredth of a second runs as two halves that meet in the middle: one on the calling
/// thread, the other on a thread of the current task scheduler, or on the calling thread after the first when that
/// scheduler has none free (inside a batch that keeps every core busy, say). The result does not depend on which.
/// </remarks>
public sealed partial class GaleChurchAligner
{
    private const byte Unreached = 255;
    private const int CancellationRowInterval = 4096;

    /// <summary>A search reports its progress about this many times (every 1 %).</summary>
    private const int ProgressRows = 100;

    /// <summary>...but not more often than once every this many rows (small searches take microseconds).</summary>
    private const int MinProgressRows = 64;

    // Beads split by whether they consume source units: those that do read earlier rows and run bead-by-bead over a
    // row; those that do not (0-b) read the current row and must run left to right. Arrays are never written after
    // construction.
    private readonly int[] rowBeads;
    private readonly int[] inRowBeads;
    private readonly int[] sourceCounts;
    private readonly int[] targetCounts;
    private readonly double[] priorCosts;
    private readonly int maxSourceCount;
    private readonly int maxTargetCount;
    private readonly int margin;

    /// <summary>Creates an aligner.</summary>
    /// <param name="options">Settings; <see langword="null"/> for <see cref="GaleChurchOptions.Default"/>.</param>
    public GaleChurchAligner(GaleChurchOptions? options = null)
    {
        Options = options ?? GaleChurchOptions.Default;
        var beads = Options.Beads;
        sourceCounts = new int[beads.Count];
        targetCounts = new int[beads.Count];
        priorCosts = new double[beads.Count];
        var row = new List<int>();
        var inRow = new List<int>();
        for (int k = 0; k < beads.Count; k++)
        {
            sourceCounts[k] = beads[k].SourceCount;
            targetCounts[k] = beads[k].TargetCount;
            priorCosts[k] = -Math.Log(beads[k].Probability);
            maxSourceCount = Math.Max(maxSourceCount, beads[k].SourceCount);
            maxTargetCount = Math.Max(maxTargetCount, beads[k].TargetCount);
            margin = Math.Max(margin, Math.Max(beads[k].SourceCount, beads[k].TargetCount));
            (beads[k].SourceCount > 0 ? row : inRow).Add(k);
        }
        rowBeads = row.ToArray();
        inRowBeads = inRow.ToArray();
    }

    /// <summary>The settings this aligner was built with.</summary>
    public GaleChurchOptions Options { get; }

    /// <summary>
    /// Aligns two sequences of units given their lengths (e.g. sentence lengths in characters).
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="cancellationToken">Checked every few thousand rows of the dynamic programme.</param>
    /// <returns>Links in document order covering every unit of both sides exactly once; each link's cost is its bead's cost.</returns>
    /// <exception cref="ArgumentException">A length is negative.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences (for example no
    /// 1-0 bead while the target side is empty).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths, CancellationToken cancellationToken = default) =>
        AlignLengths(sourceLengths, targetLengths, null, cancellationToken);

    /// <summary>
    /// Aligns as <see cref="Align(ReadOnlySpan{int}, ReadOnlySpan{int}, CancellationToken)"/> does, telling
    /// <paramref name="progress"/> how far each search has come (see <see cref="AlignmentProgress"/>).
    /// </summary>
    /// <param name="sourceLengths">Length of each source unit (≥ 0).</param>
    /// <param name="targetLengths">Length of each target unit (≥ 0).</param>
    /// <param name="progress">Told the rows done about every 1 % of each search, on the aligning thread; null for no reports.</param>
    /// <param name="cancellationToken">Checked every few thousand rows of the dynamic programme.</param>
    /// <returns>Links in document order covering every unit of both sides exactly once; each link's cost is its bead's cost.</returns>
    /// <exception cref="ArgumentException">A length is negative.</exception>
    /// <exception cref="InvalidOperationException">The configured beads cannot cover the two sequences.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AlignmentResult Align(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths, IProgress<AlignmentProgress>? progress, CancellationToken cancellationToken = default) =>
        AlignLengths(sourceLengths, targetLengths, ProgressSink.For(progress), cancellationToken);

    private AlignmentResult AlignLengths(ReadOnlySpan<int> sourceLengths, ReadOnlySpan<int> targetLengths, ProgressSink? progress, CancellationToken cancellationToken)
    {
        int n = sourceLengths.Length, m = targetLengths.Length;
        if (n == 0 && m == 0)
            return new AlignmentResult([], 0, 0);
        var src = PrefixSums(sourceLengths, nameof(sourceLengths));
        var tgt = PrefixSums(targetLengths, nameof(targetLengths));
        double c = Options.LengthRatio ?? EstimateLengthRatio(src[n], tgt[m]);
        var model = new Model(c, Options.Variance);

        if (Options.Search == SearchMode.Full || n == 0 || m == 0)
        {
            var term = default(LengthOnlyTerm);
            return Run(Band.Full(n, m), src, tgt, model, ref term, static (_, _) => default, progress, cancellationToken) ?? throw NoAlignment();
        }
        return AlignBanded(src, tgt, model, progress, cancellationToken);
    }

    /// <summary>Below this many units on either side the first band follows the diagonal; above it, a coarse alignment.</summary>
    internal const int CoarseThreshold = 2048;

    /// <summary>Units per block of the coarse alignment.</summary>
    internal const int CoarseBlock = 8;

    /// <summary>
    /// Banded search on prefix sums. Long documents drift from the diagonal like a random walk (hundreds of sentences
    /// over a million), so the first band follows a coarse alignment of blocks of <see cref="CoarseBlock"/> units
    /// (recursively; <paramref name="blocks"/> says the units are already blocks, and <paramref name="model"/> is then
    /// the blocks' own) instead; then the band is widened and re-centred on the path until the path keeps clear of its
    /// edges.
    /// </summary>
    private AlignmentResult AlignBanded(double[] src, double[] tgt, Model model, ProgressSink? progress, CancellationToken cancellationToken, bool blocks = false)
    {
        int n = src.Length - 1, m = tgt.Length - 1;
        IReadOnlyList<Link>? guide = null;
        if (n >= CoarseThreshold && m >= CoarseThreshold)
        {
            var coarse = AlignBanded(Coarsen(src), Coarsen(tgt), blocks ? model : BlockModel(model, src, tgt), progress, cancellationToken, blocks: true);
            var projected = new Link[coarse.Links.Count];
            for (int k = 0; k < projected.Length; k++)
            {
                var l = coarse.Links[k];
                int s0 = l.SourceStart * CoarseBlock, t0 = l.TargetStart * CoarseBlock;
                int s1 = Math.Min(l.SourceEnd * CoarseBlock, n), t1 = Math.Min(l.TargetEnd * CoarseBlock, m);
                projected[k] = new Link(s0, s1 - s0, t0, t1 - t0);
            }
            guide = projected;
        }

        return Search(new GuidedBands(n, m, Options.InitialBandWidth, guide, margin), static (_, _) => default(LengthOnlyTerm), src, tgt, model, progress, cancellationToken);
    }

    /// <summary>
    /// Bands around a guide (a coarse alignment, or without one the diagonal), twice as wide each time, and around the
    /// last path once there is one. Accepts only a path that keeps to the inner half of the band: a path near the edge
    /// may have been cut off, and one that strays far from the centre was re-centred on a path that itself may have
    /// been cut off (the band then follows it once more, twice as wide). With a coarse guide (itself an optimal
    /// alignment, not a re-centred trap) a smaller margin suffices.
    /// </summary>
    private sealed class GuidedBands(int n, int m, long width, IReadOnlyList<Link>? guide, int margin) : IBandPlan
    {
        public Band First() => Band.Around(n, m, width, guide);

        public int Margin => (int)Math.Max(margin, guide is null ? width / 2 : width / 8);

        public bool KeepsFirstPath => false;

        public Band Next(Band band, IReadOnlyList<Link>? path)
        {
            width *= 2;
            return Band.Around(n, m, width, guide, path);
        }
    }

    /// <summary>
    /// The length model for blocks of units. A block's edges seldom fall where a translation's do: a block holds part of
    /// its neighbour's counterpart, up to a unit's length on each side, whatever the block's size. That adds about the
    /// variance of a unit's length per edge, which per unit of length is Var(l) / mean(l) on each side (the source's
    /// in target units, times c). Without it the coarse alignment of a long noisy pair can drift by hundreds of units
    /// from the true path, and the finer bands around it must widen until they cover the drift.
    /// </summary>
    private static Model BlockModel(Model model, double[] src, double[] tgt)
    {
        double c = model.C;
        return new Model(c, 2 * model.HalfVariance + DispersionPerLength(tgt) + c * DispersionPerLength(src));
    }

    /// <summary>Var(l) / mean(l) of the unit lengths whose prefix sums are given; 0 when every length is 0.</summary>
    private static double DispersionPerLength(double[] prefix)
    {
        int n = prefix.Length - 1;
        double mean = prefix[n] / n;
        if (mean <= 0) return 0;
        double sum = 0;
        for (int i = 1; i <= n; i++)
        {
            double d = prefix[i] - prefix[i - 1] - mean;
            sum += d * d;
        }
        return sum / n / mean;
    }

    /// <summary>Prefix sums of blocks of <see cref="CoarseBlock"/> units (the last block may be shorter).</summary>
    private static double[] Coarsen(double[] prefix)
    {
        int n = prefix.Length - 1;
        var coarse = new double[(n + CoarseBlock - 1) / CoarseBlock + 1];
        for (int k = 1; k < coarse.Length; k++)
            coarse[k] = prefix[Math.Min(k * CoarseBlock, n)];
        return coarse;
    }

    /// <summary>c = Σ target lengths / Σ source lengths, or 1 when either total is 0.</summary>
    internal static double EstimateLengthRatio(double sourceTotal, double targetTotal) =>
        sourceTotal > 0 && targetTotal > 0 ? targetTotal / sourceTotal : 1;

    private static InvalidOperationException NoAlignment() =>
        new("The configured beads cannot align these sequences (for example, there is no 1-0 or 0-1 bead).");

    private static double[] PrefixSums(ReadOnlySpan<int> lengths, string paramName)
    {
        // Doubles hold integer sums exactly up to 2^53 and save a conversion per cell.
        var sums = new double[lengths.Length + 1];
        long total = 0;
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] < 0)
                throw new ArgumentException($"Length {i} is negative ({lengths[i]}).", paramName);
            total += lengths[i];
            sums[i + 1] = total;
        }
        return sums;
    }

    private readonly record struct Model(double C, double HalfVarianceTimesC, double HalfVariance)
    {
        public Model(double c, double variance) : this(c, variance * c / 2, variance / 2) { }
    }

    /// <summary>
    /// The cells searched: for each source position i (row, 0..n) the target positions Lo[i]..Hi[i]; back-pointers are
    /// stored row after row from RowOffsets[i].
    /// </summary>
    internal sealed class Band
    {
        private Band(int n, int m, int[] lo, int[] hi)
        {
            N = n;
            M = m;
            Lo = lo;
            Hi = hi;
            RowOffsets = new long[n + 2];
            bool full = true;
            int maxWidth = 0;
            for (int i = 0; i <= n; i++)
            {
                int w = hi[i] - lo[i] + 1;
                RowOffsets[i + 1] = RowOffsets[i] + w;
                maxWidth = Math.Max(maxWidth, w);
                full &= lo[i] == 0 && hi[i] == m;
            }
            MaxRowWidth = maxWidth;
            IsFull = full;
        }

        public int N { get; }
        public int M { get; }
        public int[] Lo { get; }
        public int[] Hi { get; }
        public long[] RowOffsets { get; }
        public long CellCount => RowOffsets[N + 1];
        public int MaxRowWidth { get; }
        public bool IsFull { get; }

        /// <summary>
        /// Row i spans the targets between the skeleton pairs around it: from the target of the last pair whose source
        /// is before i to one past the target of the first pair whose source is at or after i; widened by
        /// <paramref name="width"/> on each side, and by <paramref name="path"/>'s cells when given.
        /// </summary>
        public static Band AroundSkeleton(int n, int m, (int Source, int Target)[] skeleton, long width, IReadOnlyList<Link>? path = null)
        {
            var lo = new int[n + 1];
            var hi = new int[n + 1];
            int next = 0;
            for (int i = 0; i <= n; i++)
            {
                while (next < skeleton.Length && skeleton[next].Source < i) next++;
                lo[i] = next > 0 ? skeleton[next - 1].Target : 0;
                hi[i] = next < skeleton.Length ? skeleton[next].Target + 1 : m;
            }
            return Widened(n, m, lo, hi, path, width);
        }

        /// <summary>The band of the two sequences reversed: its row i is this band's row n − i, mirrored (j ↦ m − j).</summary>
        public Band Reversed()
        {
            var lo = new int[N + 1];
            var hi = new int[N + 1];
            for (int i = 0; i <= N; i++)
            {
                lo[i] = M - Hi[N - i];
                hi[i] = M - Lo[N - i];
            }
            return new Band(N, M, lo, hi);
        }

        public static Band Full(int n, int m)
        {
            var lo = new int[n + 1];
            var hi = new int[n + 1];
            Array.Fill(hi, m);
            return new Band(n, m, lo, hi);
        }

        /// <summary>
        /// Row i spans the target positions the <paramref name="guide"/> visits in row i (without a guide, the diagonal
        /// j = i·m/n between rows i−1 and i+1) and those <paramref name="path"/> visits; both widened by
        /// <paramref name="width"/> on each side. Keeping the guide means repeated doubling eventually covers the whole
        /// lattice even if a path was a local trap.
        /// </summary>
        public static Band Around(int n, int m, long width, IReadOnlyList<Link>? guide, IReadOnlyList<Link>? path = null)
        {
            var lo = new int[n + 1];
            var hi = new int[n + 1];
            if (guide is null)
            {
                for (int i = 0; i <= n; i++)
                {
                    lo[i] = (int)((long)Math.Max(i - 1, 0) * m / n);                // floor
                    hi[i] = (int)(((long)Math.Min(i + 1, n) * m + n - 1) / n);      // ceiling
                }
            }
            else
            {
                Array.Fill(lo, int.MaxValue);
                Include(guide, lo, hi);
            }
            return Widened(n, m, lo, hi, path, width);
        }

        /// <summary>The band of rows lo..hi, extended to the cells of <paramref name="path"/> if given, then by <paramref name="width"/> on each side.</summary>
        private static Band Widened(int n, int m, int[] lo, int[] hi, IReadOnlyList<Link>? path, long width)
        {
            if (path is not null)
                Include(path, lo, hi);
            for (int i = 0; i <= n; i++)
            {
                lo[i] = (int)Math.Max(0, lo[i] - width);
                hi[i] = (int)Math.Min(m, hi[i] + width);
            }
            return new Band(n, m, lo, hi);
        }

        private static void Include(IReadOnlyList<Link> path, int[] lo, int[] hi)
        {
            foreach (var l in path)
            {
                for (int i = l.SourceStart; i <= l.SourceEnd; i++)
                {
                    lo[i] = Math.Min(lo[i], l.TargetStart);
                    hi[i] = Math.Max(hi[i], l.TargetEnd);
                }
            }
        }

        /// <summary>Whether the path comes within <paramref name="margin"/> cells of an edge that is not the lattice's own edge.</summary>
        public bool Touches(IReadOnlyList<Link> path, int margin)
        {
            foreach (var l in path)
            {
                int i = l.SourceStart, j = l.TargetStart;
                if ((Lo[i] > 0 && j - Lo[i] < margin) || (Hi[i] < M && Hi[i] - j < margin))
                    return true;
            }
            return false;
        }
    }
}
