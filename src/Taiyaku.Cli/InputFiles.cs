using Taiyaku.Formats;

namespace Taiyaku.Cli;

/// <summary>Reads the user's files and turns every problem into an <see cref="InputException"/> naming the file.</summary>
internal static class InputFiles
{
    /// <summary>One sentence per line, strict UTF-8; an empty file is an error (nothing to align).</summary>
    public static IReadOnlyList<string> ReadSentences(string path, CancellationToken ct)
    {
        byte[] bytes = ReadBytes(path, ct);
        IReadOnlyList<string> lines;
        try { lines = TextFiles.SplitLines(bytes, path); }
        catch (InvalidDataException e) { throw new InputException(e.Message); }
        if (lines.Count == 0) throw InputException.In(path, "the file is empty: there is no sentence to align");
        return lines;
    }

    /// <summary>A whole raw document, strict UTF-8.</summary>
    public static string ReadDocument(string path, CancellationToken ct)
    {
        byte[] bytes = ReadBytes(path, ct);
        try { return TextFiles.DecodeDocument(bytes, path); }
        catch (InvalidDataException e) { throw new InputException(e.Message); }
    }

    public static IReadOnlyList<IndexLink> ReadLinks(string path)
    {
        if (!File.Exists(path)) throw InputException.In(path, Directory.Exists(path) ? "is a folder, not a file" : "no such file");
        try { return VecalignLinks.ReadFile(path); }
        catch (FormatException e) { throw new InputException(e.Message); }
        catch (System.Text.DecoderFallbackException) { throw InputException.In(path, "the file is not valid UTF-8"); }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }

    public static byte[] ReadBytes(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw InputException.In(path, Directory.Exists(path) ? "is a folder, not a file" : "no such file");
        try { return File.ReadAllBytesAsync(path, ct).GetAwaiter().GetResult(); }
        catch (IOException e) { throw InputException.In(path, e.Message); }
        catch (UnauthorizedAccessException e) { throw InputException.In(path, e.Message); }
    }
}
