using Taiyaku.Japanese;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// Corpus-level translation models: statistics collected per document merge exactly (shards learned apart give the
/// bytes of one learn over everything), the file round-trips, and a foreign or damaged file is refused.
/// </summary>
public sealed class TranslationStatisticsTests : IDisposable
{
    private readonly MorphologicalAnalyzer _analyzer = MorphologicalAnalyzer.Open();
    private readonly DocumentAligner _aligner;
    private readonly (string[] Ja, string[] En)[] _documents;

    public TranslationStatisticsTests()
    {
        _aligner = new DocumentAlignerBuilder().UseAnalyzer(_analyzer).Build();
        string Sample(string ext) => Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468." + ext);
        var ja = File.ReadAllLines(Sample("ja"));
        var en = File.ReadAllLines(Sample("en"));
        // Four "documents": quarters of the cable (each side cut at the same share, as a translation keeps order).
        _documents = Enumerable.Range(0, 4).Select(k => (ja[(k * ja.Length / 4)..((k + 1) * ja.Length / 4)], en[(k * en.Length / 4)..((k + 1) * en.Length / 4)])).ToArray();
    }

    public void Dispose() => _analyzer.Dispose();

    private TranslationStatistics Collect(params int[] documents) =>
        TranslationStatistics.Merge(documents.Select(k => _aligner.CollectTranslations(_documents[k].Ja, _documents[k].En)));

    private static byte[] Bytes(TranslationStatistics s)
    {
        var m = new MemoryStream();
        s.WriteTo(m);
        return m.ToArray();
    }

    [Fact]
    public void Merged_shards_equal_one_learn_over_everything_byte_for_byte()
    {
        var all = Collect(0, 1, 2, 3);
        Assert.True(all.SentencePairs > 10, $"only {all.SentencePairs} confident pairs: the test would prove little");
        Assert.True(all.Model.Count > 0);
        // Shards as an array job cuts them (every second document), merged in another order, and through files.
        var shard0 = TranslationStatistics.ReadFrom(new MemoryStream(Bytes(Collect(0, 2))));
        var shard1 = TranslationStatistics.ReadFrom(new MemoryStream(Bytes(Collect(3, 1))));
        var merged = TranslationStatistics.Merge([shard1, shard0]);
        Assert.Equal(4, merged.Documents);
        Assert.Equal(all.SentencePairs, merged.SentencePairs);
        Assert.Equal(Bytes(all), Bytes(merged));
        // A merge of one is the identity, and merging the empty statistics changes nothing.
        Assert.Equal(Bytes(all), Bytes(TranslationStatistics.Merge([all, TranslationStatistics.Empty])));
    }

    [Fact]
    public void The_shards_models_differ_from_the_merged_one_so_the_equality_above_is_not_trivial()
    {
        var all = Collect(0, 1, 2, 3);
        var part = Collect(0, 2);
        Assert.NotEqual(Bytes(all), Bytes(part));
        Assert.True(all.Model.Count > part.Model.Count);
    }

    [Fact]
    public void A_file_round_trips_with_its_model()
    {
        var s = Collect(0, 1, 2, 3);
        var read = TranslationStatistics.ReadFrom(new MemoryStream(Bytes(s)));
        Assert.Equal(Bytes(s), Bytes(read));
        Assert.Equal(s.Model.Count, read.Model.Count);
        Assert.Equal(s.Documents, read.Documents);
    }

    [Fact]
    public void The_corpus_model_is_used_and_every_sentence_is_kept()
    {
        var s = Collect(0, 1, 2, 3);
        var withModel = new DocumentAlignerBuilder().UseAnalyzer(_analyzer).UseTranslationModel(s.Model).Build();
        var (ja, en) = _documents[1];
        var result = withModel.AlignSentences(ja, en);
        // Every sentence exactly once, whichever model.
        Assert.Equal(Enumerable.Range(0, ja.Length), result.Links.SelectMany(l => Enumerable.Range(l.SourceStart, l.SourceCount)));
        Assert.Equal(Enumerable.Range(0, en.Length), result.Links.SelectMany(l => Enumerable.Range(l.TargetStart, l.TargetCount)));
    }

