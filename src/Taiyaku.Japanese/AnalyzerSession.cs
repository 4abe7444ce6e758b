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
// Lattice, ViterbiSearch links them (with the costs of the session's LocalConnectionMatrix) and reads the best path
// back; NBestGenerator, ForwardBackward and PartialConstraints serve mecab's -N, -m and -p. The session owns them,
// runs them and turns paths into tokens.
public sealed unsafe class AnalyzerSession
{
    private readonly MecabDictionary _dic;
    private readonly SentenceInput _input;
    private readonly CharClassifier _chars;
    private readonly Lattice _lattice = new();
    private readonly LatticeBuilder _builder;
    private readonly ViterbiSearch _viterbi;
    private readonly NBestGenerator _nbest;
    private readonly ForwardBackward _marginals;
    private readonly PartialConstraints _constraints = new();
    private MorphemeToken[] _tokens = new MorphemeToken[64];
    private int _tokenCount;
    private bool _allMorphs;   // whether Tokens holds the whole lattice (AllMorphemes)

    /// <summary>Creates a session over <paramref name="dictionary"/>.</summary>
    public AnalyzerSession(MecabDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        dictionary.ThrowIfDisposed();
        _dic = dictionary;
        _input = new SentenceInput(dictionary);
        _chars = new CharClassifier(dictionary);
        var costs = new LocalConnectionMatrix(dictionary.Matrix);
        _builder = new LatticeBuilder(dictionary, _lattice, _chars, costs);
        _viterbi = new ViterbiSearch(_lattice, costs);
        _nbest = new NBestGenerator(dictionary, _lattice);
        _marginals = new ForwardBackward(dictionary, _lattice);
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
    /// <paramref name="token"/> as a <see cref="Morpheme"/> object (its surface and feature as strings): for a token of
    /// <see cref="Analyze(ReadOnlySpan{char})"/>, whose offsets are into <paramref name="text"/>, the text analysed.
    /// </summary>
    public Morpheme ToMorpheme(in MorphemeToken token, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Morpheme(text.Substring(token.Offset, token.Length), _dic.TextEncoding.GetString(FeatureUtf8(token)), token.Offset, token.Length, token.IsUnknown);
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
                _tokens[k++] = Token(nodes, _input, i, prev);
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
        if (!_nbest.Next(out var path))
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
        _marginals.Compute(theta, _input.Length);
    }

    /// <summary>The marginal probability of <paramref name="token"/> after <see cref="ComputeMarginals"/> (mecab's <c>%pP</c>); 0 before.</summary>
    public double MarginalProbability(in MorphemeToken token) => _marginals.Marginal(token.NodeId).Prob;

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

    /// <summary>mecab's alpha, beta and marginal probability of a node of the last sentence (0 before <see cref="ComputeMarginals"/>).</summary>
    internal (double Alpha, double Beta, double Prob) Marginal(int nodeId) => _marginals.Marginal(nodeId);

    /// <summary>The left paths of node <paramref name="r"/> in mecab's order (see <see cref="ForwardBackward.LeftPaths"/>).</summary>
    internal int LeftPaths(int r, List<(int Left, int Cost, float Prob)> paths) => _marginals.LeftPaths(r, paths);

    /// <summary>Whether a node of the last sentence lies on its best path (mecab's isbest, <c>%pb</c>).</summary>
    internal bool IsOnBestPath(int nodeId) => (!_nbest.Started && !_allMorphs) || _viterbi.IsOnBestPath(nodeId);

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
        _nbest.Reset();
        _marginals.Reset();
        return Tokens;
    }

    // The tokens of a path (BOS and EOS left out), each costed from the one before.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetTokens(ReadOnlySpan<int> path)
    {
        int n = path.Length;
        if (_tokens.Length < n) _tokens = new MorphemeToken[Math.Max(n, _tokens.Length * 2)];
        _tokenCount = n;
        MorphemeToken[] tokens = _tokens;
        LatticeNode[] nodes = _lattice.Nodes;
        SentenceInput input = _input;
        int prev = 0;
        for (int k = 0; k < n; k++)
        {
            int node = path[k];
            tokens[k] = Token(nodes, input, node, prev);
            prev = node;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MorphemeToken Token(LatticeNode[] nodes, SentenceInput input, int i, int prevIndex)
    {
        ref LatticeNode node = ref nodes[i];
        int len = input.Length;
        int b = Math.Min(node.Begin, len), e = Math.Min(node.Begin + node.Length, len);
        input.MapRange(b, e, out int off, out int length);
        ref LatticeNode prev = ref nodes[prevIndex];
        return new MorphemeToken(off, length, b, e - b, node.Unknown, node.LeftId, node.RightId, node.WordCost, node.Cost, node.Feature,
            b - Math.Min(node.Pos, b), node.PosId, node.CharType, node.Cost - prev.Cost - node.WordCost, i);
    }
}
