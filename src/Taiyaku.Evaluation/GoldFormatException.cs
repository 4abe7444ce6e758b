namespace Taiyaku.Evaluation;

/// <summary>A gold file, or a sentence file beside it, that cannot be used; says which file and, where there is one, which line.</summary>
public sealed class GoldFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file at fault.</param>
    /// <param name="line">The 1-based line at fault, or 0 for the file as a whole.</param>
    /// <param name="reason">What is wrong, without the file and line.</param>
    public GoldFormatException(string path, int line, string reason)
        : base(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}")
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }

    /// <summary>The 1-based line at fault, or 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }
}
