using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// The zsh and PowerShell completion scripts loaded in the real shells, as a user's profile loads them, with taiyaku
/// on the PATH: zsh completes in a terminal (a tmux pane: Tab is pressed and the screen read), PowerShell through
/// TabExpansion2, the function its Tab key calls. Each test skips, saying so, when its shell is missing (.ci/run
/// installs zsh with apt-get and PowerShell as a dotnet tool).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ShellCompletionTests
{
    /// <summary>A folder holding a <c>taiyaku</c> executable that runs the tool under test, for the shell's PATH.</summary>
    private static string ToolOnPath(TempDir dir)
    {
        string bin = Path.Combine(dir.Path, "bin");
        Directory.CreateDirectory(bin);
        string tool = Path.Combine(bin, "taiyaku");
        File.WriteAllText(tool, $"#!/bin/sh\nexec {ToolProcess.ShellCommand} \"$@\"\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    /// <summary>The full path of <paramref name="name"/> on the PATH, or null.</summary>
    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [SkippableFact]
    public void Zsh_completes_commands_and_options_with_the_script()
    {
        Skip.If(OnPath("zsh") is null, "zsh is not installed (.ci/run installs it): the zsh completion script is not run in zsh");
        Skip.If(ToolProcess.RunSystem("tmux", "-V").Code != 0, "tmux is not installed (.ci/run installs it): the zsh completion script is not run in zsh");
        using var dir = new TempDir();
        string script = dir.File("taiyaku.zsh", InProcess.Run("completion", "--shell", "zsh").Out);
        // A bare zsh (no user files) with compinit, as the README says to set it up.
        dir.File(".zshrc", $"""
            PATH='{ToolOnPath(dir)}':$PATH
            PS1='%% '
            bindkey -e
            autoload -Uz compinit && compinit -u -d '{dir.Path}/.zcompdump'
            source '{script}'

            """);
        string socket = "taiyaku-zsh-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, Tmux.Run(socket, "new-session", "-d", "-x", "120", "-y", "20", "-s", "zsh", "env", "TERM=xterm", $"ZDOTDIR={dir.Path}", "zsh", "-i").Code);
        try
        {
            Assert.True(WaitFor(socket, s => Regex.IsMatch(s, @"(?m)^%\s*$"), out string prompt), "no zsh prompt:\n" + prompt);
            // Two candidates: Ctrl-D (list-choices) lists them, Tab completes their common prefix on the line.
            Tmux.Run(socket, "send-keys", "-t", "zsh", "taiyaku al", "C-d");
            bool listed = WaitFor(socket, s => Regex.IsMatch(s, @"(?m)^align\s+align-batch\s*$"), out string screen);
            Console.WriteLine("zsh after 'taiyaku al<Ctrl-D>':\n" + screen.TrimEnd());
            Assert.True(listed, "zsh did not offer align and align-batch (and nothing else):\n" + screen);
            Tmux.Run(socket, "send-keys", "-t", "zsh", "Tab");
            bool prefixed = WaitFor(socket, s => Regex.IsMatch(s, @"(?m)^% taiyaku align\s*$"), out screen);
            Console.WriteLine("zsh after <Tab>:\n" + screen.TrimEnd());
            Assert.True(prefixed, "zsh did not complete the common prefix align:\n" + screen);

            // One candidate: zsh completes it on the line.
            Tmux.Run(socket, "send-keys", "-t", "zsh", "C-u", "clear", "Enter");
            Tmux.Run(socket, "send-keys", "-t", "zsh", "taiyaku align --fo", "Tab");
            bool completed = WaitFor(socket, s => s.Contains("taiyaku align --format", StringComparison.Ordinal), out screen);
            Console.WriteLine("zsh after 'taiyaku align --fo<Tab>':\n" + screen.TrimEnd());
            Assert.True(completed, "zsh did not complete --format:\n" + screen);
        }
        finally
        {
            Tmux.Run(socket, "kill-server");
        }
    }

    /// <summary>Reads the pane every 100 ms for up to 30 s (each Tab runs the tool) until <paramref name="done"/> holds.</summary>
    private static bool WaitFor(string socket, Func<string, bool> done, out string screen)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            screen = Tmux.Run(socket, "capture-pane", "-p", "-t", "zsh").Out;
            if (done(screen)) return true;
            Thread.Sleep(100);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(30));
        return false;
    }

    [SkippableFact]
    public void PowerShell_completes_commands_and_options_with_the_script()
    {
        string? pwsh = OnPath("pwsh");
        Skip.If(pwsh is null, "PowerShell (pwsh) is not on the PATH (.ci/run installs it as a dotnet tool): the PowerShell completion script is not run");
        using var dir = new TempDir();
        string script = dir.File("taiyaku.ps1", InProcess.Run("completion", "--shell", "pwsh").Out);
        // What the Tab key does: TabExpansion2 on the line with the cursor at its end.
        string test = $$"""
            $env:PATH = '{{ToolOnPath(dir)}}' + ':' + $env:PATH
            . '{{script}}'
            foreach ($line in 'taiyaku al', 'taiyaku align --fo') {
                $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
                "$line => " + (($r.CompletionMatches | ForEach-Object { $_.CompletionText }) -join ' ')
            }
            """;
        var psi = new ProcessStartInfo(pwsh!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-Command", test }) psi.ArgumentList.Add(a);
        psi.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Console.WriteLine("pwsh TabExpansion2:\n" + output + err.Result);
        Assert.True(p.ExitCode == 0, err.Result);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("taiyaku al => align align-batch", lines);
        Assert.Contains("taiyaku align --fo => --format", lines);
    }
}
