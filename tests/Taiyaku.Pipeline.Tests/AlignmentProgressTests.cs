using Taiyaku.Alignment;

namespace Taiyaku.Pipeline.Tests;

/// <summary>DocumentAligner's progress: the searches of every pass in one sequence, and nothing changed by reporting.</summary>
public class AlignmentProgressTests
{
    private static string Sample(string ext) => Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468." + ext);

    private sealed class Recorder : IProgress<AlignmentProgress>
    {
        public List<AlignmentProgress> Reports { get; } = [];

        public void Report(AlignmentProgress value) => Reports.Add(value);
    }

    [Fact]
    public void The_passes_of_a_document_are_numbered_as_one_sequence_of_searches()
    {
        // Twenty copies of the cable: long enough for the anchored first pass and the learned second pass to search a while.
        var ja = Enumerable.Repeat(File.ReadAllLines(Sample("ja")), 20).SelectMany(x => x).ToArray();
        var en = Enumerable.Repeat(File.ReadAllLines(Sample("en")), 20).SelectMany(x => x).ToArray();
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

    [Fact]
    public void A_clearly_complete_document_skips_the_partial_sets_deletion_share_searches()
    {
        // The cable twenty times over is complete: with the CLI's anchors (IPADIC analysis, EDICT) the partial set's first
        // pass leaves nothing in one-sided blocks (0.007 of the text with script runs alone, which is not clear enough), so
        // the kyoto-wiki fit's final pass follows it at once (search 2). Before, the partial set's own final pass
        // searched with some deletion shares in between (search 2 here) only to be set aside.
        var ja = Enumerable.Repeat(File.ReadAllLines(Sample("ja")), 20).SelectMany(x => x).ToArray();
        var en = Enumerable.Repeat(File.ReadAllLines(Sample("en")), 20).SelectMany(x => x).ToArray();
        var aligner = CliAligner.Value;
        var recorder = new Recorder();
        aligner.AlignSentences(ja, en, recorder);
        Assert.Equal([1, 2], recorder.Reports.Select(r => r.Search).Distinct());
        Assert.Equal(AlignmentParameters.Default, aligner.AlignWithEvidence(aligner.Prepare(ja, en)).Parameters);

        // With 200 English lines of another text in the middle it is not: the partial set keeps its alignment.
        var other = Enumerable.Range(0, 200).Select(i => $"Line {i} of a passage that the Japanese text does not hold, about harbours and ships.");
        var partial = en[..600].Concat(other).Concat(en[600..]).ToArray();
        var evidence = aligner.AlignWithEvidence(aligner.Prepare(ja, partial));
        Assert.Equal(AlignmentParameters.PartialTranslations, evidence.Parameters);
    }

    [Fact]
    public void Without_the_second_pass_a_clearly_complete_document_also_skips_the_deletion_share_searches()
    {
        // The same cable, all anchors but the second pass: the partial set's first pass (search 1), then the kyoto-wiki
        // fit's own first pass, which is its final one (search 2). Before, the partial set's deletion-share searches ran
        // in between, and switching the second pass off made the alignment slower, not faster.
        var ja = Enumerable.Repeat(File.ReadAllLines(Sample("ja")), 20).SelectMany(x => x).ToArray();
        var en = Enumerable.Repeat(File.ReadAllLines(Sample("en")), 20).SelectMany(x => x).ToArray();
        var aligner = CliAligner.Value.ToBuilder().UseAnchors(AnchorOptions.Default with { SecondPass = false }).Build();
        var recorder = new Recorder();
        aligner.AlignSentences(ja, en, recorder);
        Assert.Equal([1, 2], recorder.Reports.Select(r => r.Search).Distinct());
        Assert.Equal(AlignmentParameters.Default, aligner.AlignWithEvidence(aligner.Prepare(ja, en)).Parameters);

        var other = Enumerable.Range(0, 200).Select(i => $"Line {i} of a passage that the Japanese text does not hold, about harbours and ships.");
        var partial = en[..600].Concat(other).Concat(en[600..]).ToArray();
        Assert.Equal(AlignmentParameters.PartialTranslations, aligner.AlignWithEvidence(aligner.Prepare(ja, partial)).Parameters);
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
