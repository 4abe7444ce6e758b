using Taiyaku.Alignment;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Taiyaku.Formats.Review;

namespace Taiyaku.Formats.Tests;

/// <summary>The review page (issue 19): its data round-trips, hostile text stays inert, it stays small at 20,000 links.</summary>
public class ReviewPageTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"data\">";

    private static string Page(ReviewDocument doc)
    {
        var m = new MemoryStream();
        ReviewPage.Write(m, doc);
        return new UTF8Encoding(false, true).GetString(m.ToArray());
    }

    /// <summary>The JSON between the data element's tags, as the page's script reads it (textContent).</summary>
    private static JsonDocument Data(string page)
    {
        int start = page.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        int end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(page[start..end]);
    }

    private static ReviewDocument Sample(string[] ja, string[] en)
    {
        var items = new List<AlignedText>
        {
            new(new IndexLink([0], [0]), ja[0], en[0], 0.1) { Score = 0.91, SourceRanges = [new(10, 5)], TargetRanges = [new(100, 5)] },
            new(new IndexLink([1, 2], [1]), ja[1] + ja[2], en[1], 0.5) { Score = 0.42, SourceRanges = [new(20, 5), new(26, 5)], TargetRanges = [new(110, 5)] },
            new(new IndexLink([], [2]), "", en[2], 0.9) { Score = double.NaN, TargetRanges = [new(120, 5)] },
            AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Source, "- 3 -", [new(16, 3)]),
            AlignedText.Unaligned(AlignedKind.Metadata, AlignmentSide.Target, "Translated by X.", [new(90, 5)]),
        };
        return ReviewDocument.Create("doc.txt", items, ja, en);
    }

    [Fact]
    public void Data_round_trips_to_the_links_sentences_and_text_set_apart_in_document_order()
    {
        string[] ja = ["一文目。", "二文目。", "三文目。"], en = ["One.", "Two and three.", "Added."];
        using var data = Data(Page(Sample(ja, en)));
        var root = data.RootElement;
        Assert.Equal(ja, root.GetProperty("source").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(en, root.GetProperty("target").EnumerateArray().Select(e => e.GetString()!));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        // The metadata (offset 90) stands before the first English sentence (100); the furniture (16) between links 0 and 1.
        Assert.Equal(5, rows.Count);
        Assert.Equal("metadata", rows[0].GetProperty("kind").GetString());
        Assert.Equal("target", rows[0].GetProperty("side").GetString());
        Assert.Equal("furniture", rows[2].GetProperty("kind").GetString());
        Assert.Equal("- 3 -", rows[2].GetProperty("text").GetString());
        var links = rows.Where(r => !r.TryGetProperty("kind", out _))
            .Select(r => new IndexLink(r.GetProperty("s").EnumerateArray().Select(e => e.GetInt32()), r.GetProperty("t").EnumerateArray().Select(e => e.GetInt32())))
            .ToList();
        Assert.Equal([new IndexLink([0], [0]), new IndexLink([1, 2], [1]), new IndexLink([], [2])], links);
        Assert.Equal(0.91, rows[1].GetProperty("score").GetDouble());
        Assert.False(rows[4].TryGetProperty("score", out _));
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!--<script>")]
    [InlineData("</SCRIPT >&lt;&amp;")]
    [InlineData("a\u2028b\u2029c")]
    [InlineData("nul\u0000bel\u0007esc\u001b")]
    [InlineData("\u202Eright-to-left override\u202C \u05E9\u05DC\u05D5\u05DD")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Hostile_text_stays_inside_the_data_element_and_comes_back_unchanged(string hostile)
    {
        string[] ja = [hostile, "二。", "三。"], en = ["One " + hostile, "Two.", "Three."];
        var items = new[]
        {
            new AlignedText(new IndexLink([0], [0]), hostile, en[0], 0.1) { Score = 0.5 },
            new AlignedText(new IndexLink([1, 2], [1, 2]), "二。三。", "Two. Three.", 0.1) { Score = 0.5 },
            AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Target, hostile, null),
        };
        string page = Page(ReviewDocument.Create(hostile, items, ja, en));
        int start = page.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        int end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        string json = page[start..end];
        // Nothing in the data an HTML parser could act on: no tag, comment or character reference, no JS line break.
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.DoesNotContain('\u2029', json);
        // The page has exactly its own two scripts, and every text comes back as it went in.
        Assert.Equal(2, CountOf(page.ToLowerInvariant(), "<script"));
        using var data = JsonDocument.Parse(json);
        Assert.Equal(hostile, data.RootElement.GetProperty("title").GetString());
        Assert.Equal(hostile, data.RootElement.GetProperty("source")[0].GetString());
        Assert.Equal(en[0], data.RootElement.GetProperty("target")[0].GetString());
        Assert.Equal(hostile, data.RootElement.GetProperty("rows")[2].GetProperty("text").GetString());
        // The page's script only ever sets textContent: no markup sink appears in it.
        Assert.DoesNotContain("innerHTML", page);
        Assert.DoesNotContain("insertAdjacentHTML", page);
        Assert.DoesNotContain("document.write", page);
        Assert.DoesNotContain("eval(", page);
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters_so_the_page_is_valid_utf8()
    {
        string[] ja = ["a\uD800b"], en = ["c\uDC00"];
        var items = new[] { new AlignedText(new IndexLink([0], [0]), ja[0], en[0], 0) { Score = 1 } };
        using var data = Data(Page(ReviewDocument.Create("t", items, ja, en)));
        Assert.Equal("a\uFFFDb", data.RootElement.GetProperty("source")[0].GetString());
        Assert.Equal("c\uFFFD", data.RootElement.GetProperty("target")[0].GetString());
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        string page = Page(Sample(["一。", "二。", "三。"], ["One.", "Two.", "Three."]));
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", page);
        Assert.DoesNotContain(" src=", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("@import", page);
        Assert.Contains("default-src 'none'", page);
    }

    [Fact]
    public void A_page_of_20000_links_stays_small()
    {
        var doc = Large(20_000);
        string page = Page(doc);
        long bytes = Encoding.UTF8.GetByteCount(page);
        // Text of 40 000 sentences (about 3.4 MB as UTF-8) plus the plot and the rows: under 3 times the text.
        long text = doc.Source.Concat(doc.Target).Sum(s => (long)Encoding.UTF8.GetByteCount(s));
        Assert.True(bytes < 3 * text, $"{bytes:N0} bytes for {text:N0} bytes of text");
        using var data = Data(page);
        Assert.Equal(20_000, data.RootElement.GetProperty("rows").GetArrayLength());
    }

    internal static ReviewDocument Large(int n)
    {
        var ja = new string[n];
        var en = new string[n];
        var items = new List<AlignedText>(n);
        var rng = new Random(19);
        for (int i = 0; i < n; i++)
        {
            ja[i] = $"これは第{i}番目の文であり、京都の寺と祭りについて少し長めに述べている。";
            en[i] = $"This is sentence number {i}, which says a little more about the temples and festivals of Kyoto.";
            items.Add(new AlignedText(new IndexLink([i], [i]), ja[i], en[i], 0.1) { Score = Math.Round(rng.NextDouble(), 4) });
        }
        return ReviewDocument.Create("large", items, ja, en);
    }

    [Fact]
    public void The_path_plot_is_valid_xml_with_one_mark_per_link_and_unaligned_sentences_marked()
    {
        var doc = Sample(["一文目。", "二文目。", "三文目。"], ["One.", "Two and three.", "Added."]);
        var m = new MemoryStream();
        PathPlot.Write(m, doc);
        var svg = XDocument.Parse(Encoding.UTF8.GetString(m.ToArray()));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var marks = svg.Descendants().Where(e => e.Attribute("data-row") != null).ToList();
        Assert.Equal(doc.Links.Count(), marks.Count);
        Assert.Equal(["0", "1", "2"], marks.Select(e => e.Attribute("data-row")!.Value));
        Assert.Equal(2, marks.Count(e => e.Attribute("class")!.Value == "link"));
        Assert.Equal("unaligned target", marks[2].Attribute("class")!.Value);
        Assert.Equal("hsl(109,70%,42%)", marks[0].Attribute("fill")!.Value);
    }

    [Fact]
    public void The_path_plot_of_20000_links_has_a_mark_per_link()
    {
        var m = new MemoryStream();
        PathPlot.Write(m, Large(20_000));
        var svg = XDocument.Parse(Encoding.UTF8.GetString(m.ToArray()));
        Assert.Equal(20_000, svg.Descendants().Count(e => e.Attribute("data-row") != null));
    }

    private static int CountOf(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
