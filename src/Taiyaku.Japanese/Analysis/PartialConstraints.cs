using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// mecab's partial parsing (<c>-p</c>; Viterbi::initPartial and is_valid_node): the pieces of a sentence, each a
/// token boundary on both sides, and the feature patterns some must match as one morpheme. Also keeps mecab's node
/// ids, which count the nodes dropped for breaking a constraint.
/// </summary>
internal sealed unsafe class PartialConstraints
{
    private const byte Boundary = 1;  // a piece starts or ends here
    private const byte Inside = 2;    // inside a piece that must be one morpheme

    private byte[] _boundary = [];
    private nint[] _constraint = [];                 // per position: the feature pattern of the piece starting there
    private readonly List<byte[]> _constraintStore = [];  // keeps the patterns alive (pinned, NUL-terminated)
    private int _discarded;     // nodes made and dropped so far: mecab's ids count them
    private int[] _ids = [];    // mecab's id of each kept node
    private bool _idsShifted;   // whether the last sentence was parsed with constraints (else an id is the index)

    /// <summary>Splits a block into pieces: lines up to one reading <c>EOS</c>, each split at its first TAB.</summary>
    public static List<(byte[] Surface, byte[]? Feature)> SplitPieces(ReadOnlySpan<byte> block)
    {
        var pieces = new List<(byte[] Surface, byte[]? Feature)>();
        var rest = block;
        while (true)
        {
            int nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..nl];
            int nul = line.IndexOf((byte)0);
            if (nul >= 0) line = line[..nul];
            int tab = line.IndexOf((byte)'\t');
            if (tab < 0 && line.SequenceEqual("EOS"u8)) break;
            pieces.Add(tab < 0 ? (line.ToArray(), null) : (line[..tab].ToArray(), line[(tab + 1)..].ToArray()));
            if (nl < 0) break;
            rest = rest[(nl + 1)..];
        }
        return pieces;
    }

    /// <summary>Sets the constraints of the pieces (put together as the sentence) and starts counting ids.</summary>
    public void Set(List<(byte[] Surface, byte[]? Feature)> pieces)
    {
        int total = 0;
        foreach (var p in pieces) total += p.Surface.Length;
        if (_boundary.Length < total + 4)
        {
            _boundary = new byte[total + 4];
            _constraint = new nint[total + 4];
        }
        _boundary.AsSpan(0, total + 4).Clear();
        _constraint.AsSpan(0, total + 4).Clear();
        _constraintStore.Clear();
        int pos = 0;
        foreach (var (surface, feature) in pieces)
        {
            int len = surface.Length;
            _boundary[pos] = Boundary;
            _boundary[pos + len] = Boundary;
            if (feature is not null && len > 0)
            {
                for (int n = 1; n < len; n++) _boundary[pos + n] = Inside;
                // The pattern is also the feature of a node made up for it: keep it NUL-terminated and pinned.
                var f = GC.AllocateArray<byte>(feature.Length + 1, pinned: true);
                feature.CopyTo(f, 0);
                _constraintStore.Add(f);
                _constraint[pos] = (nint)Unsafe.AsPointer(ref f[0]);
            }
            pos += len;
        }
        _discarded = 0;
    }

    /// <summary>Where a look-up at <paramref name="begin"/> must stop: the next piece boundary, else <paramref name="end"/>.</summary>
    public int LookupEnd(int begin, int sentenceEnd, int end)
    {
        for (int n = begin + 1; n < sentenceEnd; n++)
            if (_boundary[n] == Boundary) return n;
        return end;
    }

    /// <summary>Whether <paramref name="pos"/> lies inside a piece that must be one morpheme.</summary>
    public bool IsInside(int pos) => _boundary[pos] == Inside;

    /// <summary>The feature pattern of the piece starting at <paramref name="pos"/> (0 if none).</summary>
    public nint PatternAt(int pos) => _constraint[pos];

    /// <summary>Keeps the lattice's newest node <paramref name="k"/> if it fits the constraints, else drops it.</summary>
    public void KeepIfValid(Lattice lattice, int k)
    {
        if (!IsValid(ref lattice.Nodes[k])) { lattice.DropLast(); _discarded++; return; }
        SetId(k);
    }

    /// <summary>Gives node <paramref name="k"/> its mecab id (its index plus the nodes dropped before it).</summary>
    public void SetId(int k)
    {
        if (_ids.Length <= k) Array.Resize(ref _ids, Math.Max(k + 1, _ids.Length * 2));
        _ids[k] = k + _discarded;
    }

    /// <summary>Whether the ids of the last sentence's nodes count dropped nodes (it was parsed with constraints).</summary>
    public bool IdsShifted { get => _idsShifted; set => _idsShifted = value; }

    /// <summary>mecab's id of node <paramref name="k"/> of the last sentence.</summary>
    public int MecabId(int k) => _idsShifted && k < _ids.Length ? _ids[k] : k;

    // No node may end inside a constrained piece, and one starting where a pattern is set must span the piece
    // exactly and match the pattern.
    private bool IsValid(ref LatticeNode node)
    {
        int endPos = node.Begin + node.Length;
        if (_boundary[endPos] == Inside) return false;
        int beginPos = node.Pos;
        nint feature = _constraint[beginPos];
        if (feature == 0) return true;
        return _boundary[beginPos] == Boundary && _boundary[endPos] == Boundary
            && Matches(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)feature), MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)node.Feature));
    }

    // Column by column; '*' matches anything, and a pattern of '*' alone any feature.
    private static bool Matches(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> feature)
    {
        if (pattern.SequenceEqual("*"u8)) return true;
        var c1 = MecabFormat.SplitCsv(pattern);
        var c2 = MecabFormat.SplitCsv(feature);
        int n = Math.Min(c1.Count, c2.Count);
        for (int i = 0; i < n; i++)
            if (!c1[i].AsSpan().SequenceEqual("*"u8) && !c1[i].AsSpan().SequenceEqual(c2[i])) return false;
        return true;
    }
}
