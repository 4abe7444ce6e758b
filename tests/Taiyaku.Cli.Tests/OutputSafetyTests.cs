using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// The output module as the process behaves (issue 13, cases 1–5 and 11): an output that is an input, devices, FIFOs,
/// symbolic links, full and read-only file systems, signals and closed pipes. Linux only (they need mknod, mkfifo,
/// mount and kill); a test that cannot set its case up says so as a skip, never as a pass.
/// </summary>
public class OutputSafetyTests
{
    private const string Ja = "京都は日本の古い都である。\n多くの寺がある。\n";
    private const string En = "Kyoto is an old capital of Japan.\nThere are many temples.\n";
    private const string Links = "[0]:[0]\n[1]:[1]\n";

    private static string[] Files(TempDir dir, bool hidden = true) =>
        Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Where(n => hidden || !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToArray()!;

    private static void Linux() => Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (statx, mknod, mkfifo, mount, kill)");

    private static (string Ja, string En) Large(TempDir dir, int n)
    {
        var ja = new StringBuilder();
        var en = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            ja.Append(CultureInfo.InvariantCulture, $"これは{i}番目の文である。\n");
            en.Append(CultureInfo.InvariantCulture, $"This is English sentence number {i}.\n");
        }
        return (dir.File("big.ja", ja.ToString()), dir.File("big.en", en.ToString()));
    }

    // Case 1 ---------------------------------------------------------------------------------------------------------

    [SkippableFact]
    public void Out_naming_an_input_is_refused_and_the_input_kept()
    {
        Linux();
        using var dir = new TempDir();
        string ja = dir.File("same.ja", Ja), en = dir.File("same.en", En);
        var r = ToolProcess.RunIn(dir.Path, null, "align", "--src", "same.ja", "--tgt", "same.en", "--segmented", "--out", "same.ja");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("taiyaku align: same.ja: is also an input (same.ja): refusing to overwrite it; write to another file\n", r.StdErr);
        Assert.Equal(Ja, File.ReadAllText(ja));

        // The same file under another name: a hard link and a path through "..": the device and inode decide.
        Assert.Equal(0, ToolProcess.RunSystem("ln", ja, Path.Combine(dir.Path, "hard.ja")).Code);
        var hard = ToolProcess.RunIn(dir.Path, null, "align", "--src", "same.ja", "--tgt", "same.en", "--segmented", "--out", "hard.ja");
        Assert.Equal(1, hard.ExitCode);
        Assert.Contains("is also an input (same.ja)", hard.StdErr);
        var dots = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tsv", "--out", Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path), "same.en"));
        Assert.Equal(1, dots.ExitCode);
        Assert.Equal(Ja, File.ReadAllText(ja));
        Assert.Equal(En, File.ReadAllText(en));

        var segment = ToolProcess.Run("segment", "--lang", "ja", "--in", ja, "--out", ja);
        Assert.Equal((1, Ja), (segment.ExitCode, File.ReadAllText(ja)));
        Assert.Contains("is also an input", segment.StdErr);

        string csv = dir.File("x.csv", "多々良木蓮太郎,,,3000,名詞,固有名詞,人名,一般,*,*,多々良木蓮太郎,タタラギレンタロウ,タタラギレンタロウ\n");
        string csvText = File.ReadAllText(csv);
        var dict = ToolProcess.Run("dict", "--user", csv, "--out", csv);
        Assert.Equal((1, csvText), (dict.ExitCode, File.ReadAllText(csv)));
        Assert.Contains("is also an input", dict.StdErr);

        string parameters = dir.File("p.json", File.ReadAllText(Path.Combine(ToolProcess.RepoRoot(), "src", "Taiyaku.Pipeline", "DefaultParameters.json")));
        var p = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--params", parameters, "--out", parameters);
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("is also an input", p.StdErr);
        Assert.Equal(["hard.ja", "p.json", "same.en", "same.ja", "x.csv"], Files(dir));
    }

