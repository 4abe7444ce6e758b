using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Taiyaku.Alignment;

namespace Taiyaku.Benchmarks;

/// <summary>
/// This build's DP core against another build of Taiyaku.Alignment in the same run (so that the ratio is measured
/// side by side on a shared, noisy machine), on <see cref="GaleChurchBenchmarks"/>' synthetic documents: the other
/// build is loaded into its own AssemblyLoadContext from the folder named by TAIYAKU_BASELINE_DIR (a Release build
/// output holding Taiyaku.Alignment.dll). This build runs without and with a progress sink.
/// </summary>
/// <example>
/// git archive 7af1ceb | tar -x -C /tmp/base; dotnet build -c Release /tmp/base/src/Taiyaku.Alignment, then
/// TAIYAKU_BASELINE_DIR=/tmp/base/src/Taiyaku.Alignment/bin/Release/net10.0 dotnet run -c Release
/// --project benchmarks/Taiyaku.Benchmarks -- --filter '*GaleChurchBaseline*' --job short
/// </example>
[MemoryDiagnoser]
public class GaleChurchBaselineBenchmarks
{
    private delegate object AlignLengths(ReadOnlySpan<int> source, ReadOnlySpan<int> target, CancellationToken cancellationToken);

    private int[] source = [];
    private int[] target = [];
    private readonly GaleChurchAligner aligner = new();
    private readonly Recorder progress = new();
    private AlignLengths baseline = null!;

    /// <summary>Sentences per side.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string dir = Environment.GetEnvironmentVariable("TAIYAKU_BASELINE_DIR")
            ?? throw new InvalidOperationException("set TAIYAKU_BASELINE_DIR to the build folder of the baseline Taiyaku.Alignment.dll");
        (source, target) = GaleChurchBenchmarks.Synthetic(Sentences, seed: 1993);
        var context = new BaselineContext(dir);
        Assembly alignment = context.LoadFromAssemblyPath(Path.Combine(dir, "Taiyaku.Alignment.dll"));
        Type alignerType = alignment.GetType("Taiyaku.Alignment.GaleChurchAligner", throwOnError: true)!;
        object other = Activator.CreateInstance(alignerType, [null])!;
        MethodInfo align = alignerType.GetMethod("Align", [typeof(ReadOnlySpan<int>), typeof(ReadOnlySpan<int>), typeof(CancellationToken)])!;
        baseline = align.CreateDelegate<AlignLengths>(other);

        // Both must find the same alignment, or the comparison means nothing.
        object result = baseline(source, target, default);
        double theirs = (double)result.GetType().GetProperty("TotalCost")!.GetValue(result)!;
        if (theirs != aligner.Align(source, target).TotalCost || theirs != aligner.Align(source, target, progress).TotalCost)
            throw new InvalidOperationException("the two builds find different alignments");
    }

    /// <summary>The other build (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public object BaselineBuild() => baseline(source, target, default);

    /// <summary>This build, no progress sink.</summary>
    [Benchmark]
    public double ThisBuild() => aligner.Align(source, target).TotalCost;

    /// <summary>This build, reporting to a sink that keeps the last report.</summary>
    [Benchmark]
    public double ThisBuildWithProgress() => aligner.Align(source, target, progress).TotalCost;

    private sealed class Recorder : IProgress<AlignmentProgress>
    {
        public AlignmentProgress Last;

        public void Report(AlignmentProgress value) => Last = value;
    }

    // Loads the baseline's own Taiyaku assemblies; everything else (the framework) is shared.
    private sealed class BaselineContext(string dir) : AssemblyLoadContext("taiyaku-alignment-baseline")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(dir, name.Name + ".dll");
            return name.Name!.StartsWith("Taiyaku.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
