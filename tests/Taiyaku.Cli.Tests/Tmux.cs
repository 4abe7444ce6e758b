using System.Diagnostics;

namespace Taiyaku.Cli.Tests;

/// <summary>Runs tmux on a server of its own (-L socket), for the tests that read the tool's screen in a pseudo-terminal.</summary>
internal static class Tmux
{
    /// <summary>Runs <c>tmux -L <paramref name="socket"/> <paramref name="args"/></c>; its exit code and stdout.</summary>
    public static (int Code, string Out) Run(string socket, params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(socket);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
