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

    /// <summary>Writes <paramref name="statistics"/> to <paramref name="path"/> whole or not at all (never over an input).</summary>
    public static void Write(string path, Stream stdout, IEnumerable<string?> inputs, TranslationStatistics statistics) =>
        OutputFile.Write(path, stdout, inputs, statistics.WriteTo);
}
