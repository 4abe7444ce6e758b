using BenchmarkDotNet.Attributes;
using Taiyaku.Cli;
using Taiyaku.Cli.Commands;

namespace Taiyaku.Benchmarks;

/// <summary>
/// <c>taiyaku align-batch</c> in-process on the 13 Bible books of ../shared/corpora/bible-ja-en (18092 Japanese and
/// 16622 English sentences), output discarded: one worker thread (baseline) against two. <see cref="Segmented"/>
/// false treats the same files as raw documents, which adds segmentation; English segmentation (ICU) runs behind one
/// process-wide lock, so that case scales less. Without ../shared, 50 copies of samples/cable-1468.ja/.en are aligned.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BatchBenchmarks
{
    private string folder = "";
    private string manifest = "";

    /// <summary>Whether the manifest says <c>"segmented": true</c> (one sentence per line).</summary>
    [Params(true, false)]
    public bool Segmented { get; set; }

    /// <summary>Writes the manifest into a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("taiyaku-batch-bench-").FullName;
        string? bible = Testing.RepositoryPaths.Shared("corpora/bible-ja-en");
        IEnumerable<(string Id, string Stem)> pairs = bible != null
            ? Directory.GetFiles(bible, "*.ja").Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), f[..^3]))
            : Enumerable.Range(0, 50).Select(k => ($"cable{k}", Path.Combine(Testing.RepositoryPaths.Root, "samples", "cable-1468")));
        if (bible == null) Console.WriteLine("// ../shared/corpora is missing: aligning 50 copies of samples/cable-1468");
        manifest = Path.Combine(folder, "manifest.jsonl");
        File.WriteAllLines(manifest, pairs.Select(p => System.Text.Json.JsonSerializer.Serialize(
            new { id = p.Id, src = p.Stem + ".ja", tgt = p.Stem + ".en", segmented = Segmented })));
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    private int Run(int threads) => new AlignBatchCommand().Run(
        ["--manifest", manifest, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet"],
        new CliContext(Stream.Null, Stream.Null, TextWriter.Null, CancellationToken.None));

    /// <summary>One worker thread.</summary>
    [Benchmark(Baseline = true)]
    public int OneThread() => Run(1);

    /// <summary>Two worker threads sharing one aligner.</summary>
    [Benchmark]
    public int TwoThreads() => Run(2);
}
