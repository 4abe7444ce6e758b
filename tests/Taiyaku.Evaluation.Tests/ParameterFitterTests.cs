using Taiyaku.Evaluation;
using Taiyaku.Formats;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Evaluation.Tests;

/// <summary>The pieces of <see cref="ParameterFitter"/>, each against values worked out by hand.</summary>
public class ParameterFitterTests
{
    private static IndexLink L(int[] s, int[] t) => new(s, t);

    /// <summary>A document of <paramref name="blocks"/> blocks, each three 1-1 links then <paramref name="run"/> untranslated English sentences.</summary>
    private static GoldDocument Runs(int blocks, int run)
    {
        var gold = new List<IndexLink>();
        int s = 0, t = 0;
        for (int b = 0; b < blocks; b++)
        {
            for (int k = 0; k < 3; k++) gold.Add(L([s++], [t++]));
            for (int k = 0; k < run; k++) gold.Add(L([], [t++]));
        }
        return new GoldDocument("d", Enumerable.Repeat("あ", s).ToArray(), Enumerable.Repeat("a", t).ToArray(), gold);
    }

    [Fact]
    public void The_deletion_opening_cost_is_the_log_ratio_of_going_on_to_opening()
    {
        // 30 runs of 4: 90 of the 120 one-sided links follow another (0.75); runs open at 30 of 91 places (the start
        // and after each of the 90 links with both sides).
        Assert.Equal(Math.Log(0.75 / (30.0 / 91)), ParameterFitter.EstimateDeletionOpenCost([Runs(30, 4)]), 12);
        // Too few runs to tell; runs of one, no more likely to go on than to open.
        Assert.Equal(0, ParameterFitter.EstimateDeletionOpenCost([Runs(ParameterFitter.MinDeletionRuns - 1, 4)]));
        Assert.Equal(0, ParameterFitter.EstimateDeletionOpenCost([Runs(40, 1)]));
    }

    [SkippableFact]
    public void The_deletion_opening_cost_of_the_partial_translation_corpora()
    {
        // ln(p_extend / p_open), worked out with a script from the gold files: pydocs-dev para has 653 runs holding
        // 1,363 one-sided links, at 5,682 places; kyoto-wiki dev has none.
        var para = CorpusAccuracyTests.Read("pydocs-dev/para");
        Assert.Equal(Math.Log((1363 - 653) / 1363.0 / (653 / 5682.0)), ParameterFitter.EstimateDeletionOpenCost(para), 9);
        Assert.Equal(0, ParameterFitter.EstimateDeletionOpenCost(CorpusAccuracyTests.Read("kyoto-wiki/dev")));
    }

    [Fact]
    public void Bead_priors_are_the_gold_shares_plus_half_a_link_each()
    {
        // 6 1-1 links, 2 1-2, 1 1-4: 9 links; 11 extended types and the 1-4 type get half a link each (6 more).
        var gold = new List<IndexLink>();
        int s = 0, t = 0;
        for (int k = 0; k < 6; k++) { gold.Add(L([s], [t])); s++; t++; }
        for (int k = 0; k < 2; k++) { gold.Add(L([s], [t, t + 1])); s++; t += 2; }
        gold.Add(L([s], [t, t + 1, t + 2, t + 3]));
        var doc = new GoldDocument("d", Enumerable.Repeat("あ", s + 1).ToArray(), Enumerable.Repeat("a", t + 4).ToArray(), gold);
        var beads = ParameterFitter.EstimateBeads([doc]);
        Assert.Equal(12, beads.Count);
        Assert.Equal(6.5 / 15, beads.Single(b => (b.SourceCount, b.TargetCount) == (1, 1)).Probability, 12);
        Assert.Equal(2.5 / 15, beads.Single(b => (b.SourceCount, b.TargetCount) == (1, 2)).Probability, 12);
        Assert.Equal(1.5 / 15, beads.Single(b => (b.SourceCount, b.TargetCount) == (1, 4)).Probability, 12);
        Assert.Equal(0.5 / 15, beads.Single(b => (b.SourceCount, b.TargetCount) == (3, 3)).Probability, 12);
        Assert.Equal((1, 1), (beads[0].SourceCount, beads[0].TargetCount));
    }

