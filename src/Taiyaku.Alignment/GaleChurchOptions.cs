using System.Collections.ObjectModel;

namespace Taiyaku.Alignment;

/// <summary>
/// Immutable settings of <see cref="GaleChurchAligner"/>. Every property is validated when set.
/// </summary>
public sealed record GaleChurchOptions
{
    /// <summary>
    /// Default of <see cref="Variance"/>: 12. Gale &amp; Church's 6.8 (fitted on German/French–English characters)
    /// under-fits Japanese–English translations, which vary more in length; 12 was chosen on the pooled Kyoto-Wikipedia
    /// and Bible development sets (character counts), not per document.
    /// </summary>
    public const double DefaultVariance = 12;

    /// <summary>Default of <see cref="InitialBandWidth"/>.</summary>
    public const int DefaultInitialBandWidth = 32;

    private readonly double? lengthRatio;
    private readonly double variance = DefaultVariance;
    private readonly IReadOnlyList<Bead> beads = Bead.Extended;
    private readonly SearchMode search = SearchMode.Banded;
    private readonly int initialBandWidth = DefaultInitialBandWidth;
    private readonly double anchorWeight = DefaultAnchorWeight;
    private readonly int anchorBandWidth = DefaultAnchorBandWidth;
    private readonly double unmatchedItemCost;
    private readonly double deletionOpenCost;


    /// <summary>Default of <see cref="AnchorWeight"/>.</summary>
    public const double DefaultAnchorWeight = 1;

    /// <summary>Default of <see cref="AnchorBandWidth"/>.</summary>
    public const int DefaultAnchorBandWidth = 16;

    /// <summary>The defaults: c estimated, s² = 12, <see cref="Bead.Extended"/>, banded search, band half-width 32.</summary>
    public static GaleChurchOptions Default { get; } = new();

