using System.Text.RegularExpressions;
using Taiyaku.Cli.Commands;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>docs/cli/ is the tool's help as Markdown; the README's command reference points there and names only real options.</summary>
public class CliDocsTests
{
    private static string Docs => Path.Combine(RepositoryPaths.Root, "docs", "cli");

    [Fact]
    public void Committed_reference_is_what_the_help_generates()
    {
        var pages = DocsCommand.Pages().ToList();
        foreach (var (name, text) in pages)
        {
            string path = Path.Combine(Docs, name);
            Assert.True(File.Exists(path), $"docs/cli/{name} is missing: run scripts/update-cli-docs.sh");
            Assert.True(text == File.ReadAllText(path), $"docs/cli/{name} is stale: run scripts/update-cli-docs.sh");
        }
        var extra = Directory.GetFiles(Docs).Select(Path.GetFileName).Except(pages.Select(p => p.Name)).ToList();
        Assert.True(extra.Count == 0, $"docs/cli/ holds files the generator does not write: {string.Join(", ", extra)}");
    }

    [Fact]
    public void The_generator_writes_the_same_files()
    {
        using var dir = new TempDir();
        var r = InProcess.Run("docs", "--out", dir.Path);
        Assert.Equal((0, ""), (r.Code, r.Err));
        foreach (var (name, text) in DocsCommand.Pages())
            Assert.Equal(text, File.ReadAllText(Path.Combine(dir.Path, name)));
    }

    [Fact]
    public void The_readme_links_the_reference_and_names_only_options_that_exist()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains("docs/cli/README.md", readme);
        int start = readme.IndexOf("\n## Command line", StringComparison.Ordinal);
        int end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        string section = readme[start..end];
        var known = Tool.BuildRoot(new CliContext(Stream.Null, Stream.Null, TextWriter.Null, CancellationToken.None))
            .Subcommands.SelectMany(c => c.Options).Concat(Tool.BuildRoot(new CliContext(Stream.Null, Stream.Null, TextWriter.Null, CancellationToken.None)).Options)
            .SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        var named = Regex.Matches(section, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(named);
        Assert.All(named, o => Assert.True(known.Contains(o), $"the README's command line section names {o}, which no command has"));
        foreach (var c in Tool.Commands.Where(c => !c.Hidden))
            Assert.Contains($"(docs/cli/{c.Name}.md)", section);
    }

    [Fact]
    public void The_readme_json_example_is_the_output()
    {
        // The README shows the start of `taiyaku align --format json` on the bundled cable.
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var block = Regex.Match(readme, "<!-- json example: start -->\n```json\n(.*?)```\n<!-- json example: end -->", RegexOptions.Singleline);
        Assert.True(block.Success, "the README's JSON example markers are missing");
        string sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);
        var r = InProcess.Run("align", "--src", sample("ja"), "--tgt", sample("en"), "--format", "json", "--quiet");
        Assert.Equal(0, r.Code);
        var lines = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, r.Out.Split('\n').Take(lines.Length));
    }
}
