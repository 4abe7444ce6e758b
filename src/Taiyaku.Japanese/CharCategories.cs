using System.Runtime.CompilerServices;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>
/// char.bin: the category names and, for each BMP code point, a packed CharInfo
/// (type bits 0-17, default type 18-25, length 26-29, group 30, invoke 31).
/// </summary>
internal sealed class CharCategories
{
    private const int MapEntries = 0xffff;

    private readonly uint[] _map;

    public string[] Names { get; }

    public unsafe CharCategories(string path)
    {
        using var map = new MappedFile(path);
        long size = map.Length;
        if (size < 4) throw new DictionaryFormatException(path, $"truncated: {size} bytes");
        uint count = map.U32(0);
        long expected = 4 + 32L * count + 4L * MapEntries;
        if (count == 0 || count > 256 || size != expected)
            throw new DictionaryFormatException(path, count == 0 || count > 256
                ? $"bad category count {count}"
                : $"{(size < expected ? "truncated" : "wrong size")}: {size} bytes, expected {expected} for {count} categories");
        Names = new string[count];
        for (int i = 0; i < count; i++)
        {
            var raw = map.Span(4 + 32L * i, 32);
            int nul = raw.IndexOf((byte)0);
            if (nul <= 0) throw new DictionaryFormatException(path, $"category name {i} is empty or not terminated");
            Names[i] = Encoding.ASCII.GetString(raw[..nul]);
        }
        // 256 KB, small enough to copy; index 0xffff stays 0 like the zero page past mecab's map.
        _map = new uint[0x10000];
        uint* entries = (uint*)(map.Pointer + 4 + 32L * count);
        for (int c = 0; c < MapEntries; c++)
        {
            uint info = entries[c];
            if (((info >> 18) & 0xff) >= count)
                throw new DictionaryFormatException(path, $"code point U+{c:X4} has default category {(info >> 18) & 0xff}, but there are only {count}");
            _map[c] = info;
        }
    }

    public uint[] Map => _map;

    public uint this[int code] => _map[code];

    public static uint TypeBits(uint info) => info & 0x3ffff;
    public static int DefaultType(uint info) => (int)((info >> 18) & 0xff);
    public static int Length(uint info) => (int)((info >> 26) & 0xf);
    public static bool Group(uint info) => ((info >> 30) & 1) != 0;
    public static bool Invoke(uint info) => (info >> 31) != 0;
}
