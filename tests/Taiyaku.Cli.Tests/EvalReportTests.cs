using System.Xml.Linq;

namespace Taiyaku.Cli.Tests;

/// <summary><c>eval --corpus DIR --report FILE</c> (issue 19): per-document F1, reliability diagram, worst links, escaped.</summary>
public class EvalReportTests
{
    private const string Hostile = "</td><script>alert(1)</script><!--";

    private static string Corpus(TempDir dir)
    {
        string corpus = Directory.CreateDirectory(Path.Combine(dir.Path, "corpus")).FullName;
        // Right gold: the aligner reproduces it.
        File.WriteAllText(Path.Combine(corpus, "kyoto.ja"), "京都は日本の古い都である。\n多くの寺がある。\n祇園祭は七月に行われる。\n");
        File.WriteAllText(Path.Combine(corpus, "kyoto.en"), "Kyoto is an old capital of Japan.\nThere are many temples.\nThe Gion Festival is held in July.\n");
        File.WriteAllText(Path.Combine(corpus, "kyoto.gold"), "[0]:[0]\n[1]:[1]\n[2]:[2]\n");
        // Crossed gold: every link the aligner makes is wrong, so the hostile sentence is among the worst links.
        File.WriteAllText(Path.Combine(corpus, "crossed.ja"), Hostile + "京都は日本の古い都である。\n多くの寺がある。\n");
        File.WriteAllText(Path.Combine(corpus, "crossed.en"), "Kyoto is an old capital of Japan.\nThere are many temples.\n");
        File.WriteAllText(Path.Combine(corpus, "crossed.gold"), "[0]:[1]\n[1]:[0]\n");
        return corpus;
    }

    [Fact]
    public void The_report_lists_each_document_the_reliability_bins_and_the_wrong_links_escaped()
    {
        using var dir = new TempDir();
        string corpus = Corpus(dir), report = Path.Combine(dir.Path, "report.html");
        var r = ToolProcess.Run("eval", "--corpus", corpus, "--report", report);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.StartsWith("strict_p=", r.StdOut);
        string html = File.ReadAllText(report);
        Assert.Contains("<td>kyoto</td>", html);
        Assert.Contains("<td>crossed</td>", html);
        Assert.Contains("<td class=\"num\">1.0000</td>", html);        // kyoto's F1
        Assert.Contains("<td>[0]:[0]</td>", html);                       // a wrong link of 'crossed'
        Assert.Contains("[0]:[1] [1]:[0]", html);                        // the gold links of its sentences
        // The hostile sentence is shown, encoded; the report has no script at all.
        Assert.Contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", html);
        // The reliability diagram: a circle per score bin the evaluation printed.
        int bins = r.StdOut.Split('\n').SkipWhile(l => !l.StartsWith("score_bin")).Skip(1).TakeWhile(l => !l.StartsWith("expected_")).Count(l => l.Length > 0);
        int start = html.IndexOf("<svg", StringComparison.Ordinal), end = html.IndexOf("</svg>", StringComparison.Ordinal) + 6;
        var svg = XDocument.Parse(html[start..end]);
        Assert.Equal(bins, svg.Descendants().Count(e => (string?)e.Attribute("class") == "bin"));
        Assert.True(bins > 0);
    }

    [Fact]
    public void The_report_never_replaces_a_file_of_the_corpus()
    {
        using var dir = new TempDir();
        string corpus = Corpus(dir), gold = Path.Combine(corpus, "kyoto.gold");
        var r = ToolProcess.Run("eval", "--corpus", corpus, "--report", gold);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("is also an input", r.StdErr);
        Assert.Equal("[0]:[0]\n[1]:[1]\n[2]:[2]\n", File.ReadAllText(gold));
    }

    [Theory]
    [InlineData("--gold", "a", "--test", "b", "--report", "r.html")]
    [InlineData("--corpus", ".", "--report", "-")]
    public void Report_misuse_is_a_usage_error(params string[] args)
    {
        var r = ToolProcess.Run(["eval", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--report", r.StdErr);
    }
}
