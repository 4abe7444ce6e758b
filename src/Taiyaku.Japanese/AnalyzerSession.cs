using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Taiyaku.Japanese.Analysis;

namespace Taiyaku.Japanese;

/// <summary>
/// A reusable lattice for analysing one sentence at a time with MeCab's Viterbi search. Not thread-safe: use one
/// session per thread (they may share one <see cref="MecabDictionary"/>). Buffers grow to the longest sentence seen
/// and are reused, so analysing allocates nothing once warm.
/// </summary>
// The work is split as in mecab, NMeCab and kuromoji (see Analysis/): SentenceInput holds the bytes and the offset
// map, LatticeBuilder adds each position's dictionary and unknown-word nodes (categories from CharClassifier) to the
// Lattice, ViterbiSearch links them and reads the best path back; PartialConstraints serves mecab's -p. The session
// owns them, runs them and turns paths into tokens; it still holds mecab's -N and -m searches below.
public sealed unsafe class AnalyzerSession
{
    private readonly MecabDictionary _dic;
    private readonly SentenceInput _input;
    private readonly CharClassifier _chars;
    private readonly Lattice _lattice = new();
    private readonly LatticeBuilder _builder;
    private readonly ViterbiSearch _viterbi;
    private readonly PartialConstraints _constraints = new();
    private MorphemeToken[] _tokens = new MorphemeToken[64];
    private int _tokenCount;
    private bool _allMorphs;   // whether Tokens holds the whole lattice (AllMorphemes)
    private readonly short* _costs;
    private readonly int _leftSize;

    /// <summary>Creates a session over <paramref name="dictionary"/>.</summary>
    public AnalyzerSession(MecabDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        dictionary.ThrowIfDisposed();
        _dic = dictionary;
        _input = new SentenceInput(dictionary);
        _chars = new CharClassifier(dictionary);
        _builder = new LatticeBuilder(dictionary, _lattice, _chars);
        _viterbi = new ViterbiSearch(dictionary, _lattice);
        _costs = dictionary.Matrix.Costs;
        _leftSize = dictionary.Matrix.LeftSize;
    }

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
        var pieces = PartialConstraints.SplitPieces(block);
        _input.SetPieces(pieces);
        _constraints.Set(pieces);
        _builder.Constraints = _constraints;
        try { return Run(); }
        finally { _builder.Constraints = null; _constraints.IdsShifted = true; }
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

    /// <summary>
    /// Every morpheme of the last sentence's lattice, in the order of mecab's all-morphs output (<c>-a</c>): by start
    /// position, each position's candidates in mecab's order. <see cref="Tokens"/> then holds them (until the next
    /// analysis); <see cref="MorphemeToken.ConnectionCost"/> is then, as in mecab, relative to the previous one listed.
    /// </summary>
    public ReadOnlySpan<MorphemeToken> AllMorphemes()
    {
        _dic.ThrowIfDisposed();
        LatticeNode[] nodes = _lattice.Nodes;
        int eos = _lattice.Eos;
        int n = eos - 1;
        if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
        _tokenCount = n;
        // The nodes of one look-up are contiguous and mecab lists them newest first.
        int k = 0, prev = 0;
        for (int first = 1; first < eos;)
        {
            int last = first;
            while (last + 1 < eos && nodes[last + 1].Pos == nodes[first].Pos) last++;
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

    /// <summary>
    /// Moves to the next-best analysis of the last sentence, as mecab's N-best search does (the first call gives
    /// the best analysis again, then the second best, and so on): <see cref="Tokens"/> then holds it. Returns false
    /// when there is none left. The search keeps every path it opens, so memory grows with the number asked for.
    /// </summary>
    public bool NextBest()
    {
        _dic.ThrowIfDisposed();
        if (!NextBestPath(out var path))
        {
            _tokenCount = 0;
            return false;
        }
        SetTokens(path);
        return true;
    }

    /// <summary>
    /// Computes mecab's marginal probabilities (<c>-m</c>) for the last sentence with temperature
    /// <paramref name="theta"/> (mecab's default 0.75); then <see cref="MarginalProbability"/> gives each token's.
    /// </summary>
    public void ComputeMarginals(double theta = 0.75)
    {
        _dic.ThrowIfDisposed();
        ForwardBackward(theta, _input.Length);
    }

    /// <summary>The marginal probability of <paramref name="token"/> after <see cref="ComputeMarginals"/> (mecab's <c>%pP</c>); 0 before.</summary>
    public double MarginalProbability(in MorphemeToken token) => Marginal(token.NodeId).Prob;

    /// <summary>The last sentence's EOS node (its index; <see cref="EosId"/> is mecab's id).</summary>
    internal int LastNodeId => _lattice.Eos;

    /// <summary>mecab's id of the last sentence's EOS node.</summary>
    internal int EosId => MecabId(_lattice.Eos);

    /// <summary>The cost of the last sentence's best path (EOS included).</summary>
    internal long EosCost => _lattice.Nodes[_lattice.Eos].Cost;

    /// <summary>mecab's id of node <paramref name="k"/> (the index, except in partial parsing, where mecab also counts the nodes it drops).</summary>
    internal int MecabId(int k) => _constraints.MecabId(k);

    /// <summary>The feature of node <paramref name="k"/> of the last sentence.</summary>
    internal ReadOnlySpan<byte> FeatureOf(int k) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)_lattice.Nodes[k].Feature);

