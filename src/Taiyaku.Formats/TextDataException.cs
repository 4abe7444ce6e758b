namespace Taiyaku.Formats;

/// <summary>
/// Text that cannot be decoded, with where: the file, the 1-based line and the reason, each on its own so that a caller
/// can report them its own way. The message is "file:line: reason". An <see cref="IOException"/>: what was read is unusable.
/// </summary>
public sealed class TextDataException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (as the caller named it).</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="reason">What is wrong, e.g. "invalid UTF-8 at byte offset 12 of the file".</param>
    public TextDataException(string fileName, int line, string reason)
        : base($"{fileName}:{line}: {reason}")
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }
}
