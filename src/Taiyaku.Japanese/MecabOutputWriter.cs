using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Taiyaku.Japanese;

/// <summary>The output formats of the <c>mecab</c> command that are reproduced byte for byte.</summary>
public enum MecabOutputFormat
{
    /// <summary>mecab's default: <c>surface\tfeature\n</c> per token, then <c>EOS\n</c>.</summary>
    Default,

    /// <summary><c>-Owakati</c>: each surface followed by one space, then <c>\n</c>.</summary>
    Wakati,
}

/// <summary>
/// Runs the analyser over a stream of lines and writes exactly what the <c>mecab</c> command writes. As mecab does,
/// each input line (split at <c>\n</c> only; a <c>\r</c> stays part of the line) is one sentence, a sentence ends at
/// its first NUL byte, and a last line without <c>\n</c> is analysed too. Bytes are passed through unvalidated.
/// </summary>
public sealed unsafe class MecabOutputWriter
{
    private readonly AnalyzerSession _session;
    private readonly Mode _mode;
    private readonly MecabFormat _node = MecabFormat.Empty, _unk = MecabFormat.Empty, _bos = MecabFormat.Empty, _eos = MecabFormat.Empty, _eon = MecabFormat.Empty;
    private readonly int _nbest = 1;
    private readonly bool _allMorphs;
    private readonly bool _marginal;
    private readonly bool _partial;
    private readonly double _theta;
    private byte[] _out = new byte[1 << 16];
    private int _outLength;

    private enum Mode : byte { Lattice, Wakati, None, User, Dump, Em }

    /// <summary>Set when a format wrote a \0: mecab's output of the sentence ends there.</summary>
    internal bool Cut;

    internal AnalyzerSession Session => _session;

    /// <summary>mecab keeps the paths (for <c>%pp</c>) only when searching N best or marginal probabilities.</summary>
    internal bool PathsAvailable => _nbest > 1 || _marginal;

    internal readonly List<(int Left, int Cost, float Prob)> PathBuffer = [];

    /// <summary>Creates a writer that analyses with <paramref name="session"/>, ignoring dicrc's output settings.</summary>
    public MecabOutputWriter(AnalyzerSession session, MecabOutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _mode = format == MecabOutputFormat.Wakati ? Mode.Wakati : Mode.Lattice;
    }

    /// <summary>
    /// Creates a writer with mecab's output settings: those given in <paramref name="options"/>, then the dictionary's
    /// dicrc (<c>output-format-type</c>, <c>node-format[-NAME]</c>, <c>unk-format[-NAME]</c>, <c>bos-format[-NAME]</c>,
    /// <c>eos-format[-NAME]</c>), resolved exactly as mecab's Writer::open does.
    /// </summary>
    /// <exception cref="FormatException">An unknown format type or a malformed format string.</exception>
    public MecabOutputWriter(AnalyzerSession session, MecabOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        if (options.NBest is < 1 or > 512) throw new FormatException("nbest size must be 1 <= nbest <= 512");
        _nbest = options.NBest;
        _allMorphs = options.AllMorphs;
        _marginal = options.Marginal;
        _partial = options.Partial;
        _theta = options.Theta;
        var rc = session.Dictionary.RawSettings;
        string style = options.OutputFormatType ?? (rc.TryGetValue("output-format-type", out var o) ? System.Text.Encoding.Latin1.GetString(o) : "");
        switch (style)
        {
            case "wakati": _mode = Mode.Wakati; return;
            case "none": _mode = Mode.None; return;
            case "dump": _mode = Mode.Dump; return;
            case "em": _mode = Mode.Em; return;
        }
        // mecab sets its options' defaults before reading dicrc and lets nothing in dicrc override them: the
        // unsuffixed keys come from the options (or the defaults), NAME-suffixed ones from dicrc only.
        bool plain = style.Length == 0;
        string suffix = plain ? "" : "-" + style;
        // Given formats are bytes as mecab takes its arguments (UTF-8 here), whatever the dictionary's charset.
        byte[] Pick(string key, string? given, string fallback) =>
            plain ? System.Text.Encoding.UTF8.GetBytes(given ?? fallback) : rc.TryGetValue(key + suffix, out var v) ? v : [];
        byte[] node = Pick("node-format", options.NodeFormat, "%m\\t%H\\n");
        if (!plain && node.Length == 0) throw new FormatException($"unknown format type [{style}]");
        byte[] bos = Pick("bos-format", options.BosFormat, "");
        byte[] eos = Pick("eos-format", options.EosFormat, "EOS\\n");
        byte[] unk = Pick("unk-format", options.UnknownFormat, "%m\\t%H\\n");
        byte[] eon = Pick("eon-format", options.EonFormat, "");
        ReadOnlySpan<byte> defNode = "%m\\t%H\\n"u8, defEos = "EOS\\n"u8;
        bool nodeChanged = !node.AsSpan().SequenceEqual(defNode);
        if (!nodeChanged && bos.Length == 0 && eos.AsSpan().SequenceEqual(defEos) && unk.AsSpan().SequenceEqual(defNode))
        {
            _mode = Mode.Lattice;
            return;
        }
        _mode = Mode.User;
        if (unk.AsSpan().SequenceEqual(defNode) && nodeChanged) unk = node;
        _node = MecabFormat.Parse(node);
        _unk = MecabFormat.Parse(unk);
        _bos = MecabFormat.Parse(bos);
        _eos = MecabFormat.Parse(eos);
        _eon = MecabFormat.Parse(eon);
    }

