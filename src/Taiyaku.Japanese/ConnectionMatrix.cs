namespace Taiyaku.Japanese;

/// <summary>matrix.bin: two 16-bit sizes, then left-size x right-size 16-bit costs, memory-mapped.</summary>
internal sealed unsafe class ConnectionMatrix : IDisposable
{
    private readonly MappedFile _map;

    public int LeftSize { get; }
    public int RightSize { get; }
    public short* Costs { get; }
    public string Path => _map.Path;

    /// <summary>Whether a 4-byte read at any cost stays inside the map (what <see cref="ConnectionKernel"/>'s gather does).</summary>
    public bool GatherSafe { get; }

    public ConnectionMatrix(string path)
    {
        _map = new MappedFile(path);
        try
        {
            if (_map.Length < 4) throw new DictionaryFormatException(path, $"truncated: {_map.Length} bytes");
            LeftSize = *(ushort*)_map.Pointer;
            RightSize = *(ushort*)(_map.Pointer + 2);
            long expected = 4 + 2L * LeftSize * RightSize;
            if (LeftSize == 0 || RightSize == 0) throw new DictionaryFormatException(path, $"bad matrix size {LeftSize}x{RightSize}");
            if (_map.Length != expected)
                throw new DictionaryFormatException(path, $"{(_map.Length < expected ? "truncated" : "wrong size")}: {_map.Length} bytes, expected {expected} for a {LeftSize}x{RightSize} matrix");
            Costs = (short*)(_map.Pointer + 4);
            // The map runs to the end of the file's last page: the 2 bytes after the last cost are readable unless
            // the file ends exactly on a page boundary.
            GatherSafe = _map.Length % Environment.SystemPageSize != 0;
        }
        catch
        {
            _map.Dispose();
            throw;
        }
    }

    public void Dispose() => _map.Dispose();
}
