using Taiyaku.Alignment;

namespace Taiyaku.Evaluation;

/// <summary>One setting tried by the fitter and how it scored on the training documents.</summary>
/// <param name="Variance">s² tried.</param>
/// <param name="AnchorWeight">λ tried.</param>
/// <param name="Score">Pooled scores over the training documents.</param>
public sealed record FitTrial(double Variance, double AnchorWeight, AlignmentScore Score)
{
    /// <summary>ν tried (see <see cref="GaleChurchOptions.UnmatchedItemCost"/>).</summary>
    public double UnmatchedItemCost { get; init; }

    /// <summary>The cost of opening a run of sentences without counterpart tried (see <see cref="GaleChurchOptions.DeletionOpenCost"/>).</summary>
    public double DeletionOpenCost { get; init; }

    /// <summary>The trial as one line, e.g. <c>s²=6.98 λ=0.5 ν=0: strict F1 0.9880, lax F1 0.9950</c> (with the opening cost when tried).</summary>
    public override string ToString() =>
        FormattableString.Invariant($"s²={Variance:F2} λ={AnchorWeight:G3} ν={UnmatchedItemCost:G3}{(DeletionOpenCost > 0 ? FormattableString.Invariant($" open={DeletionOpenCost:G3}") : "")}: strict F1 {Score.StrictF1:F4}, lax F1 {Score.LaxF1:F4}");
}
