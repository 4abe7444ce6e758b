using System.Xml.Linq;
using System.Text.Json;

namespace Taiyaku.Cli.Tests;

public class AlignCommandTests
{
    private const string Ja = "京都は日本の古い都である。\n多くの寺がある。\n祇園祭は七月に行われる。\n";
    private const string En = "Kyoto is an old capital of Japan.\nThere are many temples.\nThe Gion Festival is held in July.\n";

    [Fact]
    public void Aligns_segmented_files_to_links()
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[0]:[0]\n[1]:[1]\n[2]:[2]\n", r.StdOut);
    }

    [Fact]
    public void Writes_tsv_with_texts_and_costs()
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--format", "tsv");
        Assert.Equal(0, r.ExitCode);
        var rows = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["京都は日本の古い都である。", "Kyoto is an old capital of Japan."], rows[0][..2]);
        Assert.All(rows, row => Assert.True(double.TryParse(row[2], System.Globalization.CultureInfo.InvariantCulture, out _)));
    }

    [Fact]
    public void Writes_json_that_parses()
    {
        using var dir = new TempDir();
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var links = doc.RootElement.GetProperty("links");
        Assert.Equal(3, links.GetArrayLength());
        Assert.Equal("多くの寺がある。", links[1].GetProperty("sourceText").GetString());
        Assert.Equal(1, links[1].GetProperty("target")[0].GetInt32());
    }

    [Fact]
    public void Writes_valid_tmx_with_escaped_text_to_a_file()
    {
        using var dir = new TempDir();
        string ja = dir.File("a.ja", "「A&B」は<会社>である。\n二文目。\n");
        string en = dir.File("a.en", "\"A&B\" is a <company>.\nThe second sentence.\n");
        string tmx = System.IO.Path.Combine(dir.Path, "out.tmx");
        var r = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tmx", "--out", tmx);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.StdOut);
        var doc = XDocument.Load(tmx);
        Assert.Equal("1.4", doc.Root!.Attribute("version")!.Value);
        var tus = doc.Descendants("tu").ToList();
        Assert.Equal(2, tus.Count);
        XNamespace xml = XNamespace.Xml;
        var tuvs = tus[0].Elements("tuv").ToList();
        Assert.Equal(["ja", "en"], tuvs.Select(t => t.Attribute(xml + "lang")!.Value));
        Assert.Equal("「A&B」は<会社>である。", tuvs[0].Element("seg")!.Value);
        Assert.Equal("\"A&B\" is a <company>.", tuvs[1].Element("seg")!.Value);
        Assert.Contains("&lt;company&gt;", File.ReadAllText(tmx));
    }

    [Fact]
    public void Every_input_sentence_appears_exactly_once()
    {
        using var dir = new TempDir();
        // A Japanese side with an extra sentence and an English side with a merge: nothing may be dropped.
        string ja = dir.File("a.ja", "一つ目の文である。\n二つ目。\n三つ目の文はかなり長く、いろいろなことを述べている。\n四つ目。\n");
        string en = dir.File("a.en", "This is the first sentence.\nThe third sentence is rather long and says many different things.\nFourth.\n");
        var r = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented");
        Assert.Equal(0, r.ExitCode);
        var links = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':').Select(side => side.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList()).ToList())
            .ToList();
        Assert.Equal([0, 1, 2, 3], links.SelectMany(l => l[0]));
        Assert.Equal([0, 1, 2], links.SelectMany(l => l[1]));
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        using var dir = new TempDir();
        string missing = System.IO.Path.Combine(dir.Path, "nope.ja");
        string output = System.IO.Path.Combine(dir.Path, "out.txt");
        var r = ToolProcess.Run("align", "--src", missing, "--tgt", dir.File("a.en", En), "--segmented", "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("nope.ja", r.StdErr);
        Assert.Contains("no such file", r.StdErr);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Empty_file_is_an_input_error()
    {
        using var dir = new TempDir();
        string output = System.IO.Path.Combine(dir.Path, "out.txt");
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("empty.en", ""), "--segmented", "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("empty.en", r.StdErr);
        Assert.Contains("empty", r.StdErr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Invalid_utf8_is_an_input_error_naming_file_and_line()
    {
        using var dir = new TempDir();
        byte[] bad = [.. "一行目。\n"u8.ToArray(), .. "二行目"u8.ToArray(), 0xFF, 0xFE, .. "。\n"u8.ToArray()];
        string output = System.IO.Path.Combine(dir.Path, "out.txt");
        var r = ToolProcess.Run("align", "--src", dir.File("bad.ja", bad), "--tgt", dir.File("a.en", En), "--segmented", "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.ja:2:", r.StdErr);
        Assert.Contains("invalid UTF-8", r.StdErr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("align", "--src")]
    [InlineData("align", "--tgt", "x", "--segmented")]
    [InlineData("align", "--src", "a", "--tgt", "b", "--segmented", "--format", "xml")]
    [InlineData("align", "--bogus")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_with2(params string[] args)
    {
        var r = ToolProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.NotEqual("", r.StdErr.Trim());
        Assert.Equal("", r.StdOut);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("align", "--help")]
    [InlineData("eval", "--help")]
    [InlineData("tokenize", "--help")]
    public void Help_is_printed_with_exit_code0(params string[] args)
    {
        var r = ToolProcess.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage: taiyaku", r.StdOut);
    }
}
