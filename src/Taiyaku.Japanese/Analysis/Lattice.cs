using System.Runtime.CompilerServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// The lattice of one sentence (mecab's and NMeCab's MeCabLattice, kuromoji's ViterbiLattice): every candidate node
/// in one reusable struct array, in creation order (BOS first, then each look-up's nodes together, EOS last), and
/// for every byte position the list of connected nodes that end there. Buffers grow to the longest sentence seen.
/// </summary>
internal sealed class Lattice
{
    private LatticeNode[] _nodes = new LatticeNode[4096];
    private int _count;
    private int[] _endHead = new int[256];   // per position: the last node linked in ending there, -1 for none
    private int[] _endCount = new int[256];  // the length of each end list, so the Viterbi step copies it in one pass

    /// <summary>The nodes; only the first <see cref="Count"/> are this sentence's. Re-read after <see cref="NewNode"/>, which may grow it.</summary>
    public LatticeNode[] Nodes => _nodes;

    public int Count => _count;

    /// <summary>Per position, the head of its end list (linked through <see cref="LatticeNode.ENext"/>, newest first).</summary>
    public int[] EndHead => _endHead;

    public int[] EndCount => _endCount;

    /// <summary>The EOS node of the sentence (the last node made).</summary>
    public int Eos { get; private set; }

    /// <summary>Empties the lattice for a sentence of <paramref name="length"/> bytes and adds BOS, ending at 0.</summary>
    public void Reset(int length, nint bosFeature)
    {
        if (_endHead.Length < length + 8)
        {
            _endHead = new int[Math.Max(length + 8, _endHead.Length * 2)];
            _endCount = new int[_endHead.Length];
        }
        _endHead.AsSpan(0, length + 8).Fill(-1);
        _endCount.AsSpan(0, length + 8).Clear();
        _count = 0;
        int bos = NewNode();
        _nodes[bos] = new LatticeNode { Begin = 0, End = 0, Prev = -1, ENext = -1, Feature = bosFeature };
        _endHead[0] = bos;
        _endCount[0] = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NewNode()
    {
        if (_count == _nodes.Length) Grow();
        return _count++;
    }

    /// <summary>Forgets the node made last (partial parsing drops nodes that break a constraint).</summary>
    public void DropLast() => _count--;

    /// <summary>Adds EOS at <paramref name="length"/>, its look-up position the last one where a node ends.</summary>
    public int AddEos(int length, nint bosFeature)
    {
        int eos = NewNode();
        _nodes[eos] = new LatticeNode { Begin = length, End = length, Prev = -1, ENext = -1, Feature = bosFeature };
        for (int pos = length; pos >= 0; pos--)
        {
            if (_endHead[pos] >= 0)
            {
                _nodes[eos].Pos = pos;
                break;
            }
        }
        Eos = eos;
        return eos;
    }

    /// <summary>
    /// mecab's lpath list of node <paramref name="r"/> read backwards: the nodes ending where it was looked up, in
    /// end-list order (last connected first), EOS left out as it joins a list only after the search; r itself too
    /// when <paramref name="skipSelf"/> (a node whose 16-bit rlength wrapped ends where it starts).
    /// </summary>
    public int LeftNodes(int r, bool skipSelf, ref int[] buffer)
    {
        int m = 0;
        for (int l = _endHead[_nodes[r].Pos]; l >= 0; l = _nodes[l].ENext)
        {
            if (l == Eos || (skipSelf && l == r)) continue;
            if (buffer.Length == m) Array.Resize(ref buffer, m * 2);
            buffer[m++] = l;
        }
        return m;
    }

    private void Grow() => Array.Resize(ref _nodes, _nodes.Length * 2);
}