    /// <summary>Analyses every line of <paramref name="input"/> and writes mecab's output to <paramref name="output"/>. Returns the number of lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Process(Stream input, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (_partial) return ProcessPartial(input, output, cancellation);
        byte[] buf = new byte[1 << 16];
        int start = 0, filled = 0;
        long lines = 0;
        bool eof = false;
        while (true)
        {
            int nl = buf.AsSpan(start, filled - start).IndexOf((byte)'\n');
            if (nl < 0 && !eof)
            {
                // Move the partial line to the front and read more, growing the buffer for long lines.
                if (start > 0)
                {
                    Buffer.BlockCopy(buf, start, buf, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
                if (filled == buf.Length) Array.Resize(ref buf, buf.Length * 2);
                int n = input.Read(buf, filled, buf.Length - filled);
                if (n == 0) eof = true; else filled += n;
                continue;
            }
            if (nl < 0)
            {
                // mecab stops at end of input when the unterminated last line is empty (or starts with NUL).
                if (filled - start == 0 || buf[start] == 0) break;
                WriteSentence(buf.AsSpan(start, filled - start), output);
                lines++;
                break;
            }
            WriteSentence(buf.AsSpan(start, nl), output);
            lines++;
            start += nl + 1;
            if ((lines & 255) == 0) cancellation.ThrowIfCancellationRequested();
        }
        Flush(output);
        return lines;
    }

    // mecab -p: a sentence is a block of lines up to a line "EOS" or an empty line (that line included).
    private long ProcessPartial(Stream input, Stream output, CancellationToken cancellation)
    {
        byte[] all;
        using (var ms = new MemoryStream())
        {
            input.CopyTo(ms);
            all = ms.ToArray();
        }
        long blocks = 0;
        int start = 0;
        var block = new List<byte>();
        while (start < all.Length)
        {
            block.Clear();
            while (start < all.Length)
            {
                int nl = Array.IndexOf(all, (byte)'\n', start);
                int end = nl < 0 ? all.Length : nl;
                var line = all.AsSpan(start, end - start);
                block.AddRange(line);
                block.Add((byte)'\n');
                start = end + 1;
                if (line.IsEmpty || line.SequenceEqual("EOS"u8)) break;
            }
            var tokens = _session.AnalyzePartialUtf8(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block));
            if (_marginal) _session.ComputeMarginals(_theta);
            Cut = false;
            if (_nbest == 1) WriteTokens(_session.InputUtf8, _allMorphs ? _session.AllMorphemes() : tokens, output);
            else
            {
                for (int i = 0; i < _nbest && _session.NextBest(); i++) WriteTokens(_session.InputUtf8, _session.Tokens, output);
                if (_mode == Mode.User)
                {
                    var eon = new FormatNode { Stat = 4, Index = -1 };
                    _eon.Write(ref eon, _session.InputUtf8, this, output);
                }
            }
            blocks++;
            if ((blocks & 255) == 0) cancellation.ThrowIfCancellationRequested();
        }
        Flush(output);
        return blocks;
    }