    /// <summary>Whether a node of the last sentence lies on its best path (mecab's isbest, <c>%pb</c>).</summary>
    internal bool IsOnBestPath(int nodeId) => (!_nbestReady && !_allMorphs) || _viterbi.IsOnBestPath(nodeId);

    // Builds the lattice position by position, connecting each position's nodes as they are made (as mecab does),
    // then reads the best path.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<MorphemeToken> Run()
    {
        _dic.ThrowIfDisposed();
        int len = _input.Length;
        var lattice = _lattice;
        lattice.Reset(len, (nint)_dic.BosFeature);
        _chars.Reset(len);
        int[] endHead = lattice.EndHead;
        fixed (byte* s = _input.Buffer)
        {
            for (int pos = 0; pos < len; pos++)
            {
                if (endHead[pos] < 0) continue;
                int first = lattice.Count;
                _builder.Lookup(s, pos, len);
                _viterbi.ConnectAll(pos, first);
            }
        }
        int eos = lattice.AddEos(len, (nint)_dic.BosFeature);
        _constraints.IdsShifted = false;
        _builder.Constraints?.SetId(eos);
        _viterbi.ConnectEos();
        SetTokens(_viterbi.BestPath());
        _allMorphs = false;
        _nbestReady = false;
        _marginalReady = false;
        return Tokens;
    }

