namespace Taiyaku.Japanese.Ipadic;

/// <summary>
/// The IPADIC 2.7.0 system dictionary compiled at build time (MeCab format, UTF-8) and copied to
/// <c>dic/ipadic/</c> next to the application's assemblies.
/// </summary>
public static class IpadicDictionary
{
    /// <summary>The IPADIC version, as Debian's mecab-ipadic names it.</summary>
    public const string Version = "2.7.0-20070801";

    /// <summary>
    /// The folder holding <c>sys.dic</c>, <c>unk.dic</c>, <c>char.bin</c>, <c>matrix.bin</c>, <c>dicrc</c> and the
    /// licence notice <c>COPYING</c>: <c>dic/ipadic</c> beside this assembly, else beside the application.
    /// </summary>
    public static string DirectoryPath { get; } = Locate();

    /// <summary>Whether the compiled dictionary is present at <see cref="DirectoryPath"/>.</summary>
    public static bool IsAvailable => File.Exists(Path.Combine(DirectoryPath, "sys.dic"));

    private static string Locate()
    {
        // Assembly.Location is empty in single-file apps; AppContext.BaseDirectory covers them.
        var assemblyDir = Path.GetDirectoryName(typeof(IpadicDictionary).Assembly.Location);
        string[] candidates = string.IsNullOrEmpty(assemblyDir)
            ? [Path.Combine(AppContext.BaseDirectory, "dic", "ipadic")]
            : [Path.Combine(assemblyDir, "dic", "ipadic"), Path.Combine(AppContext.BaseDirectory, "dic", "ipadic")];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "sys.dic"))) ?? candidates[0];
    }
}
