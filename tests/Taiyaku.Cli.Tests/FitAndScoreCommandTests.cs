using System.Globalization;
using System.Xml.Linq;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary><c>fit</c>, <c>align --params</c>, <c>align --min-score</c> and <c>eval --corpus</c> on the bundled cable.</summary>
public class FitAndScoreCommandTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    private static string CorpusOfCable(TempDir dir)
    {
        string corpus = Path.Combine(dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var ext in new[] { "ja", "en", "gold" })
            File.Copy(Sample(ext), Path.Combine(corpus, "cable." + ext));
        return corpus;
    }

    [Fact]
    public void Fit_writes_a_parameter_file_that_align_reads()
    {
        using var dir = new TempDir();
        string corpus = CorpusOfCable(dir);
        string parameters = Path.Combine(dir.Path, "p.json");
        var fit = ToolProcess.Run("fit", "--corpus", corpus, "--out", parameters);
        Assert.Equal(0, fit.ExitCode);
        Assert.Contains("chosen: s²=", fit.StdErr);
        var p = Pipeline.AlignmentParameters.FromJson(File.ReadAllText(parameters));
        Assert.Equal(1.0, p.Beads.Sum(b => b.Probability), 6);
        // The cable's gold has 57 1-1 and 9 1-2 links: the priors follow them.
        Assert.True(p.Beads.Single(b => b.SourceCount == 1 && b.TargetCount == 1).Probability > 0.75);
        Assert.True(p.Beads.Single(b => b.SourceCount == 1 && b.TargetCount == 2).Probability > 0.1);

        var align = ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--params", parameters);
        Assert.Equal(0, align.ExitCode);
        var eval = ToolProcess.Run("eval", "--corpus", corpus, "--params", parameters);
        Assert.Equal(0, eval.ExitCode);
        double strict = double.Parse(eval.StdOut.Split("strict_f1=")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        // Fitted on this very document, so this only shows the file is used, not how well it generalises.
        Assert.True(strict >= 0.9, eval.StdOut);
    }

    [Fact]
    public void Fit_scores_only_refits_the_confidence_model_of_the_given_parameters_and_nothing_else()
    {
        using var dir = new TempDir();
        string corpus = CorpusOfCable(dir);
        string parameters = Path.Combine(dir.Path, "p.json");
        var fit = ToolProcess.Run("fit", "--scores-only", "--params", "complete", "--corpus", corpus, "--out", parameters);
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        Assert.Contains("link scores refitted", fit.StdErr);
        var p = Pipeline.AlignmentParameters.FromJson(File.ReadAllText(parameters));
        var complete = Pipeline.AlignmentParameters.CompleteTranslations;
        Assert.NotEqual(complete.Confidence, p.Confidence);
        Assert.Equal(complete.Round() with { Confidence = p.Confidence, FittedOn = p.FittedOn }, p);
        Assert.EndsWith("link scores fitted on 1 documents, 66 gold links", p.FittedOn);
        // The links are the same as with the built-in set alone; only the scores differ.
        string Links(string set) => ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--params", set).StdOut;
        Assert.Equal(Links("complete"), Links(parameters));

        // --params belongs to --scores-only; fit without it fits parameters of its own.
        var usage = ToolProcess.Run("fit", "--params", "complete", "--corpus", corpus, "--out", Path.Combine(dir.Path, "q.json"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--params is what --scores-only recalibrates", usage.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "q.json")));
        // The file it recalibrates is an input: never overwritten.
        byte[] before = File.ReadAllBytes(parameters);
        var clash = ToolProcess.Run("fit", "--scores-only", "--params", parameters, "--corpus", corpus, "--out", parameters);
        Assert.Equal(1, clash.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(parameters));
    }

    [Fact]
    public void Fit_takes_several_folders_separated_as_in_path()
    {
        using var dir = new TempDir();
        string first = CorpusOfCable(dir), second = Path.Combine(dir.Path, "second");
        Directory.CreateDirectory(second);
        foreach (var ext in new[] { "ja", "en", "gold" })
            File.Copy(Sample(ext), Path.Combine(second, "cable-again." + ext));
        string parameters = Path.Combine(dir.Path, "p.json");
        var fit = ToolProcess.Run("fit", "--corpus", first + Path.PathSeparator + second, "--out", parameters, "--quiet");
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        Assert.StartsWith("2 documents", Pipeline.AlignmentParameters.FromJson(File.ReadAllText(parameters)).FittedOn);
        // The output is still refused where it would overwrite a file of either folder.
        var clash = ToolProcess.Run("fit", "--corpus", first + Path.PathSeparator + second, "--out", Path.Combine(second, "cable-again.gold"), "--quiet");
        Assert.Equal(1, clash.ExitCode);
    }

    [Fact]
    public void Eval_corpus_prints_scores_and_the_reliability_of_link_scores()
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("eval", "--corpus", CorpusOfCable(dir));
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^strict_p=\S+ strict_r=\S+ strict_f1=\S+ lax_p=\S+ lax_r=\S+ lax_f1=\S+\n", r.StdOut);
        Assert.Contains("documents=1 sentences=141 links=", r.StdOut);
        Assert.Contains("expected_calibration_error=", r.StdOut);
    }

    [Fact]
    public void Min_score_writes_low_scored_links_unpaired_and_drops_no_sentence()
    {
        // Scores lie in [0, 1]: a minimum of 1 sends every link with two sides to the low-score rows, except those whose
        // score is written as 1 (the threshold applies to the score as printed).
        var r = ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--format", "tmx", "--min-score", "1");
        Assert.Equal(0, r.ExitCode);
        var units = XDocument.Parse(r.StdOut).Descendants("tu").ToList();
        XNamespace xml = XNamespace.Xml;
        var ja = units.SelectMany(u => u.Elements("tuv").Where(v => (string?)v.Attribute(xml + "lang") == "ja")).Select(v => v.Value).ToList();
        var en = units.SelectMany(u => u.Elements("tuv").Where(v => (string?)v.Attribute(xml + "lang") == "en")).Select(v => v.Value).ToList();
        Assert.Equal(string.Concat(File.ReadAllLines(Sample("ja"))), string.Concat(ja));
        Assert.Equal(string.Join(" ", File.ReadAllLines(Sample("en"))), string.Join(" ", en));
        var paired = units.Where(u => u.Elements("tuv").Count() == 2).ToList();
        Assert.All(paired, u => Assert.Equal("1", u.Elements("prop").Single(p => (string?)p.Attribute("type") == "x-score").Value));
        var single = units.Except(paired).ToList();
        Assert.NotEmpty(single);
        Assert.All(single, u => Assert.Equal("low-score", u.Elements("prop").Single(p => (string?)p.Attribute("type") == "x-unaligned").Value));

        var tsv = ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--format", "tsv", "--min-score", "0.5");
        Assert.Equal(0, tsv.ExitCode);
        var rows = tsv.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, row => Assert.Equal(4, row.Length));
        Assert.All(rows.Where(row => row[3] != "low-score"), row => Assert.True(double.Parse(row[3], CultureInfo.InvariantCulture) >= 0.5));
    }

    [Theory]
    [InlineData("--anchors", "numbers,colour", "unknown anchor 'colour'")]
    [InlineData("--min-score", "1.5", "min-score")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var r = ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--format", "tsv", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.StdErr);
    }

    [Fact]
    public void A_broken_parameter_file_is_an_input_error_naming_it()
    {
        using var dir = new TempDir();
        string bad = dir.File("bad.json", "{\"format\":\"taiyaku-parameters/1\"}");
        var r = ToolProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented", "--params", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.json", r.StdErr);
        Assert.Contains("beads", r.StdErr);
    }
}
