using System.IO.MemoryMappedFiles;

namespace Taiyaku.Japanese;

/// <summary>A read-only memory map of a whole file, exposed as a pointer.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private bool _acquired;

    public string Path { get; }
    public byte* Pointer { get; }
    public long Length { get; }

    public MappedFile(string path)
    {
        Path = path;
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists) throw new DictionaryFormatException(path, "no such file");
        }
        catch (Exception e) when (e is not DictionaryFormatException)
        {
            throw new DictionaryFormatException(path, "cannot open: " + e.Message, e);
        }
        Length = info.Length;
        if (Length == 0) throw new DictionaryFormatException(path, "the file is empty");
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Length = fs.Length;
            if (Length == 0) throw new DictionaryFormatException(path, "the file is empty");
            _file = MemoryMappedFile.CreateFromFile(fs, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _file?.Dispose();
            throw new DictionaryFormatException(path, "cannot map: " + e.Message, e);
        }
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _acquired = true;
        Pointer = p + _view.PointerOffset;
    }

    public ReadOnlySpan<byte> Span(long offset, int length) => new(Pointer + offset, length);

    public uint U32(long offset) => *(uint*)(Pointer + offset);

    public void Dispose()
    {
        if (_acquired)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _acquired = false;
        }
        _view.Dispose();
        _file.Dispose();
    }
}
