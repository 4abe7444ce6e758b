using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using Taiyaku.Formats;
using Taiyaku.Formats.Review;
using Taiyaku.Testing;
using Xunit.Abstractions;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// The review page in a real browser (issue 19): Debian's chromium, headless, through its chromedriver. Nothing is
/// downloaded: the driver and browser paths are given, so Selenium Manager never runs. Skips, saying so, without them.
/// </summary>
public sealed class ReviewPageBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";
    private static string Cable => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468.txt");

    private static ChromeDriver Start(string downloads)
    {
        Skip.IfNot(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"needs Debian's chromium and chromium-driver ({Chromium}, {ChromeDriver}; .ci/run installs them): the review page's browser test did not run");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static string Links(IWebDriver d) => (string)((IJavaScriptExecutor)d).ExecuteScript("return taiyaku.links();")!;

    private static object? Js(IWebDriver d, string script) => ((IJavaScriptExecutor)d).ExecuteScript(script);

    private static string Format(IEnumerable<IndexLink> links) => string.Concat(links.Select(l => l + "\n"));

    private static void Key(IWebDriver d, string key) => new Actions(d).SendKeys(key).Perform();

    private static void Select(IWebDriver d, int link) => Assert.True((bool)Js(d, $"return taiyaku.select({link});")!);

    private static void Pick(IWebDriver d, char side, int sentence) =>
        d.FindElement(By.CssSelector($"#rows span.s[data-side='{side}'][data-index='{sentence}']")).Click();

    [SkippableFact]
    public void Split_at_the_picked_sentence_and_no_counterpart_inside_a_link()
    {
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "cable.html");
        Assert.Equal(0, ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", "html", "--out", page).ExitCode);
        var original = VecalignLinks.Read(new StringReader(ToolProcess.Run("align", "--bilingual", Cable, "--quiet").StdOut), "links").ToList();
        int k = original.FindIndex(l => l.Source.Count == 1 && l.Target.Count == 1);
        Assert.True(k >= 0 && k + 2 < original.Count);
        using var d = Start(Directory.CreateDirectory(Path.Combine(dir.Path, "downloads")).FullName);
        d.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        // Three links merged into one (m, m), then the middle English sentence has no counterpart (x): the link is cut
        // around it, the Japanese side at the same share.
        Select(d, k);
        Key(d, "m");
        Key(d, "m");
        var merged = new IndexLink(original[k].Source.Concat(original[k + 1].Source).Concat(original[k + 2].Source),
            original[k].Target.Concat(original[k + 1].Target).Concat(original[k + 2].Target));
        var expected = new List<IndexLink>(original);
        expected.RemoveRange(k, 3);
        expected.Insert(k, merged);
        Assert.Equal(Format(expected), Links(d));
        int at = merged.Target.Count / 2, middle = merged.Target[at];
        int cut = (int)Math.Round(merged.Source.Count * at / (double)(merged.Target.Count - 1), MidpointRounding.AwayFromZero);
        Pick(d, 't', middle);
        Key(d, "x");
        var cutLinks = new List<IndexLink>(expected);
        cutLinks.RemoveAt(k);
        cutLinks.InsertRange(k, [new IndexLink(merged.Source.Take(cut), merged.Target.Take(at)), new IndexLink([], [middle]),
            new IndexLink(merged.Source.Skip(cut), merged.Target.Skip(at + 1))]);
        Assert.Equal(Format(cutLinks.Where(l => l.Source.Count + l.Target.Count > 0).ToList()), Links(d));
        output.WriteLine($"no counterpart for English sentence {middle} inside {merged}: ok");

        // Undo, then split the merged link after its first Japanese sentence picked (s): the English side at the same share.
        Key(d, "u");
        Assert.Equal(Format(expected), Links(d));
        Select(d, k);
        Pick(d, 's', merged.Source[0]);
        Key(d, "s");
        int share = (int)Math.Round(merged.Target.Count * 1 / (double)merged.Source.Count, MidpointRounding.AwayFromZero);
        var split = new List<IndexLink>(expected);
        split.RemoveAt(k);
        split.InsertRange(k, [new IndexLink(merged.Source.Take(1), merged.Target.Take(share)), new IndexLink(merged.Source.Skip(1), merged.Target.Skip(share))]);
        Assert.Equal(Format(split), Links(d));
        output.WriteLine($"split {merged} after Japanese sentence {merged.Source[0]}: ok");
    }

    [SkippableFact]
    public void Corrections_on_the_cable_export_the_links_they_describe()
    {
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "cable.html");
        var made = ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", "html", "--out", page);
        Assert.Equal(0, made.ExitCode);
        var links = ToolProcess.Run("align", "--bilingual", Cable, "--quiet");
        var original = VecalignLinks.Read(new StringReader(links.StdOut), "links").ToList();
        string downloads = Directory.CreateDirectory(Path.Combine(dir.Path, "downloads")).FullName;

        using var d = Start(downloads);
        d.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.StartsWith("Taiyaku review: cable-1468.txt", d.Title);
        Assert.NotEmpty(d.FindElements(By.CssSelector("#rows tr")));
        Assert.Equal(Format(original), Links(d));
        output.WriteLine($"loaded: {original.Count} links, first render {Js(d, "return taiyakuRenderMs;")} ms");

        // Keyboard navigation: j moves the selection down one row.
        Select(d, 3);
        Key(d, "j");
        Assert.Equal(4L, Js(d, "return taiyaku.selected();"));
        Key(d, "k");
        Assert.Equal(3L, Js(d, "return taiyaku.selected();"));

        // Merge link 3 with link 4 (key m).
        var expected = new List<IndexLink>(original);
        expected[3] = new IndexLink(original[3].Source.Concat(original[4].Source), original[3].Target.Concat(original[4].Target));
        expected.RemoveAt(4);
        Key(d, "m");
        Assert.Equal(Format(expected), Links(d));
        output.WriteLine($"merge {original[3]} + {original[4]} -> {expected[3]}: ok");

        // Split it again (key s): first sentence of each side, then the rest.
        var merged = expected[3];
        expected[3] = new IndexLink(merged.Source.Take(1), merged.Target.Take(1));
        expected.Insert(4, new IndexLink(merged.Source.Skip(1), merged.Target.Skip(1)));
        Key(d, "s");
        Assert.Equal(Format(expected), Links(d));
        output.WriteLine($"split {merged} -> {expected[3]} {expected[4]}: ok");

        // Undo twice (key u): back to the aligner's links.
        Key(d, "u");
        Key(d, "u");
        Assert.Equal(Format(original), Links(d));
        output.WriteLine("undo, undo: back to the original links: ok");

        // Move the last English sentence of a link with two or more to the next link (click it, then the button).
        int k = original.FindIndex(l => l.Target.Count >= 2 && l.Source.Count >= 1);
        Assert.True(k >= 0 && k + 1 < original.Count, "the cable has a link with two English sentences");
        expected = new List<IndexLink>(original);
        int moved = original[k].Target[^1];
        expected[k] = new IndexLink(original[k].Source, original[k].Target.SkipLast(1));
        expected[k + 1] = new IndexLink(original[k + 1].Source, original[k + 1].Target.Prepend(moved));
        Select(d, k);
        Pick(d, 't', moved);
        d.FindElement(By.Id("next")).Click();
        Assert.Equal(Format(expected), Links(d));
        output.WriteLine($"move English sentence {moved} to the next link: {expected[k]} {expected[k + 1]}: ok");

        // And back to the previous link (key [).
        Pick(d, 't', moved);
        Key(d, "[");
        Assert.Equal(Format(original), Links(d));
        output.WriteLine($"move English sentence {moved} back to the previous link: ok");

        // Mark a Japanese sentence of a one-to-one link as having no counterpart (key x).
        int o = original.FindIndex(l => l.Source.Count == 1 && l.Target.Count == 1);
        expected = new List<IndexLink>(original);
        expected[o] = new IndexLink(original[o].Source, []);
        expected.Insert(o + 1, new IndexLink([], original[o].Target));
        Select(d, o);
        Pick(d, 's', original[o].Source[0]);
        Key(d, "x");
        Assert.Equal(Format(expected), Links(d));
        output.WriteLine($"no counterpart for Japanese sentence {original[o].Source[0]}: {expected[o]} {expected[o + 1]}: ok");
        Assert.Equal(3L, Js(d, "return taiyaku.corrections();")); // move, move back, no counterpart (merge and split were undone)

        // Export through the page's own buttons: a download of exactly these links, which the links reader accepts,
        // and the sentences they count, one a line.
        string file = Download(d, downloads, "export-links", "cable-1468.gold");
        string ja = Download(d, downloads, "export-ja", "cable-1468.ja"), en = Download(d, downloads, "export-en", "cable-1468.en");
        string exported = File.ReadAllText(file, Encoding.UTF8);
        Assert.Equal(Format(expected), exported);
        Assert.Equal(expected, VecalignLinks.Read(new StringReader(exported), file));
        output.WriteLine($"exported {expected.Count} links through the download button: identical to the corrections");
        Assert.Equal(expected.Sum(l => l.Source.Count), File.ReadAllLines(ja).Length);
        Assert.Equal(expected.Sum(l => l.Target.Count), File.ReadAllLines(en).Length);

        // The loop closes: fit learns from the corrected folder and eval scores against it.
        var fit = ToolProcess.Run("fit", "--corpus", downloads, "--out", Path.Combine(dir.Path, "params.json"));
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        var eval = ToolProcess.Run("eval", "--corpus", downloads, "--params", Path.Combine(dir.Path, "params.json"));
        Assert.True(eval.ExitCode == 0, eval.StdErr);
        output.WriteLine($"fit --dir on the corrections: ok; eval --corpus on them: {eval.StdOut.Split('\n')[0]}");

        // TMX export parses as XML and has a unit per row.
        var tmx = System.Xml.Linq.XDocument.Parse((string)Js(d, "return taiyaku.tmx();")!);
        Assert.Equal((long)tmx.Descendants("tu").Count(), Js(d, "return taiyaku.rows();"));
    }

    private static string Download(IWebDriver d, string folder, string button, string name)
    {
        d.FindElement(By.Id(button)).Click();
        string file = Path.Combine(folder, name);
        for (int wait = 0; wait < 100 && !File.Exists(file); wait++) Thread.Sleep(100);
        Assert.True(File.Exists(file), $"the {button} button downloads {name}");
        Thread.Sleep(200);
        return file;
    }

    [SkippableFact]
    public void Filter_and_search_narrow_the_rows()
    {
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "cable.html");
        Assert.Equal(0, ToolProcess.Run("align", "--bilingual", Cable, "--quiet", "--format", "html", "--out", page).ExitCode);
        using var d = Start(dir.Path);
        d.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        long all = (long)Js(d, "return taiyaku.visible();")!;
        var below = d.FindElement(By.Id("below"));
        below.Clear();
        below.SendKeys("0.5");
        long low = (long)Js(d, "return taiyaku.visible();")!;
        Assert.True(low < all, $"{low} rows below 0.5 of {all}");
        Assert.Equal(low, d.FindElements(By.CssSelector("#rows tr")).Count);
        below.Clear();
        below.SendKeys("1.01");
        d.FindElement(By.Id("search")).SendKeys("Hosokawa");
        long found = (long)Js(d, "return taiyaku.visible();")!;
        Assert.InRange(found, 1, all - 1);
        Assert.All(d.FindElements(By.CssSelector("#rows tr")), tr => Assert.Contains("Hosokawa", tr.Text, StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"rows: {all}; scored below 0.5: {low}; containing 'Hosokawa': {found}");
    }

    [SkippableFact]
    public void Hostile_text_is_shown_as_text_and_never_runs()
    {
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "hostile.html");
        string[] hostile =
        [
            "</script><script>window.pwned = 1</script>",
            "<img src=x onerror=\"window.pwned = 2\">",
            "<!--<script>window.pwned = 3</script>-->",
            "\u202Eright-to-left \u05E9\u05DC\u05D5\u05DD\u2028next\u0007",
        ];
        string[] en = ["One.", "Two.", "Three.", "Four."];
        var items = hostile.Select((h, i) => new AlignedText(new IndexLink([i], [i]), h, en[i], 0.1) { Score = 0.5 }).ToList();
        items.Add(AlignedText.Unaligned(AlignedKind.Furniture, AlignmentSide.Target, "<svg onload=\"window.pwned = 4\">", null));
        using (var f = File.Create(page)) ReviewPage.Write(f, ReviewDocument.Create("<b onmouseover=\"window.pwned = 5\">t</b>", items, hostile, en));
        using var d = Start(dir.Path);
        d.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.Equal(5, d.FindElements(By.CssSelector("#rows tr")).Count);
        Assert.Null(Js(d, "return window.pwned === undefined ? null : window.pwned;"));
        Assert.Empty(d.FindElements(By.CssSelector("#rows img, #rows script, #rows svg, #rows b, h1 b")));
        // Each text is on the page exactly as it went in (textContent of the sentence, without its index label).
        for (int i = 0; i < hostile.Length; i++)
            Assert.Equal(hostile[i], Js(d, $"var s = document.querySelector(\"#rows span.s[data-side='s'][data-index='{i}']\"); return s.lastChild.textContent;"));
        Assert.Equal("<svg onload=\"window.pwned = 4\">", Js(d, "return document.querySelector('#rows tr.apart td.en').textContent;"));
        Assert.Equal("Taiyaku review: <b onmouseover=\"window.pwned = 5\">t</b>", d.FindElement(By.Id("title")).Text);
        output.WriteLine("hostile texts shown as text, none ran");
    }

    [SkippableFact]
    public void A_page_of_20000_links_renders_one_page_of_rows_and_pages_on()
    {
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "large.html");
        var ja = Enumerable.Range(0, 20_000).Select(i => $"これは第{i}番目の文であり、京都の寺と祭りについて少し長めに述べている。").ToArray();
        var en = Enumerable.Range(0, 20_000).Select(i => $"This is sentence number {i}, which says a little more about the temples and festivals of Kyoto.").ToArray();
        var items = Enumerable.Range(0, 20_000).Select(i => new AlignedText(new IndexLink([i], [i]), ja[i], en[i], 0.1) { Score = (i % 100) / 100.0 }).ToList();
        using (var f = File.Create(page)) ReviewPage.Write(f, ReviewDocument.Create("large", items, ja, en));
        using var d = Start(dir.Path);
        d.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.Equal(200, d.FindElements(By.CssSelector("#rows tr")).Count);
        var timing = Js(d, "var t = performance.getEntriesByType('navigation')[0]; return [t.domContentLoadedEventEnd, t.loadEventEnd, taiyakuRenderMs];");
        output.WriteLine($"20,000 links: {new FileInfo(page).Length:N0} bytes; DOMContentLoaded, load (ms since navigation), first render (ms): {string.Join(", ", ((IEnumerable<object>)timing!).Select(Convert.ToString))}");
        Key(d, "n");
        Assert.Contains("page 2 of 100", d.FindElement(By.Id("page-info")).Text);
        Assert.Equal(200L, Js(d, "return taiyaku.selected();"));
    }
}
