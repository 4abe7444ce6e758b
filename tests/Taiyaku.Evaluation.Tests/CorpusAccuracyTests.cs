using Taiyaku.Edict;
using Taiyaku.Formats;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Evaluation.Tests;

/// <summary>
/// Regression guards on the shared gold corpora with the built-in parameters (fitted on kyoto-wiki dev only), at the
/// issue's targets. Skipped when ../shared is not beside the repository.
/// </summary>
public class CorpusAccuracyTests
{
    private static readonly Lazy<DocumentAligner> Aligner = new(() => new DocumentAlignerBuilder().UseAnalyzer(MorphologicalAnalyzer.Open()).UseLexicon(EdictLexicon.Default).Build());

    /// <summary>The gold documents of a folder of ../shared/corpora (all, or the named ones); skips the test without it.</summary>
    internal static IReadOnlyList<GoldDocument> Read(string folder, params string[] only)
    {
        var dir = RepositoryPaths.Shared(Path.Combine("corpora", folder));
        Skip.If(dir is null, "../shared/corpora is not here");
        return GoldCorpus.LoadAsync(dir!).GetAwaiter().GetResult()
            .Where(d => only.Length == 0 || only.Contains(d.Name))
            .ToList();
    }

    [SkippableFact]
    public void Kyoto_wiki_tune_strict_F1_is_at_least_0_985()
    {
        // Held out from the fit (which saw dev only). Measured 0.988 when written.
        var e = CorpusEvaluator.Evaluate(Read("kyoto-wiki/tune"), Aligner.Value);
        Assert.True(e.Score.StrictF1 >= 0.985, e.Score.ToString());
    }

    [SkippableFact]
    public void Bible_dev_books_reach_lax_0_97_and_strict_0_60()
    {
        // All 13 dev books pooled, as the targets are defined. Measured lax 0.998, strict 0.657 when written.
        var e = CorpusEvaluator.Evaluate(Read("bible-ja-en"), Aligner.Value);
        Assert.True(e.Score.LaxF1 >= 0.97 && e.Score.StrictF1 >= 0.60, e.Score.ToString());
    }
}
