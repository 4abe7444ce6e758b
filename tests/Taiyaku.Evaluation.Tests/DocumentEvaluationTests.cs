using Taiyaku.Formats;
using Taiyaku.Pipeline;

namespace Taiyaku.Evaluation.Tests;

/// <summary>The per-document results behind <c>eval --report</c> agree with the pooled ones (issue 19).</summary>
public class DocumentEvaluationTests
{
    [Fact]
    public void Each_document_has_its_score_and_links_and_they_add_up_to_the_pooled_figures()
    {
        var right = new GoldDocument("right", ["京都は日本の古い都である。", "多くの寺がある。"], ["Kyoto is an old capital of Japan.", "There are many temples."],
            [new IndexLink([0], [0]), new IndexLink([1], [1])]);
        var crossed = right with { Name = "crossed", Gold = [new IndexLink([0], [1]), new IndexLink([1], [0])] };
        var aligner = new DocumentAlignerBuilder().Build();
        foreach (var raw in new[] { false, true })
        {
            var e = raw ? CorpusEvaluator.EvaluateRaw([right, crossed], aligner) : CorpusEvaluator.Evaluate([right, crossed], aligner);
            Assert.Equal(["right", "crossed"], e.Documents.Select(d => d.Name));
            Assert.Equal(1.0, e.Documents[0].Score.StrictF1);
            Assert.Equal(0.0, e.Documents[1].Score.StrictPrecision);
            Assert.All(e.Documents[0].Links, l => Assert.True(l.InGold));
            Assert.All(e.Documents[1].Links, l => Assert.False(l.InGold));
            Assert.Equal(e.Links, e.Documents.Sum(d => d.Links.Count));
            Assert.Equal(e.Calibration.Sum(b => b.Count), e.Documents.Sum(d => d.Links.Count(l => !double.IsNaN(l.Score))));
        }
    }
}
