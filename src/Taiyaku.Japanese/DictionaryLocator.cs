using System.Diagnostics.CodeAnalysis;

namespace Taiyaku.Japanese;

/// <summary>Finds a MeCab dictionary directory the way users expect: explicit path, mecabrc, usual install places.</summary>
public static class DictionaryLocator
{
    /// <summary>Install locations tried after the mecabrc files, in order.</summary>
    public static IReadOnlyList<string> WellKnownDirectories { get; } =
    [
        "/var/lib/mecab/dic/debian",
        "/var/lib/mecab/dic/ipadic-utf8",
        "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/lib/mecab/dic/ipadic-utf8",
        "/usr/local/lib/mecab/dic/ipadic",
        "/usr/local/lib/mecab/dic/ipadic-utf8",
        "/usr/lib/mecab/dic/ipadic",
        "/usr/lib64/mecab/dic/ipadic",
        "/opt/homebrew/lib/mecab/dic/ipadic",
        "/opt/local/lib/mecab/dic/ipadic-utf8",
    ];

    /// <summary>
    /// Where the <c>Taiyaku.Japanese.Ipadic</c> package puts IPADIC: <c>dic/ipadic</c> beside this assembly, else beside
    /// the application (the first that holds a <c>sys.dic</c>; the first otherwise). Empty of a dictionary unless the
    /// application references that package (or the <c>Taiyaku</c> package, which brings it).
    /// </summary>
    public static string BundledDirectory { get; } = FindBundled();

    /// <summary>
    /// Returns the dictionary directory: <paramref name="explicitDirectory"/> when given (and only it), else the
    /// <c>dicdir</c> of the file named by <c>MECABRC</c>, else the bundled IPADIC (<see cref="BundledDirectory"/>).
    /// With <paramref name="searchSystem"/> (as the <c>taiyaku</c> tool does, like <c>mecab</c>) it then tries the
    /// <c>dicdir</c> of <c>~/.mecabrc</c>, <c>/etc/mecabrc</c> or <c>/usr/local/etc/mecabrc</c>, and the first of
    /// <see cref="WellKnownDirectories"/> holding a <c>sys.dic</c>; without it, a machine's own dictionary is never
    /// picked silently. The bundled dictionary comes before the machine's so that results do not depend on the OS.
    /// </summary>
    /// <exception cref="DictionaryNotFoundException">Nothing usable was found; the message lists what was tried.</exception>
    public static string Locate(string? explicitDirectory = null, bool searchSystem = false)
    {
        var tried = new List<string>();
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            if (IsDictionary(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
            tried.Add($"{explicitDirectory} (given explicitly: {Why(explicitDirectory)})");
            throw new DictionaryNotFoundException(tried);
        }
        string? env = Environment.GetEnvironmentVariable("MECABRC");
        if (!string.IsNullOrEmpty(env))
        {
            if (FromRcFile(env, "MECABRC", tried) is { } d) return d;
        }
        else tried.Add("MECABRC environment variable (not set)");
        if (IsDictionary(BundledDirectory)) return BundledDirectory;
        tried.Add($"{BundledDirectory} (bundled IPADIC: {Why(BundledDirectory)}; reference the Taiyaku.Japanese.Ipadic package)");
        if (!searchSystem)
        {
            tried.Add("the system's mecabrc files and install folders (not searched: pass searchSystem: true, or a folder)");
            throw new DictionaryNotFoundException(tried);
        }
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var rcFiles = new List<(string File, string Source)>();
        if (!string.IsNullOrEmpty(home)) rcFiles.Add((Path.Combine(home, ".mecabrc"), "user mecabrc"));
        rcFiles.Add(("/etc/mecabrc", "system mecabrc"));
        rcFiles.Add(("/usr/local/etc/mecabrc", "system mecabrc"));
        foreach (var (file, source) in rcFiles)
            if (FromRcFile(file, source, tried) is { } d) return d;
        foreach (string dir in WellKnownDirectories)
        {
            if (IsDictionary(dir)) return dir;
            tried.Add($"{dir} ({Why(dir)})");
        }
        throw new DictionaryNotFoundException(tried);
    }

    /// <summary>Like <see cref="Locate"/>, but false instead of an exception when nothing usable is found.</summary>
    public static bool TryLocate(string? explicitDirectory, [NotNullWhen(true)] out string? directory, bool searchSystem = false)
    {
        try { directory = Locate(explicitDirectory, searchSystem); return true; }
        catch (DictionaryNotFoundException) { directory = null; return false; }
    }

    /// <summary>The dicdir a mecabrc names, if it holds a dictionary; what went wrong goes to <paramref name="tried"/>.</summary>
    private static string? FromRcFile(string file, string source, List<string> tried)
    {
        if (!File.Exists(file)) { tried.Add($"{file} ({source}: no such file)"); return null; }
        string? dicdir;
        try { dicdir = RcFile.Read(file).TryGetValue("dicdir", out var d) ? System.Text.Encoding.UTF8.GetString(d).TrimEnd() : null; }
        catch (DictionaryFormatException e) { tried.Add($"{file} ({source}: {e.Problem})"); return null; }
        if (string.IsNullOrEmpty(dicdir)) { tried.Add($"{file} ({source}: no dicdir)"); return null; }
        // mecab expands $(rcpath) to the rc file's folder.
        dicdir = dicdir.Replace("$(rcpath)", Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", StringComparison.Ordinal);
        if (IsDictionary(dicdir)) return Path.GetFullPath(dicdir);
        tried.Add($"{dicdir} (dicdir of {file}: {Why(dicdir)})");
        return null;
    }

    private static string FindBundled()
    {
        // Assembly.Location is empty in single-file apps; AppContext.BaseDirectory covers them.
        var assemblyDir = Path.GetDirectoryName(typeof(DictionaryLocator).Assembly.Location);
        string[] candidates = string.IsNullOrEmpty(assemblyDir)
            ? [Path.Combine(AppContext.BaseDirectory, "dic", "ipadic")]
            : [Path.Combine(assemblyDir, "dic", "ipadic"), Path.Combine(AppContext.BaseDirectory, "dic", "ipadic")];
        return candidates.FirstOrDefault(IsDictionary) ?? candidates[0];
    }

    private static bool IsDictionary(string dir) => File.Exists(Path.Combine(dir, "sys.dic"));

    private static string Why(string dir) => Directory.Exists(dir) ? "no sys.dic in it" : "no such folder";
}
