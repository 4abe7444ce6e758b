using System.Text.Json;
using System.Xml.Linq;
using Taiyaku.Formats;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary><c>align --format html</c> and <c>--format svg</c> (issue 19) for raw, segmented and bilingual input.</summary>
public class ReviewFormatTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"data\">";
    private static string Cable => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468.txt");

    private static JsonDocument Data(string page)
    {
        int start = page.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        return JsonDocument.Parse(page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)]);
    }

    private static List<IndexLink> Links(JsonDocument data) => data.RootElement.GetProperty("rows").EnumerateArray()
        .Where(r => !r.TryGetProperty("kind", out _))
        .Select(r => new IndexLink(r.GetProperty("s").EnumerateArray().Select(e => e.GetInt32()), r.GetProperty("t").EnumerateArray().Select(e => e.GetInt32())))
        .ToList();

    [Theory]
    [InlineData("bilingual")]
    [InlineData("segmented")]
    [InlineData("raw")]
    public void The_page_holds_the_same_links_as_the_links_format_and_every_sentence(string input)
    {
        using var dir = new TempDir();
        string[] args = input switch
        {
            "bilingual" => ["--bilingual", Cable],
            "segmented" => ["--src", Path.Combine(RepositoryPaths.Root, "samples", "cable-1468.ja"), "--tgt", Path.Combine(RepositoryPaths.Root, "samples", "cable-1468.en"), "--segmented"],
            _ => ["--src", dir.File("a.ja", "京都は日本の古い都である。多くの寺がある。\n\n- 2 -\n\n祇園祭は七月に行われる。\n"), "--tgt", dir.File("a.en", "Kyoto is an old capital of Japan. There are many temples.\n\nThe Gion Festival is held in July.\n")],
        };
        var links = ToolProcess.Run(["align", .. args, "--quiet"]);
        var html = ToolProcess.Run(["align", .. args, "--quiet", "--format", "html"]);
        Assert.Equal(0, links.ExitCode);
        Assert.Equal(0, html.ExitCode);
        using var data = Data(html.StdOut);
        var expected = VecalignLinks.Read(new StringReader(links.StdOut), "links");
        Assert.Equal(expected, Links(data));
        // Every sentence index of both sides is in exactly one link, and the page has the text of each.
        int ja = data.RootElement.GetProperty("source").GetArrayLength(), en = data.RootElement.GetProperty("target").GetArrayLength();
        Assert.Equal(Enumerable.Range(0, ja), expected.SelectMany(l => l.Source).Order());
        Assert.Equal(Enumerable.Range(0, en), expected.SelectMany(l => l.Target).Order());
    }

    [Fact]
    public void The_cable_page_shows_its_metadata_greyed_in_place()
    {
        var r = ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", "html");
        Assert.Equal(0, r.ExitCode);
        using var data = Data(r.StdOut);
        Assert.Contains(data.RootElement.GetProperty("rows").EnumerateArray(), row => row.TryGetProperty("kind", out var k) && k.GetString() == "metadata");
    }

    [Fact]
    public void Svg_is_valid_xml_with_one_mark_per_link()
    {
        var links = ToolProcess.Run("align", "--bilingual", Cable, "--quiet");
        var svg = ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", "svg");
        Assert.Equal(0, svg.ExitCode);
        var doc = XDocument.Parse(svg.StdOut);
        int count = links.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(count, doc.Descendants().Count(e => e.Attribute("data-row") != null));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("svg")]
    public void Min_score_is_a_usage_error_with_the_review_formats(string format)
    {
        var r = ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", format, "--min-score", "0.5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--min-score", r.StdErr);
        Assert.Equal("", r.StdOut);
    }
}
