using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Where the repository, its golden files, the shared corpora and the installed dictionary are.</summary>
internal static class TestPaths
{
    public static string RepoRoot => Taiyaku.Testing.RepositoryPaths.Root;

    public static string Golden => Path.Combine(RepoRoot, "tests", "Taiyaku.Japanese.Tests", "Golden");

    public static string Corpora => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpora"));

    /// <summary>
    /// The dictionary the analyzer finds (the bundled IPADIC unless MECABRC names another). Its absence fails the tests
    /// that need it rather than skipping them: the bundled IPADIC is built with the solution, so a missing one is a bug.
    /// </summary>
    public static string Dictionary => DictionaryLocator.TryLocate(null, out var found) ? found : throw new InvalidOperationException(NoDictionary);

    public const string NoDictionary = "no MeCab dictionary found: the shipped IPADIC (src/Taiyaku.Japanese.Ipadic) was not built";

    public static byte[] ReadGolden(string name)
    {
        string path = Path.Combine(Golden, name);
        if (!name.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Splits input bytes into lines the way mecab reads them (at \n; a last line without \n counts).</summary>
    public static List<string> MecabLines(byte[] input)
    {
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}

/// <summary>One dictionary for the whole test run (opening it is cheap, but sharing it is the intended use).</summary>
public sealed class DictionaryFixture : IDisposable
{
    /// <summary>The shared dictionary (opened on first use; its absence fails the test).</summary>
    public MecabDictionary Dictionary => _dictionary.Value;

    private readonly Lazy<MecabDictionary> _dictionary = new(() => MecabDictionary.Open(TestPaths.Dictionary));

    /// <summary>The dictionary.</summary>
    public MecabDictionary Require() => Dictionary;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_dictionary.IsValueCreated) _dictionary.Value.Dispose();
    }
}

[CollectionDefinition("dictionary")]
public sealed class DictionaryCollection : ICollectionFixture<DictionaryFixture>;