    [Fact]
    public void Variance_estimates_follow_their_definitions()
    {
        // Character lengths; totals 30 and 30, so c = 1. Links: (10, 10) d = 0; (10, 14) d = 4, v = 12; (10, 6) d = −4, v = 8.
        string[] ja = ["ああああああああああ", "ああああああああああ", "ああああああああああ"];
        string[] en = ["aaaaaaaaaa", "aaaaaaaaaaaaaa", "aaaaaa"];
        var doc = new GoldDocument("d", ja, en, [L([0], [0]), L([1], [1]), L([2], [2])]);
        var aligner = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.CompleteTranslations with { Length = LengthMeasure.Characters }).UseAnchors(AnchorOptions.None).Build();
        var (ml, robust) = ParameterFitter.EstimateVariance([doc], [aligner.Prepare(ja, en)]);
        double[] ratios = [0, 16.0 / 12, 16.0 / 8];
        Assert.Equal(ratios.Average(), ml, 12);
        Assert.Equal(16.0 / 12 / 0.4549, robust, 12);
    }

    [Fact]
    public void Logistic_regression_recovers_known_coefficients()
    {
        // y ~ Bernoulli(σ(−1 + 2x)) on a fine grid with exact expected counts (100 draws per x, rounded).
        var rows = new List<(double[], double)>();
        for (int k = 0; k <= 40; k++)
        {
            double x = -2 + k * 0.1;
            int ones = (int)Math.Round(100 / (1 + Math.Exp(-(-1 + 2 * x))));
            for (int r = 0; r < 100; r++) rows.Add(([1, x], r < ones ? 1 : 0));
        }
        var beta = Logistic.Fit(rows);
        Assert.Equal(-1, beta[0], 1);
        Assert.Equal(2, beta[1], 1);
    }

    [Fact]
    public void Fitting_on_the_cable_gives_valid_parameters_that_score_at_least_the_defaults()
    {
        var doc = Cable();
        var aligner = new DocumentAlignerBuilder().Build();
        var fit = ParameterFitter.Fit([doc], aligner);
        var p = fit.Parameters;
        Assert.Equal(1.0, p.Beads.Sum(b => b.Probability), 9);
        Assert.Contains(p.AnchorWeight, ParameterFitter.AnchorWeights);
        Assert.True(p.Variance > 0);
        // λ over its grid with ν = 0, then ν over its grid at the λ chosen and its neighbours, for each of the two s².
        Assert.Equal(2 * ParameterFitter.AnchorWeights.Count, fit.Trials.Count(t => t.UnmatchedItemCost == 0));
        Assert.All(fit.Trials.Where(t => t.UnmatchedItemCost != 0), t => Assert.Contains(t.UnmatchedItemCost, ParameterFitter.UnmatchedItemCosts));
        Assert.InRange(fit.Trials.Count(t => t.UnmatchedItemCost != 0), 2 * 2 * (ParameterFitter.UnmatchedItemCosts.Count - 1), 2 * 3 * (ParameterFitter.UnmatchedItemCosts.Count - 1));
        var fitted = CorpusEvaluator.Evaluate([doc], new DocumentAlignerBuilder().UseParameters(p).Build());
        var defaults = CorpusEvaluator.Evaluate([doc], aligner);
        // Chosen on this document by strict + lax F1, so it cannot do worse on it than a setting it did not see.
        Assert.True(fitted.Score.StrictF1 + fitted.Score.LaxF1 >= fit.Trials.Max(t => t.Score.StrictF1 + t.Score.LaxF1) - 1e-9);
        Assert.True(fitted.Score.StrictF1 >= 0.9, fitted.Score.ToString());
        Assert.True(defaults.Score.StrictF1 >= 0.9, defaults.Score.ToString());
    }

    private static GoldDocument Cable()
    {
        string S(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);
        return new GoldDocument("cable", File.ReadAllLines(S("ja")), File.ReadAllLines(S("en")), VecalignLinks.ReadFile(S("gold")));
    }
}