    /// <summary>
    /// c, the expected number of target length units per source length unit. <see langword="null"/> (the default)
    /// estimates it per document pair as Σ target lengths / Σ source lengths (1 when either side totals 0), which lets
    /// Japanese and English character counts work without tuning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double? LengthRatio
    {
        get => lengthRatio;
        init
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
                throw new ArgumentOutOfRangeException(nameof(LengthRatio), value, "The length ratio must be finite and positive.");
            lengthRatio = value;
        }
    }

    /// <summary>
    /// s², the variance of l₂ − c·l₁ per unit of bead length measured on the target scale, c·m = (c·l₁ + l₂)/2;
    /// default <see cref="DefaultVariance"/>. Measured this way s² does not depend on the units of either side; for
    /// c = 1 it is exactly Gale &amp; Church's s² (6.8 in the paper).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double Variance
    {
        get => variance;
        init
        {
            if (!(value > 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(nameof(Variance), value, "The variance must be finite and positive.");
            variance = value;
        }
    }

    /// <summary>
    /// The bead types the aligner may use, with their priors; default <see cref="Bead.Extended"/>: on the Bible
    /// development books, whose verse-level gold has many n-m links, it raises lax F1 from 0.75 to 0.79, at a small
    /// cost on Kyoto-Wikipedia (strict F1 0.962 → 0.961 dev, 0.893 → 0.883 tune). <see cref="Bead.Standard"/> is
    /// Gale &amp; Church's set.
    /// On an exact cost tie the bead listed first wins (beads taking no source unit are tried after the others).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, has more than 255 beads, repeats a bead type, or holds
    /// a bead with a count outside 0..<see cref="Bead.MaxCount"/>, both counts 0, or a probability outside (0, 1].</exception>
    public IReadOnlyList<Bead> Beads
    {
        get => beads;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = new Bead[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                var b = value[i];
                if (b.SourceCount < 0 || b.TargetCount < 0 || b.SourceCount > Bead.MaxCount || b.TargetCount > Bead.MaxCount
                    || (b.SourceCount == 0 && b.TargetCount == 0))
                    throw new ArgumentException($"Bead {i} ({b.SourceCount}-{b.TargetCount}) must take 0..{Bead.MaxCount} units per side and at least one unit.", nameof(Beads));
                if (!(b.Probability > 0 && b.Probability <= 1))
                    throw new ArgumentException($"Bead {i} has probability {b.Probability}; it must be in (0, 1].", nameof(Beads));
                for (int k = 0; k < i; k++)
                    if (copy[k].SourceCount == b.SourceCount && copy[k].TargetCount == b.TargetCount)
                        throw new ArgumentException($"Bead type {b.SourceCount}-{b.TargetCount} is listed twice.", nameof(Beads));
                copy[i] = b;
            }
            // 255 marks an unreached cell in the one-byte back-pointers.
            if (copy.Length is 0 or > 255)
                throw new ArgumentException("Between 1 and 255 beads are required.", nameof(Beads));
            beads = new ReadOnlyCollection<Bead>(copy);
        }
    }

    /// <summary>Banded (default) or full search.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="SearchMode"/>.</exception>
    public SearchMode Search
    {
        get => search;
        init
        {
            if (!Enum.IsDefined(value))
                throw new ArgumentOutOfRangeException(nameof(Search), value, "Unknown search mode.");
            search = value;
        }
    }

    /// <summary>
    /// Half-width, in target units, of the first band: around the length-scaled diagonal for short documents, around a
    /// coarse alignment of 8-unit blocks for long ones (2048 units or more per side). Doubled on every re-run. Default
    /// <see cref="DefaultInitialBandWidth"/>. Larger values cost time and memory (one byte per cell) but fewer re-runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int InitialBandWidth
    {
        get => initialBandWidth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(InitialBandWidth));
            initialBandWidth = value;
        }
    }

    /// <summary>
    /// λ: how much matched anchor weight lowers a bead's cost (nats per unit of weight) when aligning with anchors; 0
    /// ignores anchors. Default <see cref="DefaultAnchorWeight"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double AnchorWeight
    {
        get => anchorWeight;
        init
        {
            if (!(value >= 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(nameof(AnchorWeight), value, "The anchor weight must be finite and non-negative.");
            anchorWeight = value;
        }
    }

    /// <summary>
    /// ν: evidence for leaving a sentence without counterpart, when aligning with anchors. With ν &gt; 0 a linked
    /// sentence pays λ·ν for each of its anchor items that its link leaves unmatched (each matched item earns ν more
    /// than without it), and a sentence left unaligned (a 1-0 or 0-1 bead) costs only its bead's prior, with no length
    /// term: a sentence whose words find no counterpart nearby is better left alone than merged into a neighbour's
    /// link, whatever its length. 0 (the default of this type) is Gale &amp; Church's model, where an unaligned
    /// sentence pays a length cost that grows with its length; the fitted parameters set it (see
    /// <c>AlignmentParameters</c>). Has no effect on length-only alignment.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, above 20 or not finite.</exception>
    public double UnmatchedItemCost
    {
        get => unmatchedItemCost;
        init
        {
            if (!(value >= 0 && value <= 20))
                throw new ArgumentOutOfRangeException(nameof(UnmatchedItemCost), value, "The unmatched item cost must be between 0 and 20.");
            unmatchedItemCost = value;
        }
    }

    /// <summary>
    /// The cost, in nats, of opening a run of sentences without counterpart (1-0 and 0-b beads, either side) after a
    /// link or at the start: untranslated text comes in blocks, so a run pays it once, however long, and a path that
    /// leaves a block whole is preferred to one that links a few of its sentences to chance matches and so cuts it into
    /// several runs. 0 (the default) prices every such bead alone, as Gale &amp; Church do. The search then keeps two
    /// states per cell (the last bead linked or not).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, above 20 or not finite.</exception>
    public double DeletionOpenCost
    {
        get => deletionOpenCost;
        init
        {
            if (!(value >= 0 && value <= 20))
                throw new ArgumentOutOfRangeException(nameof(DeletionOpenCost), value, "The deletion opening cost must be between 0 and 20.");
            deletionOpenCost = value;
        }
    }

    /// <summary>
    /// When true, an anchored search without a guide returns the path of its first band even where the path comes near
    /// the band's edge, instead of dropping the skeleton pairs it does not honour and searching again. For a first pass
    /// whose path only guides later passes (as the pipeline's learned second pass and deletion shares do): they start
    /// from this path's band and search again where they need to. False (the default) for any alignment that is kept.
    /// Has no effect on length-only or guided alignment.
    /// </summary>
    public bool FirstPathOnly { get; init; }

    /// <summary>
    /// Half-width, in target units, of the band searched with anchors around the length-only alignment; doubled while
    /// the path comes near its edge. Default <see cref="DefaultAnchorBandWidth"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int AnchorBandWidth
    {
        get => anchorBandWidth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(AnchorBandWidth));
            anchorBandWidth = value;
        }
    }
}
