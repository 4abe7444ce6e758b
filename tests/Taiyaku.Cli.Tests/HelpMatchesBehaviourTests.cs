using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Taiyaku.Cli.Commands;
using Taiyaku.Evaluation;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// The help is generated from the options; these tests hold it to what the commands do: every default shown is the
/// default used, every documented output column exists, the grids fit documents are the grids it tries, and the
/// parser's conveniences (help, version, suggestions, response files, completion) work as the help says.
/// </summary>
public class HelpMatchesBehaviourTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    private static string CorpusOfCable(TempDir dir)
    {
        string corpus = Path.Combine(dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var ext in new[] { "ja", "en", "gold" })
            File.Copy(Sample(ext), Path.Combine(corpus, "cable." + ext));
        return corpus;
    }

    private static RootCommand Root() => Tool.BuildRoot(new CliContext(Stream.Null, Stream.Null, TextWriter.Null, CancellationToken.None));

    public static TheoryData<string> VisibleCommands() => [.. Tool.Commands.Where(c => !c.Hidden).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(VisibleCommands))]
    public void Help_ends_with_a_line_break_and_help_command_prints_the_same(string command)
    {
        var flag = InProcess.Run(command, "--help");
        var topic = InProcess.Run("help", command);
        Assert.Equal((0, ""), (flag.Code, flag.Err));
        Assert.Equal(flag.Out, topic.Out);
        Assert.StartsWith($"Usage: taiyaku {command}", flag.Out);
        Assert.EndsWith("\n", flag.Out);
        Assert.DoesNotContain("\r", flag.Out, StringComparison.Ordinal);
        // Laid out for a fixed width, whatever the terminal, so that docs/cli/ and every user see the same text.
        Assert.All(flag.Out.Split('\n'), l => Assert.True(l.Length <= HelpWriter.Width, $"longer than {HelpWriter.Width}: {l}"));
        // Every option of the command is listed, with its default when it has one.
        var definition = Root().Subcommands.Single(c => c.Name == command);
        foreach (var o in definition.Options)
        {
            Assert.Contains(o.Name, flag.Out);
            if (o.HasDefaultValue && !HelpWriter.IsFlag(o))
                Assert.Contains($"[default: {HelpWriter.DefaultText(o)}]", Regex.Replace(flag.Out, @"\s+", " "));
        }
    }

    [Fact]
    public void Top_level_help_lists_the_commands_and_ends_with_a_line_break()
    {
        foreach (var args in new[] { new[] { "--help" }, ["help"], ["-h"] })
        {
            var r = InProcess.Run(args);
            Assert.Equal(0, r.Code);
            Assert.StartsWith("Usage: taiyaku <command>", r.Out);
            Assert.EndsWith("\n", r.Out);
            foreach (var c in Tool.Commands) Assert.Equal(!c.Hidden, r.Out.Contains($"  {c.Name} ", StringComparison.Ordinal));
        }
        var none = InProcess.Run();
        Assert.Equal(2, none.Code);
        Assert.Contains("Usage: taiyaku <command>", none.Err);
    }

    [Fact]
    public void Version_is_the_full_informational_version()
    {
        // The version the package is given: VersionPrefix-VersionSuffix of Directory.Build.props.
        string props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string prefix = Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        string suffix = Regex.Match(props, "<VersionSuffix>([^<]*)</VersionSuffix>").Groups[1].Value;
        string expected = suffix.Length > 0 ? $"{prefix}-{suffix}" : prefix;
        foreach (var args in new[] { new[] { "--version" }, ["-v"], ["version"] })
        {
            var r = InProcess.Run(args);
            Assert.Equal((0, expected + "\n", ""), (r.Code, r.Out, r.Err));
        }
        Assert.Contains("--version", InProcess.Run("--help").Out);
    }

    [Theory]
    [InlineData(new[] { "aling", "--src", "a" }, "unknown command 'aling' (did you mean 'align'?)")]
    [InlineData(new[] { "align", "--fromat", "tsv" }, "unknown option '--fromat' (did you mean '--format'?)")]
    [InlineData(new[] { "tokenize", "--lang", "ja", "--dicdri", "x" }, "(did you mean '--dicdir'?)")]
    [InlineData(new[] { "align", "--format", "xml" }, "'xml'")]
    [InlineData(new[] { "align-batch", "--threads", "0" }, "--threads must be a whole number between 1 and 1024 (got '0')")]
    [InlineData(new[] { "align", "--min-score", "1.5" }, "--min-score must be a number between 0 and 1 (got '1.5')")]
    [InlineData(new[] { "help", "aling" }, "'aling'")]
    public void Usage_errors_say_what_is_wrong_and_suggest_the_closest_name(string[] args, string message)
    {
        var r = InProcess.Run(args);
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.Contains(message, r.Err);
        Assert.Contains("--help' for usage.", r.Err);
    }

    // Each command's run with no option that has a default, and then with each such option given its default: the
    // output must not change (a default shown that is not the default used would change it).
    public static TheoryData<string> CommandsWithDefaults() => ["align", "align-batch", "segment", "tokenize", "eval", "fit"];

    [Theory]
    [MemberData(nameof(CommandsWithDefaults))]
    public void Every_default_shown_in_the_help_is_the_default_used(string command)
    {
        using var dir = new TempDir();
        string corpus = CorpusOfCable(dir);
        byte[] stdin = [];
        string[] baseArgs = command switch
        {
            "align" => ["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--quiet"],
            "align-batch" => ["align-batch", "--quiet", "--threads", "1"],
            "segment" => ["segment", "--lang", "ja", "--in", Sample("ja")],
            "tokenize" => ["tokenize", "--lang", "ja"],
            "eval" => ["eval", "--corpus", corpus],
            "fit" => ["fit", "--corpus", corpus, "--quiet", "--out"],
            _ => throw new ArgumentException(command),
        };
        if (command == "align-batch")
            stdin = Encoding.UTF8.GetBytes($"{{\"id\":\"c\",\"src\":{System.Text.Json.JsonSerializer.Serialize(Sample("ja"))},\"tgt\":{System.Text.Json.JsonSerializer.Serialize(Sample("en"))}}}\n");
        if (command == "tokenize") stdin = File.ReadAllBytes(Sample("ja"));

        string Run(params string[] extra)
        {
            string[] args = command == "fit" ? [.. baseArgs, Path.Combine(dir.Path, $"p{Guid.NewGuid():N}.json"), .. extra] : [.. baseArgs, .. extra];
            var r = InProcess.Run(stdin, CancellationToken.None, args);
            Assert.True(r.Code == 0, $"{string.Join(' ', args)}: exit {r.Code}: {r.Err}");
            if (command == "fit") return File.ReadAllText(args[Array.IndexOf(args, "--out") + 1]);
            // eval reports the time it took; everything else must be equal.
            return Regex.Replace(r.Out, @"seconds=\S+", "seconds=");
        }

        string expected = Run();
        var definition = Root().Subcommands.Single(c => c.Name == command);
        int checkedOptions = 0;
        foreach (var o in definition.Options.Where(o => o.HasDefaultValue && !HelpWriter.IsFlag(o)))
        {
            Assert.Equal(expected, Run(o.Name, HelpWriter.DefaultText(o)));
            checkedOptions++;
        }
        Assert.True(checkedOptions > 0, $"{command} has no option with a default");
    }

    [Fact]
    public void Every_tsv_column_the_help_names_is_in_the_output()
    {
        var help = InProcess.Run("align", "--help").Out;
        Assert.Contains($"{AlignCommand.TsvColumns.Length} tab-separated columns: {string.Join(", ", AlignCommand.TsvColumns)}", Regex.Replace(help, @"\s+", " "));
        var r = InProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", "tsv", "--min-score", "0.9", "--quiet");
        Assert.Equal(0, r.Code);
        var rows = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(AlignCommand.TsvColumns.Length, row.Split('\t').Length));
        // The last column is the score of a link, or the kind of an unpaired row, as the help says.
        Assert.All(rows, row =>
        {
            string last = row.Split('\t')[^1];
            Assert.True(last is "furniture" or "metadata" or "low-score" || double.TryParse(last, CultureInfo.InvariantCulture, out _), last);
        });
    }

    [Fact]
    public void Fit_tries_the_grids_its_help_lists_and_reads_the_folder_eval_reads()
    {
        static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        string help = Regex.Replace(InProcess.Run("fit", "--help").Out, @"\s+", " ");
        Assert.Contains($"the value among {List(ParameterFitter.AnchorWeights)} with", help);
        Assert.Contains($"among {List(ParameterFitter.UnmatchedItemCosts)} with", help);

        using var dir = new TempDir();
        string corpus = CorpusOfCable(dir);
        var r = InProcess.Run("fit", "--corpus", corpus, "--out", Path.Combine(dir.Path, "p.json"));
        Assert.Equal(0, r.Code);
        var trials = Regex.Matches(r.Err, @"λ=(\S+) ν=(\S+):").Select(m => (Lambda: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Nu: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(trials);
        Assert.Equal(ParameterFitter.AnchorWeights.Order(), trials.Where(t => t.Nu == 0).Select(t => t.Lambda).Distinct().Order());
        Assert.All(trials, t => Assert.Contains(t.Nu, ParameterFitter.UnmatchedItemCosts));
        // --dir, its old name, still works; eval --corpus reads the same folder.
        Assert.Equal(0, InProcess.Run("fit", "--dir", corpus, "--out", Path.Combine(dir.Path, "q.json"), "--quiet").Code);
        Assert.Equal(0, InProcess.Run("eval", "--corpus", corpus).Code);
    }

    [Fact]
    public void The_dicdir_default_reads_the_same_in_every_command_that_takes_it()
    {
        foreach (var command in new[] { "align", "align-batch", "eval", "fit", "tokenize" })
        {
            var option = Root().Subcommands.Single(c => c.Name == command).Options.Single(o => o.Name == "--dicdir");
            Assert.EndsWith(AlignerSetup.DicdirDefault, option.Description);
        }
    }

    [Fact]
    public void Options_can_come_from_a_response_file()
    {
        using var dir = new TempDir();
        string rsp = dir.File("align.rsp", $"--src {Sample("ja")}\n--tgt {Sample("en")}\n--format tsv --quiet\n");
        var direct = InProcess.Run("align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", "tsv", "--quiet");
        var fromFile = InProcess.Run("align", "@" + rsp);
        Assert.Equal(0, fromFile.Code);
        Assert.Equal(direct.Out, fromFile.Out);
    }

    [Fact]
    public void The_suggest_directive_completes_commands_options_and_values()
    {
        static string[] Suggest(string line) =>
            InProcess.Run($"[suggest:{line.Length}]", line).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("align", Suggest("taiyaku al"));
        Assert.Contains("align-batch", Suggest("taiyaku al"));
        Assert.DoesNotContain("docs", Suggest("taiyaku "));
        Assert.Contains("--format", Suggest("taiyaku align --fo"));
        Assert.Equal(["html", "json", "links", "svg", "tmx", "tsv"], Suggest("taiyaku align --format "));
        Assert.Contains("euc-jp", Suggest("taiyaku segment --encoding "));
    }

    [SkippableFact]
    public void The_bash_completion_script_completes_with_the_tool()
    {
        Skip.IfNot(File.Exists("/bin/bash"), "bash is not installed: the bash completion script is not checked");
        var script = InProcess.Run("completion", "--shell", "bash");
        Assert.Equal(0, script.Code);
        using var dir = new TempDir();
        string file = dir.File("complete.sh", script.Out);
        // The function the user's shell would call on Tab, with the tool as a shell function.
        string test = $$"""
            taiyaku() { {{ToolProcess.ShellCommand}} "$@"; }
            source '{{file}}'
            COMP_LINE='taiyaku align --form'; COMP_POINT=${#COMP_LINE}
            _taiyaku_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var r = ToolProcess.RunSystem("bash", "-c", test + "\n");
        Assert.Equal(0, r.Code);
        var shown = ToolProcess.RunSystem("bash", "-c", test + " >&2\n").Err;
        Assert.Equal("--format", shown);
        // Only the names that start with the word ('eval' also contains "al").
        var commands = ToolProcess.RunSystem("bash", "-c", test.Replace("taiyaku align --form", "taiyaku al", StringComparison.Ordinal) + " >&2\n").Err;
        Assert.Equal("align\nalign-batch", commands);
        foreach (var shell in new[] { "zsh", "pwsh" })
            Assert.Contains("[suggest:", InProcess.Run("completion", "--shell", shell).Out);
    }
}
