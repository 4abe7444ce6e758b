using System.Diagnostics;
using Xunit.Abstractions;

namespace Taiyaku.Edict.Tests;

/// <summary>Opening the embedded lexicon: timing (reported, not asserted; see the benchmarks) and concurrent first use.</summary>
public class LoadingTests(ITestOutputHelper output)
{
    [Fact]
    public void Opening_the_embedded_image_is_reported_and_reads_in_place()
    {
        var times = new List<double>();
        EdictLexicon? lexicon = null;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            using var stream = typeof(EdictLexicon).Assembly.GetManifestResourceStream(EdictLexicon.ResourceName)!;
            Assert.IsType<UnmanagedMemoryStream>(stream, exactMatch: false);   // the assembly's own memory: no copy
            var image = LexiconImage.Open(stream);
            Assert.True(image.InPlace, "the embedded image was copied (not 4-byte aligned?)");
            lexicon = EdictLexicon.Default;
            Assert.True(lexicon.InPlace);
            Assert.True(image.Find("山") >= 0);
            times.Add(sw.Elapsed.TotalMilliseconds);
            Assert.Equal(EdictLexicon.Default.Count, image.KeyCount);
        }
        long size = typeof(EdictLexicon).Assembly.GetManifestResourceStream(EdictLexicon.ResourceName)!.Length;
        output.WriteLine($"keys {lexicon!.Count}, image {size} bytes, open + one lookup ms: {string.Join(", ", times.Select(t => t.ToString("F2")))}");
    }

    [Fact]
    public void Sixteen_threads_on_Default_see_one_instance_and_equal_answers()
    {
        string[] words = ["山", "行く", "京都", "美しい", "天皇", "神", "寺", "城", "川", "きれい", "カメラ", "ｶﾒﾗ", "する", "ほげ"];
        const int threads = 16;
        var results = new string[threads][];
        var instances = new EdictLexicon[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            instances[t] = EdictLexicon.Default;
            var answers = new List<string>();
            for (int round = 0; round < 200; round++)
                foreach (string w in words)
                {
                    bool found = instances[t].TryGetTranslations(w, out var list);
                    if (round == 0) answers.Add($"{w}:{found}:{string.Join(' ', list)}");
                }
            results[t] = [.. answers];
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.All(instances, i => Assert.Same(instances[0], i));
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Contains("山:True:mountain", results[0][0]);
    }
}
