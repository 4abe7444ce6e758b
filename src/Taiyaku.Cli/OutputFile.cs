namespace Taiyaku.Cli;

/// <summary>
/// Where a command's main output goes: stdout, or a file written through a temporary file and renamed only
/// when everything succeeded, so that a failure never leaves a partial or corrupted file behind.
/// </summary>
internal static class OutputFile
{
    public static void Write(string? path, Stream stdout, Action<Stream> write)
    {
        if (path == null || path == "-")
        {
            write(stdout);
            stdout.Flush();
            return;
        }
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir == null || !Directory.Exists(dir))
            throw InputException.In(path, "the output folder does not exist");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(f);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
