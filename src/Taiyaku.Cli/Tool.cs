using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Taiyaku.Cli.Commands;

namespace Taiyaku.Cli;

/// <summary>
/// The tool's entry point: the System.CommandLine tree of the commands, the help generated from their options, usage
/// errors with suggestions (exit 2) and the mapping of failures to exit codes.
/// </summary>
internal static class Tool
{
    public static IReadOnlyList<CliCommand> Commands { get; } =
        [new AlignCommand(), new AlignBatchCommand(), new LearnCommand(), new SegmentCommand(), new EvalCommand(), new FitCommand(), new TokenizeCommand(), new DictCommand(), new CompletionCommand(), new DocsCommand()];

    /// <summary>The tool's version as packed, prerelease label included (e.g. <c>0.1.0-alpha.1</c>), without build metadata.</summary>
    public static string Version => Formats.ProductVersion.Of(typeof(Tool).Assembly);

    public const string ExitCodesNote =
        "Exit codes: 0 ok, 1 input or output error (the message names the file and line, or the output and the\n" +
        "system's reason; a closed stdout too), 2 usage error, 128 + signal when interrupted (130 SIGINT, 143 SIGTERM,\n" +
        "129 SIGHUP; an output file is then left as it was).";

    /// <summary>Runs the tool synchronously (tests, fuzzing, benchmarks).</summary>
    public static int Run(IReadOnlyList<string> args, CliContext context) => RunAsync(args, context).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        // Every write to stdout fails as an output error naming it (a closed pipe: exit 1), never as a crash.
        context = context with { StdOut = new OutputStream(context.StdOut, "<stdout>", leaveOpen: true) };
        string name = args.Count > 0 && Commands.Any(c => c.Name == args[0]) ? $"taiyaku {args[0]}" : "taiyaku";
        try
        {
            // mecab's short options (-Owakati, -F FMT…) are spelled as tokenize's long ones before parsing.
            if (args.Count > 0 && args[0] == "tokenize") args = [args[0], .. TokenizeCommand.ExpandShortOptions(args.Skip(1).ToList())];
            var root = BuildRoot(context);
            var result = root.Parse(args);
            if (result.Errors.Count > 0 && result.Action is ParseErrorAction) return UsageError(result, context.StdErr);
            using var stdout = new StreamWriter(context.StdOut, Formats.TextFiles.StrictUtf8, 1024, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
            var config = new InvocationConfiguration
            {
                Output = stdout,
                Error = context.StdErr,
                // Program.cs handles the signals itself (temporary files removed, 128 + signal at once).
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            };
            return await result.InvokeAsync(config, context.Cancellation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            context.StdErr.WriteLine($"{name}: {e.Message}\nRun '{name} --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            context.StdErr.WriteLine($"{name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException)
        {
            context.StdErr.WriteLine($"{name}: cancelled");
            return 130;
        }
    }

    /// <summary>The command tree; the actions run in <paramref name="context"/>.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Japanese-English sentence alignment.");
        foreach (var o in root.Options.Where(o => o is VersionOption).ToList()) root.Options.Remove(o);
        var version = Opt.Flag("version", "show the version (e.g. 0.1.0-alpha.1) and exit", "-v");
        root.Options.Add(version);
        foreach (var c in Commands)
        {
            var command = c.Build();
            command.SetAction((r, ct) => c.RunAsync(new CommandLine(r), context));
            root.Subcommands.Add(command);
        }
        var topic = new Argument<string?>("command") { Description = "the command to describe", Arity = ArgumentArity.ZeroOrOne };
        topic.AcceptOnlyFromAmong([.. Commands.Where(c => !c.Hidden).Select(c => c.Name)]);
        var help = new Command("help", "show the help of the tool or of one command") { topic };
        help.SetAction(r =>
        {
            string? of = r.GetValue(topic);
            var target = of == null ? (Command)root : root.Subcommands.First(s => s.Name == of);
            Write(target, r.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        root.Subcommands.Add(help);
        var versionCommand = new Command("version", "show the version and exit");
        versionCommand.SetAction(r => { r.InvocationConfiguration.Output.WriteLine(Version); return ExitCodes.Ok; });
        root.Subcommands.Add(versionCommand);
        root.SetAction(r =>
        {
            if (r.GetValue(version))
            {
                r.InvocationConfiguration.Output.WriteLine(Version);
                return ExitCodes.Ok;
            }
            r.InvocationConfiguration.Error.WriteLine("taiyaku: give a command");
            r.InvocationConfiguration.Error.WriteLine();
            Write(root, r.InvocationConfiguration.Error);
            return ExitCodes.Usage;
        });
        foreach (var h in root.Options.OfType<HelpOption>()) h.Action = new HelpAction();
        return root;
    }

    /// <summary>The help of <paramref name="command"/> (null: the tool's) as the tool prints it.</summary>
    public static string HelpText(string? command)
    {
        var root = BuildRoot(new CliContext(Stream.Null, Stream.Null, TextWriter.Null, CancellationToken.None));
        var w = new StringWriter { NewLine = "\n" };
        Write(command == null ? root : root.Subcommands.First(s => s.Name == command), w);
        return w.ToString();
    }

    private static void Write(Command command, TextWriter output) =>
        HelpWriter.Write(command, command is RootCommand ? null : Commands.FirstOrDefault(c => c.Name == command.Name), output);

    /// <summary>--help: the generated help on stdout.</summary>
    private sealed class HelpAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        }
    }

    /// <summary>A usage error: what is wrong, the closest option or command for a typo, and where the help is. Exit 2.</summary>
    private static int UsageError(ParseResult result, TextWriter err)
    {
        var command = result.CommandResult.Command;
        string name = command is RootCommand ? "taiyaku" : $"taiyaku {command.Name}";
        var unmatched = result.UnmatchedTokens;
        foreach (var token in unmatched)
        {
            if (token.StartsWith('-'))
            {
                var options = command.Options.Concat(command is RootCommand ? [] : result.RootCommandResult.Command.Options.Where(o => o.Recursive))
                    .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(a => a.StartsWith("--", StringComparison.Ordinal));
                err.WriteLine($"{name}: unknown option '{token}'{Suggest(token.Split('=')[0], options)}");
            }
            else if (command is RootCommand && token == unmatched[0])
                err.WriteLine($"{name}: unknown command '{token}'{Suggest(token, command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))}");
            else err.WriteLine($"{name}: unexpected argument '{token}'");
        }
        foreach (var e in result.Errors)
        {
            if (unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) continue;
            err.WriteLine($"{name}: {e.Message.Replace("\n\t", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}");
        }
        err.WriteLine($"Run '{name} --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>" (did you mean '--format'?)" for the candidates closest to a mistyped word, or "".</summary>
    internal static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var close = candidates.Distinct()
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3).Select(c => $"'{c.Name}'").ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close)}?)";
    }

    /// <summary>Edit distance with transpositions (a swapped pair of letters, as in 'aling', is one edit).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
