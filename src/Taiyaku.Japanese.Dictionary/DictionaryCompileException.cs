namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Thrown when dictionary sources are invalid. Names the offending file and, where it applies, the 1-based line.
/// </summary>
public sealed class DictionaryCompileException : Exception
{
    /// <summary>Creates an exception for a problem in <paramref name="fileName"/> at <paramref name="line"/>.</summary>
    /// <param name="fileName">The source file at fault, or <see langword="null"/> when no single file is.</param>
    /// <param name="line">The 1-based line number, or 0 when the problem is not tied to a line.</param>
    /// <param name="reason">What is wrong, without the location.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DictionaryCompileException(string? fileName, int line, string reason, Exception? inner = null)
        : base(Format(fileName, line, reason), inner)
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    /// <summary>The source file at fault, or <see langword="null"/>.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line number in <see cref="FileName"/>, or 0 when the problem is not tied to a line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Format(string? fileName, int line, string reason) =>
        fileName is null ? reason
        : line > 0 ? $"{fileName}:{line}: {reason}"
        : $"{fileName}: {reason}";
}
