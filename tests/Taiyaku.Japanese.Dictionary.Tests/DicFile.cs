using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>Reads back MeCab's dictionary file format, independently of the compiler's code.</summary>
internal sealed class DicFile
{
    public DicFile(string path)
    {
        Bytes = File.ReadAllBytes(path);
        uint U(int at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at));
        Magic = U(0);
        Version = U(4);
        Type = U(8);
        LexSize = U(12);
        LeftSize = U(16);
        RightSize = U(20);
        DSize = U(24);
        TSize = U(28);
        FSize = U(32);
        var cs = Bytes.AsSpan(40, 32);
        Charset = Encoding.ASCII.GetString(cs[..cs.IndexOf((byte)0)]);
    }

    public byte[] Bytes { get; }
    public uint Magic { get; }
    public uint Version { get; }
    public uint Type { get; }
    public uint LexSize { get; }
    public uint LeftSize { get; }
    public uint RightSize { get; }
    public uint DSize { get; }
    public uint TSize { get; }
    public uint FSize { get; }
    public string Charset { get; }

    private int Base(long i) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan((int)(72 + (8 * i))));
    private uint Check(long i) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)(72 + (8 * i) + 4)));

    /// <summary>Darts exact match: the stored value, or -1.</summary>
    public int ExactMatch(string key)
    {
        long b = Base(0);
        foreach (var c in Encoding.UTF8.GetBytes(key))
        {
            var p = b + c + 1;
            if (Check(p) != (uint)b) return -1;
            b = Base(p);
        }

        var n = Base(b);
        return Check(b) == (uint)b && n < 0 ? -n - 1 : -1;
    }

    public (ushort Left, ushort Right, ushort PosId, short Cost, string Feature) Token(int index)
    {
        var at = (int)(72 + DSize + (16 * index));
        var s = Bytes.AsSpan(at);
        var off = (int)BinaryPrimitives.ReadUInt32LittleEndian(s[8..]);
        var f = Bytes.AsSpan((int)(72 + DSize + TSize + off));
        return (BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[4..]), BinaryPrimitives.ReadInt16LittleEndian(s[6..]),
            Encoding.UTF8.GetString(f[..f.IndexOf((byte)0)]));
    }

    /// <summary>All tokens stored under <paramref name="surface"/>.</summary>
    public List<(ushort Left, ushort Right, ushort PosId, short Cost, string Feature)> Lookup(string surface)
    {
        var v = ExactMatch(surface);
        if (v < 0) return [];
        return [.. Enumerable.Range(v >> 8, v & 0xFF).Select(Token)];
    }
}
