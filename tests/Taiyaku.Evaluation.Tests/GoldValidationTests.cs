using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation.Tests;

public class GoldValidationTests
{
    private static readonly DocumentAligner Aligner = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.None).Build();

    private static GoldDocument Document(params IndexLink[] gold) => new("doc", ["一。", "二。"], ["One.", "Two."], gold);

    [Fact]
    public void Evaluate_rejects_a_gold_link_outside_its_document_as_fit_does()
    {
        var bad = Document(new IndexLink([0], [0]), new IndexLink([1], [5]));
        var evaluate = Assert.Throws<ArgumentException>(() => CorpusEvaluator.Evaluate([bad], Aligner));
        var raw = Assert.Throws<ArgumentException>(() => CorpusEvaluator.EvaluateRaw([bad], Aligner));
        var fit = Assert.Throws<ArgumentException>(() => ParameterFitter.Fit([bad], Aligner));
        Assert.Contains("doc: gold link", evaluate.Message);
        Assert.Equal(fit.Message, evaluate.Message);
        Assert.Equal(fit.Message, raw.Message);
    }

    [Fact]
    public void Evaluate_rejects_an_empty_corpus_as_fit_does()
    {
        Assert.Throws<ArgumentException>(() => CorpusEvaluator.Evaluate([], Aligner));
        Assert.Throws<ArgumentException>(() => CorpusEvaluator.EvaluateRaw([], Aligner));
        Assert.Throws<ArgumentException>(() => ParameterFitter.Fit([], Aligner));
    }

    [Fact]
    public void Evaluate_accepts_gold_inside_its_document()
    {
        var e = CorpusEvaluator.Evaluate([Document(new IndexLink([0], [0]), new IndexLink([1], [1]))], Aligner);
        Assert.Equal(1.0, e.Score.StrictF1);
    }
}
