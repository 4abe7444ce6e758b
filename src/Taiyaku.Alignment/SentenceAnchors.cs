namespace Taiyaku.Alignment;

/// <summary>One key of an anchor item: <paramref name="Key"/> identifies what the item stands for (a number, a word, a
/// phonetic key…), <paramref name="Item"/> which item of the sentence it belongs to.</summary>
/// <param name="Key">An opaque 64-bit key; items of the two sides match when they share a key.</param>
/// <param name="Item">Index of the item in its sentence (0 ≤ item &lt; <see cref="SentenceAnchors.MaxItems"/>).</param>
public readonly record struct AnchorKey(ulong Key, int Item);

/// <summary>
/// The lexical anchors of one sentence: up to <see cref="MaxItems"/> items (a number, a word, a name…), each with a
/// weight and one or more keys. A source item and a target item match when they share a key. In a bead with k sentences
/// on the other side, a matched item is worth max(0, weight − ln k): its weight is meant as the log-odds that a match
/// is not chance (e.g. ln(1/q) for an item that a random sentence matches with probability q), and k sentences give k
/// chances. Immutable and thread-safe.
/// </summary>
public sealed class SentenceAnchors
{
    /// <summary>Most items a sentence may have (one bit each in the aligner's masks).</summary>
    public const int MaxItems = 64;

    /// <summary>A sentence without anchors.</summary>
    public static SentenceAnchors Empty { get; } = new([], []);

    // Keys sorted ascending, ItemOf[k] the item of Keys[k]; Signature has one bit per key (bits 58..63 of the key) so
    // that most non-matching pairs are rejected without a merge.
    internal readonly ulong[] Keys;
    internal readonly byte[] ItemOf;
    internal readonly double[] Weights;
    internal readonly ulong Signature;

    /// <summary>Creates the anchors of a sentence.</summary>
    /// <param name="keys">Keys with the item each belongs to, in any order; an item may have several keys.</param>
    /// <param name="itemWeights">Weight of each item (finite, ≥ 0); its count is the number of items.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxItems"/> items, a key naming a missing item, or a bad weight.</exception>
    public SentenceAnchors(IReadOnlyList<AnchorKey> keys, IReadOnlyList<double> itemWeights)
        : this(keys, itemWeights, 0)
    {
    }

    /// <summary>Creates the anchors of a sentence, with evidence that it has no counterpart.</summary>
    /// <param name="keys">Keys with the item each belongs to, in any order; an item may have several keys.</param>
    /// <param name="itemWeights">Weight of each item (finite, ≥ 0); its count is the number of items.</param>
    /// <param name="oneSidedEvidence">The log-odds (finite, ≥ 0) that the sentence has no counterpart on the other side,
    /// whatever its words: see <see cref="OneSidedEvidence"/>.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxItems"/> items, a key naming a missing item, or a bad weight or evidence.</exception>
    public SentenceAnchors(IReadOnlyList<AnchorKey> keys, IReadOnlyList<double> itemWeights, double oneSidedEvidence)
        : this(Copy(keys, nameof(keys)), Copy(itemWeights, nameof(itemWeights)), oneSidedEvidence, copied: true)
    {
    }

    /// <summary>As the public constructor, from spans: the pipeline's packing makes one for every sentence of both passes.</summary>
    internal static SentenceAnchors Create(ReadOnlySpan<AnchorKey> keys, ReadOnlySpan<double> itemWeights, double oneSidedEvidence) =>
        new(keys, itemWeights, oneSidedEvidence, copied: false);

    private static T[] Copy<T>(IReadOnlyList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        var copy = new T[list.Count];
        for (int k = 0; k < copy.Length; k++) copy[k] = list[k];
        return copy;
    }