    [Fact]
    public void Statistics_carry_the_aligner_settings_through_the_file_and_other_settings_do_not_merge()
    {
        var s = Collect(0, 1);
        Assert.Equal(_aligner.TranslationSettings, s.Settings);
        Assert.Contains("length=Utf8Bytes", s.Settings);
        Assert.Equal(s.Settings, TranslationStatistics.ReadFrom(new MemoryStream(Bytes(s))).Settings);
        // Equal options give equal settings. The default's first pass is the partial set's (every document goes through
        // it), so their settings agree; the kyoto-wiki fit alone has another first pass, so other settings.
        Assert.Equal(_aligner.TranslationSettings, new DocumentAlignerBuilder().UseAnalyzer(_analyzer).Build().TranslationSettings);
        var partial = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.PartialTranslations).UseAnalyzer(_analyzer).Build();
        var complete = new DocumentAlignerBuilder().UseParameters(AlignmentParameters.CompleteTranslations).UseAnalyzer(_analyzer).Build();
        Assert.Equal(_aligner.TranslationSettings, partial.TranslationSettings);
        Assert.NotEqual(_aligner.TranslationSettings, complete.TranslationSettings);
        var other = complete.CollectTranslations(_documents[2].Ja, _documents[2].En);
        var e = Assert.Throws<ArgumentException>(() => TranslationStatistics.Merge([s, other]));
        Assert.Contains("different settings", e.Message);
        // Nothing learned is neutral whatever its settings.
        Assert.Equal(Bytes(s), Bytes(TranslationStatistics.Merge([s, TranslationStatistics.FromPairs([], 0, "other")])));
    }

    [Fact]
    public void A_joined_model_has_each_words_translations_from_both_its_own_first()
    {
        var a = Collect(0, 1).Model;
        var b = Collect(2, 3).Model;
        var joined = a.Join(b);
        Assert.True(joined.Count > a.Count && joined.Count > b.Count, "the two halves should teach different words");
        foreach (var (word, english) in a.Entries())
        {
            Assert.True(joined.TryGetTranslations(word, out var got));
            Assert.Equal(english, got.Take(english.Length));
            if (b.TryGetTranslations(word, out var fromB))
                Assert.Equal(english.Union(fromB).Order(StringComparer.Ordinal), got.Order(StringComparer.Ordinal));
        }
        foreach (var (word, english) in b.Entries())
        {
            Assert.True(joined.TryGetTranslations(word, out var got));
            Assert.Subset(got.ToHashSet(), english.ToHashSet());
        }
    }

    [Fact]
    public void With_a_corpus_model_the_second_pass_still_learns_from_the_document_itself()
    {
        // An empty corpus model adds nothing: the document's own model must still be learned and used, so the
        // alignment is the one without a model (before, a model replaced the document's own: with an empty one the
        // second pass had no learned words at all, which changes this document's alignment).
        var (ja, en) = _documents[1];
        var own = _aligner.AlignSentences(ja, en).Links;
        var withEmpty = new DocumentAlignerBuilder().UseAnalyzer(_analyzer).UseTranslationModel(TranslationModel.Empty).Build().AlignSentences(ja, en).Links;
        Assert.Equal(own, withEmpty);
    }

    [Theory]
    [InlineData("magic")]
    [InlineData("version")]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("appended")]
    [InlineData("empty")]
    public void A_foreign_or_damaged_file_is_refused_with_a_reason(string damage)
    {
        var bytes = Bytes(Collect(0, 1));
        string expected;
        switch (damage)
        {
            case "magic": bytes[0] = (byte)'X'; expected = "not a taiyaku translation model"; break;
            case "version": bytes[12] = 3; expected = "format version 3"; break;
            case "truncated": bytes = bytes[..^10]; expected = "truncated"; break;
            case "flipped": bytes[^5] ^= 0x40; expected = "checksum"; break;
            case "appended": bytes = [.. bytes, 0]; expected = "bytes after the payload"; break;
            default: bytes = []; expected = "not a taiyaku translation model"; break;
        }
        var e = Assert.Throws<InvalidDataException>(() => TranslationStatistics.ReadFrom(new MemoryStream(bytes)));
        Assert.Contains(expected, e.Message);
    }
}
