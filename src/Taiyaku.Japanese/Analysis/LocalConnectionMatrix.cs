using System.Runtime.CompilerServices;

namespace Taiyaku.Japanese.Analysis;

/// <summary>
/// A session's copy of the connection costs between the context ids it has met, renumbered in the order it met them.
/// Text keeps using the few hundred ids it meets first, so their costs sit together in the first rows and columns of
/// this copy and stay in the processor's cache, where the dictionary's matrix (3.4 MB for IPADIC) spreads them over
/// the whole file. A new left id copies its row over the right ids known so far, a new right id its column over the
/// left ids known so far. Id 0 is local id 0 on both sides (BOS and EOS keep it). A dictionary whose matrix has more
/// than <see cref="MaxLocalIds"/> ids a side keeps its own matrix and ids, so the copy never grows past 8 MB.
/// </summary>
internal sealed unsafe class LocalConnectionMatrix
{
    /// <summary>The most ids a side for which a copy is made (IPADIC has 1,316).</summary>
    public const int MaxLocalIds = 2048;

    private readonly short* _source;        // the dictionary's costs: [left id × source stride + right id]
    private readonly int _sourceStride;
    private readonly int _maxStride;
    private readonly int[] _leftLocal;      // by the dictionary's left id (a right node's): the local one, or -1
    private readonly int[] _rightLocal;     // by the dictionary's right id (a left node's): the local one, or -1
    private readonly int[] _leftSource;     // by local left id: the dictionary's
    private readonly int[] _rightSource;
    private int _leftCount, _rightCount;
    private short[]? _costs;                // pinned; null when the dictionary's matrix is used as it is
    private short* _costPointer;
    private int _stride;

    public LocalConnectionMatrix(ConnectionMatrix matrix)
    {
        _source = matrix.Costs;
        _sourceStride = matrix.LeftSize;
        _leftLocal = new int[matrix.RightSize];
        _rightLocal = new int[matrix.LeftSize];
        if (matrix.LeftSize > MaxLocalIds || matrix.RightSize > MaxLocalIds)
        {
            // Ids stay the dictionary's.
            for (int i = 0; i < _leftLocal.Length; i++) _leftLocal[i] = i;
            for (int i = 0; i < _rightLocal.Length; i++) _rightLocal[i] = i;
            _leftSource = _rightSource = [];
            _costPointer = _source;
            _stride = _sourceStride;
            GatherSafe = matrix.GatherSafe;
            return;
        }
        _leftLocal.AsSpan().Fill(-1);
        _rightLocal.AsSpan().Fill(-1);
        _leftSource = new int[matrix.RightSize];
        _rightSource = new int[matrix.LeftSize];
        _maxStride = Math.Max(matrix.LeftSize, matrix.RightSize);
        GatherSafe = true;
        Grow(Math.Min(64, _maxStride));
        Left(0);
        Right(0);
    }

    /// <summary>The costs: [local left id × <see cref="Stride"/> + local right id]. Re-read after <see cref="Left"/> or <see cref="Right"/> added an id.</summary>
    public short* Costs => _costPointer;

    public int Stride => _stride;

    /// <summary>Whether a 4-byte read at any cost stays inside the memory (what <see cref="ConnectionKernel"/>'s gather does).</summary>
    public bool GatherSafe { get; }

    /// <summary>The local id of the dictionary's left id <paramref name="id"/> (a right node's), added when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Left(ushort id)
    {
        int local = _leftLocal[id];
        return (ushort)(local >= 0 ? local : AddLeft(id));
    }

    /// <summary>The local id of the dictionary's right id <paramref name="id"/> (a left node's), added when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Right(ushort id)
    {
        int local = _rightLocal[id];
        return (ushort)(local >= 0 ? local : AddRight(id));
    }

    private int AddLeft(ushort id)
    {
        int i = Number(id, _leftLocal, _leftSource, ref _leftCount);
        short* from = _source + (long)id * _sourceStride;
        short* row = _costPointer + (long)i * _stride;
        for (int j = 0; j < _rightCount; j++) row[j] = from[_rightSource[j]];
        return i;
    }

    private int AddRight(ushort id)
    {
        int j = Number(id, _rightLocal, _rightSource, ref _rightCount);
        for (int i = 0; i < _leftCount; i++) _costPointer[(long)i * _stride + j] = _source[(long)_leftSource[i] * _sourceStride + id];
        return j;
    }

    // Gives the dictionary's id the next local id of its side (growing the copy first when that side is full); the
    // caller fills its row or column.
    private int Number(ushort id, int[] local, int[] source, ref int count)
    {
        int k = count;
        if (k == _stride) Grow(Math.Min(_stride * 2, _maxStride));
        count = k + 1;
        local[id] = k;
        source[k] = id;
        return k;
    }

    private void Grow(int stride)
    {
        // Two bytes' slack after the last cost for the gather's 4-byte reads.
        var costs = GC.AllocateUninitializedArray<short>(stride * stride + 2, pinned: true);
        costs[^1] = costs[^2] = 0;
        for (int i = 0; i < _leftCount; i++)
            _costs.AsSpan(i * _stride, _rightCount).CopyTo(costs.AsSpan(i * stride));
        _costs = costs;
        _costPointer = (short*)Unsafe.AsPointer(ref costs[0]);
        _stride = stride;
    }
}
