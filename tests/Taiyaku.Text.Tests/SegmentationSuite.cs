using System.Text;
using Xunit.Abstractions;

namespace Taiyaku.Text.Tests;

/// <summary>
/// The hand-checked segmentation suite (Suite/segmentation-cases.txt): every case must come out of the segmenter as
/// written, and <see cref="Comparison_with_plain_ICU"/> prints the pass counts per category for our segmenter and for
/// plain ICU4N sentence breaking on the same inputs (scripts/segmentation-suite.sh shows that table).
/// </summary>
public class SegmentationSuite(ITestOutputHelper output)
{
    public sealed record Case(string Category, string Language, string Input, string[] Expected, int Line)
    {
        public override string ToString() => $"{Category} (line {Line}): {Input.Replace("\n", "\\n", StringComparison.Ordinal)}";
    }

    private static readonly string[] Categories =
    [
        "abbreviations and initials", "lists", "quotations", "brackets and footnotes", "ellipses", "numbers and decimals",
        "URLs and e-mail addresses", "missing spaces", "full-width and half-width punctuation", "line breaks",
    ];

    public static readonly IReadOnlyList<Case> Cases = Load();

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Case_comes_out_as_written(int index)
    {
        var c = Cases[index];
        Assert.True(c.Expected.SequenceEqual(Ours(c)), $"{c}\nexpected: {string.Join(" ‖ ", c.Expected)}\nactual:   {string.Join(" ‖ ", Ours(c))}");
    }

    [Fact]
    public void Suite_has_at_least_150_cases_in_every_category()
    {
        Assert.True(Cases.Count >= 150, $"{Cases.Count} cases");
        foreach (var category in Categories)
            Assert.True(Cases.Count(c => c.Category == category) >= 10, category);
        Assert.All(Cases, c => Assert.Contains(c.Category, Categories));
    }

    [Fact]
    public void Comparison_with_plain_ICU()
    {
        var table = new StringBuilder();
        table.AppendLine("| category | cases | Taiyaku | plain ICU4N |");
        table.AppendLine("|---|---|---|---|");
        int ours = 0, icu = 0;
        foreach (var category in Categories)
        {
            var cases = Cases.Where(c => c.Category == category).ToList();
            int o = cases.Count(c => c.Expected.SequenceEqual(Ours(c)));
            int p = cases.Count(c => c.Expected.SequenceEqual(PlainIcu(c)));
            ours += o;
            icu += p;
            table.AppendLine($"| {category} | {cases.Count} | {o} | {p} |");
        }
        table.AppendLine($"| **all** | {Cases.Count} | {ours} | {icu} |");
        output.WriteLine(table.ToString());
        foreach (var c in Cases.Where(c => !c.Expected.SequenceEqual(PlainIcu(c))))
            output.WriteLine($"plain ICU4N fails {c}: {string.Join(" ‖ ", PlainIcu(c))}");
        Assert.Equal(Cases.Count, ours);
    }

    private static string[] Ours(Case c)
    {
        var segmenter = new SentenceSegmenter();
        var doc = c.Language == "ja" ? segmenter.SegmentJapanese(c.Input) : segmenter.SegmentEnglish(c.Input);
        return doc.Sentences.Select(s => s.Text).ToArray();
    }

    /// <summary>ICU4N's sentence iterator alone (en@ss=standard, or ja), pieces trimmed, on the raw input.</summary>
    private static string[] PlainIcu(Case c) => EnglishText.PlainIcuSentences(c.Input, c.Language == "ja").ToArray();

    private static List<Case> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Suite", "segmentation-cases.txt");
        var cases = new List<Case>();
        string category = "";
        string? language = null, input = null;
        int at = 0, n = 0;
        var expected = new List<string>();
        foreach (var raw in File.ReadLines(path).Append(""))
        {
            n++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (input != null)
                {
                    if (expected.Count == 0) throw new FormatException($"{path}:{at}: a case without expected sentences");
                    cases.Add(new Case(category, language!, input, expected.ToArray(), at));
                }
                input = null;
                expected.Clear();
                if (line.StartsWith("## ", StringComparison.Ordinal)) category = line[3..].Trim();
                continue;
            }
            if (line.StartsWith("> ", StringComparison.Ordinal)) expected.Add(line[2..]);
            else if (line.Length > 4 && line[2] == ':' && line[3] == ' ' && line[..2] is "en" or "ja")
            {
                language = line[..2];
                input = Unescape(line[4..]);
                at = n;
            }
            else throw new FormatException($"{path}:{n}: cannot read '{line}'");
        }
        return cases;
    }

    private static string Unescape(string s) =>
        s.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal)
            .Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\f", "\f", StringComparison.Ordinal);
}
