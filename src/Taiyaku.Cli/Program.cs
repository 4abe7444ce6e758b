using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Taiyaku.Cli;

using var cancel = new CancellationTokenSource();
// SIGINT, SIGTERM (timeout, systemd, Slurm) and SIGHUP: remove the temporary output files and exit with 128 + signal
// at once, without waiting for the work to notice a cancellation.
var signals = new List<PosixSignalRegistration>();
foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1) })
{
    try
    {
        signals.Add(PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
            TemporaryFiles.RemoveAllAndClose();
            try { Console.Error.WriteLine($"taiyaku: cancelled ({signal})"); } catch (IOException) { }
            Environment.Exit(128 + number);
        }));
    }
    catch (PlatformNotSupportedException) { }
}
using var stdin = Console.OpenStandardInput();
using var stdout = OpenStdout();
int code = await Tool.RunAsync(args, new CliContext(stdin, stdout, Console.Error, cancel.Token, StdErrIsTerminal: !Console.IsErrorRedirected));
foreach (var s in signals) s.Dispose();
return code;

// A pipe as a plain file descriptor: the console stream ignores EPIPE, which would let a closed pipe go unnoticed. A
// regular file stays with the console stream, which writes at the shared offset (as `(a; b) > file` needs).
static Stream OpenStdout()
{
    if (OperatingSystem.IsWindows()) return Console.OpenStandardOutput();
    try
    {
        var fs = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 0);
        if (!fs.CanSeek) return fs;
        fs.Dispose();
    }
    catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
    return Console.OpenStandardOutput();
}
