using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// The best path through the lattice (mecab's Viterbi::connect; kuromoji's ViterbiSearcher): as the lattice is
/// built, each new node is linked to its cheapest left neighbour and joins the end list where it ends; then the
/// path is read back from EOS. Ties go to the first left node in mecab's order, so paths are mecab's.
/// </summary>
internal sealed unsafe class ViterbiSearch
{
    private readonly Lattice _lattice;
    private readonly LocalConnectionMatrix _costs;   // cost(left's local right id, right's local left id)
    private readonly bool _vector;        // whether ConnectAll may take ConnectionKernel's vector path
    private long[] _leftCost = new long[64];  // the left nodes of one position, copied flat for the step
    private int[] _leftCost32 = new int[64];
    private int[] _leftRight = new int[64];
    private int[] _leftIndex = new int[64];
    private int[] _path = new int[64];        // the best path, BOS and EOS left out
    private bool _marksReady;
    private bool[] _onBestPath = [];

    public ViterbiSearch(Lattice lattice, LocalConnectionMatrix costs)
    {
        _lattice = lattice;
        _costs = costs;
        _vector = ConnectionKernel.IsSupported && costs.GatherSafe;
    }

    /// <summary>
    /// Connects the nodes made from <paramref name="first"/> on, which start at <paramref name="pos"/> (mecab links
    /// each in front of the previous one, so newest first), to the best node ending at pos. The left nodes are
    /// copied into flat arrays once instead of chasing the list per node.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ConnectAll(int pos, int first)
    {
        LatticeNode[] nodes = _lattice.Nodes;
        int[] endHead = _lattice.EndHead;
        int[] endCount = _lattice.EndCount;
        short* costs = _costs.Costs;
        int lsize = _costs.Stride;
        int last = _lattice.Count - 1;
        for (int r = last; r >= first; r--)
        {
            // A node whose 16-bit rlength wrapped to 0 ends where it starts and joins this very list: keep mecab's order.
            if (nodes[r].End == pos)
            {
                for (int q = last; q >= first; q--) Connect(nodes, endHead, endCount, pos, q, costs, lsize);
                return;
            }
        }
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
        bool outside = false;   // whether some left cost lies outside the 32-bit vector path's range
        n = 0;
        for (int l = endHead[pos]; l >= 0; l = nodes[l].ENext)
        {
            ref LatticeNode left = ref nodes[l];
            long c = left.Cost;
            leftCost[n] = c;
            leftCost32[n] = (int)c;
            leftRight[n] = left.LocalRight;
            leftIndex[n] = l;
            // One unsigned comparison, no branch (a minimum and a maximum compiled to branches).
            outside |= (ulong)(c - ConnectionKernel.MinCost) > (ulong)((long)ConnectionKernel.MaxCost - ConnectionKernel.MinCost);
            n++;
        }
        // Below five left nodes the scalar loop is faster (measured on the Bible text).
        if (_vector && n > 4 && !outside)
        {
            for (int k = n; k < padded; k++) { leftCost32[k] = ConnectionKernel.PadCost; leftRight[k] = 0; }
            fixed (int* cost = leftCost32, right = leftRight)
            {
                // One or two vectors of left nodes (most positions) stay in registers across the right nodes.
                if (padded == ConnectionKernel.Width)
                {
                    var cost0 = Avx.LoadVector256(cost);
                    var right0 = Avx.LoadVector256(right);
                    for (int r = last; r >= first; r--)
                    {
                        ref LatticeNode node = ref nodes[r];
                        int bestK = ConnectionKernel.FirstMin8(cost0, right0, costs + lsize * node.LocalLeft, out int total);
                        LinkVectorBest(ref node, r, leftIndex[bestK], total, endHead, endCount);
                    }
                    return;
                }
                if (padded == 2 * ConnectionKernel.Width)
                {
                    var cost0 = Avx.LoadVector256(cost);
                    var right0 = Avx.LoadVector256(right);
                    var cost1 = Avx.LoadVector256(cost + ConnectionKernel.Width);
                    var right1 = Avx.LoadVector256(right + ConnectionKernel.Width);
                    for (int r = last; r >= first; r--)
                    {
                        ref LatticeNode node = ref nodes[r];
                        int bestK = ConnectionKernel.FirstMin16(cost0, right0, cost1, right1, costs + lsize * node.LocalLeft, out int total);
                        LinkVectorBest(ref node, r, leftIndex[bestK], total, endHead, endCount);
                    }
                    return;
                }
                for (int r = last; r >= first; r--)
                {
                    ref LatticeNode node = ref nodes[r];
                    int bestK = ConnectionKernel.FirstMin(cost, right, padded, costs + lsize * node.LocalLeft, out int total);
                    LinkVectorBest(ref node, r, leftIndex[bestK], total, endHead, endCount);
                }
            }
            return;
        }
        var costSpan = leftCost.AsSpan(0, n);
        var rightSpan = leftRight.AsSpan(0, n);
        for (int r = last; r >= first; r--)
        {
            ref LatticeNode right = ref nodes[r];
            short* column = costs + lsize * right.LocalLeft;
            int wordCost = right.WordCost;
            long best = (long)int.MaxValue - wordCost;
            int bestK = -1;
            for (int k = 0; k < costSpan.Length; k++)
            {
                long c = costSpan[k] + column[rightSpan[k]];
                if (c < best) { best = c; bestK = k; }
            }
            if (bestK < 0) ThrowCostOverflow();
            Link(ref right, r, leftIndex[bestK], best + wordCost, endHead, endCount);
        }
    }

