using Taiyaku.Cli.Commands;

namespace Taiyaku.Cli;

/// <summary>The tool's entry point: picks the subcommand and maps failures to exit codes.</summary>
internal static class Tool
{
    public static IReadOnlyList<ICommand> Commands { get; } = [new AlignCommand(), new AlignBatchCommand(), new SegmentCommand(), new EvalCommand(), new FitCommand(), new TokenizeCommand(), new DictCommand()];

    public static string Overview =>
        "Usage: taiyaku <command> [options]\n\nJapanese-English sentence alignment.\n\nCommands:\n" +
        string.Concat(Commands.Select(c => $"  {c.Name,-12} {c.Summary}\n")) +
        "\nRun 'taiyaku <command> --help' for a command's options.\n" +
        "Exit codes: 0 ok, 1 input or output error (a closed stdout included), 2 usage error,\n" +
        "128 + signal when interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP).\n";

    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        // Every write to stdout fails as an output error naming it (a closed pipe: exit 1), never as a crash.
        context = context with { StdOut = new OutputStream(context.StdOut, "<stdout>", leaveOpen: true) };
        try { return RunCommand(args, context); }
        catch (InputException e)
        {
            context.StdErr.WriteLine($"taiyaku: {e.Message}");
            return ExitCodes.InputError;
        }
    }

    private static int RunCommand(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            using var w = Writer(context.StdOut);
            w.Write(Overview);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }
        if (args[0] == "--version")
        {
            using var w = Writer(context.StdOut);
            w.WriteLine(typeof(Tool).Assembly.GetName().Version?.ToString(3));
            return ExitCodes.Ok;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command == null)
        {
            context.StdErr.WriteLine($"taiyaku: unknown command '{args[0]}'\n\n{Overview}");
            return ExitCodes.Usage;
        }
        try
        {
            var rest = args.Skip(1).ToArray();
            if (rest.Contains("--help") || rest.Contains("-h"))
            {
                using var w = Writer(context.StdOut);
                w.Write(command.Help);
                return ExitCodes.Ok;
            }
            return command.Run(rest, context);
        }
        catch (UsageException e)
        {
            context.StdErr.WriteLine($"taiyaku {command.Name}: {e.Message}\nRun 'taiyaku {command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            context.StdErr.WriteLine($"taiyaku {command.Name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException)
        {
            context.StdErr.WriteLine($"taiyaku {command.Name}: cancelled");
            return 130;
        }
    }

    private static StreamWriter Writer(Stream s) => new(s, Formats.TextFiles.StrictUtf8, 1024, leaveOpen: true) { NewLine = "\n" };
}
