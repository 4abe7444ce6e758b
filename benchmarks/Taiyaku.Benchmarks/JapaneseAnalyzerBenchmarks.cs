using System.Text;
using BenchmarkDotNet.Attributes;
using Taiyaku.Japanese;

namespace Taiyaku.Benchmarks;

/// <summary>
/// The MeCab-compatible analyser on the Japanese Bible text (every bible-ja-en/*.ja line): one thread writing
/// mecab's full output to a null sink, two threads sharing one dictionary, and opening the dictionary.
/// Needs an installed dictionary (apt-get install mecab-ipadic-utf8) and ../shared/corpora.
/// </summary>
[MemoryDiagnoser]
public class JapaneseAnalyzerBenchmarks
{
    private MecabDictionary _dictionary = null!;
    private byte[] _text = [];
    private byte[][] _lines = [];
    private string[] _strings = [];
    private MecabOutputWriter _writer = null!;
    private AnalyzerSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = BibleUtf8();
        _strings = Encoding.UTF8.GetString(_text).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _lines = _strings.Select(Encoding.UTF8.GetBytes).ToArray();
        _dictionary = MecabDictionary.Open();
        _session = new AnalyzerSession(_dictionary);
        _writer = new MecabOutputWriter(_session, MecabOutputFormat.Default);
    }

    [GlobalCleanup]
    public void Cleanup() => _dictionary.Dispose();

    /// <summary>Every bible-ja-en/*.ja file in name order, each ending in a newline.</summary>
    internal static byte[] BibleUtf8()
    {
        string corpora = FindCorpora();
        var files = Directory.GetFiles(Path.Combine(corpora, "bible-ja-en"), "*.ja").Order(StringComparer.Ordinal);
        var all = new MemoryStream();
        foreach (string f in files)
        {
            byte[] b = File.ReadAllBytes(f);
            all.Write(b);
            if (b.Length > 0 && b[^1] != '\n') all.WriteByte((byte)'\n');
        }
        return all.ToArray();
    }

    private static string FindCorpora()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Alignment.sln")))
                return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpora"));
        throw new InvalidOperationException("cannot find the repository root (Alignment.sln)");
    }

    /// <summary>All Bible lines through the mecab-format writer into a null stream (what the CLI does).</summary>
    [Benchmark(Baseline = true)]
    public long BibleFullOutputSingleThread() => _writer.Process(new MemoryStream(_text, writable: false), Stream.Null);

    /// <summary>All Bible lines through a session from UTF-16 strings, touching every token's feature.</summary>
    [Benchmark]
    public long BibleSessionFromStrings()
    {
        long n = 0;
        foreach (string line in _strings)
            foreach (var t in _session.Analyze(line)) n += _session.FeatureUtf8(t).Length;
        return n;
    }

    /// <summary>The Bible lines split between two threads, each with its own session on the shared dictionary.</summary>
    [Benchmark]
    public long BibleTwoThreadsSharedDictionary()
    {
        long total = 0;
        var threads = Enumerable.Range(0, 2).Select(k => new Thread(() =>
        {
            var s = new AnalyzerSession(_dictionary);
            long n = 0;
            for (int i = k; i < _lines.Length; i += 2)
                foreach (var t in s.AnalyzeUtf8(_lines[i])) n += s.FeatureUtf8(t).Length;
            Interlocked.Add(ref total, n);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return total;
    }

    /// <summary>Opening (mapping and validating) the dictionary, then releasing it.</summary>
    [Benchmark]
    public int OpenDictionary()
    {
        using var d = MecabDictionary.Open(_dictionary.DirectoryPath);
        return d.SystemEntryCount;
    }
}
