using Taiyaku.Alignment;
using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation;

/// <summary>
/// Fits the aligner's parameters on documents with gold alignments: s² of the length model (two estimates), bead priors
/// from the gold link types, λ by a grid search on strict plus lax F1, and the confidence model by logistic regression
/// on whether each link of the best setting is in the gold.
/// </summary>
public static class ParameterFitter
{
    /// <summary>The values of λ tried.</summary>
    public static IReadOnlyList<double> AnchorWeights { get; } = [0, 0.125, 0.25, 0.5, 1, 2];

    /// <summary>The values of ν tried (see <see cref="GaleChurchOptions.UnmatchedItemCost"/>), with the best λ for ν = 0 and its neighbours.</summary>
    public static IReadOnlyList<double> UnmatchedItemCosts { get; } = [0, 0.5, 1, 2, 3, 4];

    /// <summary>Fits parameters; <paramref name="aligner"/> supplies the length measure, anchors, analyzer and lexicon.</summary>
    /// <param name="documents">Training documents (their gold must cover every sentence, as vecalign gold does).</param>
    /// <param name="aligner">An aligner whose options give the length measure and anchor settings to fit for.</param>
    /// <param name="progress">Receives each trial as it is scored, or null.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <exception cref="ArgumentException">No documents, or a gold link points outside its document.</exception>
    public static FitResult Fit(IReadOnlyList<GoldDocument> documents, DocumentAligner aligner, IProgress<FitTrial>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(aligner);
        GoldDocument.Validate(documents, nameof(documents), "fit on");

        var prepared = documents.Select(d => aligner.Prepare(d.Japanese, d.English, cancellationToken)).ToArray();
        var (varianceMl, varianceRobust) = EstimateVariance(documents, prepared);
        var beads = EstimateBeads(documents);
        double open = EstimateDeletionOpenCost(documents);
        int goldLinks = documents.Sum(d => d.Gold.Count);

        var trials = new List<FitTrial>();
        FitTrial? best = null;
        foreach (double variance in new[] { varianceRobust, varianceMl }.Distinct())
        {
            // λ with Gale & Church's deletions, then ν with the λ chosen and its neighbours (a full grid costs
            // three times as much and chose the same on the development corpora).
            FitTrial? bestOfVariance = null;
            foreach (double lambda in aligner.Options.Anchors.Any ? AnchorWeights : [0.0])
                Try(variance, lambda, 0, 0, ref bestOfVariance);
            if (aligner.Options.Anchors.Any)
            {
                int at = AnchorWeights.ToList().IndexOf(bestOfVariance!.AnchorWeight);
                foreach (double lambda in AnchorWeights.Skip(Math.Max(at - 1, 1)).Take(at == 0 ? 2 : 3))
                    foreach (double nu in UnmatchedItemCosts.Skip(1))
                        Try(variance, lambda, nu, 0, ref bestOfVariance);
            }
            if (best == null || Objective(bestOfVariance!) > Objective(best) + 1e-9) best = bestOfVariance;
        }
        // Runs of sentences without counterpart priced once (when the gold has enough of them): one more trial at the
        // setting chosen, kept only if it scores better.
        if (open > 0)
            Try(best!.Variance, best.AnchorWeight, best.UnmatchedItemCost, open, ref best);

        void Try(double variance, double lambda, double nu, double opening, ref FitTrial? bestSoFar)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = Candidate(aligner, variance, beads, lambda, nu, opening);
            var counts = new ScoreCounts();
            foreach (var (d, p) in documents.Zip(prepared))
                counts += AlignmentScorer.Count(d.Gold, ToIndexLinks(candidate.Align(p, cancellationToken)));
            var trial = new FitTrial(variance, lambda, counts.ToScore()) { UnmatchedItemCost = nu, DeletionOpenCost = opening };
            trials.Add(trial);
            progress?.Report(trial);
            if (bestSoFar == null || Objective(trial) > Objective(bestSoFar) + 1e-9) bestSoFar = trial;
        }

