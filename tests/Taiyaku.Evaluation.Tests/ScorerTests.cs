using System.Diagnostics;
using System.Globalization;
using Taiyaku.Evaluation;
using Taiyaku.Formats;

namespace Taiyaku.Evaluation.Tests;

public class ScorerTests
{
    private static IReadOnlyList<IndexLink> Links(string text) =>
        VecalignLinks.Read(new StringReader(text.Replace(";", "\n")), "inline");

    [Fact]
    public void Hand_computed_case()
    {
        // Worked by hand: precision counts all 6 test links, 2 strict hits ([0]:[0], [4]:[]) and 4 lax hits
        // (also [1]:[1] and [3]:[2]); recall judges the 3 two-sided gold links against the 3 two-sided test links:
        // 1 strict hit, 3 lax hits.
        var gold = Links("[0]:[0];[1, 2]:[1];[3]:[2, 3];[4]:[]");
        var test = Links("[0]:[0];[1]:[1];[2]:[];[3]:[2];[]:[3];[4]:[]");
        var counts = AlignmentScorer.Count(gold, test);
        Assert.Equal(new ScoreCounts(2, 4, 6, 1, 3, 3), counts);
        var s = counts.ToScore();
        Assert.Equal(2.0 / 6, s.StrictPrecision, 12);
        Assert.Equal(1.0 / 3, s.StrictRecall, 12);
        Assert.Equal(1.0 / 3, s.StrictF1, 12);
        Assert.Equal(4.0 / 6, s.LaxPrecision, 12);
        Assert.Equal(1.0, s.LaxRecall, 12);
        Assert.Equal(0.8, s.LaxF1, 12);
    }

    [Fact]
    public void Perfect_alignment_scores_one()
    {
        var gold = Links("[0]:[0];[1, 2]:[1];[]:[2]");
        var s = AlignmentScorer.Score(gold, gold);
        Assert.Equal(new AlignmentScore(1, 1, 1, 1, 1, 1), s);
    }

    [Fact]
    public void Links_empty_on_both_sides_are_dropped_and_duplicates_count_once()
    {
        var gold = Links("[0]:[0];[1]:[1]");
        var test = Links("[0]:[0];[0]:[0];[]:[];[1]:[1]");
        Assert.Equal(new ScoreCounts(2, 2, 2, 2, 2, 2), AlignmentScorer.Count(gold, test));
    }

    [Fact]
    public void Nothing_to_score_gives_zeros_not_na_n()
    {
        var s = AlignmentScorer.Score(Links(""), Links(""));
        Assert.Equal(new AlignmentScore(0, 0, 0, 0, 0, 0), s);
    }

    [Fact]
    public void Counts_are_pooled_not_averaged()
    {
        var a = AlignmentScorer.Count(Links("[0]:[0]"), Links("[0]:[0]"));
        var b = AlignmentScorer.Count(Links("[0]:[0];[1]:[1];[2]:[2]"), Links("[0, 1]:[0, 1];[2]:[2]"));
        var pooled = (a + b).ToScore();
        // Pooled strict precision: (1 + 1) / (1 + 2); an average of the two documents would be (1 + 0.5) / 2.
        Assert.Equal(2.0 / 3, pooled.StrictPrecision, 12);
    }

    [Theory]
    [InlineData("FML00002")]
    [InlineData("Jonah")]
    public void Matches_reference_scorer_on_committed_fixtures(string name)
    {
        var gold = VecalignLinks.ReadFile(Fixture(name + ".gold"));
        var test = VecalignLinks.ReadFile(Fixture(name + ".test"));
        Assert.Equal(File.ReadAllText(Fixture(name + ".expected")).Trim(), AlignmentScorer.Score(gold, test).ToString());
    }

    [Fact]
    public void Pooled_fixtures_match_reference_scorer()
    {
        var total = default(ScoreCounts);
        foreach (var name in new[] { "FML00002", "Jonah" })
            total += AlignmentScorer.Count(VecalignLinks.ReadFile(Fixture(name + ".gold")), VecalignLinks.ReadFile(Fixture(name + ".test")));
        Assert.Equal(File.ReadAllText(Fixture("pooled.expected")).Trim(), total.ToScore().ToString());
    }

    [SkippableFact]
    public void Matches_live_reference_scorer_on_random_alignments()
    {
        string? score = SharedFile("tools/score.py");
        Skip.If(score == null, "../shared/tools/score.py not found");
        Skip.If(!CanRun("python3"), "python3 not found");

        var rng = new Random(1234);
        var dir = Directory.CreateTempSubdirectory("taiyaku-score-");
        try
        {
            var args = new List<string> { score! };
            var total = default(ScoreCounts);
            for (int doc = 0; doc < 5; doc++)
            {
                var gold = RandomAlignment(rng, rng.Next(1, 40));
                var test = RandomAlignment(rng, rng.Next(1, 40));
                string g = Path.Combine(dir.FullName, $"{doc}.gold"), t = Path.Combine(dir.FullName, $"{doc}.test");
                File.WriteAllLines(g, gold.Select(l => l.ToString()));
                File.WriteAllLines(t, test.Select(l => l.ToString()));
                args.Add(g);
                args.Add(t);
                total += AlignmentScorer.Count(gold, test);
            }
            Assert.Equal(Run("python3", args).Trim(), total.ToScore().ToString());
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Random monotone links over random sentence counts, with deletions, insertions and n-m links.</summary>
    private static List<IndexLink> RandomAlignment(Random rng, int steps)
    {
        var links = new List<IndexLink>();
        int s = 0, t = 0;
        for (int i = 0; i < steps; i++)
        {
            int ns = rng.Next(0, 3), nt = rng.Next(0, 3);
            if (ns == 0 && nt == 0) ns = 1;
            links.Add(new IndexLink(Enumerable.Range(s, ns), Enumerable.Range(t, nt)));
            s += ns;
            t += nt;
        }
        return links;
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    internal static string? SharedFile(string relative) => Taiyaku.Testing.RepositoryPaths.Shared(relative);

    private static bool CanRun(string exe)
    {
        try { Run(exe, ["--version"]); return true; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static string Run(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
