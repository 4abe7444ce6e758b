using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Taiyaku.Japanese;

namespace Taiyaku.Benchmarks;

/// <summary>
/// This build's analyser against another build of Taiyaku.Japanese in the same run, so that the ratio is measured
/// side by side on a shared, noisy machine: the other build is loaded into its own AssemblyLoadContext from the
/// folder named by TAIYAKU_BASELINE_DIR (a Release build output holding Taiyaku.Japanese.dll and
/// Taiyaku.Japanese.Ipadic.dll), and both write mecab's full output for every Bible line to a null stream, with
/// the same dictionary folder.
/// </summary>
/// <example>
/// git archive efe7325 | tar -x -C /tmp/base/repo, with ../shared beside it; build it in Release, then
/// TAIYAKU_BASELINE_DIR=/tmp/base/repo/src/Taiyaku.Japanese/bin/Release/net10.0 dotnet run -c Release
/// --project benchmarks/Taiyaku.Benchmarks -- --filter '*JapaneseAnalyzerBaseline*'
/// </example>
[MemoryDiagnoser]
public class JapaneseAnalyzerBaselineBenchmarks
{
    private byte[] _text = [];
    private MecabDictionary _dictionary = null!;
    private MecabOutputWriter _writer = null!;
    private IDisposable _baselineDictionary = null!;
    private Func<Stream, Stream, CancellationToken, long> _baselineProcess = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = Environment.GetEnvironmentVariable("TAIYAKU_BASELINE_DIR")
            ?? throw new InvalidOperationException("set TAIYAKU_BASELINE_DIR to the build folder of the baseline Taiyaku.Japanese.dll");
        _text = JapaneseAnalyzerBenchmarks.BibleUtf8();
        _dictionary = MecabDictionary.Open();
        _writer = new MecabOutputWriter(new AnalyzerSession(_dictionary), MecabOutputFormat.Default);

        var context = new BaselineContext(dir);
        Assembly japanese = context.LoadFromAssemblyPath(Path.Combine(dir, "Taiyaku.Japanese.dll"));
        Type Get(string name) => japanese.GetType("Taiyaku.Japanese." + name, throwOnError: true)!;
        Type dictionaryType = Get(nameof(MecabDictionary)), sessionType = Get(nameof(AnalyzerSession)),
            writerType = Get(nameof(MecabOutputWriter)), formatType = Get(nameof(MecabOutputFormat));
        object dictionary = dictionaryType.GetMethod(nameof(MecabDictionary.Open))!.Invoke(null, [_dictionary.DirectoryPath, null])!;
        _baselineDictionary = (IDisposable)dictionary;
        object session = Activator.CreateInstance(sessionType, dictionary)!;
        object writer = writerType.GetConstructor([sessionType, formatType])!.Invoke([session, Enum.ToObject(formatType, 0)]);
        _baselineProcess = writerType.GetMethod(nameof(MecabOutputWriter.Process))!.CreateDelegate<Func<Stream, Stream, CancellationToken, long>>(writer);

        // Both must write the same bytes, or the comparison means nothing.
        var ours = new MemoryStream();
        var theirs = new MemoryStream();
        _writer.Process(new MemoryStream(_text, writable: false), ours);
        _baselineProcess(new MemoryStream(_text, writable: false), theirs, default);
        if (!ours.ToArray().AsSpan().SequenceEqual(theirs.ToArray()))
            throw new InvalidOperationException("the two builds write different output");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _dictionary.Dispose();
        _baselineDictionary.Dispose();
    }

    /// <summary>All Bible lines through the other build's writer (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public long BaselineBuild() => _baselineProcess(new MemoryStream(_text, writable: false), Stream.Null, default);

    /// <summary>All Bible lines through this build's writer.</summary>
    [Benchmark]
    public long ThisBuild() => _writer.Process(new MemoryStream(_text, writable: false), Stream.Null);

    // Loads the baseline's own Taiyaku.Japanese assemblies; everything else (the framework) is shared.
    private sealed class BaselineContext(string dir) : AssemblyLoadContext("taiyaku-baseline")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(dir, name.Name + ".dll");
            return name.Name!.StartsWith("Taiyaku.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
