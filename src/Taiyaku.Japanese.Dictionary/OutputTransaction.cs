namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Writes outputs to temporary files in the destination folder and renames them into place only when all are
/// written, so a failed or cancelled compilation leaves no partial file behind.
/// </summary>
internal sealed class OutputTransaction : IDisposable
{
    private readonly List<(string Temp, string Final)> _files = [];
    private bool _committed;

    public void Write(string finalPath, ReadOnlySpan<byte> content)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(finalPath))!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.tmp");
            _files.Add((temp, finalPath));
            using var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            fs.Write(content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DictionaryCompileException(finalPath, 0, $"cannot write: {e.Message}", e);
        }
    }

    public void Commit()
    {
        foreach (var (temp, final) in _files)
        {
            try
            {
                File.Move(temp, final, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DictionaryCompileException(final, 0, $"cannot write: {e.Message}", e);
            }
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (temp, _) in _files)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the original error matters more than a leftover temp file.
            }
        }
    }
}
