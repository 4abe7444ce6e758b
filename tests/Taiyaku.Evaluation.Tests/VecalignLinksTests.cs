using Taiyaku.Alignment;
using Taiyaku.Formats;

namespace Taiyaku.Evaluation.Tests;

public class VecalignLinksTests
{
    [Theory]
    [InlineData("[0, 1]:[0]", new[] { 0, 1 }, new[] { 0 })]
    [InlineData("[5]:[]", new[] { 5 }, new int[0])]
    [InlineData("[]:[3, 4, 5]", new int[0], new[] { 3, 4, 5 })]
    [InlineData("  [2,3]:[ 7 ]  ", new[] { 2, 3 }, new[] { 7 })]
    public void Parses_links(string line, int[] source, int[] target)
    {
        Assert.True(VecalignLinks.TryParseLine(line, out var link, out _));
        Assert.Equal(source, link!.Source);
        Assert.Equal(target, link.Target);
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("0:1")]
    [InlineData("[a]:[1]")]
    [InlineData("[-1]:[1]")]
    [InlineData("[1,]:[1]")]
    public void Rejects_malformed_lines(string line)
    {
        Assert.False(VecalignLinks.TryParseLine(line, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Error_names_file_and_line()
    {
        var ex = Assert.Throws<FormatException>(() => VecalignLinks.Read(new StringReader("[0]:[0]\n\n[1]:x\n"), "a.gold"));
        Assert.StartsWith("a.gold:3:", ex.Message);
    }

    [Fact]
    public void Writes_vecalign_notation_from_a_result()
    {
        var result = new AlignmentResult([new Link(0, 2, 0, 1), new Link(2, 1, 1, 0), new Link(3, 0, 1, 1)], 3, 2);
        var w = new StringWriter();
        VecalignLinks.Write(w, VecalignLinks.From(result));
        Assert.Equal("[0, 1]:[0]\n[2]:[]\n[]:[1]\n", w.ToString());
    }

    [Fact]
    public void Round_trips_every_corpus_gold_file()
    {
        // The committed fixtures always; every gold file of ../shared when it is there.
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.gold").ToList();
        string? corpora = ScorerTests.SharedFile("corpora");
        if (corpora != null) files.AddRange(Directory.GetFiles(corpora, "*.gold", SearchOption.AllDirectories));
        foreach (var f in files)
        {
            var links = VecalignLinks.ReadFile(f);
            var w = new StringWriter();
            VecalignLinks.Write(w, links);
            var expected = File.ReadAllLines(f).Where(l => l.Trim().Length > 0).Select(l => l.Trim());
            Assert.Equal(expected, w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public void TryParseLine_tells_the_compiler_which_result_is_set()
    {
        // Compiles without '!' only because of [NotNullWhen] (nullable warnings are errors in this build).
        Assert.True(VecalignLinks.TryParseLine("[0]:[1]", out var link, out _));
        if (VecalignLinks.TryParseLine("[0]:[1]", out link, out _)) { IndexLink set = link; Assert.Equal([1], set.Target); }
        if (!VecalignLinks.TryParseLine("x", out _, out var error)) { string reason = error; Assert.NotEmpty(reason); }
    }
}
