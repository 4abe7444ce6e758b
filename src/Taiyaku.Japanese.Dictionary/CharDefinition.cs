using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>char.def: character categories and code point ranges, compiled to char.bin.</summary>
internal sealed class CharDefinition
{
    private sealed record Category(int Id, int Invoke, int Group, int Length);

    private readonly List<string> _order = [];
    private readonly Dictionary<string, Category> _categories = new(StringComparer.Ordinal);
    private readonly List<(int Low, int High, List<string> Names)> _ranges = [];

    // MeCab's built-in fallback when char.def is missing.
    private const string Default = "DEFAULT 1 0 0\nSPACE   0 1 0\n0x0020 SPACE\n";

    public IReadOnlyList<string> CategoryNames => _order;

    public bool IsDefined(string name) => _categories.ContainsKey(name);

    public static CharDefinition Load(string path)
    {
        var text = File.Exists(path) ? SourceText.Read(path) : null;
        var def = new CharDefinition();
        var bytes = text?.Bytes ?? Encoding.ASCII.GetBytes(Default);
        var lineNo = 0;
        Span<Range> cols = stackalloc Range[512];
        foreach (var raw in SplitLines(bytes))
        {
            lineNo++;
            var line = raw.AsSpan();
            if (line.IsEmpty || line[0] == (byte)'#') continue;
            var n = Tokenizer.SplitBlank(line, cols);
            if (n == 0) continue;
            DictionaryCompileException Err(string why) => new(path, lineNo, why);
            if (n < 2) throw Err("format error: expected a category definition or a code point range");
            var first = Encoding.ASCII.GetString(line[cols[0]]);
            if (first.StartsWith("0x", StringComparison.Ordinal))
            {
                var dots = first.IndexOf("..", StringComparison.Ordinal);
                var low = ParseHex(dots < 0 ? first : first[..dots], Err);
                var high = ParseHex(dots < 0 ? first : first[(dots + 2)..], Err);
                if (low < 0 || low >= 0xFFFF || high < 0 || high >= 0xFFFF || low > high)
                    throw Err($"range error: low=0x{low:X4} high=0x{high:X4}");
                var names = new List<string>();
                for (var i = 1; i < n; i++)
                {
                    var name = Encoding.ASCII.GetString(line[cols[i]]);
                    if (name.StartsWith('#')) break;
                    if (!def._categories.ContainsKey(name)) throw Err($"category [{name}] is undefined");
                    names.Add(name);
                }

                if (names.Count == 0) throw Err("range without a category");
                def._ranges.Add((low, high, names));
            }
            else
            {
                if (n < 4) throw Err("format error: expected 'NAME INVOKE GROUP LENGTH'");
                if (def._categories.ContainsKey(first)) throw Err($"category {first} is already defined");
                if (!Tokenizer.TryParseInt(line[cols[1]], out var invoke) || !Tokenizer.TryParseInt(line[cols[2]], out var group)
                    || !Tokenizer.TryParseInt(line[cols[3]], out var length))
                    throw Err("format error: INVOKE, GROUP and LENGTH must be integers");
                def._categories[first] = new Category(def._order.Count, invoke, group, length);
                def._order.Add(first);
            }
        }

        if (def._categories.Count >= 18) throw new DictionaryCompileException(path, 0, "too many categories (>= 18)");
        if (!def._categories.ContainsKey("DEFAULT")) throw new DictionaryCompileException(path, 0, "category [DEFAULT] is undefined");
        if (!def._categories.ContainsKey("SPACE")) throw new DictionaryCompileException(path, 0, "category [SPACE] is undefined");
        return def;
    }

    private static int ParseHex(string s, Func<string, DictionaryCompileException> err)
    {
        if (s.Length < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) throw err($"no hex value: {s}");
        var v = 0;
        foreach (var c in s[2..])
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'F' => c - 'A' + 10,
                >= 'a' and <= 'f' => c - 'a' + 10,
                _ => throw err($"no hex value: {s}"),
            };
            v = (16 * v) + d;
            if (v > 0xFFFFFF) throw err($"no hex value: {s}");
        }

        return v;
    }

    internal static IEnumerable<byte[]> SplitLines(byte[] data)
    {
        var start = 0;
        while (start < data.Length)
        {
            var nl = Array.IndexOf(data, (byte)'\n', start);
            var end = nl < 0 ? data.Length : nl;
            var len = end - start;
            if (len > 0 && data[end - 1] == (byte)'\r') len--;
            yield return data.AsSpan(start, len).ToArray();
            start = end + 1;
        }
    }

    // CharInfo bitfield (GCC, little-endian): type:18 | default_type:8 | length:4 | group:1 | invoke:1.
    private uint Encode(List<string> names)
    {
        var baseCat = _categories[names[0]];
        uint type = 0;
        foreach (var name in names) type += 1u << _categories[name].Id; // '+=' as MeCab, so a repeat is not merged
        return (type & 0x3FFFF)
            | ((uint)(baseCat.Id & 0xFF) << 18)
            | ((uint)(baseCat.Length & 0xF) << 26)
            | ((uint)(baseCat.Group & 1) << 30)
            | ((uint)(baseCat.Invoke & 1) << 31);
    }

    /// <summary>char.bin: category count, 32-byte names in definition order, then 0xFFFF CharInfo words.</summary>
    public byte[] Compile()
    {
        var output = new byte[4 + (32 * _order.Count) + (4 * 0xFFFF)];
        var span = output.AsSpan();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)_order.Count);
        for (var i = 0; i < _order.Count; i++)
        {
            var name = Encoding.ASCII.GetBytes(_order[i]);
            name.AsSpan(0, Math.Min(name.Length, 31)).CopyTo(span[(4 + (32 * i))..]);
        }

        var table = new uint[0xFFFF];
        Array.Fill(table, Encode(["DEFAULT"]));
        foreach (var (low, high, names) in _ranges)
        {
            var c = Encode(names);
            for (var cp = low; cp <= high; cp++) table[cp] = c;
        }

        var at = 4 + (32 * _order.Count);
        foreach (var c in table)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(span[at..], c);
            at += 4;
        }

        return output;
    }
}
