namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// Marginal probabilities over the lattice (mecab's <c>-m</c>, Viterbi::forwardbackward), in mecab's order of
/// operations and with its float rounding, so the printed figures are mecab's.
/// </summary>
internal sealed unsafe class ForwardBackward
{
    private readonly Lattice _lattice;
    private readonly short* _costs;
    private readonly int _leftSize;
    // float, as mecab's Node keeps them: every step rounds as there.
    private float[] _alpha = [], _beta = [], _prob = [];
    private double _theta;
    private bool _ready;
    private int[] _firstAt = [];      // per position, the first node looked up there (0 for none)
    private int[] _lpath = new int[64];
    private int[] _rpath = new int[64];

    public ForwardBackward(MecabDictionary dictionary, Lattice lattice)
    {
        _lattice = lattice;
        _costs = dictionary.Matrix.Costs;
        _leftSize = dictionary.Matrix.LeftSize;
    }

    /// <summary>Forgets the figures (a new sentence was analysed).</summary>
    public void Reset() => _ready = false;

    /// <summary>Computes alpha, beta and the marginals of every node of a sentence of <paramref name="length"/> bytes.</summary>
    public void Compute(double theta, int length)
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
        _ready = true;
        _theta = theta;
    }

    /// <summary>mecab's alpha, beta and marginal probability of a node (0 before <see cref="Compute"/>).</summary>
    public (double Alpha, double Beta, double Prob) Marginal(int nodeId) =>
        _ready && nodeId < _lattice.Count ? (_alpha[nodeId], _beta[nodeId], _prob[nodeId]) : (0, 0, 0);

    /// <summary>
    /// The left paths of node <paramref name="r"/> in mecab's lpath order (last connected first): left node, path cost
    /// (connection plus the node's word cost) and, after <see cref="Compute"/>, the path's probability.
    /// </summary>
    public int LeftPaths(int r, List<(int Left, int Cost, float Prob)> paths)
    {
        paths.Clear();
        if (r <= 0 || r > _lattice.Eos) return 0;
        LatticeNode[] nodes = _lattice.Nodes;
        ref LatticeNode right = ref nodes[r];
        short* column = _costs + _leftSize * right.LeftId;
        int m = _lattice.LeftNodes(r, skipSelf: true, ref _lpath);
        double z = _ready ? _alpha[_lattice.Eos] : 0;
        for (int j = m - 1; j >= 0; j--)
        {
            int l = _lpath[j];
            int cost = column[nodes[l].RightId] + right.WordCost;
            float prob = _ready ? (float)Math.Exp(_alpha[l] - _theta * cost + _beta[r] - z) : 0;
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
}
