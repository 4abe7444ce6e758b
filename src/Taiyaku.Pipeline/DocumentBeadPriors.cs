using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// Bead priors made the document's own for its final pass: a translation that splits its sentences more often than
/// the fitted corpus does (a cable's translator turns one long Japanese sentence in seven into two English ones,
/// Wikipedia's one in eighty) shows it in its first pass, and a bead type the first pass uses more often than its
/// prior expects gets a higher prior, never a lower one.
/// </summary>
/// <remarks>
/// Each type that links sentences (both sides non-empty) gets the mean of its posterior under a Dirichlet prior of
/// <see cref="Strength"/> pseudo-links in the fitted proportions, counted from the first pass's links, or its fitted
/// prior when that is higher; the 1-0 and 0-1 beads keep theirs, and the linking types are scaled back to their fitted
/// total. A first pass that leaves text in one-sided blocks (see <see cref="UntranslatedPassages.BlockShare"/>) keeps
/// the fitted priors: next to an untranslated sentence its splits are less sure (a 1-2 that is a 1-1 and a 0-1).
/// Measured on the development corpora (see the README): any strength from 50 to 400 aligns the cable without error
/// and leaves kyoto-wiki and pydocs-dev as they were, and Bible lax F1 goes 0.996 → 0.998; lowering priors too (the
/// plain posterior mean) costs a kyoto-wiki tune link whose bead type the first pass had missed, and adapting with
/// untranslated blocks costs pydocs-dev links.
/// </remarks>
internal static class DocumentBeadPriors
{
    /// <summary>The fitted priors' weight, in links of the document.</summary>
    public const double Strength = 100;

    /// <summary>
    /// The priors for the final pass: <paramref name="fitted"/> itself when <paramref name="firstPass"/> leaves
    /// <paramref name="minBlockShare"/> of the text or more in one-sided blocks, else <see cref="Adapt"/>.
    /// </summary>
    /// <param name="fitted">The fitted priors.</param>
    /// <param name="firstPass">The document's first pass.</param>
    /// <param name="sourceLengths">Each source sentence's length.</param>
    /// <param name="targetLengths">Each target sentence's length.</param>
    /// <param name="minBlockShare">The share from which a document counts as holding untranslated passages
    /// (<see cref="UntranslatedPassages.MinBlockShare"/>).</param>
    public static IReadOnlyList<Bead> For(IReadOnlyList<Bead> fitted, AlignmentResult firstPass, IReadOnlyList<int> sourceLengths, IReadOnlyList<int> targetLengths,
        double minBlockShare) =>
        UntranslatedPassages.BlockShare(firstPass, sourceLengths, targetLengths) >= minBlockShare ? fitted : Adapt(fitted, firstPass);

    /// <summary>The priors of <paramref name="fitted"/> adapted to the links of <paramref name="firstPass"/>.</summary>
    public static Bead[] Adapt(IReadOnlyList<Bead> fitted, AlignmentResult firstPass)
    {
        var counts = new int[Bead.MaxCount + 1, Bead.MaxCount + 1];
        int linked = 0;
        foreach (var l in firstPass.Links)
        {
            if (l.SourceCount == 0 || l.TargetCount == 0 || l.SourceCount > Bead.MaxCount || l.TargetCount > Bead.MaxCount) continue;
            counts[l.SourceCount, l.TargetCount]++;
            linked++;
        }
        double linking = 0;
        foreach (var b in fitted)
            if (Links(b)) linking += b.Probability;

        var adapted = new Bead[fitted.Count];
        double raised = 0;
        for (int k = 0; k < adapted.Length; k++)
        {
            var b = fitted[k];
            if (!Links(b)) { adapted[k] = b; continue; }
            double share = b.Probability / linking;
            double posterior = (counts[b.SourceCount, b.TargetCount] + Strength * share) / (linked + Strength);
            adapted[k] = b with { Probability = Math.Max(share, posterior) };
            raised += adapted[k].Probability;
        }
        for (int k = 0; k < adapted.Length; k++)
            if (Links(adapted[k])) adapted[k] = adapted[k] with { Probability = adapted[k].Probability / raised * linking };
        return adapted;

        static bool Links(Bead b) => b.SourceCount > 0 && b.TargetCount > 0;
    }
}
