using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation;

/// <summary>The fitted parameters and the trials behind them.</summary>
/// <param name="Parameters">The parameters to write.</param>
/// <param name="Trials">Every (s², λ) tried, with its scores.</param>
public sealed record FitResult(AlignmentParameters Parameters, IReadOnlyList<FitTrial> Trials);
