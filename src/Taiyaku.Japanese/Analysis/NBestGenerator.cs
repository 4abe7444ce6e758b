namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// The analyses of a sentence from best to worse (mecab's and NMeCab's NBestGenerator): an A* search from EOS over
/// every left path, the Viterbi costs as its heuristic, with libstdc++'s heap so that ties come out in mecab's order.
/// </summary>
internal sealed unsafe class NBestGenerator
{
    private struct QueueElement
    {
        public int Node;
        public int Next;  // element towards EOS, -1 at EOS
        public long Fx;
        public long Gx;
    }

    private readonly Lattice _lattice;
    private readonly short* _costs;
    private readonly int _leftSize;
    private bool _started;
    private QueueElement[] _elements = new QueueElement[256];  // every element opened, kept for the paths
    private int _elementCount;
    private int[] _heap = new int[256];   // element indices, smallest fx on top
    private int _heapCount;
    private int[] _lpath = new int[64];
    private int[] _path = new int[64];

    public NBestGenerator(MecabDictionary dictionary, Lattice lattice)
    {
        _lattice = lattice;
        _costs = dictionary.Matrix.Costs;
        _leftSize = dictionary.Matrix.LeftSize;
    }

    /// <summary>Whether <see cref="Next"/> was called since the last sentence was analysed.</summary>
    public bool Started => _started;

    /// <summary>Starts over for a new sentence.</summary>
    public void Reset() => _started = false;

    /// <summary>
    /// The next-best path (BOS and EOS left out; the first call gives the best one), or false when there is none left.
    /// The search keeps every path it opens, so memory grows with the number asked for.
    /// </summary>
    public bool Next(out ReadOnlySpan<int> path)
    {
        if (!_started)
        {
            _started = true;
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
                if (_path.Length < n) _path = new int[Math.Max(n, _path.Length * 2)];
                int k = 0;
                for (int e = top.Next; e >= 0 && _elements[e].Next >= 0; e = _elements[e].Next) _path[k++] = _elements[e].Node;
                path = _path.AsSpan(0, n);
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
