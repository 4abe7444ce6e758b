namespace Taiyaku.Cli;

/// <summary>
/// The temporary output files of this process, so that a signal handler can remove them before the process exits.
/// Once <see cref="RemoveAllAndClose"/> has run no file can be registered or renamed into place any more: a signal
/// that arrives between the last write and the rename leaves the old file as it was.
/// </summary>
internal static class TemporaryFiles
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal);
    private static bool _closed;

    /// <summary>Registers <paramref name="path"/> before it is created; false once the process is exiting.</summary>
    public static bool TryAdd(string path)
    {
        lock (Gate)
        {
            if (_closed) return false;
            Paths.Add(path);
            return true;
        }
    }

    /// <summary>Renames <paramref name="temp"/> to <paramref name="final"/> and forgets it, unless the process is exiting.</summary>
    public static void Commit(string temp, string final)
    {
        lock (Gate)
        {
            if (_closed) throw new OperationCanceledException();
            File.Move(temp, final, overwrite: true);   // rename(2): atomic within the folder
            Paths.Remove(temp);
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it is still there and forgets it.</summary>
    public static void Remove(string path)
    {
        lock (Gate)
        {
            Paths.Remove(path);
            TryDelete(path);
        }
    }

    /// <summary>Deletes every registered file and refuses new ones: called once, as the process exits on a signal.</summary>
    public static void RemoveAllAndClose()
    {
        lock (Gate)
        {
            _closed = true;
            foreach (var p in Paths) TryDelete(p);
            Paths.Clear();
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // best effort: the first error matters more
    }
}
