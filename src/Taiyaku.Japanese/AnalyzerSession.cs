using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Taiyaku.Japanese.Analysis;

namespace Taiyaku.Japanese;

/// <summary>
/// A reusable lattice for analysing one sentence at a time with MeCab's Viterbi search. Not thread-safe: use one
/// session per thread (they may share one <see cref="MecabDictionary"/>). Buffers grow to the longest sentence seen
/// and are reused, so analysing allocates nothing once warm.
/// </summary>
public sealed unsafe class AnalyzerSession
{
    // mecab never looks further than this many bytes from a position.
    private const int LookupCap = 65535;
    // mecab's Allocator keeps this many prefix-search results.
    private const int MaxPrefixResults = 512;

    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public int Begin;      // surface start (after skipped spaces)
        public int Length;     // surface length, truncated to 16 bits like mecab's
        public int End;        // position + rlength, rlength truncated to 16 bits like mecab's
        public int Pos;        // the look-up position (where the skipped spaces start)
        public long Cost;
        public nint Feature;
        public int Prev;
        public int ENext;
        public ushort LeftId;
        public ushort RightId;
        public short WordCost;
        public bool Unknown;
        public byte CharType;  // the default category of the first character, as mecab's char_type
        public ushort PosId;
    }

    private readonly MecabDictionary _dic;
    private readonly SentenceInput _input;
    private readonly CharClassifier _chars;
    private Node[] _nodes = new Node[4096];
    private int _nodeCount;
    private int[] _endHead = new int[256];
    private int[] _endCount = new int[256];   // the length of each end list, so ConnectAll walks it once
    private MorphemeToken[] _tokens = new MorphemeToken[64];
    private int _tokenCount;
    private readonly int[] _prefixValues = new int[MaxPrefixResults];
    private readonly int[] _prefixLengths = new int[MaxPrefixResults];

    /// <summary>Creates a session over <paramref name="dictionary"/>.</summary>
    public AnalyzerSession(MecabDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        dictionary.ThrowIfDisposed();
        _dic = dictionary;
        _input = new SentenceInput(dictionary);
        _chars = new CharClassifier(dictionary);
        _vector = ConnectionKernel.IsSupported && dictionary.Matrix.GatherSafe;
    }

    // Whether ConnectAll may take ConnectionKernel's vector path.
    private readonly bool _vector;

    /// <summary>The dictionary this session uses.</summary>
    public MecabDictionary Dictionary => _dic;

    /// <summary>The tokens of the last analysed sentence.</summary>
    public ReadOnlySpan<MorphemeToken> Tokens => _tokens.AsSpan(0, _tokenCount);

    /// <summary>The bytes of the last analysed sentence (UTF-8, or the dictionary's charset; lone surrogates became U+FFFD).</summary>
    public ReadOnlySpan<byte> InputUtf8 => _input.Bytes;

    /// <summary>
    /// Analyses <paramref name="text"/> as one sentence (as mecab analyses one input line). Token offsets are
    /// UTF-16 offsets into <paramref name="text"/>; lone surrogates are analysed as U+FFFD.
    /// The returned span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<MorphemeToken> Analyze(ReadOnlySpan<char> text)
    {
        _input.SetText(text);
        return Run();
    }

    /// <summary>
    /// Analyses UTF-8 bytes as one sentence (bytes are taken as they are, like mecab; no validation). Token
    /// <see cref="MorphemeToken.Offset"/> and <see cref="MorphemeToken.Length"/> are then byte offsets.
    /// </summary>
    public ReadOnlySpan<MorphemeToken> AnalyzeUtf8(ReadOnlySpan<byte> utf8)
    {
        _input.SetBytes(utf8);
        return Run();
    }

    /// <summary>
    /// Partial parsing with constraints (mecab's <c>-p</c>): <paramref name="block"/> holds lines (separated by
    /// <c>\n</c>, up to a line <c>EOS</c>), each a piece of the sentence, alone (a token boundary on both sides, free
    /// inside) or followed by a TAB and a feature pattern (the piece is one morpheme whose feature matches the
    /// pattern column by column, <c>*</c> matching anything; <c>*</c> alone matches any feature). The sentence is
    /// the pieces put together; <see cref="InputUtf8"/> holds it and token offsets are bytes into it.
    /// </summary>
    public ReadOnlySpan<MorphemeToken> AnalyzePartialUtf8(ReadOnlySpan<byte> block)
    {
        // Viterbi::initPartial: split into lines, then each line at its first TAB.
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
        _input.SetPieces(pieces);
        int total = _input.Length;
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
            _boundary[pos] = 1;
            _boundary[pos + len] = 1;
            if (feature is not null && len > 0)
            {
                for (int n = 1; n < len; n++) _boundary[pos + n] = 2;
                // The constraint is also the feature of a node made up for it: keep it NUL-terminated and pinned.
                var f = GC.AllocateArray<byte>(feature.Length + 1, pinned: true);
                feature.CopyTo(f, 0);
                _constraintStore.Add(f);
                _constraint[pos] = (nint)Unsafe.AsPointer(ref f[0]);
            }
            pos += len;
        }
        _partial = true;
        _discarded = 0;
        try { return Run(); }
        finally { _partial = false; _idsShifted = true; }
    }

    private bool _partial;
    private int _discarded;     // nodes made and dropped so far: mecab's ids count them
    private int[] _ids = [];    // mecab's id of each kept node, in partial parsing
    private bool _idsShifted;
    private byte[] _boundary = [];

    private void KeepIfValid(int k)
    {
        if (!ValidInPartial(k)) { _nodeCount--; _discarded++; return; }
        SetId(k);
    }

    private void SetId(int k)
    {
        if (_ids.Length <= k) Array.Resize(ref _ids, Math.Max(k + 1, _ids.Length * 2));
        _ids[k] = k + _discarded;
    }

    /// <summary>mecab's id of node <paramref name="k"/> (the index, except in partial parsing, where mecab also counts the nodes it drops).</summary>
    internal int MecabId(int k) => _idsShifted && k < _ids.Length ? _ids[k] : k;
    private nint[] _constraint = [];
    private readonly List<byte[]> _constraintStore = [];

    // mecab's is_valid_node: no node may end inside a constrained piece, and one starting where a feature pattern
    // is set must span the piece exactly and match the pattern.
    private bool ValidInPartial(int k)
    {
        ref Node node = ref _nodes[k];
        int endPos = node.Begin + node.Length;
        if (_boundary[endPos] == 2) return false;
        int beginPos = node.Pos;
        nint feature = _constraint[beginPos];
        if (feature == 0) return true;
        return _boundary[beginPos] == 1 && _boundary[endPos] == 1
            && PartialMatch(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)feature), MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)node.Feature));
    }

    private static bool PartialMatch(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> feature)
    {
        if (pattern.SequenceEqual("*"u8)) return true;
        var c1 = MecabFormat.SplitCsv(pattern);
        var c2 = MecabFormat.SplitCsv(feature);
        int n = Math.Min(c1.Count, c2.Count);
        for (int i = 0; i < n; i++)
            if (!c1[i].AsSpan().SequenceEqual("*"u8) && !c1[i].AsSpan().SequenceEqual(c2[i])) return false;
        return true;
    }

    /// <summary>The surface of <paramref name="token"/> as UTF-8 bytes of the last sentence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> SurfaceUtf8(in MorphemeToken token) => _input.Buffer.AsSpan(token.Utf8Offset, token.Utf8Length);

    /// <summary>The token's feature string (e.g. IPADIC's comma-separated fields) as UTF-8, from dictionary memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> FeatureUtf8(in MorphemeToken token)
    {
        _dic.ThrowIfDisposed();
        return MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)token.FeaturePointer);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NewNode()
    {
        if (_nodeCount == _nodes.Length) Grow();
        return _nodeCount++;
    }

    private void Grow() => Array.Resize(ref _nodes, _nodes.Length * 2);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<MorphemeToken> Run()
    {
        _dic.ThrowIfDisposed();
        int len = _input.Length;
        if (_endHead.Length < len + 8)
        {
            _endHead = new int[Math.Max(len + 8, _endHead.Length * 2)];
            _endCount = new int[_endHead.Length];
        }
        int[] endHead = _endHead;
        endHead.AsSpan(0, len + 8).Fill(-1);
        _endCount.AsSpan(0, len + 8).Clear();
        _nodeCount = 0;
        _chars.Reset(len);
        var matrix = _dic.Matrix;
        short* costs = matrix.Costs;
        int lsize = matrix.LeftSize;

        int bos = NewNode();
        _nodes[bos] = new Node { Begin = 0, End = 0, Prev = -1, ENext = -1, Feature = (nint)_dic.BosFeature };
        endHead[0] = bos;
        _endCount[0] = 1;

        fixed (byte* s = _input.Buffer)
        {
            for (int pos = 0; pos < len; pos++)
            {
                if (endHead[pos] < 0) continue;
                int first = _nodeCount;
                Lookup(s, pos, len);
                ConnectAll(pos, first, costs, lsize);
            }
        }

        int eos = NewNode();
        _idsShifted = false;
        if (_partial) SetId(eos);
        _nodes[eos] = new Node { Begin = len, End = len, Prev = -1, ENext = -1, Feature = (nint)_dic.BosFeature };
        for (int pos = len; pos >= 0; pos--)
        {
            if (endHead[pos] >= 0)
            {
                _nodes[eos].Pos = pos;
                Connect(_nodes, endHead, _endCount, pos, eos, costs, lsize);
                break;
            }
        }
        Backtrack(eos);
        _allMorphs = false;
        LastNodeId = eos;
        EosCost = _nodes[eos].Cost;
        _nbestReady = false;
        _bestReady = false;
        _marginalReady = false;
        return Tokens;
    }

    /// <summary>The last sentence's EOS node (its index; <see cref="EosId"/> is mecab's id).</summary>
    internal int LastNodeId { get; private set; }

    /// <summary>mecab's id of the last sentence's EOS node.</summary>
    internal int EosId => MecabId(LastNodeId);

    /// <summary>The cost of the last sentence's best path (EOS included).</summary>
    internal long EosCost { get; private set; }

    private long[] _leftCost = new long[64];
    private int[] _leftCost32 = new int[64];
    private int[] _leftRight = new int[64];
    private int[] _leftIndex = new int[64];

    // Connects the nodes that start at pos (mecab links each in front of the previous one, so newest first) to the
    // best node ending at pos. The left nodes are copied into flat arrays once instead of chasing the list per node.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConnectAll(int pos, int first, short* costs, int lsize)
    {
        Node[] nodes = _nodes;
        int[] endHead = _endHead;
        int last = _nodeCount - 1;
        for (int r = last; r >= first; r--)
        {
            // A node whose 16-bit rlength wrapped to 0 ends where it starts and joins this very list: keep mecab's order.
            if (nodes[r].End == pos)
            {
                for (int q = last; q >= first; q--) Connect(nodes, endHead, _endCount, pos, q, costs, lsize);
                return;
            }
        }
        int[] endCount = _endCount;
        int n = endCount[pos];
        int padded = (n + ConnectionKernel.Width - 1) & -ConnectionKernel.Width;
        if (_leftCost.Length < padded)
        {
            int size = Math.Max(padded, _leftCost.Length * 2);
            _leftCost = new long[size];
            _leftCost32 = new int[size];
            _leftRight = new int[size];
            _leftIndex = new int[size];
        }
        long[] leftCost = _leftCost;
        int[] leftCost32 = _leftCost32, leftRight = _leftRight, leftIndex = _leftIndex;
        long lo = long.MaxValue, hi = long.MinValue;
        n = 0;
        for (int l = endHead[pos]; l >= 0; l = nodes[l].ENext)
        {
            ref Node left = ref nodes[l];
            long c = left.Cost;
            leftCost[n] = c;
            leftCost32[n] = (int)c;
            leftRight[n] = left.RightId;
            leftIndex[n] = l;
            lo = Math.Min(lo, c);
            hi = Math.Max(hi, c);
            n++;
        }
        // Below five left nodes the scalar loop is faster (measured on the Bible text).
        if (_vector && n > 4 && lo >= ConnectionKernel.MinCost && hi <= ConnectionKernel.MaxCost)
        {
            for (int k = n; k < padded; k++) { leftCost32[k] = ConnectionKernel.PadCost; leftRight[k] = 0; }
            fixed (int* cost = leftCost32, right = leftRight)
            {
                for (int r = last; r >= first; r--)
                {
                    ref Node node = ref nodes[r];
                    int bestK = ConnectionKernel.FirstMin(cost, right, padded, costs + lsize * node.LeftId, out int total);
                    // mecab starts from INT_MAX and keeps the first strictly smaller total (word cost included).
                    long best = (long)total + node.WordCost;
                    if (best >= int.MaxValue) throw new InvalidOperationException("too long sentence: path cost overflow");
                    Link(ref node, r, leftIndex[bestK], best, endHead, endCount);
                }
            }
            return;
        }
        var costSpan = leftCost.AsSpan(0, n);
        var rightSpan = leftRight.AsSpan(0, n);
        for (int r = last; r >= first; r--)
        {
            ref Node right = ref nodes[r];
            short* column = costs + lsize * right.LeftId;
            int wordCost = right.WordCost;
            long best = (long)int.MaxValue - wordCost;
            int bestK = -1;
            for (int k = 0; k < costSpan.Length; k++)
            {
                long c = costSpan[k] + column[rightSpan[k]];
                if (c < best) { best = c; bestK = k; }
            }
            if (bestK < 0) throw new InvalidOperationException("too long sentence: path cost overflow");
            Link(ref right, r, leftIndex[bestK], best + wordCost, endHead, endCount);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Link(ref Node right, int r, int prev, long cost, int[] endHead, int[] endCount)
    {
        right.Prev = prev;
        right.Cost = cost;
        int x = right.End;
        right.ENext = endHead[x];
        endHead[x] = r;
        endCount[x]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Connect(Node[] nodes, int[] endHead, int[] endCount, int pos, int r, short* costs, int lsize)
    {
        ref Node right = ref nodes[r];
        short* column = costs + lsize * right.LeftId;
        long best = int.MaxValue; // mecab starts from INT_MAX and keeps the first strictly smaller cost
        int bestNode = -1;
        for (int l = endHead[pos]; l >= 0;)
        {
            ref Node left = ref nodes[l];
            long c = left.Cost + column[left.RightId] + right.WordCost;
            if (c < best) { best = c; bestNode = l; }
            l = left.ENext;
        }
        if (bestNode < 0) throw new InvalidOperationException("too long sentence: path cost overflow");
        Link(ref right, r, bestNode, best, endHead, endCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backtrack(int eos)
    {
        int n = 0;
        for (int i = _nodes[eos].Prev; i > 0; i = _nodes[i].Prev) n++;
        if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
        _tokenCount = n;
        int k = n;
        for (int i = _nodes[eos].Prev; i > 0; i = _nodes[i].Prev)
        {
            // Writers read the features next, from all over the dictionary: start loading them together.
            if (Sse.IsSupported) Sse.Prefetch0((void*)_nodes[i].Feature);
            _tokens[--k] = Token(i, _nodes[i].Prev);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MorphemeToken Token(int i, int prevIndex)
    {
        ref Node node = ref _nodes[i];
        int len = _input.Length;
        int b = Math.Min(node.Begin, len), e = Math.Min(node.Begin + node.Length, len);
        _input.MapRange(b, e, out int off, out int length);
        ref Node prev = ref _nodes[prevIndex];
        return new MorphemeToken(off, length, b, e - b, node.Unknown, node.LeftId, node.RightId, node.WordCost, node.Cost, node.Feature,
            b - Math.Min(node.Pos, b), node.PosId, node.CharType, node.Cost - prev.Cost - node.WordCost, i);
    }

    /// <summary>
    /// Every morpheme of the last sentence's lattice, in the order of mecab's all-morphs output (<c>-a</c>): by start
    /// position, each position's candidates in mecab's order. <see cref="Tokens"/> then holds them (until the next
    /// analysis); <see cref="MorphemeToken.ConnectionCost"/> is then, as in mecab, relative to the previous one listed.
    /// </summary>
    public ReadOnlySpan<MorphemeToken> AllMorphemes()
    {
        _dic.ThrowIfDisposed();
        int eos = LastNodeId;
        int n = eos - 1;
        if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
        _tokenCount = n;
        // The nodes of one look-up are contiguous and mecab lists them newest first.
        int k = 0, prev = 0;
        for (int first = 1; first < eos;)
        {
            int last = first;
            while (last + 1 < eos && _nodes[last + 1].Pos == _nodes[first].Pos) last++;
            for (int i = last; i >= first; i--)
            {
                _tokens[k++] = Token(i, prev);
                prev = i;
            }
            first = last + 1;
        }
        _allMorphs = true;
        return Tokens;
    }

    private bool _allMorphs;

    // ---- Marginal probabilities: mecab's forward-backward (Viterbi::forwardbackward) with its operation order.

    // float, as mecab's Node keeps them: every step rounds as there.
    private float[] _alpha = [], _beta = [], _prob = [];
    private bool _marginalReady;

    /// <summary>
    /// Computes mecab's marginal probabilities (<c>-m</c>) for the last sentence with temperature
    /// <paramref name="theta"/> (mecab's default 0.75); then <see cref="Marginal"/> gives each node's.
    /// </summary>
    public void ComputeMarginals(double theta = 0.75)
    {
        _dic.ThrowIfDisposed();
        int count = _nodeCount, eos = LastNodeId;
        if (_alpha.Length < count)
        {
            int size = Math.Max(count, _alpha.Length * 2);
            _alpha = new float[size]; _beta = new float[size]; _prob = new float[size];
        }
        var matrix = _dic.Matrix;
        short* costs = matrix.Costs;
        int lsize = matrix.LeftSize;
        if (_firstAt.Length < _input.Length + 1) _firstAt = new int[Math.Max(_input.Length + 1, _firstAt.Length * 2)];
        _firstAt.AsSpan(0, _input.Length + 1).Clear();
        for (int i = eos - 1; i >= 1; i--) _firstAt[_nodes[i].Pos] = i;
        // alpha: nodes by start position, each look-up's nodes newest first (mecab's begin lists), EOS last.
        _alpha[0] = 0;
        for (int first = 1; first < eos;)
        {
            int last = first;
            while (last + 1 < eos && _nodes[last + 1].Pos == _nodes[first].Pos) last++;
            for (int i = last; i >= first; i--) Alpha(i, theta, costs, lsize);
            first = last + 1;
        }
        Alpha(eos, theta, costs, lsize);
        // beta: positions from the end, each end list in its order; a node's right paths newest first.
        _beta.AsSpan(0, count).Clear();
        for (int pos = _input.Length; pos >= 0; pos--)
        {
            for (int l = _endHead[pos]; l >= 0; l = _nodes[l].ENext) Beta(l, theta, costs, lsize);
        }
        double z = _alpha[eos];
        // (float + float) in float, then minus the double Z, as in mecab.
        for (int i = 0; i < count; i++) _prob[i] = (float)Math.Exp((float)(_alpha[i] + _beta[i]) - z);
        _prob[0] = 0; // BOS is in no begin list, so mecab leaves its probability at 0
        _marginalReady = true;
        _theta = theta;
    }

    private double _theta;

    /// <summary>The feature of node <paramref name="k"/> of the last sentence.</summary>
    internal ReadOnlySpan<byte> FeatureOf(int k) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)_nodes[k].Feature);

    /// <summary>mecab's alpha, beta and marginal probability of a node of the last sentence (0 before <see cref="ComputeMarginals"/>).</summary>
    internal (double Alpha, double Beta, double Prob) Marginal(int nodeId) =>
        _marginalReady && nodeId < _nodeCount ? (_alpha[nodeId], _beta[nodeId], _prob[nodeId]) : (0, 0, 0);

    /// <summary>The marginal probability of <paramref name="token"/> after <see cref="ComputeMarginals"/> (mecab's <c>%pP</c>); 0 before.</summary>
    public double MarginalProbability(in MorphemeToken token) => Marginal(token.NodeId).Prob;

    private static double LogSumExp(double x, double y, bool first)
    {
        if (first) return y;
        double vmin = Math.Min(x, y), vmax = Math.Max(x, y);
        return vmax > vmin + 50 ? vmax : vmax + Math.Log(Math.Exp(vmin - vmax) + 1.0);
    }

    private void Alpha(int r, double theta, short* costs, int lsize)
    {
        ref Node right = ref _nodes[r];
        short* column = costs + lsize * right.LeftId;
        // The left paths newest first: the end list at r's position read backwards.
        int m = 0;
        for (int l = _endHead[right.Pos]; l >= 0; l = _nodes[l].ENext)
        {
            if (l == LastNodeId || l == r) continue;
            if (_lpath.Length == m) Array.Resize(ref _lpath, m * 2);
            _lpath[m++] = l;
        }
        float a = 0;
        for (int j = m - 1; j >= 0; j--)
        {
            int l = _lpath[j];
            int cost = column[_nodes[l].RightId] + right.WordCost;
            a = (float)LogSumExp(a, -theta * cost + _alpha[l], j == m - 1);
        }
        _alpha[r] = a;
    }

    private int[] _rpath = new int[64];
    private int[] _firstAt = [];

    private void Beta(int l, double theta, short* costs, int lsize)
    {
        int eos = LastNodeId;
        if (l == eos) { _beta[l] = 0; return; }
        ref Node left = ref _nodes[l];
        int end = left.End;
        // Right paths: the nodes looked up at l's end (in creation order, as mecab prepends them while connecting
        // newest first), after EOS when EOS connected here.
        int m = 0;
        if (_nodes[eos].Pos == end) _rpath[m++] = eos;
        if (end < _input.Length && _firstAt[end] > 0)
        {
            for (int i = _firstAt[end]; i < eos && _nodes[i].Pos == end; i++)
            {
                if (_rpath.Length == m) Array.Resize(ref _rpath, m * 2);
                _rpath[m++] = i;
            }
        }
        float b = 0;
        for (int j = 0; j < m; j++)
        {
            int r = _rpath[j];
            ref Node right = ref _nodes[r];
            int cost = costs[lsize * right.LeftId + left.RightId] + right.WordCost;
            b = (float)LogSumExp(b, -theta * cost + _beta[r], j == 0);
        }
        _beta[l] = b;
    }

    /// <summary>
    /// The left paths of node <paramref name="r"/> in mecab's lpath order (last connected first): left node, path cost
    /// (connection plus the node's word cost) and, after <see cref="ComputeMarginals"/>, the path's probability.
    /// </summary>
    internal int LeftPaths(int r, List<(int Left, int Cost, float Prob)> paths)
    {
        paths.Clear();
        if (r <= 0 || r > LastNodeId) return 0;
        var matrix = _dic.Matrix;
        ref Node right = ref _nodes[r];
        short* column = matrix.Costs + matrix.LeftSize * right.LeftId;
        int m = 0;
        for (int l = _endHead[right.Pos]; l >= 0; l = _nodes[l].ENext)
        {
            if (l == LastNodeId || l == r) continue;
            if (_lpath.Length == m) Array.Resize(ref _lpath, m * 2);
            _lpath[m++] = l;
        }
        double z = _marginalReady ? _alpha[LastNodeId] : 0;
        for (int j = m - 1; j >= 0; j--)
        {
            int l = _lpath[j];
            int cost = column[_nodes[l].RightId] + right.WordCost;
            float prob = _marginalReady ? (float)Math.Exp(_alpha[l] - _theta * cost + _beta[r] - z) : 0;
            paths.Add((l, cost, prob));
        }
        return m;
    }

    // ---- N-best: mecab's NBestGenerator (A* from EOS over all left paths), with libstdc++'s heap so that ties
    // come out in mecab's order.

    private struct QueueElement
    {
        public int Node;
        public int Next;  // element towards EOS, -1 at EOS
        public long Fx;
        public long Gx;
    }

    private bool _nbestReady;
    private bool[] _best = [];

    /// <summary>Whether a node of the last sentence lies on its best path (mecab's isbest, <c>%pb</c>).</summary>
    internal bool IsOnBestPath(int nodeId)
    {
        if (!_nbestReady && !_allMorphs) return true;
        if (!_bestReady)
        {
            _bestReady = true;
            if (_best.Length < _nodeCount) _best = new bool[Math.Max(_nodeCount, _best.Length * 2)];
            _best.AsSpan(0, _nodeCount).Clear();
            for (int i = LastNodeId; i > 0; i = _nodes[i].Prev) _best[i] = true;
        }
        return _best[nodeId];
    }

    private bool _bestReady;
    private QueueElement[] _elements = new QueueElement[256];
    private int _elementCount;
    private int[] _heap = new int[256];
    private int _heapCount;
    private int[] _lpath = new int[64];

    /// <summary>
    /// Moves to the next-best analysis of the last sentence, as mecab's N-best search does (the first call gives
    /// the best analysis again, then the second best, and so on): <see cref="Tokens"/> then holds it. Returns false
    /// when there is none left. The search keeps every path it opens, so memory grows with the number asked for.
    /// </summary>
    public bool NextBest()
    {
        _dic.ThrowIfDisposed();
        if (!_nbestReady)
        {
            _nbestReady = true;
            _elementCount = 0;
            _heapCount = 0;
            int eos = LastNodeId;
            Push(new QueueElement { Node = eos, Next = -1, Fx = 0, Gx = 0 });
        }
        var matrix = _dic.Matrix;
        short* costs = matrix.Costs;
        int lsize = matrix.LeftSize;
        while (_heapCount > 0)
        {
            int topIndex = Pop();
            QueueElement top = _elements[topIndex];
            if (top.Node == 0)
            {
                // BOS: the path runs along Next to EOS.
                int n = 0;
                for (int e = top.Next; e >= 0 && _elements[e].Next >= 0; e = _elements[e].Next) n++;
                if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
                _tokenCount = n;
                int k = 0, prev = 0;
                for (int e = top.Next; e >= 0 && _elements[e].Next >= 0; e = _elements[e].Next)
                {
                    int node = _elements[e].Node;
                    _tokens[k++] = Token(node, prev);
                    prev = node;
                }
                return true;
            }
            ref Node r = ref _nodes[top.Node];
            short* column = costs + lsize * r.LeftId;
            // mecab's lpath list: the nodes ending at r's position, last connected first.
            int m = 0;
            for (int l = _endHead[r.Pos]; l >= 0; l = _nodes[l].ENext)
            {
                if (l == LastNodeId) continue; // EOS joins the list it connects to only afterwards
                if (_lpath.Length == m) Array.Resize(ref _lpath, m * 2);
                _lpath[m++] = l;
            }
            for (int j = m - 1; j >= 0; j--)
            {
                int l = _lpath[j];
                long pathCost = column[_nodes[l].RightId] + r.WordCost;
                Push(new QueueElement { Node = l, Next = topIndex, Gx = pathCost + top.Gx, Fx = _nodes[l].Cost + pathCost + top.Gx });
            }
        }
        _tokenCount = 0;
        return false;
    }

    private void Push(QueueElement element)
    {
        if (_elementCount == _elements.Length) Array.Resize(ref _elements, _elements.Length * 2);
        int index = _elementCount++;
        _elements[index] = element;
        if (_heapCount == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        PushHeap(_heapCount++, 0, index);
    }

    // comp(a, b) = a.Fx > b.Fx (std::priority_queue with mecab's QueueElementComp: smallest fx on top).
    private bool Comp(int a, int b) => _elements[a].Fx > _elements[b].Fx;

    // libstdc++ __push_heap.
    private void PushHeap(int hole, int top, int value)
    {
        int parent = (hole - 1) / 2;
        while (hole > top && Comp(_heap[parent], value))
        {
            _heap[hole] = _heap[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        _heap[hole] = value;
    }

    // libstdc++ pop_heap + pop_back: returns the former top.
    private int Pop()
    {
        int result = _heap[0];
        int last = --_heapCount;
        int value = _heap[last];
        _heap[last] = result;
        // __adjust_heap(first, 0, len = last, value)
        int len = last, hole = 0, second = 0;
        while (second < (len - 1) / 2)
        {
            second = 2 * (second + 1);
            if (Comp(_heap[second], _heap[second - 1])) second--;
            _heap[hole] = _heap[second];
            hole = second;
        }
        if ((len & 1) == 0 && second == (len - 2) / 2)
        {
            second = 2 * (second + 1);
            _heap[hole] = _heap[second - 1];
            hole = second - 1;
        }
        PushHeap(hole, 0, value);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Lookup(byte* s, int begin, int sentenceEnd)
    {
        int end = sentenceEnd - begin >= LookupCap ? begin + LookupCap : sentenceEnd;
        if (_partial)
        {
            for (int n = begin + 1; n < sentenceEnd; n++)
                if (_boundary[n] == 1) { end = n; break; }
        }
        uint cinfo = 0;
        int mblen = 0;
        int begin2 = _chars.SeekToOtherType(s, begin, end, _dic.SpaceInfo, ref cinfo, ref mblen, out _);
        int lookupFirst = _nodeCount;
        int defaultType = CharCategories.DefaultType(cinfo);

        var lexicons = _dic.Lexicons;
        int keyLen = end - begin2;
        // mecab's double array takes a zero length as "up to the NUL".
        if (keyLen == 0) keyLen = sentenceEnd - begin2;
        for (int d = 0; d < lexicons.Length; d++)
        {
            var lex = lexicons[d];
            int n = lex.CommonPrefixSearch(s + begin2, keyLen, _prefixValues, _prefixLengths);
            if (n > MaxPrefixResults) n = MaxPrefixResults;
            for (int i = 0; i < n; i++)
            {
                lex.TokenRange(_prefixValues[i], out uint first, out int count);
                int nodeEnd = begin2 + _prefixLengths[i];
                RawToken* t = lex.Tokens + first;
                for (int j = 0; j < count; j++, t++)
                {
                    lex.CheckToken(t, first + (uint)j);
                    int k = NewNode();
                    ref Node node = ref _nodes[k];
                    node.Begin = begin2;
                    node.Pos = begin;
                    node.Length = (ushort)(nodeEnd - begin2);
                    node.End = begin + (ushort)(nodeEnd - begin);
                    node.LeftId = t->LeftId;
                    node.RightId = t->RightId;
                    node.WordCost = t->WordCost;
                    node.Feature = (nint)lex.FeatureAt(t->Feature);
                    node.Unknown = false;
                    node.CharType = (byte)defaultType;
                    node.PosId = t->PosId;
                    if (_partial) KeepIfValid(k);
                }
            }
        }

        if (_nodeCount > lookupFirst && !CharCategories.Invoke(cinfo)) return;

        int begin3 = begin2 + mblen;
        int groupBegin3 = -1;
        if (begin3 > end)
        {
            AddUnknown(defaultType, begin, begin2, begin3);
            if (_nodeCount > lookupFirst) return;
        }

        if (CharCategories.Group(cinfo))
        {
            int tmp = begin3;
            uint fail = 0;
            int ml = mblen;
            begin3 = _chars.SeekGroup(s, begin3, end, cinfo, ref fail, ref ml, out int clen);
            if (clen <= _dic.MaxGroupingSize) AddUnknown(defaultType, begin, begin2, begin3);
            groupBegin3 = begin3;
            begin3 = tmp;
        }

        int maxLength = CharCategories.Length(cinfo);
        for (int i = 1; i <= maxLength; i++)
        {
            if (begin3 > end) break;
            if (begin3 == groupBegin3) continue;
            AddUnknown(defaultType, begin, begin2, begin3);
            uint next = _chars.CharInfo(s, begin3, end, out int ml);
            if ((cinfo & next & 0x3ffffu) == 0) break;
            begin3 += ml;
        }

        if (_nodeCount == lookupFirst) AddUnknown(defaultType, begin, begin2, begin3);

        if (_partial && _nodeCount == lookupFirst)
        {
            // Nothing fits the constraints: one unknown word over the constrained piece, else a node made up with
            // the pattern as its feature (mecab's last resort).
            begin3 = begin2;
            uint ci;
            while (true)
            {
                ci = _chars.CharInfo(s, begin3, end, out int ml);
                begin3 += ml;
                if (begin3 > end || _boundary[begin3] != 2) break;
            }
            AddUnknown(CharCategories.DefaultType(ci), begin, begin2, begin3);
            if (_nodeCount == lookupFirst)
            {
                int k = NewNode();
                _nodes[k] = new Node
                {
                    Begin = begin2, Pos = begin, Length = (ushort)(begin3 - begin2), End = begin + (ushort)(begin3 - begin),
                    Feature = _constraint[begin], Unknown = true, CharType = (byte)CharCategories.DefaultType(ci),
                };
                SetId(k);
            }
        }
    }

    // Adds the unknown-word entries of one category.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnknown(int category, int begin, int begin2, int begin3)
    {
        var (first, count) = _dic.UnknownTokens[category];
        var unk = _dic.Unknown;
        nint over = (nint)_dic.UnknownFeatureOverride;
        RawToken* t = unk.Tokens + first;
        for (int k = 0; k < count; k++, t++)
        {
            int i = NewNode();
            ref Node node = ref _nodes[i];
            node.Begin = begin2;
            node.Pos = begin;
            node.Length = (ushort)(begin3 - begin2);
            node.End = begin + (ushort)(begin3 - begin);
            node.LeftId = t->LeftId;
            node.RightId = t->RightId;
            node.WordCost = t->WordCost;
            node.Feature = over != 0 ? over : (nint)unk.FeatureAt(t->Feature);
            node.Unknown = true;
            node.CharType = (byte)category;
            node.PosId = t->PosId;
            if (_partial) KeepIfValid(i);
        }
    }
}