    // copied says nothing: it only sets this constructor apart, as one with the public one's parameters as spans would
    // be ambiguous for arrays.
    private SentenceAnchors(ReadOnlySpan<AnchorKey> keys, ReadOnlySpan<double> itemWeights, double oneSidedEvidence, bool copied)
    {
        _ = copied;
        if (itemWeights.Length > MaxItems)
            throw new ArgumentException($"A sentence may have at most {MaxItems} anchor items, not {itemWeights.Length}.", nameof(itemWeights));
        if (!(oneSidedEvidence >= 0 && double.IsFinite(oneSidedEvidence)))
            throw new ArgumentException($"The one-sided evidence is {oneSidedEvidence}; it must be finite and non-negative.", nameof(oneSidedEvidence));
        OneSidedEvidence = oneSidedEvidence;
        Weights = new double[itemWeights.Length];
        for (int i = 0; i < Weights.Length; i++)
        {
            double w = itemWeights[i];
            if (!(w >= 0 && double.IsFinite(w)))
                throw new ArgumentException($"Item {i} has weight {w}; weights must be finite and non-negative.", nameof(itemWeights));
            Weights[i] = w;
            TotalWeight += w;
        }
        Keys = new ulong[keys.Length];
        ItemOf = new byte[keys.Length];
        for (int k = 0; k < Keys.Length; k++)
        {
            var key = keys[k];
            if ((uint)key.Item >= (uint)Weights.Length)
                throw new ArgumentException($"Key {k} names item {key.Item}, but there are {Weights.Length} items.", nameof(keys));
            Keys[k] = key.Key;
            ItemOf[k] = (byte)key.Item;
            Signature |= 1UL << (int)(key.Key >> 58);
        }
        // By key, then by item: the primitive sort of the keys carrying the items along (no comparison delegate: a
        // third of packing a document's anchors went to it), then each run of equal keys by item.
        Array.Sort(Keys, ItemOf);
        for (int k = 1; k < Keys.Length; k++)
        {
            if (Keys[k] != Keys[k - 1]) continue;
            for (int x = k; x > 0 && Keys[x - 1] == Keys[x] && ItemOf[x - 1] > ItemOf[x]; x--)
                (ItemOf[x - 1], ItemOf[x]) = (ItemOf[x], ItemOf[x - 1]);
        }
    }

    /// <summary>Number of items.</summary>
    public int ItemCount => Weights.Length;

    /// <summary>
    /// The log-odds that the sentence has no counterpart on the other side, whatever its words (a page stamp or a line
    /// in the other language, say): a bead that leaves it alone costs this much less. 0 when nothing says so.
    /// </summary>
    public double OneSidedEvidence { get; }

    /// <summary>Sum of the items' weights.</summary>
    public double TotalWeight { get; }

    /// <summary>Weight of item <paramref name="item"/>.</summary>
    public double WeightOf(int item) => Weights[item];

    /// <summary>
    /// Which items of each sentence the other matches: bit i of <paramref name="matchedInA"/> is set when item i of
    /// <paramref name="a"/> shares a key with some item of <paramref name="b"/>, and likewise for <paramref name="matchedInB"/>.
    /// </summary>
    public static void Match(SentenceAnchors a, SentenceAnchors b, out ulong matchedInA, out ulong matchedInB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        matchedInA = matchedInB = 0;
        if ((a.Signature & b.Signature) == 0) return;
        var ka = a.Keys; var kb = b.Keys;
        int p = 0, q = 0;
        while (p < ka.Length && q < kb.Length)
        {
            ulong x = ka[p], y = kb[q];
            if (x < y) p++;
            else if (x > y) q++;
            else
            {
                // Runs of equal keys: every item of either run is matched.
                for (; p < ka.Length && ka[p] == x; p++) matchedInA |= 1UL << a.ItemOf[p];
                for (; q < kb.Length && kb[q] == x; q++) matchedInB |= 1UL << b.ItemOf[q];
            }
        }
    }

    /// <summary>The bits of the items that hold <paramref name="key"/> (0 when none does).</summary>
    internal ulong ItemsOf(ulong key)
    {
        int at = Array.BinarySearch(Keys, key);
        if (at < 0) return 0;
        while (at > 0 && Keys[at - 1] == key) at--;
        ulong bits = 0;
        for (; at < Keys.Length && Keys[at] == key; at++) bits |= 1UL << ItemOf[at];
        return bits;
    }

    /// <summary>Total weight of the items whose bits are set in <paramref name="mask"/>.</summary>
    public double WeightOf(ulong mask)
    {
        double w = 0;
        var weights = Weights;
        while (mask != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
            w += weights[bit];
            mask &= mask - 1;
        }
        return w;
    }

