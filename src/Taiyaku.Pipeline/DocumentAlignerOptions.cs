using Taiyaku.Alignment;
using Taiyaku.Text;

namespace Taiyaku.Pipeline;

/// <summary>
/// Settings of <see cref="DocumentAligner"/>, each with a documented default. What <c>taiyaku fit</c> learns is one
/// value, <see cref="Parameters"/>; the rest says which anchors to use, how to segment and how to search.
/// </summary>
public sealed record DocumentAlignerOptions
{
    private int? _bandWidth;

    /// <summary>The defaults.</summary>
    public static DocumentAlignerOptions Default { get; } = new();

    /// <summary>
    /// The fitted model: length measure, c and s², bead priors, anchor weight λ, unmatched-item cost ν, candidate
    /// deletion shares and the confidence model, as <c>taiyaku fit</c> writes them. Default
    /// <see cref="AlignmentParameters.Default"/> (fitted on complete translations); <see cref="AlignmentParameters.PartialTranslations"/>
    /// for translations with untranslated or added passages.
    /// </summary>
    public AlignmentParameters Parameters { get; init; } = AlignmentParameters.Default;

    /// <summary>Sentence segmentation and page-furniture detection. Default <see cref="SegmenterOptions.Default"/>.</summary>
    public SegmenterOptions Segmentation { get; init; } = SegmenterOptions.Default;

    /// <summary>Lexical anchors and the learned second pass. Default <see cref="AnchorOptions.Default"/> (all on).</summary>
    public AnchorOptions Anchors { get; init; } = AnchorOptions.Default;

    /// <summary>How the search covers the lattice. Default <see cref="SearchMode.Banded"/> (linear in document length).</summary>
    public SearchMode Search { get; init; } = SearchMode.Banded;

    /// <summary>
    /// The first band's half-width for every search, or null (the default) for the aligner's own:
    /// <see cref="GaleChurchOptions.DefaultInitialBandWidth"/> for lengths and <see cref="GaleChurchOptions.DefaultAnchorBandWidth"/>
    /// around anchors. Bands widen on their own where the path needs it; a wider start only costs time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? BandWidth
    {
        get => _bandWidth;
        init
        {
            if (value is < 1) throw new ArgumentOutOfRangeException(nameof(BandWidth), value, "The band width must be at least 1.");
            _bandWidth = value;
        }
    }

    /// <summary>Whether links get a calibrated <see cref="Link.Score"/> from <see cref="AlignmentParameters.Confidence"/>. Default true.</summary>
    public bool Scores { get; init; } = true;

    /// <summary>The core aligner's options: the parameters' length model, beads, λ and ν with this search.</summary>
    internal GaleChurchOptions CoreOptions() => new()
    {
        LengthRatio = Parameters.LengthRatio,
        Variance = Parameters.Variance,
        Beads = Parameters.Beads,
        AnchorWeight = Parameters.AnchorWeight,
        UnmatchedItemCost = Parameters.UnmatchedItemCost,
        DeletionOpenCost = Parameters.DeletionOpenCost,
        Search = Search,
        InitialBandWidth = BandWidth ?? GaleChurchOptions.DefaultInitialBandWidth,
        AnchorBandWidth = BandWidth ?? GaleChurchOptions.DefaultAnchorBandWidth,
    };
}
