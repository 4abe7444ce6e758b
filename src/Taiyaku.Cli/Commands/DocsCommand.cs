using System.CommandLine;
using System.Text;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>docs</c> (hidden): writes the Markdown reference of every command into a folder (docs/cli/ in the repository),
/// from the same help the tool prints; a test checks that the committed files are what this writes.
/// </summary>
internal sealed class DocsCommand : CliCommand
{
    public override string Name => "docs";

    public override string Summary => "write the Markdown command reference (docs/cli/)";

    public override string Usage => "taiyaku docs --out DIR";

    public override string About => "Writes README.md and one NAME.md per command into DIR, from the commands' help.";

    public override bool Hidden => true;

    public override void AddOptions(Command command) =>
        command.Options.Add(Opt.Text("out", "DIR", "the folder to write into (docs/cli in the repository)", required: true));

    public override Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string dir = cl.Require("out");
        if (!Directory.Exists(dir)) throw InputException.In(dir, "no such folder");
        foreach (var (name, text) in Pages())
            OutputFile.Write(Path.Combine(dir, name), context.StdOut, [], s => s.Write(Encoding.UTF8.GetBytes(text)));
        return Task.FromResult(ExitCodes.Ok);
    }

    private const string Generated = "<!-- Generated from the tool's help by `scripts/update-cli-docs.sh` (taiyaku docs --out docs/cli); do not edit. -->";

    /// <summary>The files of the reference: name and content.</summary>
    public static IEnumerable<(string Name, string Text)> Pages()
    {
        var visible = Tool.Commands.Where(c => !c.Hidden).ToList();
        var index = new StringBuilder();
        index.Append("# taiyaku command reference\n\n").Append(Generated).Append("\n\n");
        index.Append("| command | what it does |\n| --- | --- |\n");
        foreach (var c in visible) index.Append($"| [`taiyaku {c.Name}`]({c.Name}.md) | {c.Summary} |\n");
        index.Append("\n## taiyaku --help\n\n```text\n").Append(Tool.HelpText(null)).Append("```\n");
        yield return ("README.md", index.ToString());
        foreach (var c in visible)
        {
            var page = new StringBuilder();
            page.Append($"# taiyaku {c.Name}\n\n").Append(Generated).Append("\n\n").Append(c.Summary).Append(".\n\n");
            page.Append("```text\n").Append(Tool.HelpText(c.Name)).Append("```\n\n[All commands](README.md)\n");
            yield return ($"{c.Name}.md", page.ToString());
        }
    }
}
