namespace Taiyaku.Japanese.Ipadic;

/// <summary>
/// The IPADIC 2.7.0 system dictionary compiled at build time (MeCab format, UTF-8) and copied to
/// <c>dic/ipadic/</c> next to the application's assemblies: referencing this package is choosing IPADIC for the
/// analyzer (<see cref="OpenAnalyzer"/>, or <see cref="MorphologicalAnalyzer.Open"/>, which finds it there).
/// </summary>
public static class IpadicDictionary
{
    /// <summary>The IPADIC version, as Debian's mecab-ipadic names it.</summary>
    public const string Version = "2.7.0-20070801";

    /// <summary>
    /// The folder holding <c>sys.dic</c>, <c>unk.dic</c>, <c>char.bin</c>, <c>matrix.bin</c>, <c>dicrc</c> and the
    /// licence notice <c>COPYING</c> (<see cref="DictionaryLocator.BundledDirectory"/>).
    /// </summary>
    public static string DirectoryPath => DictionaryLocator.BundledDirectory;

    /// <summary>Whether the compiled dictionary is present at <see cref="DirectoryPath"/>.</summary>
    public static bool IsAvailable => File.Exists(Path.Combine(DirectoryPath, "sys.dic"));

    /// <summary>An analyzer over this IPADIC (whatever MECABRC says), owning its dictionary: dispose of it.</summary>
    /// <exception cref="DictionaryNotFoundException">The dictionary's files are not beside the application.</exception>
    public static MorphologicalAnalyzer OpenAnalyzer() =>
        IsAvailable ? MorphologicalAnalyzer.Open(DirectoryPath) : throw new DictionaryNotFoundException([$"{DirectoryPath} (bundled IPADIC: no sys.dic in it)"]);
}
