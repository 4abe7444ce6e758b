namespace Taiyaku.Cli;

/// <summary>Options of one command, parsed from <c>--name value</c> and <c>--flag</c> arguments.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine() { }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool HelpRequested { get; private set; }

    /// <summary>Parses <paramref name="args"/>; options not in <paramref name="valueOptions"/> or <paramref name="flags"/> are usage errors.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var cl = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a is "--help" or "-h") { cl.HelpRequested = true; continue; }
            if (!a.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unexpected argument '{a}'");
            string name = a[2..];
            string? inline = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { inline = name[(eq + 1)..]; name = name[..eq]; }
            if (flags.Contains(name))
            {
                if (inline != null) throw new UsageException($"option --{name} takes no value");
                cl._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                string value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option --{name} needs a value"));
                if (!cl._values.TryAdd(name, value)) throw new UsageException($"option --{name} given twice");
            }
            else throw new UsageException($"unknown option '--{name}'");
        }
        return cl;
    }

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value of <c>--name</c>; a usage error when absent.</summary>
    public string Require(string name) => Get(name) ?? throw new UsageException($"option --{name} is required");

    /// <summary>True when the flag <c>--name</c> was given.</summary>
    public bool Has(string name) => _flags.Contains(name);

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        string v = Get(name) ?? fallback;
        if (Array.IndexOf(allowed, v) < 0)
            throw new UsageException($"--{name} must be one of {string.Join(", ", allowed)} (got '{v}')");
        return v;
    }

    /// <summary>A number option, within bounds, or <paramref name="fallback"/> when absent.</summary>
    public double Number(string name, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        string? v = Get(name);
        if (v == null) return fallback;
        if (!double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d) || d < min || d > max)
            throw new UsageException($"--{name} must be a number between {min} and {max} (got '{v}')");
        return d;
    }
}

/// <summary>Where a command reads and writes: the process's streams, or test doubles.</summary>
internal sealed record CliContext(Stream StdIn, Stream StdOut, TextWriter StdErr, CancellationToken Cancellation);

/// <summary>One subcommand of the tool.</summary>
internal interface ICommand
{
    /// <summary>The subcommand's name, e.g. <c>align</c>.</summary>
    string Name { get; }

    /// <summary>One line for the tool's overview.</summary>
    string Summary { get; }

    /// <summary>The full <c>--help</c> text.</summary>
    string Help { get; }

    /// <summary>Runs the command; throws <see cref="UsageException"/> or <see cref="InputException"/> for the usual failures.</summary>
    int Run(IReadOnlyList<string> args, CliContext context);
}
