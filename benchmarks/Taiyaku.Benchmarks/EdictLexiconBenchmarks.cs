using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Taiyaku.Edict;

namespace Taiyaku.Benchmarks;

/// <summary>
/// Start-up cost of the EDICT lexicon (issue 16): opening the embedded binary image in place, against parsing the text
/// form into a frozen dictionary as every process did before (that loader is kept below as the baseline), and the
/// cost of a lookup in each.
/// </summary>
[MemoryDiagnoser]
public class EdictLexiconBenchmarks
{
    private static readonly string[] Words = ["山", "行く", "京都", "美しい", "天皇", "神", "寺", "城", "川", "きれい", "カメラ", "する", "ほげ", "創造", "地", "光", "昼", "夜", "水", "天"];
    private byte[] _text = [];
    private FrozenDictionary<string, ReadOnlyCollection<string>> _parsed = null!;
    private EdictLexicon _image = null!;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "src", "Taiyaku.Edict", "edict-lexicon.tsv.gz");
        _text = File.ReadAllBytes(path);
        _parsed = ParseText();
        _image = EdictLexicon.OpenEmbedded();
    }

    /// <summary>Before: gunzip and parse the embedded text into a FrozenDictionary (EdictLexicon.Default up to issue 16).</summary>
    [Benchmark(Baseline = true)]
    public int ParseTextIntoFrozenDictionary() => ParseText().Count;

    /// <summary>Now: EdictLexicon.Default's work, a header check over the embedded image, and the first lookup.</summary>
    [Benchmark]
    public int OpenEmbeddedImageAndLookUpOnce() => EdictLexicon.OpenEmbedded().TryGetTranslations("山", out var w) ? w.Count : 0;

    /// <summary>Twenty lookups (one miss) in the parsed dictionary.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int LookUpInFrozenDictionary()
    {
        int n = 0;
        foreach (string w in Words) if (_parsed.TryGetValue(w, out var list)) n += list.Count;
        return n;
    }

    /// <summary>The same twenty lookups in the image (word lists built on first use and kept).</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int LookUpInImage()
    {
        int n = 0;
        foreach (string w in Words) if (_image.TryGetTranslations(w, out var list)) n += list.Count;
        return n;
    }

    private FrozenDictionary<string, ReadOnlyCollection<string>> ParseText()
    {
        var inflated = new MemoryStream(_text.Length * 4);
        using (var gzip = new GZipStream(new MemoryStream(_text), CompressionMode.Decompress)) gzip.CopyTo(inflated);
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(inflated.GetBuffer(), 0, (int)inflated.Length);
        var map = new Dictionary<string, ReadOnlyCollection<string>>(text.Length / 36, StringComparer.Ordinal);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>(16);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) continue;
            int tab = line.IndexOf('\t');
            words.Clear();
            var rest = line[(tab + 1)..];
            foreach (var range in rest.Split(' '))
            {
                var span = rest[range];
                if (span.IsEmpty) continue;
                if (!lookup.TryGetValue(span, out string? word)) pool[word = span.ToString()] = word;
                if (!words.Contains(word)) words.Add(word);
            }
            string key = line[..tab].ToString();
            map[key] = map.TryGetValue(key, out var earlier)
                ? Array.AsReadOnly(earlier.Concat(words).Distinct(StringComparer.Ordinal).ToArray())
                : Array.AsReadOnly(words.ToArray());
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
