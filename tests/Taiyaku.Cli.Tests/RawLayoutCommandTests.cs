namespace Taiyaku.Cli.Tests;

/// <summary>The command line of issue 15: eval --corpus --raw, --line-breaks, and bilingual layouts.</summary>
public class RawLayoutCommandTests
{
    [Fact]
    public void Eval_corpus_raw_scores_links_projected_onto_lines()
    {
        using var dir = new TempDir();
        // Japanese line 0 holds two sentences that translate English lines 0 and 1.
        dir.File("d.ja", "京都は日本の古い都である。多くの寺がある。\n祇園祭は七月に行われる。\n");
        dir.File("d.en", "Kyoto is an old capital of Japan.\nThere are many temples.\nThe Gion Festival is held in July.\n");
        dir.File("d.gold", "[0]:[0, 1]\n[1]:[2]\n");
        var r = ToolProcess.Run("eval", "--corpus", dir.Path, "--raw", "--anchors", "none");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("strict_p=1.0000 strict_r=1.0000 strict_f1=1.0000", r.StdOut);
        Assert.Contains("lines_set_apart=0\n", r.StdOut);
    }

    [Fact]
    public void Raw_without_corpus_is_a_usage_error() =>
        Assert.Equal(2, ToolProcess.Run("eval", "--gold", "a", "--test", "b", "--raw").ExitCode);

    [Fact]
    public void Segment_takes_line_breaks_and_reports_the_layout()
    {
        using var dir = new TempDir();
        string file = dir.File("a.en", "Sesshu\nHe was a painter.\n");
        var auto = ToolProcess.Run("segment", "--lang", "en", "--in", file);
        Assert.Equal(0, auto.ExitCode);
        Assert.Equal("Sesshu\nHe was a painter.\n", auto.StdOut);
        Assert.Contains("one paragraph per line", auto.StdErr);
        var wrap = ToolProcess.Run("segment", "--lang", "en", "--in", file, "--line-breaks", "wrap");
        Assert.Equal("Sesshu He was a painter.\n", wrap.StdOut);
        Assert.Equal(2, ToolProcess.Run("segment", "--lang", "en", "--in", file, "--line-breaks", "sometimes").ExitCode);
    }

    [Theory]
    [InlineData("日本語の文です。 / This is an English sentence.\n", "separated by ' / '")]
    [InlineData("日本語の文です。\tThis is an English sentence.\n", "tab-separated")]
    [InlineData("日本語の文です。\nThis is an English sentence.\n二つ目の文です。\nThis is the second sentence.\n", "alternating Japanese and English lines")]
    public void Align_bilingual_reads_pairs_and_reports_the_layout(string text, string layout)
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("align", "--bilingual", dir.File("b.txt", text), "--format", "tsv");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(layout, r.StdErr);
        Assert.Contains("pairs kept", r.StdErr);
        Assert.StartsWith("日本語の文です。\tThis is an English sentence.\t", r.StdOut);
    }
}
