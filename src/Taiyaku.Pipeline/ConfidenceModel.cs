using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// Turns a link's cost and anchor coverage into a calibrated probability that the link is right: logistic regression
/// P = σ(b₀ + b₁·cost + b₂·coverage + b₃·ln(1 + anchor weight) + b₄·[1-1 link] + b₅·[empty side]
/// + b₆·[empty side]·ln(1 + anchor weight)), fitted on gold alignments by <c>taiyaku fit</c>. Immutable.
/// </summary>
/// <param name="Intercept">b₀.</param>
/// <param name="Cost">b₁, per unit of link cost.</param>
/// <param name="Coverage">b₂, per unit of matched anchor share (0..1).</param>
/// <param name="AnchorWeight">b₃, per unit of ln(1 + total anchor weight of the link).</param>
/// <param name="OneToOne">b₄, for a 1-1 link.</param>
/// <param name="Empty">b₅, for a link with an empty side (an unaligned sentence).</param>
/// <param name="EmptyAnchorWeight">b₆, per unit of ln(1 + anchor weight) of an unaligned sentence: the more words a
/// sentence has that could have matched, the more its having no counterpart nearby says.</param>
public sealed record ConfidenceModel(double Intercept, double Cost, double Coverage, double AnchorWeight, double OneToOne, double Empty, double EmptyAnchorWeight = 0)
{
    /// <summary>All coefficients 0: every link scores 0.5. The fitted model is <see cref="AlignmentParameters.Default"/>'s.</summary>
    public static ConfidenceModel Uninformative { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Number of features (coefficients after the intercept).</summary>
    public const int FeatureCount = 6;

    /// <summary>The features of a link, in coefficient order (cost, coverage, ln(1 + anchor weight), 1-1, empty side, empty side × ln(1 + anchor weight)).</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is shorter than <see cref="FeatureCount"/>.</exception>
    public static void Features(in Link link, in AnchorCoverage coverage, Span<double> x)
    {
        if (x.Length < FeatureCount) throw new ArgumentException($"The span must hold {FeatureCount} features.", nameof(x));
        x[0] = link.Cost;
        x[1] = coverage.Fraction;
        x[2] = Math.Log(1 + coverage.Total);
        x[3] = link.SourceCount == 1 && link.TargetCount == 1 ? 1 : 0;
        x[4] = link.SourceCount == 0 || link.TargetCount == 0 ? 1 : 0;
        x[5] = x[4] * x[2];
    }

    /// <summary>The probability that a link with this cost and coverage is right.</summary>
    public double Score(Link link, AnchorCoverage coverage)
    {
        Span<double> x = stackalloc double[FeatureCount];
        Features(link, coverage, x);
        double z = Intercept + Cost * x[0] + Coverage * x[1] + AnchorWeight * x[2] + OneToOne * x[3] + Empty * x[4] + EmptyAnchorWeight * x[5];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>A model from its coefficients in order, intercept first (<see cref="FeatureCount"/> + 1 of them).</summary>
    /// <exception cref="ArgumentException">Not <see cref="FeatureCount"/> + 1 coefficients.</exception>
    public static ConfidenceModel FromCoefficients(ReadOnlySpan<double> b) =>
        b.Length == FeatureCount + 1 ? new(b[0], b[1], b[2], b[3], b[4], b[5], b[6])
            : throw new ArgumentException($"A confidence model has {FeatureCount + 1} coefficients.", nameof(b));
}
