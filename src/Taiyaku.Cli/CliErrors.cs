namespace Taiyaku.Cli;

/// <summary>The command line itself is wrong (unknown option, missing value). Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An input file is missing or malformed. Exit code 1. The message names the file and, where known, the line.</summary>
internal class InputException(string message) : Exception(message)
{
    public static InputException At(string file, int line, string problem) => new($"{file}:{line}: {problem}");
    public static InputException In(string file, string problem) => new($"{file}: {problem}");
}

/// <summary>
/// An input of align-batch is the output file: the whole batch stops (exit 1) so that the rename never replaces it.
/// </summary>
internal sealed class OutputIsInputException(string message) : InputException(message);

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int InputError = 1;
    public const int Usage = 2;
}