    [Fact]
    public void Align_batch_stops_when_a_manifest_line_reads_the_output_file_and_keeps_it()
    {
        using var dir = new TempDir();
        string ja = dir.File("a.ja", Ja), en = dir.File("a.en", En);
        string manifest = dir.File("m.jsonl", "{\"id\":1,\"ja\":\"一。\",\"en\":\"One.\"}\n{\"id\":2,\"src\":\"a.ja\",\"tgt\":\"a.en\",\"segmented\":true}\n");
        var r = InProcess.Run("align-batch", "--manifest", manifest, "--out", ja, "--anchors", "none", "--quiet");
        Assert.Equal((1, ""), (r.Code, r.Out));
        Assert.Equal($"taiyaku align-batch: {ja}: is the output file ({ja}): refusing to overwrite it; write to another file\n", r.Err);
        Assert.Equal(Ja, File.ReadAllText(ja));
        var m = InProcess.Run("align-batch", "--manifest", manifest, "--out", manifest, "--quiet");
        Assert.Equal(1, m.Code);
        Assert.Contains("is also an input", m.Err);
        Assert.Equal(["a.en", "a.ja", "m.jsonl"], Files(dir));
    }

    // Case 2 ---------------------------------------------------------------------------------------------------------

    [SkippableFact]
    public void Out_to_a_character_device_writes_through_it_and_keeps_the_node()
    {
        Linux();
        using var dir = new TempDir();
        string node = Path.Combine(dir.Path, "mynull");
        var mknod = ToolProcess.RunSystem("mknod", node, "c", "1", "3");
        Skip.If(mknod.Code != 0, $"cannot create a device node (mknod needs root): {mknod.Err}");
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", node);
        Assert.Equal((0, ""), (r.ExitCode, r.StdErr));
        Assert.Equal("c", Stat(node, "%F")[..1]);   // "character special file"
        Assert.Equal(["a.en", "a.ja", "mynull"], Files(dir));
    }

    [SkippableFact]
    public void Out_to_a_fifo_gives_the_reader_the_output_and_keeps_the_fifo()
    {
        Linux();
        using var dir = new TempDir();
        string fifo = Path.Combine(dir.Path, "pipe");
        var mkfifo = ToolProcess.RunSystem("mkfifo", fifo);
        Skip.If(mkfifo.Code != 0, $"mkfifo failed: {mkfifo.Err}");
        var reader = Task.Run(() => File.ReadAllText(fifo));   // blocks until the tool opens the FIFO for writing
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", fifo);
        Assert.Equal((0, ""), (r.ExitCode, r.StdErr));
        Assert.True(reader.Wait(TimeSpan.FromSeconds(30)), "the FIFO's reader got no end of file");
        Assert.Equal(Links, reader.Result);
        Assert.Equal("fifo", Stat(fifo, "%F"));
    }

    [SkippableFact]
    public void Out_through_a_symbolic_link_replaces_the_target_and_keeps_the_link()
    {
        Linux();
        using var dir = new TempDir();
        string target = dir.File("target.txt", "old\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.txt"), "target.txt");
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", Path.Combine(dir.Path, "link.txt"));
        Assert.Equal((0, ""), (r.ExitCode, r.StdErr));
        Assert.Equal(Links, File.ReadAllText(target));
        Assert.Equal("target.txt", new FileInfo(Path.Combine(dir.Path, "link.txt")).LinkTarget);

