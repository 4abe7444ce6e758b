using Taiyaku.Edict;
using Taiyaku.Formats;
using Taiyaku.Japanese;
using Taiyaku.Pipeline;
using Taiyaku.Testing;

namespace Taiyaku.Evaluation.Tests;

/// <summary>The raw-path evaluation: sentence links projected onto the files' lines, and the targets on the shared corpora.</summary>
public class RawEvaluationTests
{
    private static readonly Lazy<DocumentAligner> Aligner = new(() => new DocumentAlignerBuilder().UseAnalyzer(MorphologicalAnalyzer.Open()).UseLexicon(EdictLexicon.Default).Build());

    [Fact]
    public void Links_sharing_a_line_merge_and_each_line_is_one_unit()
    {
        // Line 0 of the Japanese holds two sentences, each the translation of one English line: whatever the sentence
        // links, projected onto lines they make [0]:[0, 1]; the third sentence is line 1 and English line 2.
        var doc = new DocumentAlignerBuilder().Build().Align("京都は古い都である。多くの寺がある。\n祇園祭は七月に行われる。\n",
            "Kyoto is an old capital.\nThere are many temples.\nThe Gion Festival is held in July.\n");
        var links = LineProjection.Project(doc).Select(l => l.Link.ToString()).ToList();
        Assert.Equal(["[0]:[0, 1]", "[1]:[2]"], links);
        Assert.Equal(0, LineProjection.LinesSetApart(doc));
    }

    [Fact]
    public void A_sentence_spanning_two_lines_belongs_to_both()
    {
        var doc = new DocumentAlignerBuilder().UseOptions(DocumentAlignerOptions.Default with { Segmentation = new() { LineBreaks = Text.LineBreaks.Wrap } }).Build()
            .Align("京都は日本の古い\n都である。\n", "Kyoto is an old capital of Japan.\n");
        Assert.Equal("[0, 1]:[0]", Assert.Single(LineProjection.Project(doc)).Link.ToString());
    }

    [Fact]
    public void Lines_set_apart_are_counted()
    {
        string page = string.Concat(Enumerable.Repeat("This sentence fills the page with ordinary body text for the test.\n", 10));
        string en = string.Concat(Enumerable.Range(1, 3).Select(_ => "ANNUAL REPORT 1994\n" + page));
        var doc = new DocumentAlignerBuilder().Build().Align("本文である。\n", en);
        Assert.Equal(3, LineProjection.LinesSetApart(doc));
    }

    private static IReadOnlyList<GoldDocument> Read(string folder)
    {
        var dir = RepositoryPaths.Shared(Path.Combine("corpora", folder));
        Skip.If(dir is null, $"../shared/corpora/{folder} is not beside the repository");
        return Directory.GetFiles(dir!, "*.gold").Order(StringComparer.Ordinal)
            .Select(g => new GoldDocument(Path.GetFileNameWithoutExtension(g),
                File.ReadAllLines(Path.ChangeExtension(g, ".ja")), File.ReadAllLines(Path.ChangeExtension(g, ".en")), VecalignLinks.ReadFile(g)))
            .ToList();
    }

    // Measured when written: strict F1 0.991 (dev) and 0.988 (tune); no line set apart.
    [SkippableTheory]
    [InlineData("kyoto-wiki/dev")]
    [InlineData("kyoto-wiki/tune")]
    public void Kyoto_wiki_given_raw_reaches_strict_F1_0_98_with_no_line_set_apart(string folder)
    {
        var e = CorpusEvaluator.EvaluateRaw(Read(folder), Aligner.Value);
        Assert.True(e.Score.StrictF1 >= 0.98, e.Score.ToString());
        Assert.Equal(0, e.LinesSetApart);
    }

    // With the built-in parameters (fitted on kyoto-wiki, where no sentence is left untranslated) measured lax F1 0.967;
    // parameters fitted on documents of this kind reach 0.989 (scripts/evaluate-raw.sh). A guard against regressions.
    [SkippableFact]
    public void Pydocs_paragraphs_given_raw_keep_lax_F1_0_96_with_no_line_set_apart()
    {
        var e = CorpusEvaluator.EvaluateRaw(Read("pydocs-dev/para"), Aligner.Value);
        Assert.True(e.Score.LaxF1 >= 0.96, e.Score.ToString());
        Assert.Equal(0, e.LinesSetApart);
    }
}