    /// <summary>Analyses one line (without its <c>\n</c>) and appends its output; call <see cref="Flush"/> at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteSentence(ReadOnlySpan<byte> line, Stream output)
    {
        int nul = line.IndexOf((byte)0);
        if (nul >= 0) line = line[..nul];
        var tokens = _session.AnalyzeUtf8(line);
        if (_marginal) _session.ComputeMarginals(_theta);
        Cut = false;
        if (_nbest == 1)
        {
            WriteTokens(line, _allMorphs ? _session.AllMorphemes() : tokens, output);
            return;
        }
        // mecab -N: each of the N best analyses in the output format, then (user formats only) the eon format.
        for (int i = 0; i < _nbest && _session.NextBest(); i++) WriteTokens(line, _session.Tokens, output);
        if (_mode == Mode.User)
        {
            var eon = new FormatNode { Stat = 4, Index = -1 };
            _eon.Write(ref eon, line, this, output);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteTokens(ReadOnlySpan<byte> line, ReadOnlySpan<MorphemeToken> tokens, Stream output)
    {
        var s = _session;
        if (_mode == Mode.User)
        {
            WriteUser(line, tokens, output);
            return;
        }
        if (_mode == Mode.None) return;
        if (_mode is Mode.Dump or Mode.Em)
        {
            WriteDump(line, tokens, output);
            return;
        }
        if (_mode == Mode.Wakati)
        {
            foreach (ref readonly var t in tokens)
            {
                Append(s.SurfaceUtf8(t), output);
                AppendByte((byte)' ', output);
            }
            AppendByte((byte)'\n', output);
        }
        else
        {
            s.Dictionary.ThrowIfDisposed();
            foreach (ref readonly var t in tokens)
            {
                Append(s.SurfaceUtf8(t), output);
                AppendByte((byte)'\t', output);
                AppendNulTerminated((byte*)t.FeaturePointer, output);
                AppendByte((byte)'\n', output);
            }
            Append("EOS\n"u8, output);
        }
    }

    /// <summary>Writes buffered output to <paramref name="output"/>.</summary>
    public void Flush(Stream output)
    {
        if (_outLength > 0) output.Write(_out, 0, _outLength);
        _outLength = 0;
        output.Flush();
    }

    // mecab's Writer::writeDump and writeEM over the node chain BOS, the tokens, EOS.
    private void WriteDump(ReadOnlySpan<byte> line, ReadOnlySpan<MorphemeToken> tokens, Stream output)
    {
        var s = _session;
        Span<byte> num = stackalloc byte[40];
        var bos = s.Dictionary.BosFeatureUtf8;
        int n = tokens.Length + 2;
        for (int k = 0; k < n; k++)
        {
            int index = k == 0 ? 0 : k == n - 1 ? s.LastNodeId : tokens[k - 1].NodeId;
            ReadOnlySpan<byte> surface = k == 0 ? "BOS"u8 : k == n - 1 ? "EOS"u8 : s.SurfaceUtf8(tokens[k - 1]);
            ReadOnlySpan<byte> feature = k == 0 || k == n - 1 ? bos : s.FeatureUtf8(tokens[k - 1]);
            var (alpha, beta, prob) = s.Marginal(index);
            bool hasPaths = index > 0 && PathsAvailable;
            if (hasPaths) s.LeftPaths(index, PathBuffer); else PathBuffer.Clear();
            if (_mode == Mode.Em)
            {
                // writeEM: the nodes and paths of probability 0.0001 or more.
                const float minProb = 0.0001f;
                if ((float)prob >= minProb)
                {
                    Append("U\t"u8, output);
                    Append(surface, output);
                    AppendByte((byte)'\t', output);
                    Append(feature, output);
                    AppendByte((byte)'\t', output);
                    Append(MecabFormat.FormatDouble(prob, num), output);
                    AppendByte((byte)'\n', output);
                }
                foreach (var (left, _, pathProb) in PathBuffer)
                {
                    if (pathProb < minProb) continue;
                    Append("B\t"u8, output);
                    Append(left == 0 ? bos : s.FeatureOf(left), output);
                    AppendByte((byte)'\t', output);
                    Append(feature, output);
                    AppendByte((byte)'\t', output);
                    Append(MecabFormat.FormatDouble(pathProb, num), output);
                    AppendByte((byte)'\n', output);
                }
                continue;
            }
            int start = k == 0 ? 0 : k == n - 1 ? line.Length : tokens[k - 1].Utf8Offset;
            int end = start + (k == 0 || k == n - 1 ? 0 : tokens[k - 1].Utf8Length);
            ushort rc = 0, lc = 0, pos = 0;
            byte charType = 0;
            int stat = k == 0 ? 2 : k == n - 1 ? 3 : tokens[k - 1].IsUnknown ? 1 : 0;
            long cost = k == 0 ? 0 : k == n - 1 ? s.EosCost : tokens[k - 1].PathCost;
            if (k > 0 && k < n - 1)
            {
                ref readonly var t = ref tokens[k - 1];
                rc = t.RightId; lc = t.LeftId; pos = t.PosId; charType = t.CharType;
            }
            Num(s.MecabId(index), output, num);
            Append(surface, output);
            AppendByte((byte)' ', output);
            Append(feature, output);
            AppendByte((byte)' ', output);
            foreach (long v in (ReadOnlySpan<long>)[start, end, rc, lc, pos, charType, stat, s.IsOnBestPath(index) || k == 0 || k == n - 1 ? 1 : 0])
                Num(v, output, num);
            foreach (double v in (ReadOnlySpan<double>)[alpha, beta, prob])
            {
                Append(MecabFormat.FormatDouble(v, num), output);
                AppendByte((byte)' ', output);
            }
            Append(MecabFormat.FormatInt(cost, num), output);
            foreach (var (left, pathCost, pathProb) in PathBuffer)
            {
                AppendByte((byte)' ', output);
                Append(MecabFormat.FormatInt(s.MecabId(left), num), output);
                AppendByte((byte)':', output);
                Append(MecabFormat.FormatInt(pathCost, num), output);
                AppendByte((byte)':', output);
                Append(MecabFormat.FormatDouble(pathProb, num), output);
            }
            AppendByte((byte)'\n', output);
        }
        if (_mode == Mode.Em) Append("EOS\n"u8, output);
    }

    private void Num(long v, Stream output, Span<byte> num)
    {
        Append(MecabFormat.FormatInt(v, num), output);
        AppendByte((byte)' ', output);
    }

    private void WriteUser(ReadOnlySpan<byte> line, ReadOnlySpan<MorphemeToken> tokens, Stream output)
    {
        var s = _session;
        var bosFeature = s.Dictionary.BosFeatureUtf8;
        var node = new FormatNode { Feature = bosFeature, Stat = 2, Id = 0, IsBest = true };
        if (_marginal) (node.Alpha, node.Beta, node.Prob) = s.Marginal(0);
        _bos.Write(ref node, line, this, output);
        foreach (ref readonly var t in tokens)
        {
            var surface = s.SurfaceUtf8(t);
            node = new FormatNode
            {
                Surface = surface,
                Space = s.InputUtf8.Slice(t.Utf8Offset - t.SpaceLength, t.SpaceLength),
                Feature = s.FeatureUtf8(t),
                Stat = t.IsUnknown ? 1 : 0,
                Id = s.MecabId(t.NodeId),
                Index = t.NodeId,
                Start = t.Utf8Offset,
                PosId = t.PosId,
                LeftId = t.LeftId,
                RightId = t.RightId,
                WordCost = t.WordCost,
                CharType = t.CharType,
                IsBest = s.IsOnBestPath(t.NodeId),
                Cost = t.PathCost,
                ConnectionCost = t.ConnectionCost,
            };
            if (_marginal) (node.Alpha, node.Beta, node.Prob) = s.Marginal(t.NodeId);
            (t.IsUnknown ? _unk : _node).Write(ref node, line, this, output);
        }
        node = new FormatNode
        {
            Feature = bosFeature, Stat = 3, Id = s.EosId, Index = s.LastNodeId, IsBest = true, Cost = s.EosCost, Start = line.Length, // mecab: sentence + size
            ConnectionCost = s.EosCost - (tokens.IsEmpty ? 0 : tokens[^1].PathCost),
        };
        if (_marginal) (node.Alpha, node.Beta, node.Prob) = s.Marginal(s.LastNodeId);
        _eos.Write(ref node, line, this, output);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Append(ReadOnlySpan<byte> bytes, Stream output)
    {
        if (_outLength + bytes.Length > _out.Length)
        {
            if (_outLength > 0) { output.Write(_out, 0, _outLength); _outLength = 0; }
            if (bytes.Length > _out.Length) { output.Write(bytes); return; }
        }
        bytes.CopyTo(_out.AsSpan(_outLength));
        _outLength += bytes.Length;
    }

    private static readonly nuint PageMask = (nuint)Environment.SystemPageSize - 1;

    // Copies a NUL-terminated feature 16 bytes at a time, finding its end as it goes (no separate strlen). A 16-byte
    // read that stays inside the page of a readable byte is readable, so reads never cross into the next page.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendNulTerminated(byte* p, Stream output)
    {
        while (true)
        {
            if (_outLength > _out.Length - Vector128<byte>.Count) { output.Write(_out, 0, _outLength); _outLength = 0; }
            if (((nuint)p & PageMask) <= PageMask + 1 - (nuint)Vector128<byte>.Count)
            {
                var v = Vector128.Load(p);
                v.StoreUnsafe(ref _out[_outLength]);
                uint zero = Vector128.Equals(v, Vector128<byte>.Zero).ExtractMostSignificantBits();
                if (zero != 0)
                {
                    _outLength += BitOperations.TrailingZeroCount(zero);
                    return;
                }
                _outLength += Vector128<byte>.Count;
                p += Vector128<byte>.Count;
            }
            else
            {
                if (*p == 0) return;
                _out[_outLength++] = *p++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AppendByte(byte b, Stream output)
    {
        if (_outLength == _out.Length) { output.Write(_out, 0, _outLength); _outLength = 0; }
        _out[_outLength++] = b;
    }
}
