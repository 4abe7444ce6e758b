namespace Taiyaku.Features.Tests;

/// <summary>The committed test data under TestData/ (copied to the output folder).</summary>
internal static class TestData
{
    /// <summary>(kana, English, source) pairs collected from the corpora.</summary>
    public static IReadOnlyList<(string Kana, string English, string Source)> NamePairs { get; } = LoadPairs();

    /// <summary>The 200 most frequent English content words of the corpora, lower case.</summary>
    public static IReadOnlyList<string> CommonWords { get; } = Lines("common-words.txt").ToArray();

    private static IEnumerable<string> Lines(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", name))
            .Where(l => l.Length > 0 && l[0] != '#');

    private static (string, string, string)[] LoadPairs() =>
        Lines("name-pairs.tsv").Select(l => l.Split('\t')).Select(f => (f[0], f[1], f[2])).ToArray();
}
