using System.CommandLine;

namespace Taiyaku.Cli;

/// <summary>
/// One subcommand of the tool: its options (from which the help's option list is generated), the help's prose around
/// them, and the work.
/// </summary>
internal abstract class CliCommand
{
    /// <summary>The subcommand's name, e.g. <c>align</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line for the tool's overview.</summary>
    public abstract string Summary { get; }

    /// <summary>The synopsis: one or more lines, each starting with <c>taiyaku NAME</c>.</summary>
    public abstract string Usage { get; }

    /// <summary>What the command does: the help's paragraphs before the options.</summary>
    public abstract string About { get; }

    /// <summary>The help's paragraphs after the options (output, exit codes).</summary>
    public virtual string Notes => "";

    /// <summary>True for commands kept out of the help and the reference (the reference's own generator).</summary>
    public virtual bool Hidden => false;

    /// <summary>Adds the command's options to <paramref name="command"/>.</summary>
    public abstract void AddOptions(Command command);

    /// <summary>Runs the command; throws <see cref="UsageException"/> or <see cref="InputException"/> for the usual failures.</summary>
    public abstract Task<int> RunAsync(CommandLine cl, CliContext context);

    /// <summary>Runs <c>taiyaku NAME args…</c> in process (benchmarks and tests).</summary>
    public int Run(IReadOnlyList<string> args, CliContext context) => Tool.Run([Name, .. args], context);

    /// <summary>The System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command(Name, Summary) { Hidden = Hidden };
        AddOptions(command);
        return command;
    }
}
