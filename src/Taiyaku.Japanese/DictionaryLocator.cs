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
    /// Returns the dictionary directory: <paramref name="explicitDirectory"/> when given (and only it), else the
    /// <c>dicdir</c> of the file named by <c>MECABRC</c>, else the IPADIC shipped with this library
    /// (package Taiyaku.Japanese.Ipadic), else the <c>dicdir</c> of <c>~/.mecabrc</c>, <c>/etc/mecabrc</c> or
    /// <c>/usr/local/etc/mecabrc</c>, else the first of <see cref="WellKnownDirectories"/> holding a <c>sys.dic</c>.
    /// The shipped dictionary comes before the machine's so that results do not depend on what the OS installed.
    /// </summary>
    /// <exception cref="DictionaryNotFoundException">Nothing usable was found; the message lists what was tried.</exception>
    public static string Locate(string? explicitDirectory = null)
    {
        var tried = new List<string>();
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            if (IsDictionary(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
            tried.Add($"{explicitDirectory} (given explicitly: {Why(explicitDirectory)})");
            throw new DictionaryNotFoundException(tried);
        }
        var rcFiles = new List<(string File, string Source)>();
        string? env = Environment.GetEnvironmentVariable("MECABRC");
        if (!string.IsNullOrEmpty(env)) rcFiles.Add((env, "MECABRC"));
        else tried.Add("MECABRC environment variable (not set)");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home)) rcFiles.Add((Path.Combine(home, ".mecabrc"), "user mecabrc"));
        rcFiles.Add(("/etc/mecabrc", "system mecabrc"));
        rcFiles.Add(("/usr/local/etc/mecabrc", "system mecabrc"));
        bool embeddedTried = false;
        foreach (var (file, source) in rcFiles)
        {
            if (source != "MECABRC" && !embeddedTried)
            {
                embeddedTried = true;
                if (IsDictionary(Ipadic.IpadicDictionary.DirectoryPath)) return Ipadic.IpadicDictionary.DirectoryPath;
                tried.Add($"{Ipadic.IpadicDictionary.DirectoryPath} (shipped IPADIC: {Why(Ipadic.IpadicDictionary.DirectoryPath)})");
            }
            if (!File.Exists(file)) { tried.Add($"{file} ({source}: no such file)"); continue; }
            string? dicdir;
            try { dicdir = RcFile.Read(file).TryGetValue("dicdir", out var d) ? System.Text.Encoding.UTF8.GetString(d).TrimEnd() : null; }
            catch (DictionaryFormatException e) { tried.Add($"{file} ({source}: {e.Problem})"); continue; }
            if (string.IsNullOrEmpty(dicdir)) { tried.Add($"{file} ({source}: no dicdir)"); continue; }
            // mecab expands $(rcpath) to the rc file's folder.
            dicdir = dicdir.Replace("$(rcpath)", Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", StringComparison.Ordinal);
            if (IsDictionary(dicdir)) return Path.GetFullPath(dicdir);
            tried.Add($"{dicdir} (dicdir of {file}: {Why(dicdir)})");
        }
        foreach (string dir in WellKnownDirectories)
        {
            if (IsDictionary(dir)) return dir;
            tried.Add($"{dir} ({Why(dir)})");
        }
        throw new DictionaryNotFoundException(tried);
    }

    /// <summary>Like <see cref="Locate"/>, but false instead of an exception when nothing usable is found.</summary>
    public static bool TryLocate(string? explicitDirectory, [NotNullWhen(true)] out string? directory)
    {
        try { directory = Locate(explicitDirectory); return true; }
        catch (DictionaryNotFoundException) { directory = null; return false; }
    }

    private static bool IsDictionary(string dir) => File.Exists(Path.Combine(dir, "sys.dic"));

    private static string Why(string dir) => Directory.Exists(dir) ? "no sys.dic in it" : "no such folder";
}
