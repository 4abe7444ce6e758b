using System.CommandLine;
using System.CommandLine.Parsing;

namespace Taiyaku.Cli;

/// <summary>
/// The options of one parsed command, read by name (<c>"out"</c> for <c>--out</c>). Parsing, types, choices and
/// defaults are System.CommandLine's; this only gives the commands one way to read them.
/// </summary>
internal sealed class CommandLine(ParseResult result)
{
    /// <summary>The option <c>--name</c> of the command run, or null when it has none.</summary>
    private Option? Find(string name) => result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--" + name);

    /// <summary>True when <c>--name</c> was given on the command line (a default does not count).</summary>
    public bool Given(string name) => Find(name) is { } o && result.GetResult(o) is { Implicit: false };

    /// <summary>The value of <c>--name</c> as given, or null when it was not given (defaults are not looked at).</summary>
    public string? Get(string name) =>
        Find(name) is { } o && result.GetResult(o) is { Implicit: false } r ? (r.Tokens.Count > 0 ? r.Tokens[^1].Value : "") : null;

    /// <summary>The value of <c>--name</c>, given or its documented default (null when it has none).</summary>
    public T? Value<T>(string name) => Find(name) is Option<T> o ? result.GetValue(o) : default;

    /// <summary>The value of a text option, given or its documented default.</summary>
    public string? Value(string name) => Value<string>(name);

    /// <summary>The value of <c>--name</c>; a usage error when absent.</summary>
    public string Require(string name) => Get(name) ?? throw new UsageException($"option --{name} is required");

    /// <summary>True when the flag <c>--name</c> was given.</summary>
    public bool Has(string name) => Find(name) is Option<bool> o && result.GetValue(o);
}

/// <summary>Builds the options of the commands, so that every option states its value's name, default and choices once.</summary>
internal static class Opt
{
    /// <summary>An option taking a text value; <paramref name="defaultValue"/> is shown in the help and is the value used when absent.</summary>
    public static Option<string> Text(string name, string valueName, string description, string? defaultValue = null, string[]? choices = null, bool required = false, params string[] aliases)
    {
        var o = new Option<string>("--" + name, aliases) { HelpName = valueName, Description = description, Required = required };
        if (defaultValue != null) o.DefaultValueFactory = _ => defaultValue;
        if (choices != null)
        {
            o.AcceptOnlyFromAmong(choices);
            o.HelpName = string.Join('|', choices);
        }
        return o;
    }

    /// <summary>An option that takes no value.</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new("--" + name, aliases) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A whole number within bounds; <paramref name="defaultValue"/> (if any) is shown and used.</summary>
    public static Option<int> Integer(string name, string valueName, string description, int min, int max, int? defaultValue = null)
    {
        var o = new Option<int>("--" + name)
        {
            HelpName = valueName,
            Description = description,
            CustomParser = r =>
            {
                string v = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= min && n <= max) return n;
                r.AddError($"--{name} must be a whole number between {min} and {max} (got '{v}')");
                return 0;
            },
        };
        if (defaultValue is { } d) o.DefaultValueFactory = _ => d;
        return o;
    }

    /// <summary>A number within bounds; <paramref name="defaultValue"/> is shown and used.</summary>
    public static Option<double> Number(string name, string valueName, string description, double min, double max, double defaultValue)
    {
        return new Option<double>("--" + name)
        {
            HelpName = valueName,
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                string v = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) && d >= min && d <= max) return d;
                r.AddError($"--{name} must be a number between {min} and {max} (got '{v}')");
                return defaultValue;
            },
        };
    }
}

/// <summary>Where a command reads and writes: the process's streams, or test doubles.</summary>
/// <param name="StdErrIsTerminal">True when stderr is a terminal: progress is then a live bar, else plain lines.</param>
internal sealed record CliContext(Stream StdIn, Stream StdOut, TextWriter StdErr, CancellationToken Cancellation, bool StdErrIsTerminal = false);
