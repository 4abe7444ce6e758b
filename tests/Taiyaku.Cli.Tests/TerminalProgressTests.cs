using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// Progress as a user sees it: the tool runs in a pseudo-terminal (a tmux pane) and the test reads the screen while it
/// works: a live bar redrawn in place, with the rate and the time left, erased at the end; and without a terminal,
/// plain lines, never a bar.
/// </summary>
public class TerminalProgressTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    private static string Manifest(TempDir dir, int pairs) =>
        dir.File("batch.jsonl", string.Concat(Enumerable.Range(1, pairs).Select(i =>
            $"{{\"id\":{i},\"src\":{JsonSerializer.Serialize(Sample("ja"))},\"tgt\":{JsonSerializer.Serialize(Sample("en"))}}}\n")));

    [SkippableFact]
    public void A_terminal_shows_a_live_bar_with_rate_and_time_left_then_the_summary()
    {
        Skip.If(ToolProcess.RunSystem("tmux", "-V").Code != 0, "tmux is not installed (.ci/run installs it): the terminal rendering of progress is not checked");
        using var dir = new TempDir();
        string manifest = Manifest(dir, 40);
        string output = Path.Combine(dir.Path, "out.jsonl");
        var screens = ScreensWhileRunning($"align-batch --manifest '{manifest}' --out '{output}' --threads 1", TimeSpan.FromSeconds(120));
        string final = screens[^1];
        Console.WriteLine("taiyaku align-batch in a 150x12 terminal, screens read while it ran:\n" + string.Join("\n----\n", screens.Select(s => s.TrimEnd())));
        Assert.Contains("EXIT=0", final);
        var bar = new Regex(@"^taiyaku align-batch: aligning \[([#-]{24})\] +(\d+)% (\d+)/40 pairs, ([\d,]+)/s(, (\d+:\d\d) left)?", RegexOptions.Multiline);
        var bars = screens.SelectMany(s => bar.Matches(s)).ToList();
        Assert.True(bars.Count >= 2, "fewer than two bars were seen:\n" + string.Join("\n----\n", screens));
        // The bar moves forward in place: one line, its count rising, the time left given once there is a rate.
        Assert.All(screens, s => Assert.True(bar.Matches(s).Count <= 1, "more than one bar line on the screen:\n" + s));
        var counts = bars.Select(m => int.Parse(m.Groups[3].Value)).ToList();
        Assert.Equal(counts.Order(), counts);
        Assert.True(counts[^1] > counts[0], "the count did not move: " + string.Join(", ", counts));
        Assert.Contains(bars, m => m.Groups[6].Success);
        Assert.All(bars, m => Assert.InRange(m.Groups[1].Value.Count(c => c == '#') - int.Parse(m.Groups[2].Value) * 24 / 100, -1, 1));
        // At the end the bar is erased and the summary stands in its place.
        Assert.DoesNotMatch(bar, final);
        Assert.Matches(@"(?m)^taiyaku align-batch: 40 pairs, 0 failed, \d+ sentences in [\d.]+ s\s*$", final);
        Assert.Equal(40, File.ReadAllLines(output).Length);
    }

    [SkippableFact]
    public void A_terminal_shows_the_stages_of_align_and_messages_never_run_on_from_the_live_line()
    {
        Skip.If(ToolProcess.RunSystem("tmux", "-V").Code != 0, "tmux is not installed (.ci/run installs it): the terminal rendering of progress is not checked");
        using var dir = new TempDir();
        // Over 20,000 sentences, so that align also writes its "read" line while the live line is up, and enough that
        // its searches last long enough to be seen more than once (with 10,560 + 12,000 they took about a second).
        string ja = dir.File("big.ja", string.Concat(Enumerable.Repeat(File.ReadAllText(Sample("ja")), 800)));
        string en = dir.File("big.en", string.Concat(Enumerable.Repeat(File.ReadAllText(Sample("en")), 800)));
        var screens = ScreensWhileRunning($"align --src '{ja}' --tgt '{en}' --segmented --out '{dir.Path}/out.links'", TimeSpan.FromSeconds(180));
        string final = screens[^1];
        Assert.Contains("EXIT=0", final);
        var lines = screens.SelectMany(s => s.Split('\n')).Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^taiyaku align: (analysing|aligning) 52800 \+ 60000 sentences, \d+ s$"));
        // The message stands on a line of its own, and no two messages share one.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^taiyaku: read 52800 \+ 60000 sentences in [\d.]+ s$"));
        Assert.DoesNotContain(lines, l => l.IndexOf("taiyaku", 1, StringComparison.Ordinal) > 0);
        // While aligning: a bar over the rows of each search of the aligner, with the rate and the time left.
        var bars = screens.SelectMany(s => AlignBar.Matches(s)).ToList();
        Console.WriteLine("taiyaku align in a 150x12 terminal, its bars:\n" + string.Join("\n", bars.Select(m => m.Value)));
        Assert.True(bars.Count >= 2, "fewer than two alignment bars were seen:\n" + string.Join("\n----\n", screens));
        Assert.All(screens, s => Assert.True(AlignBar.Matches(s).Count <= 1, "more than one bar line on the screen:\n" + s));
        Assert.All(bars, m => Assert.InRange(m.Groups["bar"].Value.Count(c => c == '#') - int.Parse(m.Groups["percent"].Value) * 24 / 100, -1, 1));
        Assert.All(bars, m => Assert.Contains(Number(m, "total"), new[] { 52801, (52800 + 7) / 8 + 1, ((52800 + 7) / 8 + 7) / 8 + 1 }));
        // Within a search the rows only go forward, and the searches come in order.
        var steps = bars.Select(m => (Search: m.Groups["search"].Success ? int.Parse(m.Groups["search"].Value) : 1, Done: Number(m, "done"))).ToList();
        Assert.Equal(steps.Order(), steps);
        Assert.Contains(bars, m => m.Groups["left"].Success);
        // At the end only the messages and the shell's line are left: the live line is erased.
        Assert.DoesNotContain("taiyaku align:", final);
    }

    /// <summary>The live line of align while it aligns: the search (from the second), the bar, the rows, the rate, the time left.</summary>
    private static readonly Regex AlignBar = new(
        @"^taiyaku align: aligning 52800 \+ 60000 sentences(, search (?<search>\d+))? \[(?<bar>[#-]{24})\] +(?<percent>\d+)% (?<done>[\d,]+)/(?<total>[\d,]+) rows, [\d,]+/s(, (?<left>\d+:\d\d) left)?\s*$",
        RegexOptions.Multiline);

    private static int Number(Match m, string group) =>
        int.Parse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Without_a_terminal_align_writes_plain_lines_with_the_rows_of_each_search_and_quiet_is_silent()
    {
        using var dir = new TempDir();
        string ja = dir.File("big.ja", string.Concat(Enumerable.Repeat(File.ReadAllText(Sample("ja")), 160)));
        string en = dir.File("big.en", string.Concat(Enumerable.Repeat(File.ReadAllText(Sample("en")), 160)));
        // Plain lines every 0.1 s instead of every 15 s, so that a run of seconds shows several.
        var env = new Dictionary<string, string> { [ProgressReporter.IntervalVariable] = "0.1" };
        var plain = ToolProcess.RunWithEnvironment(env, "align", "--src", ja, "--tgt", en, "--segmented");
        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain("\r", plain.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain.StdErr, StringComparison.Ordinal);
        var lines = plain.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine("taiyaku align, stderr not a terminal:\n" + plain.StdErr);
        var rows = new Regex(@"^taiyaku align: aligning 10560 \+ 12000 sentences(, search (?<search>\d+))?: (?<done>[\d,]+)/(?<total>[\d,]+) rows \((?<percent>\d+)%\), [\d,]+ rows/s(, \d+:\d\d left)?, \d+ s$");
        var seen = lines.Select(l => rows.Match(l)).Where(m => m.Success).ToList();
        Assert.True(seen.Count >= 2, "fewer than two plain lines about the rows:\n" + plain.StdErr);
        Assert.All(seen, m => Assert.Contains(Number(m, "total"), new[] { 10561, (10560 + 7) / 8 + 1 }));
        Assert.All(seen, m => Assert.Equal(Number(m, "done") * 100 / Number(m, "total"), int.Parse(m.Groups["percent"].Value), 1.0));
        // Every line is progress, a message or the summary: nothing else on stderr.
        Assert.All(lines, l => Assert.Matches(@"^taiyaku( align)?: ", l));
        var quiet = ToolProcess.RunWithEnvironment(env, "align", "--src", ja, "--tgt", en, "--segmented", "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("taiyaku align:", quiet.StdErr, StringComparison.Ordinal);
        Assert.Equal(plain.StdOut, quiet.StdOut);
    }

    [Fact]
    public void Without_a_terminal_progress_is_plain_lines_and_quiet_is_silent()
    {
        using var dir = new TempDir();
        string manifest = Manifest(dir, 4);
        var plain = ToolProcess.Run("align-batch", "--manifest", manifest, "--threads", "1", "--progress", "2");
        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain("\r", plain.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain.StdErr, StringComparison.Ordinal);
        var lines = plain.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^taiyaku align-batch: 2 pairs \(0 failed\), \d+ sentences, [\d.]+ s$", lines[0]);
        Assert.Matches(@"^taiyaku align-batch: 4 pairs \(0 failed\), \d+ sentences, [\d.]+ s$", lines[1]);
        Assert.Matches(@"^taiyaku align-batch: 4 pairs, 0 failed, \d+ sentences in [\d.]+ s$", lines[2]);
        var quiet = ToolProcess.Run("align-batch", "--manifest", manifest, "--threads", "1", "--progress", "2", "--quiet");
        Assert.Equal((0, ""), (quiet.ExitCode, quiet.StdErr));
        Assert.Equal(plain.StdOut, quiet.StdOut);
    }

    [Fact]
    public void The_plain_line_and_the_live_line_say_the_same()
    {
        var err = new StringWriter();
        using var progress = ProgressReporter.ForWriter(err, "taiyaku fit", live: false, TimeSpan.FromHours(1));
        progress.Stage("trials", 40, "trials");
        progress.Advance(10);
        Assert.Matches(@"^taiyaku fit: trials: 10/40 trials \(25%\), [\d,]+ trials/s(, \d+:\d\d left)?, \d+ s$", progress.Render(live: false));
        Assert.Matches(@"^taiyaku fit: trials \[######------------------\]  25% 10/40 trials, [\d,]+/s(, \d+:\d\d left)?$", progress.Render(live: true));
        progress.Stage("loading the dictionary");
        Assert.Matches(@"^taiyaku fit: loading the dictionary, \d+ s$", progress.Render(live: true));
    }

    /// <summary>
    /// Runs taiyaku with <paramref name="arguments"/> in a detached 150×12 tmux pane and returns every distinct screen
    /// read while it ran (every 100 ms), the last one showing EXIT=&lt;its exit code&gt;.
    /// </summary>
    private static List<string> ScreensWhileRunning(string arguments, TimeSpan limit)
    {
        string socket = "taiyaku-test-" + Guid.NewGuid().ToString("N")[..12];
        string command = $"{ToolProcess.ShellCommand} {arguments}; echo EXIT=$?; sleep 60";
        Assert.Equal(0, Tmux.Run(socket, "new-session", "-d", "-x", "150", "-y", "12", "-s", "progress", "env", "TERM=xterm", "sh", "-c", command).Code);
        var screens = new List<string>();
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                var (code, screen) = Tmux.Run(socket, "capture-pane", "-p", "-t", "progress");
                Assert.Equal(0, code);
                if (screens.Count == 0 || screens[^1] != screen) screens.Add(screen);
                if (screen.Contains("EXIT=", StringComparison.Ordinal)) break;
                Thread.Sleep(100);
            }
        }
        finally
        {
            Tmux.Run(socket, "kill-server");
        }
        return screens;
    }
}