    /// <summary>Connects EOS (the lattice's <see cref="Lattice.Eos"/>) to the nodes ending at its look-up position.</summary>
    public void ConnectEos()
    {
        int eos = _lattice.Eos;
        _marksReady = false;
        Connect(_lattice.Nodes, _lattice.EndHead, _lattice.EndCount, _lattice.Nodes[eos].Pos, eos, _costs.Costs, _costs.Stride);
    }

    /// <summary>The best path from BOS to EOS, both left out, read back along each node's best left neighbour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<int> BestPath()
    {
        LatticeNode[] nodes = _lattice.Nodes;
        int eos = _lattice.Eos;
        int n = 0;
        for (int i = nodes[eos].Prev; i > 0; i = nodes[i].Prev) n++;
        if (_path.Length < n) _path = new int[Math.Max(n, _path.Length * 2)];
        int[] path = _path;
        int k = n;
        for (int i = nodes[eos].Prev; i > 0; i = nodes[i].Prev)
        {
            // Writers read the features next, from all over the dictionary: start loading them together.
            if (Sse.IsSupported) Sse.Prefetch0((void*)nodes[i].Feature);
            path[--k] = i;
        }
        return path.AsSpan(0, n);
    }

    /// <summary>Whether node <paramref name="nodeId"/> lies on the best path (mecab's isbest).</summary>
    public bool IsOnBestPath(int nodeId)
    {
        if (!_marksReady)
        {
            _marksReady = true;
            int count = _lattice.Count;
            if (_onBestPath.Length < count) _onBestPath = new bool[Math.Max(count, _onBestPath.Length * 2)];
            _onBestPath.AsSpan(0, count).Clear();
            for (int i = _lattice.Eos; i > 0; i = _lattice.Nodes[i].Prev) _onBestPath[i] = true;
        }
        return _onBestPath[nodeId];
    }

    /// <summary>
    /// Links a right node to the left node a vector kernel chose, whose connection total is <paramref name="total"/>:
    /// mecab starts from INT_MAX and keeps the first strictly smaller total, word cost included.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LinkVectorBest(ref LatticeNode node, int r, int left, int total, int[] endHead, int[] endCount)
    {
        long best = (long)total + node.WordCost;
        if (best >= int.MaxValue) ThrowCostOverflow();
        Link(ref node, r, left, best, endHead, endCount);
    }

    [DoesNotReturn]
    private static void ThrowCostOverflow() => throw new InvalidOperationException("too long sentence: path cost overflow");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Link(ref LatticeNode right, int r, int prev, long cost, int[] endHead, int[] endCount)
    {
        right.Prev = prev;
        right.Cost = cost;
        int x = right.End;
        right.ENext = endHead[x];
        endHead[x] = r;
        endCount[x]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Connect(LatticeNode[] nodes, int[] endHead, int[] endCount, int pos, int r, short* costs, int lsize)
    {
        ref LatticeNode right = ref nodes[r];
        short* column = costs + lsize * right.LocalLeft;
        long best = int.MaxValue; // mecab starts from INT_MAX and keeps the first strictly smaller cost
        int bestNode = -1;
        for (int l = endHead[pos]; l >= 0;)
        {
            ref LatticeNode left = ref nodes[l];
            long c = left.Cost + column[left.LocalRight] + right.WordCost;
            if (c < best) { best = c; bestNode = l; }
            l = left.ENext;
        }
        if (bestNode < 0) ThrowCostOverflow();
        Link(ref right, r, bestNode, best, endHead, endCount);
    }
}
