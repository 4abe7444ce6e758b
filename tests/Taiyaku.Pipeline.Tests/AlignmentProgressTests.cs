using Taiyaku.Alignment;

namespace Taiyaku.Pipeline.Tests;

/// <summary>DocumentAligner's progress: the searches of every pass in one sequence, and nothing changed by reporting.</summary>
public class AlignmentProgressTests
{
    private static string Sample(string ext) => Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468." + ext);

    /// <summary>The cable's sentences twenty times over: a complete translation long enough to search a while.</summary>
    private static (string[] Japanese, string[] English) CableTwentyTimes() =>
        (Enumerable.Repeat(File.ReadAllLines(Sample("ja")), 20).SelectMany(x => x).ToArray(),
         Enumerable.Repeat(File.ReadAllLines(Sample("en")), 20).SelectMany(x => x).ToArray());

    /// <summary><paramref name="english"/> with 200 lines of another text after its 600th: a partial translation.</summary>
    private static string[] WithForeignPassage(string[] english)
    {
        var other = Enumerable.Range(0, 200).Select(i => $"Line {i} of a passage that the Japanese text does not hold, about harbours and ships.");
        return english[..600].Concat(other).Concat(english[600..]).ToArray();
    }

    private sealed class Recorder : IProgress<AlignmentProgress>
    {
        public List<AlignmentProgress> Reports { get; } = [];

        public void Report(AlignmentProgress value) => Reports.Add(value);
    }

    [Fact]
    public void The_passes_of_a_document_are_numbered_as_one_sequence_of_searches()
    {
        // Twenty copies of the cable: long enough for the anchored first pass and the learned second pass to search a while.
        var (ja, en) = CableTwentyTimes();
        var aligner = new DocumentAligner();
        var recorder = new Recorder();
        var with = aligner.AlignSentences(ja, en, recorder);
        Assert.Equal(aligner.AlignSentences(ja, en).Links, with.Links);

        var searches = recorder.Reports.Select(r => r.Search).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, searches.Count), searches);
        Assert.True(searches.Count >= 2, "the first and the second pass each search at least once");
        Assert.Equal(recorder.Reports.Select(r => (r.Search, r.RowsDone)).Order(), recorder.Reports.Select(r => (r.Search, r.RowsDone)));
        foreach (var search in recorder.Reports.GroupBy(r => r.Search))
            Assert.Equal((0, search.First().RowsTotal), (search.First().RowsDone, search.Last().RowsDone));
        Assert.Equal(ja.Length + 1, recorder.Reports[^1].RowsTotal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_clearly_complete_document_skips_the_partial_sets_deletion_share_searches(bool secondPass)
    {
        // The cable twenty times over is complete: with the CLI's anchors (IPADIC analysis, EDICT) the partial set's first
        // pass leaves nothing in one-sided blocks (0.007 of the text with script runs alone, which is not clear enough), so
        // the kyoto-wiki fit's final pass follows it at once (search 2; without the second pass, that fit's own first
        // pass). Before, the partial set's own final pass searched with some deletion shares in between only to be set
        // aside; without the second pass it still did, which made switching that pass off slower than the default.
        var (ja, en) = CableTwentyTimes();
        var aligner = CliAligner.Value.ToBuilder().UseAnchors(AnchorOptions.Default with { SecondPass = secondPass }).Build();
        var recorder = new Recorder();
        aligner.AlignSentences(ja, en, recorder);
        Assert.Equal([1, 2], recorder.Reports.Select(r => r.Search).Distinct());
        Assert.Equal(AlignmentParameters.Default, aligner.AlignWithEvidence(aligner.Prepare(ja, en)).Parameters);

        // With 200 English lines of another text in the middle it is not: the partial set keeps its alignment.
        Assert.Equal(AlignmentParameters.PartialTranslations, aligner.AlignWithEvidence(aligner.Prepare(ja, WithForeignPassage(en))).Parameters);
    }

    [Fact]
    public void A_bilingual_document_of_its_own_pairs_reports_its_japanese_sentences()
    {
        var recorder = new Recorder();
        var doc = new DocumentAligner().AlignBilingual(string.Concat(Enumerable.Range(0, 300).Select(i => $"これは{i}番目の文です。\tThis is sentence {i}.\n")), recorder);
        Assert.Equal(300, doc.Japanese.Sentences.Count);
        Assert.All(recorder.Reports, r => Assert.Equal((1, 300), (r.Search, r.RowsTotal)));
        Assert.Equal(300, recorder.Reports[^1].RowsDone);
        Assert.InRange(recorder.Reports.Count, 2, 102);
    }
}