    /// <summary>Σ max(0, weight − <paramref name="penalty"/>) over the items whose bits are set in <paramref name="mask"/>.</summary>
    internal double WeightOf(ulong mask, double penalty)
    {
        double w = 0;
        var weights = Weights;
        while (mask != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
            double x = weights[bit] - penalty;
            if (x > 0) w += x;
            mask &= mask - 1;
        }
        return w;
    }

    /// <summary>ln k for k = 0..<see cref="Bead.MaxCount"/>: the per-item penalty of a bead with k sentences on the other side.</summary>
    internal static readonly double[] SizePenalty = [.. Enumerable.Range(0, Bead.MaxCount + 1).Select(k => k == 0 ? 0 : Math.Log(k))];

    /// <summary>A link's anchor score: Σ max(0, weight − ln k) over the matched items of both sides (see the class remarks).</summary>
    internal static double Score(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target, Link link, double bonus = 0)
    {
        if (link.SourceCount == 0 || link.TargetCount == 0) return 0;
        double score = 0;
        var tMasks = new ulong[link.TargetCount];
        double sourcePenalty = Math.Log(link.TargetCount) - bonus, targetPenalty = Math.Log(link.SourceCount) - bonus;
        for (int s = link.SourceStart; s < link.SourceEnd; s++)
        {
            ulong sm = 0;
            for (int t = link.TargetStart; t < link.TargetEnd; t++)
            {
                Match(source[s], target[t], out ulong a, out ulong b);
                sm |= a;
                tMasks[t - link.TargetStart] |= b;
            }
            score += source[s].WeightOf(sm, sourcePenalty);
        }
        for (int t = link.TargetStart; t < link.TargetEnd; t++)
            score += target[t].WeightOf(tMasks[t - link.TargetStart], targetPenalty);
        return score;
    }

    /// <summary>
    /// The anchor coverage of a link: the weight of the items of its source sentences matched by its target sentences,
    /// and the other way round, with the totals of both sides.
    /// </summary>
    public static AnchorCoverage Coverage(IReadOnlyList<SentenceAnchors> source, IReadOnlyList<SentenceAnchors> target, Link link)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        double covS = 0, totS = 0, covT = 0, totT = 0;
        Span<ulong> tMasks = link.TargetCount <= Bead.MaxCount ? stackalloc ulong[Bead.MaxCount] : new ulong[link.TargetCount];
        tMasks.Clear();
        for (int s = link.SourceStart; s < link.SourceEnd; s++)
        {
            ulong sm = 0;
            for (int t = link.TargetStart; t < link.TargetEnd; t++)
            {
                Match(source[s], target[t], out ulong a, out ulong b);
                sm |= a;
                tMasks[t - link.TargetStart] |= b;
            }
            covS += source[s].WeightOf(sm);
            totS += source[s].TotalWeight;
        }
        for (int t = link.TargetStart; t < link.TargetEnd; t++)
        {
            covT += target[t].WeightOf(tMasks[t - link.TargetStart]);
            totT += target[t].TotalWeight;
        }
        return new AnchorCoverage(covS, totS, covT, totT);
    }
}

/// <summary>The anchor weight of a link's two sides, matched and in all.</summary>
/// <param name="MatchedSource">Weight of source items matched by the link's target sentences.</param>
/// <param name="TotalSource">Weight of all source items of the link.</param>
/// <param name="MatchedTarget">Weight of target items matched by the link's source sentences.</param>
/// <param name="TotalTarget">Weight of all target items of the link.</param>
public readonly record struct AnchorCoverage(double MatchedSource, double TotalSource, double MatchedTarget, double TotalTarget)
{
    /// <summary>Matched weight of both sides.</summary>
    public double Matched => MatchedSource + MatchedTarget;

    /// <summary>Total weight of both sides.</summary>
    public double Total => TotalSource + TotalTarget;

    /// <summary>Matched share of the total (0 when the link has no anchors).</summary>
    public double Fraction => Total > 0 ? Matched / Total : 0;
}
