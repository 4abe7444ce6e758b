using System.Security.Cryptography;

namespace Taiyaku.Cli;

/// <summary>
/// Where a command's main output goes; the one way every command writes its <c>--out</c>. <c>-</c> (or no path) is
/// stdout; a device, FIFO or socket is written directly; a regular file is written through a temporary file in its
/// folder, created exclusively under an unpredictable name (never through a planted symbolic link), given the old
/// file's permissions and renamed over it only when everything succeeded, so that a failure or a signal never leaves a
/// partial file behind. A symbolic link is kept: the file it points to is replaced. An output that is one of the
/// inputs (the same device and inode, whatever its name) is refused. Every I/O error of the output is an
/// <see cref="InputException"/> naming the path and the system's reason (exit 1).
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="write"/>'s bytes to <paramref name="path"/> (null or "-": <paramref name="stdout"/>).</summary>
    /// <param name="inputs">The files the command reads (nulls are skipped): <paramref name="path"/> may not be one of them.</param>
    public static void Write(string? path, Stream stdout, IEnumerable<string?> inputs, Action<Stream> write) =>
        // Completes synchronously: the work is synchronous.
        WriteAsync(path, stdout, inputs, s => { write(s); return Task.CompletedTask; }).GetAwaiter().GetResult();

    /// <summary>As <see cref="Write"/>, for asynchronous writers.</summary>
    public static async Task WriteAsync(string? path, Stream stdout, IEnumerable<string?> inputs, Func<Stream, Task> write)
    {
        if (path == null || path == "-")
        {
            var o = new OutputStream(stdout, "<stdout>", leaveOpen: true);
            await write(o).ConfigureAwait(false);
            o.Flush();
            return;
        }
        string full = Path.GetFullPath(path);
        var status = FileStatus.Of(full);
        if (status.Kind == FileKind.Directory) throw InputException.In(path, "cannot write: Is a directory");
        foreach (string? input in inputs)
            if (input != null && input != "-" && status.SameFileAs(FileStatus.Of(input)))
                throw InputException.In(path, $"is also an input ({input}): refusing to overwrite it; write to another file");
        if (status.Kind is FileKind.Regular or FileKind.Missing) await WriteFile(path, full, status, write).ConfigureAwait(false);
        else await WriteDirectly(path, full, write).ConfigureAwait(false);
    }

    /// <summary>A device, a FIFO: written in place (replacing it with a regular file would break it).</summary>
    private static async Task WriteDirectly(string path, string full, Func<Stream, Task> write)
    {
        FileStream fs;
        try { fs = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
        using var o = new OutputStream(fs, path);
        await write(o).ConfigureAwait(false);
        o.Flush();
    }

    private static async Task WriteFile(string path, string full, FileStatus status, Func<Stream, Task> write)
    {
        string target = full;
        if (FileStatus.Of(full, followLinks: false).Kind == FileKind.SymbolicLink)
        {
            if (status.Kind == FileKind.Missing) throw InputException.In(path, "is a symbolic link to a missing file: give the file itself");
            target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        string? dir = Path.GetDirectoryName(target);
        if (dir == null || !Directory.Exists(dir)) throw InputException.In(path, "the output folder does not exist");
        UnixFileMode? mode = null;
        if (status.Kind == FileKind.Regular && !OperatingSystem.IsWindows())
        {
            try { mode = File.GetUnixFileMode(target); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
        }
        string temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        if (!TemporaryFiles.TryAdd(temp)) throw new OperationCanceledException();
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
            if (mode is { } m && !OperatingSystem.IsWindows()) options.UnixCreateMode = m;
            FileStream fs;
            // CreateNew is O_CREAT|O_EXCL: it fails on any existing name, a symbolic link included, and never follows one.
            try { fs = new FileStream(temp, options); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
            using (var o = new OutputStream(fs, path))
            {
                try { if (mode is { } exact && !OperatingSystem.IsWindows()) File.SetUnixFileMode(fs.SafeFileHandle, exact); }   // the umask must not narrow it
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
                await write(o).ConfigureAwait(false);
                o.Flush();
                try { fs.Flush(flushToDisk: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
            }
            try { TemporaryFiles.Commit(temp, target); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputStream.Failure(path, e); }
        }
        finally
        {
            TemporaryFiles.Remove(temp);
        }
    }
}
