using System.CommandLine;

namespace Taiyaku.Cli;

/// <summary>
/// Writes a command's help: the synopsis and prose of its <see cref="CliCommand"/>, then the options generated from
/// the options themselves (names, value names, choices, descriptions, defaults), so that the help cannot list an
/// option, a choice or a default that the parser does not have.
/// </summary>
internal static class HelpWriter
{
    /// <summary>The width the help is wrapped to, whatever the terminal, so that it reads the same everywhere (and in docs/cli/).</summary>
    public const int Width = 110;

    private const int MaxFirstColumn = 30;

    public static void Write(Command command, CliCommand? about, TextWriter output)
    {
        if (about == null)
        {
            output.WriteLine("Usage: taiyaku <command> [options]");
            output.WriteLine("       taiyaku help <command>");
            output.WriteLine();
            output.WriteLine(command.Description);
            output.WriteLine();
            output.WriteLine("Commands:");
            Columns(output, command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")).ToList());
        }
        else
        {
            var usage = about.Usage.TrimEnd().Split('\n');
            for (int i = 0; i < usage.Length; i++) output.WriteLine((i == 0 ? "Usage: " : "       ") + usage[i].TrimEnd());
            output.WriteLine();
            foreach (var line in about.About.TrimEnd().Split('\n')) output.WriteLine(line.TrimEnd());
        }
        output.WriteLine();
        output.WriteLine("Options:");
        var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden).Distinct().ToList();
        Columns(output, options.Select(o => (Label(o), Describe(o))).ToList());
        string notes = about?.Notes ?? "";
        if (notes.Length > 0)
        {
            output.WriteLine();
            foreach (var line in notes.TrimEnd().Split('\n')) output.WriteLine(line.TrimEnd());
        }
    }

    /// <summary>e.g. <c>-O, --output-format-type TYPE</c>.</summary>
    public static string Label(Option o)
    {
        // Short aliases (-O), then the name, then long aliases kept for older command lines (--dir).
        var names = o.Aliases.Where(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a != "-?")
            .Append(o.Name).Concat(o.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal))).Distinct();
        string label = string.Join(", ", names);
        return IsFlag(o) ? label : $"{label} {o.HelpName ?? o.Name.TrimStart('-').ToUpperInvariant()}";
    }

    /// <summary>An option that takes no value (--quiet, --help).</summary>
    public static bool IsFlag(Option o) => o.Arity.MaximumNumberOfValues == 0;

    /// <summary>The description, then "(required)" or the default the parser uses.</summary>
    public static string Describe(Option o)
    {
        if (o is System.CommandLine.Help.HelpOption) return "show this help";
        string d = o.Description ?? "";
        if (o.Required) d += " (required)";
        else if (o.HasDefaultValue && !IsFlag(o)) d += $" [default: {DefaultText(o)}]";
        return d;
    }

    /// <summary>The default value as written on the command line.</summary>
    public static string DefaultText(Option o) => o.GetDefaultValue() switch
    {
        double x => x.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var v => v?.ToString() ?? "",
    };

    private static void Columns(TextWriter output, IReadOnlyList<(string First, string Second)> rows)
    {
        int first = Math.Min(MaxFirstColumn, rows.Count == 0 ? 0 : rows.Max(r => r.First.Length));
        int indent = 2 + first + 2;
        foreach (var (label, text) in rows)
        {
            var lines = Wrap(text, Width - indent);
            if (label.Length > first)
            {
                output.WriteLine("  " + label);
                foreach (var l in lines) output.WriteLine(new string(' ', indent) + l);
                continue;
            }
            for (int i = 0; i < lines.Count; i++)
                output.WriteLine((i == 0 ? "  " + label.PadRight(first) + "  " : new string(' ', indent)) + lines[i]);
            if (lines.Count == 0) output.WriteLine("  " + label);
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
