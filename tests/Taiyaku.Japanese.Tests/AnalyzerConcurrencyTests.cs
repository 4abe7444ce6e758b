using System.Buffers.Binary;
using Taiyaku.Japanese;
using Taiyaku.Testing;

namespace Taiyaku.Japanese.Tests;

/// <summary>One analyzer shared by 16 threads at once gives what it gives sequentially.</summary>
public sealed class AnalyzerConcurrencyTests
{
    private static string Render(IReadOnlyList<Morpheme> morphemes) =>
        string.Join("\n", morphemes.Select(m => $"{m.Surface}\t{m.Feature}\t{m.Offset}\t{m.Length}\t{m.IsUnknown}"));

    [SkippableFact]
    public void One_analyzer_used_by_16_threads_at_once_matches_the_sequential_run()
    {
        using var analyzer = MorphologicalAnalyzer.Open(TestPaths.Dictionary);
        var lines = TestPaths.MecabLines(TestPaths.ReadGolden("corpus-sample.txt"))
            .Concat(TestPaths.MecabLines(TestPaths.ReadGolden("torture.txt")).Where(l => l.Length < 500).Take(300))
            .Concat(["", " ", "😀絵文字🇯🇵", "\u05E9\u05DC\u05D5\u05DD עברית", "。。。！？", "\0制御\u0001文字"])
            .ToArray();
        string[] expected = lines.Select(l => Render(analyzer.Analyze(l))).ToArray();

        const int Threads = 16;
        var (results, errors) = Concurrently.Run(Threads, t =>
        {
            var rng = new Random(t);
            int[] order = Enumerable.Range(0, lines.Length).OrderBy(_ => rng.Next()).ToArray();
            var mine = new string[lines.Length];
            foreach (int i in order) mine[i] = Render(analyzer.Analyze(lines[i]));
            return mine;
        });
        Assert.Empty(errors);
        for (int t = 0; t < Threads; t++)
            for (int i = 0; i < lines.Length; i++)
                Assert.True(expected[i] == results[t][i], $"thread {t} differs on line {i}: {lines[i]}");
    }
}