        File.CreateSymbolicLink(Path.Combine(dir.Path, "dangling.txt"), "/nonexistent/victim");
        var d = ToolProcess.Run("align", "--src", Path.Combine(dir.Path, "a.ja"), "--tgt", Path.Combine(dir.Path, "a.en"), "--segmented", "--out", Path.Combine(dir.Path, "dangling.txt"));
        Assert.Equal(1, d.ExitCode);
        Assert.Contains("is a symbolic link to a missing file", d.StdErr);
        Assert.Equal(["a.en", "a.ja", "dangling.txt", "link.txt", "target.txt"], Files(dir));
    }

    // Case 3 ---------------------------------------------------------------------------------------------------------

    [SkippableFact]
    public void A_symbolic_link_planted_at_the_old_temporary_name_is_not_followed()
    {
        Linux();
        using var dir = new TempDir();
        var (ja, en) = Large(dir, 9_000);   // no progress line on stderr (more than 20,000 sentences)
        string victim = dir.File("victim.txt", "precious\n");
        string output = Path.Combine(dir.Path, "out.tsv");
        using var p = ToolProcess.Start(dir.Path, "align", "--src", ja, "--tgt", en, "--segmented", "--anchors", "none", "--format", "tsv", "--out", output);
        // The attack on the old scheme: .NAME.PID.tmp, known as soon as the process is.
        string planted = Path.Combine(dir.Path, $".out.tsv.{p.Id}.tmp");
        File.CreateSymbolicLink(planted, victim);
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000));
        Assert.Equal((0, ""), (p.ExitCode, stderr.Result.Trim()));
        Assert.Equal("precious\n", File.ReadAllText(victim));
        Assert.Equal(9_000, File.ReadAllLines(output).Length);
        Assert.Equal([$".out.tsv.{p.Id}.tmp", "big.en", "big.ja", "out.tsv", "victim.txt"], Files(dir));
    }

    [Fact]
    public void The_temporary_file_has_an_unpredictable_name_beside_the_output_and_is_created_exclusively()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.tsv");
        var names = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            OutputFile.Write(output, Stream.Null, [], s =>
            {
                names.Add(Assert.Single(Directory.GetFiles(dir.Path, ".out.tsv.*")));
                s.Write("x\n"u8);
            });
        }
        Assert.All(names, n => Assert.Matches(@"/\.out\.tsv\.[0-9a-f]{16}\.tmp$", n));
        Assert.NotEqual(names[0], names[1]);
        Assert.Equal(["out.tsv"], Files(dir));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Out_keeps_the_mode_of_the_file_it_replaces()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        using var dir = new TempDir();
        string output = dir.File("out.tsv", "old\n");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var r = InProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", output);
        Assert.Equal(0, r.Code);
        Assert.Equal(Links, File.ReadAllText(output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.UserExecute);
        InProcess.Run("align", "--src", Path.Combine(dir.Path, "a.ja"), "--tgt", Path.Combine(dir.Path, "a.en"), "--segmented", "--out", output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.UserExecute, File.GetUnixFileMode(output));
    }

    // Case 4 ---------------------------------------------------------------------------------------------------------

    [SkippableFact]
    public void Out_to_a_folder_is_exit_1_with_one_line_naming_it()
    {
        Linux();
        using var dir = new TempDir();
        var r = ToolProcess.RunIn(dir.Path, null, "align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", ".");
        Assert.Equal((1, "taiyaku align: .: cannot write: Is a directory\n"), (r.ExitCode, r.StdErr));
        Assert.Equal(["a.en", "a.ja"], Files(dir));
    }

    [SkippableFact]
    public void A_full_device_is_exit_1_with_the_system_reason()
    {
        Skip.IfNot(File.Exists("/dev/full"), "no /dev/full");
        using var dir = new TempDir();
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", "/dev/full");
        Assert.Equal((1, "taiyaku align: /dev/full: cannot write: No space left on device\n"), (r.ExitCode, r.StdErr));
    }

    /// <summary>A 16 KB tmpfs mounted on a folder of the temporary directory (root only).</summary>
    private sealed class SmallMount : IDisposable
    {
        public string Path { get; }

        public SmallMount(TempDir dir)
        {
            Path = System.IO.Path.Combine(dir.Path, "mnt");
            Directory.CreateDirectory(Path);
            var m = ToolProcess.RunSystem("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", Path);
            Skip.If(m.Code != 0, $"cannot mount a 16 KB tmpfs (needs root or CAP_SYS_ADMIN): {m.Err}");
        }

        public void Dispose() => ToolProcess.RunSystem("umount", Path);
    }

    [SkippableFact]
    public void A_full_file_system_is_exit_1_and_keeps_the_old_file()
    {
        Linux();
        using var dir = new TempDir();
        var (ja, en) = Large(dir, 500);   // about 30 KB of TSV
        using var mount = new SmallMount(dir);
        string output = Path.Combine(mount.Path, "out.tsv");
        File.WriteAllText(output, "old\n");
        var r = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--anchors", "none", "--format", "tsv", "--out", output);
        Assert.Equal((1, $"taiyaku align: {output}: cannot write: No space left on device\n"), (r.ExitCode, r.StdErr));
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(["out.tsv"], Directory.GetFiles(mount.Path).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void A_read_only_file_system_is_exit_1_and_keeps_the_old_file()
    {
        Linux();
        using var dir = new TempDir();
        using var mount = new SmallMount(dir);
        string output = Path.Combine(mount.Path, "out.tsv");
        File.WriteAllText(output, "old\n");
        var ro = ToolProcess.RunSystem("mount", "-o", "remount,ro", mount.Path);
        Skip.If(ro.Code != 0, $"cannot remount read-only: {ro.Err}");
        var r = ToolProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--out", output);
        Assert.Equal((1, $"taiyaku align: {output}: cannot write: Read-only file system\n"), (r.ExitCode, r.StdErr));
        Assert.Equal("old\n", File.ReadAllText(output));
    }

    // Case 5 ---------------------------------------------------------------------------------------------------------

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [SkippableTheory]
    [InlineData("TERM", 15)]
    [InlineData("HUP", 1)]
    [InlineData("INT", 2)]
    public void A_signal_while_writing_removes_the_temporary_file_keeps_the_old_output_and_exits_128_plus_the_signal(string signal, int number)
    {
        Linux();
        using var dir = new TempDir();
        var (ja, en) = Large(dir, 200_000);
        string output = dir.File("out.tmx", "old\n");
        using var p = ToolProcess.Start(dir.Path, "align", "--src", ja, "--tgt", en, "--segmented", "--anchors", "none", "--format", "tmx", "--out", output);
        var stderr = p.StandardError.ReadToEndAsync();
        try { Signal(p, dir, output, stderr, signal, number); }
        finally
        {
            if (!p.HasExited)
            {
                kill(p.Id, 18);
                p.Kill();
            }
        }
    }

    private static void Signal(Process p, TempDir dir, string output, Task<string> stderr, string signal, int number)
    {
        const int SigStop = 19, SigCont = 18;
        // Wait until the temporary file exists: the signal then arrives while the output is written.
        var clock = Stopwatch.StartNew();
        string? temp = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(120) && !p.HasExited)
        {
            temp = Directory.GetFiles(dir.Path, ".out.tmx.*.tmp").FirstOrDefault();
            if (temp != null)
            {
                // Frozen mid-write (SIGSTOP cannot be caught), the signal is queued, then the process goes on: the signal
                // is handled while the temporary file is half written, however fast this machine writes.
                Assert.Equal(0, kill(p.Id, SigStop));
                if (File.Exists(temp)) break;
                Assert.Equal(0, kill(p.Id, SigCont));   // caught it just after the rename: the old output is gone, try
                Assert.Fail("the output was written before the signal could be sent: the input is too small for this machine");
            }
            Thread.Sleep(1);
        }
        if (temp == null) Assert.Fail($"the tool never started writing (exited: {p.HasExited}, {(p.HasExited ? stderr.Result : "")})");
        Assert.Equal(0, kill(p.Id, number));
        Assert.Equal(0, kill(p.Id, SigCont));
        Assert.True(p.WaitForExit(10_000), $"no exit after SIG{signal}");
        Assert.Equal(128 + number, p.ExitCode);
        Assert.Contains($"cancelled (SIG{signal})", stderr.Result);
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(["big.en", "big.ja", "out.tmx"], Files(dir));
    }

    // Case 11 --------------------------------------------------------------------------------------------------------

    [SkippableFact]
    public void A_closed_pipe_stops_align_batch_at_once_with_exit_1()
    {
        Linux();
        using var dir = new TempDir();
        var manifest = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            manifest.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"ja\":\"会議は延期された。\\n二つ目の文。\",\"en\":\"The meeting was postponed.\\nThe second.\"}}\n");
        string path = dir.File("m.jsonl", manifest.ToString());
        using var p = ToolProcess.Start(dir.Path, "align-batch", "--manifest", path, "--threads", "1", "--progress", "1");
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.StartsWith("{\"schema\":\"taiyaku-alignment/2\",\"id\":0,", p.StandardOutput.ReadLine());
        p.StandardOutput.Close();   // `| head -1`
        Assert.True(p.WaitForExit(60_000));
        Assert.Equal(1, p.ExitCode);
        string err = stderr.Result;
        Assert.Contains("taiyaku align-batch: <stdout>: cannot write: Broken pipe", err);
        // Stopped early: far fewer than the 1000 progress lines of a full run.
        int done = err.Split('\n').Count(l => l.StartsWith("taiyaku align-batch: ", StringComparison.Ordinal) && l.Contains(" pairs (", StringComparison.Ordinal));
        Assert.True(done < 500, $"{done} pairs aligned after the pipe closed");
    }

    [SkippableFact]
    public void A_closed_pipe_makes_align_exit_1()
    {
        Linux();
        using var dir = new TempDir();
        var (ja, en) = Large(dir, 20_000);
        var bash = ToolProcess.RunSystem("bash", "-c", $"{ToolProcess.ShellCommand} align --src '{ja}' --tgt '{en}' --segmented --anchors none --format tsv | head -c 10 > /dev/null; exit ${{PIPESTATUS[0]}}");
        Skip.If(bash.Code == 127, "bash is not installed");
        Assert.Equal(1, bash.Code);
        Assert.Contains("taiyaku align: <stdout>: cannot write: Broken pipe", bash.Err);
    }

    private static string Stat(string path, string format)
    {
        var psi = new ProcessStartInfo("stat", ["-c", format, path]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string s = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return s;
    }
}