    // The tokens of a path (BOS and EOS left out), each costed from the one before.
    private void SetTokens(ReadOnlySpan<int> path)
    {
        int n = path.Length;
        if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
        _tokenCount = n;
        int prev = 0;
        for (int k = 0; k < n; k++)
        {
            int node = path[k];
            _tokens[k] = Token(node, prev);
            prev = node;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MorphemeToken Token(int i, int prevIndex)
    {
        LatticeNode[] nodes = _lattice.Nodes;
        ref LatticeNode node = ref nodes[i];
        int len = _input.Length;
        int b = Math.Min(node.Begin, len), e = Math.Min(node.Begin + node.Length, len);
        _input.MapRange(b, e, out int off, out int length);
        ref LatticeNode prev = ref nodes[prevIndex];
        return new MorphemeToken(off, length, b, e - b, node.Unknown, node.LeftId, node.RightId, node.WordCost, node.Cost, node.Feature,
            b - Math.Min(node.Pos, b), node.PosId, node.CharType, node.Cost - prev.Cost - node.WordCost, i);
    }

    // ---- Marginal probabilities: mecab's forward-backward (Viterbi::forwardbackward) with its operation order.

    // float, as mecab's Node keeps them: every step rounds as there.
    private float[] _alpha = [], _beta = [], _prob = [];
    private double _theta;
    private bool _marginalReady;
    private int[] _firstAt = [];      // per position, the first node looked up there (0 for none)
    private int[] _rpath = new int[64];

    /// <summary>Computes alpha, beta and the marginals of every node of a sentence of <paramref name="length"/> bytes.</summary>
    private void ForwardBackward(double theta, int length)
    {
        LatticeNode[] nodes = _lattice.Nodes;
        int count = _lattice.Count, eos = _lattice.Eos;
        if (_alpha.Length < count)
        {
            int size = Math.Max(count, _alpha.Length * 2);
            _alpha = new float[size]; _beta = new float[size]; _prob = new float[size];
        }
        if (_firstAt.Length < length + 1) _firstAt = new int[Math.Max(length + 1, _firstAt.Length * 2)];
        _firstAt.AsSpan(0, length + 1).Clear();
        for (int i = eos - 1; i >= 1; i--) _firstAt[nodes[i].Pos] = i;
        // alpha: nodes by start position, each look-up's nodes newest first (mecab's begin lists), EOS last.
        _alpha[0] = 0;
        for (int first = 1; first < eos;)
        {
            int last = first;
            while (last + 1 < eos && nodes[last + 1].Pos == nodes[first].Pos) last++;
            for (int i = last; i >= first; i--) Alpha(i, theta);
            first = last + 1;
        }
        Alpha(eos, theta);
        // beta: positions from the end, each end list in its order; a node's right paths newest first.
        _beta.AsSpan(0, count).Clear();
        int[] endHead = _lattice.EndHead;
        for (int pos = length; pos >= 0; pos--)
        {
            for (int l = endHead[pos]; l >= 0; l = nodes[l].ENext) Beta(l, theta, length);
        }
        double z = _alpha[eos];
        // (float + float) in float, then minus the double Z, as in mecab.
        for (int i = 0; i < count; i++) _prob[i] = (float)Math.Exp((float)(_alpha[i] + _beta[i]) - z);
        _prob[0] = 0; // BOS is in no begin list, so mecab leaves its probability at 0
        _marginalReady = true;
        _theta = theta;
    }

    /// <summary>mecab's alpha, beta and marginal probability of a node (0 before <see cref="ComputeMarginals"/>).</summary>
    internal (double Alpha, double Beta, double Prob) Marginal(int nodeId) =>
        _marginalReady && nodeId < _lattice.Count ? (_alpha[nodeId], _beta[nodeId], _prob[nodeId]) : (0, 0, 0);

    /// <summary>
    /// The left paths of node <paramref name="r"/> in mecab's lpath order (last connected first): left node, path cost
    /// (connection plus the node's word cost) and, after <see cref="ComputeMarginals"/>, the path's probability.
    /// </summary>
    internal int LeftPaths(int r, List<(int Left, int Cost, float Prob)> paths)
    {
        paths.Clear();
        if (r <= 0 || r > _lattice.Eos) return 0;
        LatticeNode[] nodes = _lattice.Nodes;
        ref LatticeNode right = ref nodes[r];
        short* column = _costs + _leftSize * right.LeftId;
        int m = _lattice.LeftNodes(r, skipSelf: true, ref _lpath);
        double z = _marginalReady ? _alpha[_lattice.Eos] : 0;
        for (int j = m - 1; j >= 0; j--)
        {
            int l = _lpath[j];
            int cost = column[nodes[l].RightId] + right.WordCost;
            float prob = _marginalReady ? (float)Math.Exp(_alpha[l] - _theta * cost + _beta[r] - z) : 0;
            paths.Add((l, cost, prob));
        }
        return m;
    }

    private static double LogSumExp(double x, double y, bool first)
    {
        if (first) return y;
        double vmin = Math.Min(x, y), vmax = Math.Max(x, y);
        return vmax > vmin + 50 ? vmax : vmax + Math.Log(Math.Exp(vmin - vmax) + 1.0);
    }

    private void Alpha(int r, double theta)
    {
        LatticeNode[] nodes = _lattice.Nodes;
        ref LatticeNode right = ref nodes[r];
        short* column = _costs + _leftSize * right.LeftId;
        // The left paths newest first: the end list at r's position read backwards.
        int m = _lattice.LeftNodes(r, skipSelf: true, ref _lpath);
        float a = 0;
        for (int j = m - 1; j >= 0; j--)
        {
            int l = _lpath[j];
            int cost = column[nodes[l].RightId] + right.WordCost;
            a = (float)LogSumExp(a, -theta * cost + _alpha[l], j == m - 1);
        }
        _alpha[r] = a;
    }

    private void Beta(int l, double theta, int length)
    {
        LatticeNode[] nodes = _lattice.Nodes;
        int eos = _lattice.Eos;
        if (l == eos) { _beta[l] = 0; return; }
        ref LatticeNode left = ref nodes[l];
        int end = left.End;
        // Right paths: the nodes looked up at l's end (in creation order, as mecab prepends them while connecting
        // newest first), after EOS when EOS connected here.
        int m = 0;
        if (nodes[eos].Pos == end) _rpath[m++] = eos;
        if (end < length && _firstAt[end] > 0)
        {
            for (int i = _firstAt[end]; i < eos && nodes[i].Pos == end; i++)
            {
                if (_rpath.Length == m) Array.Resize(ref _rpath, m * 2);
                _rpath[m++] = i;
            }
        }
        float b = 0;
        for (int j = 0; j < m; j++)
        {
            int r = _rpath[j];
            ref LatticeNode right = ref nodes[r];
            int cost = _costs[_leftSize * right.LeftId + left.RightId] + right.WordCost;
            b = (float)LogSumExp(b, -theta * cost + _beta[r], j == 0);
        }
        _beta[l] = b;
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
    private QueueElement[] _elements = new QueueElement[256];  // every element opened, kept for the paths
    private int _elementCount;
    private int[] _heap = new int[256];   // element indices, smallest fx on top
    private int _heapCount;
    private int[] _lpath = new int[64];   // left nodes, for the N-best search and the marginals
    private int[] _nbestPath = new int[64];

    /// <summary>
    /// The next-best path (BOS and EOS left out; the first call gives the best one), or false when there is none left.
    /// The search keeps every path it opens, so memory grows with the number asked for.
    /// </summary>
    private bool NextBestPath(out ReadOnlySpan<int> path)
    {
        if (!_nbestReady)
        {
            _nbestReady = true;
            _elementCount = 0;
            _heapCount = 0;
            Push(new QueueElement { Node = _lattice.Eos, Next = -1, Fx = 0, Gx = 0 });
        }
        short* costs = _costs;
        int lsize = _leftSize;
        while (_heapCount > 0)
        {
            int topIndex = Pop();
            QueueElement top = _elements[topIndex];
            if (top.Node == 0)
            {
                // BOS: the path runs along Next to EOS.
                int n = 0;
                for (int e = top.Next; e >= 0 && _elements[e].Next >= 0; e = _elements[e].Next) n++;
                if (_nbestPath.Length < n) _nbestPath = new int[Math.Max(n, _nbestPath.Length * 2)];
                int k = 0;
                for (int e = top.Next; e >= 0 && _elements[e].Next >= 0; e = _elements[e].Next) _nbestPath[k++] = _elements[e].Node;
                path = _nbestPath.AsSpan(0, n);
                return true;
            }
            LatticeNode[] nodes = _lattice.Nodes;
            ref LatticeNode r = ref nodes[top.Node];
            short* column = costs + lsize * r.LeftId;
            int m = _lattice.LeftNodes(top.Node, skipSelf: false, ref _lpath);
            for (int j = m - 1; j >= 0; j--)
            {
                int l = _lpath[j];
                long pathCost = column[nodes[l].RightId] + r.WordCost;
                Push(new QueueElement { Node = l, Next = topIndex, Gx = pathCost + top.Gx, Fx = nodes[l].Cost + pathCost + top.Gx });
            }
        }
        path = default;
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
}
