using Taiyaku.Pipeline;

namespace Taiyaku.Cli.Batch;

/// <summary>Reads and writes the translation model files of <c>taiyaku learn</c> (<see cref="TranslationStatistics"/>).</summary>
internal static class ModelFile
{
    /// <summary>Reads a model file; a missing, unreadable, foreign or damaged file is an <see cref="InputException"/> naming it.</summary>
    public static TranslationStatistics Read(string path)
    {
        if (Directory.Exists(path)) throw InputException.In(path, "is a folder, not a translation model file");
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return TranslationStatistics.ReadFrom(fs);
        }
        catch (FileNotFoundException) { throw InputException.In(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw InputException.In(path, "no such file"); }
        catch (InvalidDataException e) { throw InputException.In(path, e.Message); }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }

    /// <summary>
    /// Refuses a model learned with other aligner settings than <paramref name="expected"/> (what <paramref name="whose"/>
    /// aligner uses), naming the file and the first setting that differs.
    /// </summary>
    public static void CheckSettings(string path, string learnedWith, string expected, string whose)
    {
        if (learnedWith == expected) return;
        var a = learnedWith.Split("; ");
        var b = expected.Split("; ");
        int k = 0;
        while (k < Math.Min(a.Length, b.Length) && a[k] == b[k]) k++;
        string got = k < a.Length ? a[k] : "(nothing)", want = k < b.Length ? b[k] : "(nothing)";
        throw InputException.In(path, $"learned with other aligner options than {whose} ({got}, not {want}): learn it again with the same --params, --anchors, --length, --beads, --dicdir and --line-breaks");
    }

    /// <summary>Reads model files to merge; all must be learned with the same aligner settings (the first file's).</summary>
    public static List<TranslationStatistics> ReadAll(IReadOnlyList<string> paths)
    {
        var list = new List<TranslationStatistics>(paths.Count);
        (string Path, string Settings)? first = null;   // the first file that learned anything
        foreach (var path in paths)
        {
            var s = Read(path);
            if (s.Documents > 0)
            {
                if (first is { } f) CheckSettings(path, s.Settings, f.Settings, $"'{f.Path}'");
                else first = (path, s.Settings);
            }
            list.Add(s);
        }
        return list;
    }

    /// <summary>Writes <paramref name="statistics"/> to <paramref name="path"/> whole or not at all (never over an input).</summary>
    public static void Write(string path, Stream stdout, IEnumerable<string?> inputs, TranslationStatistics statistics) =>
        OutputFile.Write(path, stdout, inputs, statistics.WriteTo);
}