        var chosen = Candidate(aligner, best!.Variance, beads, best.AnchorWeight, best.UnmatchedItemCost, best.DeletionOpenCost);
        var confidence = FitConfidenceModel(documents, prepared, chosen, cancellationToken);
        var parameters = (chosen.Options.Parameters with
        {
            Confidence = confidence,
            FittedOn = $"{documents.Count} documents, {goldLinks} gold links",
        }).Round();
        return new FitResult(parameters, trials);
    }

    /// <summary>
    /// Refits the confidence model of the aligner's parameters (what turns a link's cost and anchor coverage into its
    /// score) on documents of the user's kind, and nothing else: the alignments stay as they were. With an
    /// <see cref="AlignmentParameters.Untranslated"/> set, each set's model is refitted on the links it makes alone.
    /// </summary>
    /// <param name="documents">Documents with gold alignments (their gold must cover every sentence).</param>
    /// <param name="aligner">The aligner whose parameters are recalibrated; its anchors, analyzer and lexicon are used.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The parameters with the new confidence model(s), rounded as <see cref="Fit"/> rounds them, and
    /// <see cref="AlignmentParameters.FittedOn"/> saying where the scores were fitted.</returns>
    /// <exception cref="ArgumentException">No documents, or a gold link points outside its document.</exception>
    public static AlignmentParameters FitConfidence(IReadOnlyList<GoldDocument> documents, DocumentAligner aligner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(aligner);
        GoldDocument.Validate(documents, nameof(documents), "fit on");
        string where = $"link scores fitted on {documents.Count} documents, {documents.Sum(d => d.Gold.Count)} gold links";
        // The documents are analysed once per length measure: both sets of the built-in parameters share one.
        var preparedFor = new Dictionary<LengthMeasure, PreparedDocument[]>();
        return Refit(aligner.Options.Parameters).Round();

        AlignmentParameters Refit(AlignmentParameters parameters)
        {
            var alone = aligner.ToBuilder().UseParameters(parameters with { Untranslated = null }).Build();
            if (!preparedFor.TryGetValue(parameters.Length, out var prepared))
                preparedFor[parameters.Length] = prepared = [.. documents.Select(d => alone.Prepare(d.Japanese, d.English, cancellationToken))];
            return parameters with
            {
                Confidence = FitConfidenceModel(documents, prepared, alone, cancellationToken),
                FittedOn = parameters.FittedOn is { Length: > 0 } before ? $"{before}; {where}" : where,
                Untranslated = parameters.Untranslated is { } u ? u with { Parameters = Refit(u.Parameters) } : null,
            };
        }
    }

    private static double Objective(FitTrial t) => t.Score.StrictF1 + t.Score.LaxF1;

    private static DocumentAligner Candidate(DocumentAligner aligner, double variance, IReadOnlyList<Bead> beads, double lambda, double nu, double open) =>
        aligner.ToBuilder().UseParameters(aligner.Options.Parameters with
        {
            LengthRatio = null,
            Variance = variance,
            Beads = beads,
            AnchorWeight = lambda,
            UnmatchedItemCost = nu,
            DeletionOpenCost = open,
            // One set is fitted: the detection of untranslated passages is not part of what is tried.
            Untranslated = null,
        }).Build();

    internal static List<IndexLink> ToIndexLinks(AlignmentResult result) => result.Links.Select(IndexLink.From).ToList();

    /// <summary>
    /// s² by maximum likelihood (mean of d²/v over gold links with both sides non-empty, d = l₂ − c·l₁, v = (c·l₁ + l₂)/2,
    /// c per document) and a robust estimate (median of d²/v over the median of χ²₁, 0.4549), less swayed by the few
    /// links whose lengths disagree wildly.
    /// </summary>
    internal static (double MaximumLikelihood, double Robust) EstimateVariance(IReadOnlyList<GoldDocument> documents, IReadOnlyList<PreparedDocument> prepared)
    {
        var ratios = new List<double>();
        for (int k = 0; k < documents.Count; k++)
        {
            var ja = prepared[k].JapaneseLengths;
            var en = prepared[k].EnglishLengths;
            double sumJa = ja.Sum(x => (double)x), sumEn = en.Sum(x => (double)x);
            double c = sumJa > 0 && sumEn > 0 ? sumEn / sumJa : 1;   // as the aligner estimates it
            foreach (var l in documents[k].Gold)
            {
                if (l.Source.Count == 0 || l.Target.Count == 0) continue;
                double l1 = l.Source.Sum(i => (double)ja[i]), l2 = l.Target.Sum(j => (double)en[j]);
                double v = (c * l1 + l2) / 2;
                if (v <= 0) continue;
                double d = l2 - c * l1;
                ratios.Add(d * d / v);
            }
        }
        if (ratios.Count == 0) return (GaleChurchOptions.DefaultVariance, GaleChurchOptions.DefaultVariance);
        ratios.Sort();
        double ml = ratios.Average();
        double median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        return (Math.Max(ml, 1e-3), Math.Max(median / 0.4549, 1e-3));
    }

    /// <summary>
    /// Bead priors: the share of each bead type among the gold links, with half a link added to every type so that none
    /// is impossible. The types are the extended set plus any other type the gold holds with up to
    /// <see cref="Bead.MaxCount"/> sentences a side (larger gold links cannot be represented and are left out).
    /// </summary>
    internal static IReadOnlyList<Bead> EstimateBeads(IReadOnlyList<GoldDocument> documents)
    {
        var counts = new Dictionary<(int, int), double>();
        var order = new List<(int, int)>();
        foreach (var b in Bead.Extended) { counts[(b.SourceCount, b.TargetCount)] = 0.5; order.Add((b.SourceCount, b.TargetCount)); }
        foreach (var d in documents)
        {
            foreach (var l in d.Gold)
            {
                var type = (l.Source.Count, l.Target.Count);
                if (type is (0, 0) || type.Item1 > Bead.MaxCount || type.Item2 > Bead.MaxCount) continue;
                if (!counts.ContainsKey(type)) { counts[type] = 0.5; order.Add(type); }
                counts[type]++;
            }
        }
        double total = counts.Values.Sum();
        // Extended types first, in their order, so that exact ties break as with the built-in beads.
        return order.Select(t => new Bead(t.Item1, t.Item2, counts[t] / total)).ToArray();
    }

    /// <summary>Fewest runs of one-sided gold links for <see cref="EstimateDeletionOpenCost"/> to estimate anything.</summary>
    internal const int MinDeletionRuns = 20;

    /// <summary>
    /// The cost of opening a run of sentences without counterpart (<see cref="GaleChurchOptions.DeletionOpenCost"/>):
    /// ln(p_extend / p_open), where p_extend is the share of one-sided gold links that follow another and p_open the
    /// share of the places a run could open (a document's start, or after a link with both sides) where one does. 0
    /// when the gold holds fewer than <see cref="MinDeletionRuns"/> runs (too few to tell) or runs are no more likely to
    /// go on than to open.
    /// </summary>
    internal static double EstimateDeletionOpenCost(IReadOnlyList<GoldDocument> documents)
    {
        long oneSided = 0, runs = 0, places = 0;
        foreach (var d in documents)
        {
            bool inRun = false;
            places++;
            foreach (var l in d.Gold)
            {
                bool alone = (l.Source.Count == 0) != (l.Target.Count == 0);
                if (alone)
                {
                    oneSided++;
                    if (!inRun) runs++;
                }
                else places++;
                inRun = alone;
            }
        }
        if (runs < MinDeletionRuns) return 0;
        double pExtend = (oneSided - runs) / (double)oneSided, pOpen = runs / (double)places;
        return pExtend > pOpen ? Math.Log(pExtend / pOpen) : 0;
    }

    /// <summary>Logistic regression of "the link is in the gold" on the confidence features, by Newton's method with a small ridge.</summary>
    internal static ConfidenceModel FitConfidenceModel(IReadOnlyList<GoldDocument> documents, IReadOnlyList<PreparedDocument> prepared, DocumentAligner aligner, CancellationToken ct)
    {
        var rows = new List<(double[] X, double Y)>();
        for (int k = 0; k < documents.Count; k++)
        {
            var gold = documents[k].Gold.ToHashSet();
            var (result, coverage) = aligner.AlignWithEvidence(prepared[k], ct);
            for (int i = 0; i < result.Links.Count; i++)
            {
                var x = new double[ConfidenceModel.FeatureCount + 1];
                x[0] = 1;
                ConfidenceModel.Features(result.Links[i], coverage[i], x.AsSpan(1));
                rows.Add((x, gold.Contains(IndexLink.From(result.Links[i])) ? 1 : 0));
            }
        }
        return ConfidenceModel.FromCoefficients(Logistic.Fit(rows));
    }
}
