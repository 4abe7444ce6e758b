using System.Text.Json;
using System.Text.Json.Nodes;
using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// The fitted parameters of the aligner, as written by <c>taiyaku fit</c> and read by <c>taiyaku align --params</c>:
/// the length model (c, s²), the bead priors, the anchor weight λ, the unmatched-item cost ν and the confidence model.
/// Immutable.
/// </summary>
/// <remarks>
/// A parameter file is accepted only within these bounds, so that every file that loads aligns any input without
/// overflowing a cost: c in [0.001, 1000]; s² in [0.001, 1e6]; λ in [0, 100]; bead probabilities in (0, 1], with a
/// 1-0 and a 0-1 bead among the beads (without them some pairs of sentence counts have no alignment at all);
/// confidence coefficients finite, of magnitude at most 1e6. No value may be NaN.
/// </remarks>
public sealed partial record AlignmentParameters
{
    /// <summary>The format tag written into every parameter file.</summary>
    public const string FormatTag = "taiyaku-parameters/1";

    /// <summary>How sentence lengths were counted when the parameters were fitted (they only hold for that measure).</summary>
    public LengthMeasure Length { get; init; } = LengthMeasure.Utf8Bytes;

    /// <summary>c; null to estimate it per document pair.</summary>
    public double? LengthRatio { get; init; }

    /// <summary>s² (see <see cref="GaleChurchOptions.Variance"/>).</summary>
    public double Variance { get; init; } = GaleChurchOptions.DefaultVariance;

    /// <summary>Bead types with their priors.</summary>
    public IReadOnlyList<Bead> Beads { get; init; } = Bead.Extended;

    /// <summary>λ (see <see cref="GaleChurchOptions.AnchorWeight"/>).</summary>
    public double AnchorWeight { get; init; } = GaleChurchOptions.DefaultAnchorWeight;

    /// <summary>ν, the cost of an unmatched anchor item of a linked sentence (see <see cref="GaleChurchOptions.UnmatchedItemCost"/>); default 0.</summary>
    public double UnmatchedItemCost { get; init; }

    /// <summary>The cost of opening a run of sentences without counterpart (see <see cref="GaleChurchOptions.DeletionOpenCost"/>); default 0.</summary>
    public double DeletionOpenCost { get; init; }

    /// <summary>
    /// Candidate shares of sentences without counterpart (1-0 and 0-1 beads together), each in (0, 1), used when <see cref="UnmatchedItemCost"/> is above 0: the final pass aligns with the bead priors
    /// rescaled to each share and keeps the most likely alignment (lowest total cost), so that the share of untranslated
    /// text is the document's own, as c is); null (the default) keeps the fitted priors. <see cref="PartialTranslations"/>
    /// sets 0.001, 0.01, 0.05, 0.15 and 0.3.
    /// </summary>
    public IReadOnlyList<double>? DeletionRates { get; init; }

    /// <summary>
    /// Parameters for documents found to hold untranslated or added passages, and the share of sentences in one-sided
    /// blocks that finds them (see <see cref="UntranslatedPassages"/>); null (the default, and what <c>taiyaku fit</c>
    /// writes) aligns every document with these parameters alone. <see cref="Default"/> holds
    /// <see cref="PartialTranslations"/> here.
    /// </summary>
    public UntranslatedPassages? Untranslated { get; init; }

    /// <summary>The confidence model; default <see cref="ConfidenceModel.Uninformative"/>.</summary>
    public ConfidenceModel Confidence { get; init; } = ConfidenceModel.Uninformative;

    /// <summary>What the parameters were fitted on (free text, e.g. "18 documents, 1205 links").</summary>
    public string? FittedOn { get; init; }

    /// <summary>
    /// The built-in parameters, for complete and partial translations alike: fitted with <c>taiyaku fit</c> on the
    /// kyoto-wiki dev documents (UTF-8 byte lengths, all anchors), with <see cref="PartialTranslations"/> as their
    /// <see cref="Untranslated"/> set, kept for a document when it leaves at least 1% of the text (by length) in
    /// one-sided blocks (see the README for the commands and for how they score on each corpus).
    /// </summary>
    public static AlignmentParameters Default { get; } = LoadDefault();

    /// <summary>
    /// <see cref="Default"/> without its <see cref="Untranslated"/> set: the kyoto-wiki fit alone, for complete
    /// translations (<c>--params complete</c>), at half the cost and a little more accurate on them.
    /// </summary>
    public static AlignmentParameters CompleteTranslations => Default with { Untranslated = null };

    /// <summary>
    /// Built-in parameters for translations with untranslated or added passages (documentation, archives): fitted
    /// with <c>taiyaku fit</c> on the kyoto-wiki dev and pydocs-dev paragraph documents together, with ν &gt; 0 and the
    /// share of unaligned sentences chosen per document (see the README for the command and the figures). On complete
    /// translations they cost about one point of strict F1 against <see cref="CompleteTranslations"/>; <see cref="Default"/>
    /// uses them for the documents they find untranslated blocks in.
    /// </summary>
    public static AlignmentParameters PartialTranslations => Default.Untranslated!.Parameters;

    private static AlignmentParameters LoadDefault()
    {
        using var stream = typeof(AlignmentParameters).Assembly.GetManifestResourceStream("Taiyaku.Pipeline.DefaultParameters.json")
            ?? throw new InvalidOperationException("The built-in parameter file is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Equal when every value is equal (the beads and deletion shares element by element): a parameter file read back equals what was written.</summary>
    public bool Equals(AlignmentParameters? other) =>
        other is not null
        && Length == other.Length && Nullable.Equals(LengthRatio, other.LengthRatio) && Variance.Equals(other.Variance)
        && Beads.SequenceEqual(other.Beads) && AnchorWeight.Equals(other.AnchorWeight) && UnmatchedItemCost.Equals(other.UnmatchedItemCost)
        && DeletionOpenCost.Equals(other.DeletionOpenCost)
        && (DeletionRates ?? []).SequenceEqual(other.DeletionRates ?? []) && (DeletionRates is null) == (other.DeletionRates is null)
        && Confidence == other.Confidence && FittedOn == other.FittedOn && Untranslated == other.Untranslated;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Length, LengthRatio, Variance, Beads.Count, AnchorWeight, UnmatchedItemCost, Confidence, FittedOn);

    /// <summary>A copy with every number rounded to <paramref name="decimals"/> decimal places (<c>taiyaku fit</c> keeps six, so that files stay readable).</summary>
    public AlignmentParameters Round(int decimals = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        double R(double x) => Math.Round(x, decimals);
        var c = Confidence;
        return this with
        {
            LengthRatio = LengthRatio is { } r ? R(r) : null,
            Variance = R(Variance),
            Beads = [.. Beads.Select(b => b with { Probability = R(b.Probability) })],
            AnchorWeight = R(AnchorWeight),
            UnmatchedItemCost = R(UnmatchedItemCost),
            DeletionOpenCost = R(DeletionOpenCost),
            Confidence = new ConfidenceModel(R(c.Intercept), R(c.Cost), R(c.Coverage), R(c.AnchorWeight), R(c.OneToOne), R(c.Empty), R(c.EmptyAnchorWeight)),
            Untranslated = Untranslated is { } u ? u with { Parameters = u.Parameters.Round(decimals), MinBlockShare = R(u.MinBlockShare) } : null,
        };
    }
}
