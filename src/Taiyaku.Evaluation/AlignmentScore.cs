using System.Globalization;

namespace Taiyaku.Evaluation;

/// <summary>
/// Raw counts behind the six figures: true positives and totals for precision and recall, strict and lax.
/// Counts add up across documents (pooled scoring, as vecalign's scorer does).
/// </summary>
public readonly record struct ScoreCounts(
    int StrictPrecisionHits, int LaxPrecisionHits, int PrecisionTotal,
    int StrictRecallHits, int LaxRecallHits, int RecallTotal)
{
    /// <summary>The sum of two sets of counts.</summary>
    public static ScoreCounts operator +(ScoreCounts a, ScoreCounts b) => new(
        a.StrictPrecisionHits + b.StrictPrecisionHits, a.LaxPrecisionHits + b.LaxPrecisionHits, a.PrecisionTotal + b.PrecisionTotal,
        a.StrictRecallHits + b.StrictRecallHits, a.LaxRecallHits + b.LaxRecallHits, a.RecallTotal + b.RecallTotal);

    /// <summary>The six figures computed from these counts.</summary>
    public AlignmentScore ToScore()
    {
        // vecalign divides by max(total, 1): an empty side scores 0, not NaN.
        double sp = (double)StrictPrecisionHits / Math.Max(PrecisionTotal, 1);
        double sr = (double)StrictRecallHits / Math.Max(RecallTotal, 1);
        double lp = (double)LaxPrecisionHits / Math.Max(PrecisionTotal, 1);
        double lr = (double)LaxRecallHits / Math.Max(RecallTotal, 1);
        return new AlignmentScore(sp, sr, F1(sp, sr), lp, lr, F1(lp, lr));
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>Strict and lax precision, recall and F1.</summary>
/// <param name="StrictPrecision">Share of test links that equal a gold link.</param>
/// <param name="StrictRecall">Share of gold links (both sides non-empty) that equal a test link.</param>
/// <param name="StrictF1">Harmonic mean of strict precision and recall.</param>
/// <param name="LaxPrecision">Share of test links sharing a source and a target sentence with one gold link.</param>
/// <param name="LaxRecall">Share of gold links sharing a source and a target sentence with one test link.</param>
/// <param name="LaxF1">Harmonic mean of lax precision and recall.</param>
public readonly record struct AlignmentScore(
    double StrictPrecision, double StrictRecall, double StrictF1,
    double LaxPrecision, double LaxRecall, double LaxF1)
{
    /// <summary>The figures in the reference scorer's layout: <c>strict_p=0.9000 strict_r=… lax_f1=…</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"strict_p={StrictPrecision:F4} strict_r={StrictRecall:F4} strict_f1={StrictF1:F4} lax_p={LaxPrecision:F4} lax_r={LaxRecall:F4} lax_f1={LaxF1:F4}");
}
