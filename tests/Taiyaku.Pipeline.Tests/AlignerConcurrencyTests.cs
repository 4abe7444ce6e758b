using System.Diagnostics;
using System.Text;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;
using Taiyaku.Text;
using Taiyaku.Testing;

namespace Taiyaku.Pipeline.Tests;

/// <summary>One aligner shared by 16 threads, and cancellation of long work.</summary>
public class AlignerConcurrencyTests
{
    private static readonly string Ja = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468.ja"));
    private static readonly string En = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468.en"));
    private static readonly string Bilingual = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "cable-1468.txt"));

    private static string Render(DocumentAlignment doc) => string.Join("\n", doc.Pairs.Select(p =>
        $"{p.JapaneseIndex}+{p.Japanese.Count}:{p.EnglishIndex}+{p.English.Count}:{p.Cost:R}:{p.Score:R}:{p.JapaneseText}:{p.EnglishText}"));

    [Fact]
    public void One_aligner_used_by_16_threads_at_once_matches_the_sequential_run()
    {
        var aligner = new DocumentAlignerBuilder().Build();
        // Several inputs, so that threads run different documents at the same time.
        var inputs = new List<(string Ja, string En, bool Bilingual)> { (Ja, En, false), (Bilingual, "", true) };
        var jaLines = Ja.Split('\n');
        var enLines = En.Split('\n');
        for (int k = 1; k <= 6; k++)
            inputs.Add((string.Join("\n", jaLines.Skip(k * 5).Take(20)), string.Join("\n", enLines.Skip(k * 5).Take(22)), false));
        string Run(int i) => Render(inputs[i].Bilingual ? aligner.AlignBilingual(inputs[i].Ja) : aligner.Align(inputs[i].Ja, inputs[i].En));
        var expected = Enumerable.Range(0, inputs.Count).Select(Run).ToArray();

        const int Threads = 16;
        var (results, errors) = Concurrently.Run(Threads, t =>
        {
            var mine = new string[inputs.Count];
            for (int round = 0; round < 3; round++)
                for (int k = 0; k < inputs.Count; k++)
                {
                    int i = (k + t) % inputs.Count;
                    string r = Run(i);
                    if (mine[i] != null && mine[i] != r) throw new InvalidOperationException($"thread {t}: input {i} changed between rounds");
                    mine[i] = r;
                }
            return mine;
        });
        Assert.Empty(errors);
        for (int t = 0; t < Threads; t++)
            Assert.Equal(expected, results[t]);
    }

    [Fact]
    public void A_large_document_is_analysed_in_parallel_into_the_same_anchor_items_as_sentence_by_sentence()
    {
        // Preparation splits a document's sentences into chunks analysed on several threads: 700 sentences a side make
        // three chunks each, every one of which must hold each sentence's own items, in order.
        using var analyzer = Taiyaku.Japanese.MorphologicalAnalyzer.Open();
        var aligner = new DocumentAlignerBuilder().UseAnalyzer(analyzer).UseLexicon(Taiyaku.Edict.EdictLexicon.Default).Build();
        string[] ja = [.. Enumerable.Range(0, 700).Select(i => Ja.Split('\n', StringSplitOptions.RemoveEmptyEntries)[i % 40] + i)];
        string[] en = [.. Enumerable.Range(0, 700).Select(i => En.Split('\n', StringSplitOptions.RemoveEmptyEntries)[(i * 7) % 40] + " " + i)];
        var whole = aligner.Prepare(ja, en);
        static string Items(IEnumerable<AnchorItem> items) => string.Join(" | ", items.Select(x => $"{x.Weight:R} {x.Word} {string.Join(",", x.Keys)}"));
        for (int i = 0; i < ja.Length; i++)
        {
            var alone = aligner.Prepare([ja[i]], [en[i]]);
            Assert.Equal(Items(alone.JapaneseItems![0]), Items(whole.JapaneseItems![i]));
            Assert.Equal(Items(alone.EnglishItems![0]), Items(whole.EnglishItems![i]));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cancellation_stops_a_long_alignment_promptly(bool paragraphs)
    {
        var ja = new StringBuilder();
        var en = new StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            ja.Append($"これは{i}番目の文である。");
            en.Append($"This is English sentence number {i}. ");
            if (paragraphs && i % 10 == 9) { ja.Append("\n\n"); en.Append("\n\n"); }
        }
        var aligner = new DocumentAlignerBuilder().Build();
        string jaText = ja.ToString(), enText = en.ToString();
        // Cancelled at the search's first progress report, not after a delay: a timer's callback can wait on a busy
        // thread pool until the whole alignment is done (seen once with the test projects running side by side).
        using var cts = new CancellationTokenSource();
        var cancelAt = new CancelOnFirstReport(cts);
        Assert.ThrowsAny<OperationCanceledException>(() => aligner.Align(jaText, enText, cancelAt, cts.Token));
        Assert.True(cancelAt.Since < TimeSpan.FromSeconds(3), $"cancelled after {cancelAt.Since}");   // generous: not a speed test

        var sentences = Enumerable.Range(0, 300_000).Select(i => $"Sentence {i} of a long document.").ToArray();
        using var cts2 = new CancellationTokenSource();
        var cancelAt2 = new CancelOnFirstReport(cts2);
        Assert.ThrowsAny<OperationCanceledException>(() => aligner.AlignSentences(sentences, sentences, cancelAt2, cts2.Token));
        Assert.True(cancelAt2.Since < TimeSpan.FromSeconds(3), $"cancelled after {cancelAt2.Since}");   // generous: not a speed test
    }

    /// <summary>Cancels at the first report it receives, and measures the time since.</summary>
    private sealed class CancelOnFirstReport(CancellationTokenSource cts) : IProgress<AlignmentProgress>
    {
        private readonly Stopwatch clock = new();

        public TimeSpan Since => clock.Elapsed;

        public void Report(AlignmentProgress value)
        {
            if (clock.IsRunning) return;
            clock.Start();
            cts.Cancel();
        }
    }
}
