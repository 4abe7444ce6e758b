using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>What a format string sees of one node (mecab's Node, for the best path).</summary>
internal ref struct FormatNode
{
    public ReadOnlySpan<byte> Surface;
    public ReadOnlySpan<byte> Space;   // skipped white space before the surface
    public ReadOnlySpan<byte> Feature;
    public int Stat;                   // 0 normal, 1 unknown, 2 BOS, 3 EOS, 4 EON
    public int Id;
    public int Start;
    public ushort PosId;
    public ushort LeftId;
    public ushort RightId;
    public short WordCost;
    public byte CharType;
    public bool IsBest;
    public long Cost;
    public long ConnectionCost;        // cost - prev.cost - wcost
    public int Index;                  // the node's index in the session (-1: none, e.g. EON)
    public double Prob;
    public double Alpha;
    public double Beta;
}

/// <summary>
/// One of mecab's output format strings (node-format, unk-format, bos-format, eos-format, eon-format), parsed once.
/// Semantics are those of mecab's Writer::writeNode: <c>\</c> escapes, <c>%</c> macros, <c>%f[..]</c>/<c>%F?[..]</c>
/// feature columns (columns starting with <c>*</c> are left out, as are their separators).
/// </summary>
internal sealed class MecabFormat
{
    private enum Kind : byte
    {
        Literal, Sentence, SentenceLength, Surface, SurfaceWithSpace, PosId, WordCostInt, Feature, CharType, Stat, Prob,
        Id, Space, Start, End, ConnectionCost, WordCost, Cost, NodeCost, IsBest, Alpha, Beta, Length, RLength, LeftId, RightId,
        Paths, Columns,
    }

    private readonly struct Op(Kind kind, byte[]? bytes = null, int[]? columns = null, byte separator = 0)
    {
        public readonly Kind Kind = kind;
        public readonly byte[]? Bytes = bytes;
        public readonly int[]? Columns = columns;
        public readonly byte Separator = separator;
    }

    private readonly Op[] _ops;
    private readonly bool _usesFeatureColumns;

    public bool IsEmpty => _ops.Length == 0;

    private MecabFormat(Op[] ops)
    {
        _ops = ops;
        _usesFeatureColumns = ops.Any(o => o.Kind == Kind.Columns);
    }

    public static MecabFormat Empty { get; } = new([]);

    /// <summary>Parses <paramref name="formatSpan"/>; throws <see cref="FormatException"/> for what mecab rejects.</summary>
    public static MecabFormat Parse(ReadOnlySpan<byte> formatSpan)
    {
        byte[] format = formatSpan.ToArray();
        var ops = new List<Op>();
        var lit = new List<byte>();
        void FlushLiteral()
        {
            if (lit.Count > 0) { ops.Add(new Op(Kind.Literal, [.. lit])); lit.Clear(); }
        }
        void Add(Kind k) { FlushLiteral(); ops.Add(new Op(k)); }
        // mecab reads the format as a NUL-terminated string.
        int nul = Array.IndexOf(format, (byte)0);
        if (nul >= 0) format = format[..nul];
        int p = 0;
        byte At(int i) => i < format.Length ? format[i] : (byte)0;
        for (; p < format.Length; p++)
        {
            byte c = format[p];
            if (c == '\\') { lit.Add(Escaped(At(++p))); continue; }
            if (c != '%') { lit.Add(c); continue; }
            byte m = At(++p);
            switch ((char)m)
            {
                case 'S': Add(Kind.Sentence); break;
                case 'L': Add(Kind.SentenceLength); break;
                case 'm': Add(Kind.Surface); break;
                case 'M': Add(Kind.SurfaceWithSpace); break;
                case 'h': Add(Kind.PosId); break;
                case '%': lit.Add((byte)'%'); break;
                case 'c': Add(Kind.WordCostInt); break;
                case 'H': Add(Kind.Feature); break;
                case 't': Add(Kind.CharType); break;
                case 's': Add(Kind.Stat); break;
                case 'P': Add(Kind.Prob); break;
                case 'p':
                {
                    byte q = At(++p);
                    switch ((char)q)
                    {
                        case 'i': Add(Kind.Id); break;
                        case 'S': Add(Kind.Space); break;
                        case 's': Add(Kind.Start); break;
                        case 'e': Add(Kind.End); break;
                        case 'C': Add(Kind.ConnectionCost); break;
                        case 'w': Add(Kind.WordCost); break;
                        case 'c': Add(Kind.Cost); break;
                        case 'n': Add(Kind.NodeCost); break;
                        case 'b': Add(Kind.IsBest); break;
                        case 'P': Add(Kind.Prob); break;
                        case 'A': Add(Kind.Alpha); break;
                        case 'B': Add(Kind.Beta); break;
                        case 'l': Add(Kind.Length); break;
                        case 'L': Add(Kind.RLength); break;
                        case 'h':
                        {
                            byte h = At(++p);
                            if (h == 'l') Add(Kind.LeftId);
                            else if (h == 'r') Add(Kind.RightId);
                            else throw new FormatException("lr is required after %ph");
                            break;
                        }
                        case 'p':
                        {
                            // %pp<mode><sep>: the node's left paths (mode i: left node ids, c: costs, P: probabilities).
                            byte mode = At(++p);
                            byte sep = At(++p);
                            if (sep == '\\') sep = Escaped(At(++p));
                            if (mode is not ((byte)'i' or (byte)'c' or (byte)'P')) throw new FormatException("[icP] is required after %pp");
                            FlushLiteral();
                            ops.Add(new Op(Kind.Paths, [mode], null, sep));
                            break;
                        }
                        default:
                            throw new FormatException("[iseSCwcnblLh] is required after %p");
                    }
                    break;
                }
                case 'f':
                case 'F':
                {
                    byte sep = (byte)'\t';
                    if (m == 'F')
                    {
                        byte s = At(++p);
                        sep = s == '\\' ? Escaped(At(++p)) : s;
                    }
                    if (At(++p) != '[') throw new FormatException("cannot find '['");
                    var cols = new List<int>();
                    int n = 0;
                    for (p++; ; p++)
                    {
                        byte d = At(p);
                        if (d >= '0' && d <= '9') { n = 10 * n + (d - '0'); continue; }
                        if (d == ',' || d == ']')
                        {
                            cols.Add(n);
                            n = 0;
                            if (d == ']') break;
                            continue;
                        }
                        throw new FormatException("cannot find ']'");
                    }
                    FlushLiteral();
                    ops.Add(new Op(Kind.Columns, null, [.. cols], sep));
                    break;
                }
                default:
                    throw new FormatException("unknown meta char: " + (m == 0 ? "" : ((char)m).ToString()));
            }
        }
        FlushLiteral();
        return new MecabFormat([.. ops]);
    }

    private static byte Escaped(byte c) => c switch
    {
        (byte)'0' => 0,
        (byte)'a' => 7,
        (byte)'b' => 8,
        (byte)'t' => 9,
        (byte)'n' => 10,
        (byte)'v' => 11,
        (byte)'f' => 12,
        (byte)'r' => 13,
        (byte)'s' => (byte)' ',
        (byte)'\\' => (byte)'\\',
        _ => 0,
    };

    private int[] _colStart = new int[64];
    private int[] _colLength = new int[64];
    private byte[] _scratch = new byte[256];

    /// <summary>Writes the node; throws <see cref="FormatException"/> for what mecab reports at run time (a missing column).</summary>
    public void Write(ref FormatNode node, ReadOnlySpan<byte> sentence, MecabOutputWriter w, Stream output)
    {
        int columns = -1;
        Span<byte> num = stackalloc byte[32];
        foreach (ref readonly var op in _ops.AsSpan())
        {
            if (w.Cut) return;
            switch (op.Kind)
            {
                case Kind.Literal:
                {
                    // mecab returns a sentence's output as a C string: a \0 in a format ends it there.
                    int nul = Array.IndexOf(op.Bytes!, (byte)0);
                    if (nul < 0) { w.Append(op.Bytes, output); break; }
                    w.Append(op.Bytes.AsSpan(0, nul), output);
                    w.Cut = true;
                    return;
                }
                case Kind.Sentence: w.Append(sentence, output); break;
                case Kind.SentenceLength: w.Append(Int(sentence.Length, num), output); break;
                case Kind.Surface: w.Append(node.Surface, output); break;
                case Kind.SurfaceWithSpace: w.Append(node.Space, output); w.Append(node.Surface, output); break;
                case Kind.PosId: w.Append(Int(node.PosId, num), output); break;
                case Kind.WordCostInt:
                case Kind.WordCost: w.Append(Int(node.WordCost, num), output); break;
                case Kind.Feature: w.Append(node.Feature, output); break;
                case Kind.CharType: w.Append(Int(node.CharType, num), output); break;
                case Kind.Stat: w.Append(Int(node.Stat, num), output); break;
                // 0 unless marginal probabilities were asked for (-m), as in mecab.
                case Kind.Prob: w.Append(Double(node.Prob, num), output); break;
                case Kind.Alpha: w.Append(Double(node.Alpha, num), output); break;
                case Kind.Beta: w.Append(Double(node.Beta, num), output); break;
                case Kind.Id: w.Append(Int(node.Id, num), output); break;
                case Kind.Space: w.Append(node.Space, output); break;
                case Kind.Start: w.Append(Int(node.Start, num), output); break;
                case Kind.End: w.Append(Int(node.Start + node.Surface.Length, num), output); break;
                case Kind.ConnectionCost: w.Append(Int(node.ConnectionCost, num), output); break;
                case Kind.Cost: w.Append(Int(node.Cost, num), output); break;
                case Kind.NodeCost: w.Append(Int(node.ConnectionCost + node.WordCost, num), output); break;
                case Kind.IsBest: w.AppendByte(node.IsBest ? (byte)'*' : (byte)' ', output); break;
                case Kind.Length: w.Append(Int(node.Surface.Length, num), output); break;
                case Kind.RLength: w.Append(Int(node.Surface.Length + node.Space.Length, num), output); break;
                case Kind.LeftId: w.Append(Int(node.LeftId, num), output); break;
                case Kind.RightId: w.Append(Int(node.RightId, num), output); break;
                case Kind.Paths:
                {
                    if (!w.PathsAvailable || node.Index <= 0) throw new FormatException("no path information is available");
                    var session = w.Session;
                    int count = session.LeftPaths(node.Index, w.PathBuffer);
                    if (count == 0) throw new FormatException("no path information is available");
                    for (int k = 0; k < count; k++)
                    {
                        if (k > 0) w.AppendByte(op.Separator, output);
                        var (left, cost, prob) = w.PathBuffer[k];
                        switch ((char)op.Bytes![0])
                        {
                            case 'i': w.Append(Int(session.MecabId(left), num), output); break;
                            case 'c': w.Append(Int(cost, num), output); break;
                            default: w.Append(Double(prob, num), output); break;
                        }
                    }
                    break;
                }
                case Kind.Columns:
                {
                    if (node.Feature.IsEmpty) throw new FormatException("no feature information available");
                    if (columns < 0) columns = SplitColumns(node.Feature);
                    bool sep = false;
                    foreach (int n in op.Columns!)
                    {
                        if (n >= columns) throw new FormatException("given index is out of range");
                        var col = _scratch.AsSpan(_colStart[n], _colLength[n]);
                        bool filled = col.IsEmpty || col[0] != '*';
                        if (filled)
                        {
                            if (sep) w.AppendByte(op.Separator, output);
                            w.Append(col, output);
                        }
                        sep = filled;
                    }
                    break;
                }
            }
        }
    }

    internal static ReadOnlySpan<byte> FormatInt(long v, Span<byte> buf) => Int(v, buf);

    internal static ReadOnlySpan<byte> FormatDouble(double v, Span<byte> buf) => Double(v, buf);

    private static ReadOnlySpan<byte> Int(long v, Span<byte> buf)
    {
        Utf8Formatter.TryFormat(v, buf, out int n);
        return buf[..n];
    }

    // mecab's dtoa: sprintf("%-16f") cut at the first blank, i.e. "%f" (a 16-character result or longer has no
    // blank; mecab then reads on past its buffer, so only shorter ones are reproduced).
    private static ReadOnlySpan<byte> Double(double v, Span<byte> buf)
    {
        string s = v.ToString("F6", CultureInfo.InvariantCulture);
        int n = Encoding.ASCII.GetBytes(s, buf);
        return buf[..n];
    }

    /// <summary>mecab's tokenizeCSV with 64 columns, as byte arrays (for partial parsing's pattern match).</summary>
    public static List<byte[]> SplitCsv(ReadOnlySpan<byte> text)
    {
        var f = new MecabFormat([]);
        int n = f.SplitColumns(text);
        var result = new List<byte[]>(n);
        for (int i = 0; i < n; i++) result.Add(f._scratch.AsSpan(f._colStart[i], f._colLength[i]).ToArray());
        return result;
    }

    // mecab's tokenizeCSV(feature, 64 columns) over a copy truncated like its 8192-byte strncpy.
    private int SplitColumns(ReadOnlySpan<byte> feature)
    {
        if (feature.Length > 8191) feature = feature[..8191];
        if (_scratch.Length < feature.Length + 1) _scratch = new byte[feature.Length * 2 + 1];
        var s = _scratch;
        feature.CopyTo(s);
        int eos = feature.Length;
        s[eos] = 0;
        int n = 0, max = 64;
        for (int p = 0; p < eos; ++p)
        {
            while (s[p] == ' ' || s[p] == '\t') ++p;
            int start, end;
            if (s[p] == '"')
            {
                start = ++p;
                end = start;
                for (; p < eos; ++p)
                {
                    if (s[p] == '"')
                    {
                        p++;
                        if (s[p] != '"') break;
                    }
                    s[end++] = s[p];
                }
                int c = s.AsSpan(p, Math.Max(0, eos - p)).IndexOf((byte)',');
                p = c < 0 ? Math.Max(p, eos) : p + c;
            }
            else
            {
                start = p;
                int c = s.AsSpan(p, eos - p).IndexOf((byte)',');
                p = c < 0 ? eos : p + c;
                end = p;
            }
            // The last allowed column runs to the end of the feature, commas included.
            if (max-- <= 1) end = eos;
            _colStart[n] = start;
            _colLength[n] = end - start;
            n++;
            if (max == 0) break;
        }
        return n;
    }
}
