using System.Text;
using System.Text.Json;
using Taiyaku.Formats;

namespace Taiyaku.Formats.Tests;

/// <summary>Line separators in TSV, scores at the threshold, non-finite costs in JSON (issue 13).</summary>
public class WriterEscapingTests
{
    private static string Write(IReadOnlyList<AlignedText> items, OutputFormat format)
    {
        var m = new MemoryStream();
        AlignmentWriter.Write(m, items, format);
        return Encoding.UTF8.GetString(m.ToArray());
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    [InlineData('\v')]
    [InlineData('\f')]
    [InlineData('\u001C')]
    [InlineData('\u001E')]
    public void Tsv_turns_every_line_separator_into_a_space(char separator)
    {
        var items = new[] { new AlignedText(new IndexLink([0], [0]), $"一行目{separator}二行目", $"one{separator}two", 0.5) { Score = 0.9 } };
        string tsv = Write(items, OutputFormat.Tsv);
        Assert.DoesNotContain(separator, tsv);
        Assert.Equal("一行目 二行目\tone two\t0.5\t0.9\n", tsv);
        // What Python's str.splitlines and Unicode-aware readers see: one row.
        Assert.Single(tsv.TrimEnd('\n').Split(['\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\u001C', '\u001D', '\u001E']));
    }

    [Theory]
    [InlineData(0.99996, 1.0, false)]   // printed as 1: not low-score at --min-score 1
    [InlineData(0.99994, 1.0, true)]    // printed as 0.9999
    [InlineData(0.49996, 0.5, false)]
    [InlineData(0.4999, 0.5, true)]
    public void Min_score_compares_the_score_as_printed(double score, double minScore, bool low)
    {
        var items = new[] { new AlignedText(new IndexLink([0], [0]), "文。", "A sentence.", 0.5) { Score = score } };
        var filtered = AlignedText.FilterByScore(items, minScore);
        Assert.Equal(low, filtered.Any(i => i.Kind == AlignedKind.LowScore));
        Assert.Equal(low ? 2 : 1, filtered.Count);
    }

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Json_writes_a_non_finite_cost_as_null_and_stays_valid(double cost)
    {
        var items = new[] { new AlignedText(new IndexLink([0], [0]), "文。", "A sentence.", cost) { Score = double.NaN } };
        using var doc = JsonDocument.Parse(Write(items, OutputFormat.Json));
        var link = doc.RootElement.GetProperty("links")[0];
        Assert.Equal(JsonValueKind.Null, link.GetProperty("cost").ValueKind);
        Assert.False(link.TryGetProperty("score", out _));
    }
}
