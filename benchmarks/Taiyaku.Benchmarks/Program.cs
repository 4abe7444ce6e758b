using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Taiyaku.Alignment;
using Taiyaku.Benchmarks;

// Pick benchmarks with --filter, e.g. `dotnet run -c Release --project benchmarks/Taiyaku.Benchmarks -- --filter '*GaleChurch*'`.
// `--one-off N [RUNS]` instead aligns one synthetic N × N pair (the GaleChurchBenchmarks generator) RUNS times (default 1)
// in this process and prints the time of each run and the process's peak working set, for `/usr/bin/time -v`.
if (args.Length > 0 && args[0] == "--one-off")
    return OneOff(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
                  args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
BenchmarkSwitcher.FromAssembly(typeof(GaleChurchBenchmarks).Assembly).Run(args);
return 0;

static int OneOff(int sentences, int runs)
{
    var (source, target) = GaleChurchBenchmarks.Synthetic(sentences, seed: 1993);
    var aligner = new GaleChurchAligner();
    Console.WriteLine($"synthetic: {source.Length} source x {target.Length} target sentences");
    for (int run = 1; run <= runs; run++)
    {
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = aligner.Align(source, target);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(FormattableString.Invariant(
            $"run {run}: {result.Links.Count} links in {clock.Elapsed.TotalSeconds:F3} s, {allocated / 1048576.0:F1} MB managed allocations"));
    }
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine(FormattableString.Invariant($"peak working set: {self.PeakWorkingSet64 / 1048576.0:F1} MB"));
    return 0;
}
