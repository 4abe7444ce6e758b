using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// The learned second pass (Moore 2002): IBM Model 1 learned from the confident links of the first pass, whose likely
/// translations become extra anchor keys for the final pass. Kept apart from the aligner that runs it.
/// </summary>
internal static class LearnedSecondPass
{
    /// <summary>
    /// The anchors of both sides with the learned translations added: the document's own model, joined with
    /// <paramref name="corpus"/> when given (the corpus adds the words one document cannot teach; the document keeps its
    /// own terms and choices: together they beat either alone on every corpus measured, see the README).
    /// </summary>
    public static (SentenceAnchors[] Japanese, SentenceAnchors[] English) Anchors(AlignmentResult firstPass, DocumentKeys keys,
        double[]? jaOneSided, double[]? enOneSided, TranslationModel? corpus, CancellationToken ct)
    {
        var model = TranslationModel.Learn(ConfidentPairs(firstPass, keys.Japanese.Items, keys.English.Items), ct);
        if (corpus != null) model = model.Join(corpus);
        return AnchorExtractor.PackBoth(keys.WithLearned(model), jaOneSided, enOneSided);
    }

    /// <summary>The 1-1 links in the cheaper two thirds (by cost), as word lists for the translation model.</summary>
    public static List<(IReadOnlyList<string>, IReadOnlyList<string>)> ConfidentPairs(AlignmentResult result, AnchorItem[][] ja, AnchorItem[][] en)
    {
        var ones = result.Links.Where(l => l.SourceCount == 1 && l.TargetCount == 1).OrderBy(l => l.Cost).ToList();
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var l in ones.Take((ones.Count * 2 + 2) / 3))
            pairs.Add((Words(ja[l.SourceStart]), Words(en[l.TargetStart])));
        return pairs;

        static string[] Words(AnchorItem[] items) => items.Where(x => x.Word != null).Select(x => x.Word!).ToArray();
    }
}
