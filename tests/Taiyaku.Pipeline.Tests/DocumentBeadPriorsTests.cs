using Taiyaku.Alignment;

namespace Taiyaku.Pipeline.Tests;

public class DocumentBeadPriorsTests
{
    private static readonly IReadOnlyList<Bead> Fitted = AlignmentParameters.CompleteTranslations.Beads;

    private static readonly double MinBlockShare = AlignmentParameters.Default.Untranslated!.MinBlockShare;

    /// <summary>A first pass of <paramref name="ones"/> 1-1 links, then <paramref name="splits"/> 1-2 links, then <paramref name="deleted"/> 0-1 links.</summary>
    private static AlignmentResult FirstPass(int ones, int splits, int deleted = 0)
    {
        var links = new List<Link>();
        int s = 0, t = 0;
        for (int k = 0; k < ones; k++) links.Add(new Link(s++, 1, t++, 1));
        for (int k = 0; k < splits; k++) { links.Add(new Link(s++, 1, t, 2)); t += 2; }
        for (int k = 0; k < deleted; k++) links.Add(new Link(s, 0, t++, 1));
        return new AlignmentResult(links, s, t);
    }

    private static double Prior(IReadOnlyList<Bead> beads, int source, int target) =>
        beads.Single(b => b.SourceCount == source && b.TargetCount == target).Probability;

    private static double Linking(IReadOnlyList<Bead> beads) => beads.Where(b => b.SourceCount > 0 && b.TargetCount > 0).Sum(b => b.Probability);

    [Fact]
    public void A_document_that_splits_often_gets_a_higher_split_prior()
    {
        // The cable's proportions: 9 of 66 links are 1-2 (Wikipedia's: about 1 in 80).
        var adapted = DocumentBeadPriors.Adapt(Fitted, FirstPass(57, 9));
        double expected = (9 + DocumentBeadPriors.Strength * Prior(Fitted, 1, 2) / Linking(Fitted)) / (66 + DocumentBeadPriors.Strength);
        Assert.True(Prior(adapted, 1, 2) > 4 * Prior(Fitted, 1, 2), $"1-2: {Prior(adapted, 1, 2)} from {Prior(Fitted, 1, 2)}");
        // Raised to the posterior mean, then all linking types scaled back to their fitted total.
        Assert.InRange(Prior(adapted, 1, 2) / Linking(adapted), expected * 0.9, expected);
        Assert.True(Prior(adapted, 1, 1) < Prior(Fitted, 1, 1));
    }

    [Fact]
    public void Deletion_priors_and_the_linking_total_are_kept()
    {
        var adapted = DocumentBeadPriors.Adapt(Fitted, FirstPass(40, 10, 3));
        Assert.Equal(Fitted.Count, adapted.Length);
        for (int k = 0; k < adapted.Length; k++)
        {
            Assert.Equal((Fitted[k].SourceCount, Fitted[k].TargetCount), (adapted[k].SourceCount, adapted[k].TargetCount));
            if (Fitted[k].SourceCount == 0 || Fitted[k].TargetCount == 0) Assert.Equal(Fitted[k].Probability, adapted[k].Probability);
        }
        Assert.Equal(Linking(Fitted), Linking(adapted), 12);
    }

    [Fact]
    public void Types_the_first_pass_does_not_use_keep_their_ratios_and_are_only_scaled_back()
    {
        // A plain posterior mean would halve every unused type in a 100-link document of 1-1 links; here they only make
        // room for the raised 1-1 (about 1 %).
        var adapted = DocumentBeadPriors.Adapt(Fitted, FirstPass(100, 0));
        foreach (var b in Fitted.Where(b => b.SourceCount > 0 && b.TargetCount > 0 && (b.SourceCount, b.TargetCount) != (1, 1)))
            Assert.InRange(Prior(adapted, b.SourceCount, b.TargetCount) / b.Probability, 0.98, 1.0);
        var cable = DocumentBeadPriors.Adapt(Fitted, FirstPass(57, 9));
        Assert.Equal(Prior(Fitted, 2, 1) / Prior(Fitted, 1, 3), Prior(cable, 2, 1) / Prior(cable, 1, 3), 9);
        Assert.True(Prior(cable, 2, 1) < Prior(Fitted, 2, 1));
    }

    [Fact]
    public void A_first_pass_with_untranslated_blocks_keeps_the_fitted_priors()
    {
        var first = FirstPass(57, 9, deleted: 4);
        int[] ja = [.. Enumerable.Repeat(40, first.SourceCount)];
        int[] en = [.. Enumerable.Repeat(40, first.TargetCount)];
        Assert.Same(Fitted, DocumentBeadPriors.For(Fitted, first, ja, en, MinBlockShare));
        var complete = FirstPass(57, 9);
        Assert.NotSame(Fitted, DocumentBeadPriors.For(Fitted, complete, ja[..complete.SourceCount], en[..complete.TargetCount], MinBlockShare));
    }
}
