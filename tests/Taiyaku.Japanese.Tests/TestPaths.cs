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
