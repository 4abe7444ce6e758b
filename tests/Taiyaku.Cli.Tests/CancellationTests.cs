using System.Diagnostics;
using System.Text;

namespace Taiyaku.Cli.Tests;

/// <summary>Cancellation stops long work promptly and leaves neither the output file nor its temporary file.</summary>
public class CancellationTests
{
    private static (string Ja, string En) Large(TempDir dir)
    {
        var ja = new StringBuilder();
        var en = new StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            ja.Append($"これは{i}番目の文である。");
            en.Append($"This is English sentence number {i}. ");
            if (i % 10 == 9) { ja.Append('\n'); en.Append('\n'); }
        }
        return (dir.File("big.ja", ja.ToString()), dir.File("big.en", en.ToString()));
    }

    [Fact]
    public void Cancelled_align_returns_promptly_with_exit_130_and_no_output_file()
    {
        using var dir = new TempDir();
        var (ja, en) = Large(dir);
        string output = Path.Combine(dir.Path, "out.tmx");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();
        var r = InProcess.Run([], cts.Token, "align", "--src", ja, "--tgt", en, "--format", "tmx", "--out", output);
        // Generous: the uncancelled run takes about a minute; this one also opens the dictionary (not cancellable).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"returned after {clock.Elapsed}");
        Assert.Equal(130, r.Code);
        Assert.Contains("cancelled", r.Err);
        Assert.Equal(["big.en", "big.ja"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Interrupted_process_leaves_no_output_and_no_temporary_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var (ja, en) = Large(dir);
        string output = Path.Combine(dir.Path, "out.json");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "taiyaku.dll"), "align", "--src", ja, "--tgt", en, "--format", "json", "--out", output })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        await Task.Delay(1500);   // started, reading or aligning
        Assert.False(p.HasExited, "the alignment should still be running");
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var clock = Stopwatch.StartNew();
        Assert.True(p.WaitForExit(10_000), "the process did not stop after SIGINT");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopped {clock.Elapsed} after SIGINT");
        Assert.Equal(130, p.ExitCode);
        Assert.Equal(["big.en", "big.ja"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        Assert.Contains("cancelled", await stderr);
    }
}
