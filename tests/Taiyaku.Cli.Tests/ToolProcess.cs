using System.Diagnostics;
using System.Text;

namespace Taiyaku.Cli.Tests;

/// <summary>Runs the built tool as a separate process, the way users and scripts run it.</summary>
internal static class ToolProcess
{
    public sealed record Outcome(int ExitCode, string StdOut, string StdErr);

    public static Outcome Run(params string[] args) => Run(null, args);

    public static Outcome Run(byte[]? stdin, params string[] args) => RunIn(null, stdin, args);

    /// <summary>Runs the tool with <paramref name="folder"/> as its working directory (null: this process's).</summary>
    public static Outcome RunIn(string? folder, byte[]? stdin, params string[] args) => RunWith(folder, stdin, null, args);

    /// <summary>Runs the tool with environment variables set (e.g. the period of plain progress lines).</summary>
    public static Outcome RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => RunWith(null, null, environment, args);

    private static Outcome RunWith(string? folder, byte[]? stdin, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var psi = ToolStartInfo(folder, args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) p.StandardInput.BaseStream.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the tool with stdout and stderr redirected and stdin closed, for tests that signal it or close its pipes.</summary>
    public static Process Start(string? folder, params string[] args)
    {
        var psi = ToolStartInfo(folder, args);
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }

    /// <summary>The tool under test with every stream redirected, in <paramref name="folder"/> (null: this process's).</summary>
    private static ProcessStartInfo ToolStartInfo(string? folder, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "taiyaku.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs a system command (mount, mknod, kill…); its exit code and stderr.</summary>
    public static (int Code, string Err) RunSystem(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, err.Trim());
        }
        catch (System.ComponentModel.Win32Exception e) { return (127, e.Message); }
    }

    /// <summary>The tool's command line for a shell (sh -c), for redirections the test cannot make itself.</summary>
    public static string ShellCommand => $"dotnet '{Path.Combine(AppContext.BaseDirectory, "taiyaku.dll")}'";

    /// <summary>The repository root (the folder holding Alignment.sln).</summary>
    public static string RepoRoot() => Taiyaku.Testing.RepositoryPaths.Root;

    /// <summary>A path under ../shared, or null on a machine without it.</summary>
    public static string? Shared(string relative) => Taiyaku.Testing.RepositoryPaths.Shared(relative);
}
