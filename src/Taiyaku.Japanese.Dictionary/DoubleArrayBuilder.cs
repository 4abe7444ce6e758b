namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Builds a Darts (Double-ARray Trie System 0.31) double array, the trie format of MeCab's dictionaries:
/// units of (int base, uint check); a key's byte b moves from base B to slot B + b + 1, and its end to slot B
/// (code 0), whose base holds -(value) - 1. Placement follows Darts' own first-fit search so that the array is
/// the one mecab-dict-index writes.
/// </summary>
internal sealed class DoubleArrayBuilder
{
    private struct Node
    {
        public int Code;
        public int Depth;
        public int Left;
        public int Right;
    }

    private readonly byte[][] _keys;
    private readonly int[] _values;
    private int[] _base = [];
    private uint[] _check = [];
    private bool[] _used = [];
    private int _size;
    private int _nextCheckPos;

    /// <param name="keys">Distinct keys in ordinal (unsigned byte) order.</param>
    /// <param name="values">Non-negative value of each key.</param>
    public DoubleArrayBuilder(byte[][] keys, int[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Builds and returns the units as they are stored: base then check, little-endian, 8 bytes each.</summary>
    public byte[] Build()
    {
        Resize(8192);
        _base[0] = 1;
        _nextCheckPos = 0;
        if (_keys.Length > 0)
        {
            var siblings = new List<Node>();
            Fetch(new Node { Left = 0, Right = _keys.Length, Depth = 0 }, siblings);
            Insert(siblings);
        }

        // Darts pads by one alphabet's worth of units so that any transition from the last base stays in bounds.
        _size += 256 + 1;
        Ensure(_size);

        var bytes = new byte[_size * 8];
        var span = bytes.AsSpan();
        for (var i = 0; i < _size; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[(i * 8)..], _base[i]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(span[((i * 8) + 4)..], _check[i]);
        }

        return bytes;
    }

    private void Resize(int newSize)
    {
        Array.Resize(ref _base, newSize);
        Array.Resize(ref _check, newSize);
        Array.Resize(ref _used, newSize);
    }

    private void Ensure(int size)
    {
        if (size > _base.Length) Resize(Math.Max(size, _base.Length * 2));
    }

    private int Fetch(Node parent, List<Node> siblings)
    {
        var prev = 0;
        for (var i = parent.Left; i < parent.Right; i++)
        {
            var key = _keys[i];
            if (key.Length < parent.Depth) continue;
            var cur = key.Length != parent.Depth ? key[parent.Depth] + 1 : 0;
            if (prev > cur) throw new InvalidOperationException("double-array keys are not sorted");
            if (cur != prev || siblings.Count == 0)
            {
                if (siblings.Count > 0)
                {
                    var last = siblings[^1];
                    last.Right = i;
                    siblings[^1] = last;
                }

                siblings.Add(new Node { Depth = parent.Depth + 1, Code = cur, Left = i });
            }

            prev = cur;
        }

        if (siblings.Count > 0)
        {
            var last = siblings[^1];
            last.Right = parent.Right;
            siblings[^1] = last;
        }

        return siblings.Count;
    }

    private int Insert(List<Node> siblings)
    {
        var first = siblings[0].Code;
        var lastCode = siblings[^1].Code;
        var pos = Math.Max(first + 1, _nextCheckPos) - 1;
        var nonZero = 0;
        var foundEmpty = false;
        int begin;
        Ensure(pos + 1);

        while (true)
        {
        Next:
            pos++;
            Ensure(pos + 1);
            if (_check[pos] != 0)
            {
                nonZero++;
                continue;
            }

            if (!foundEmpty)
            {
                _nextCheckPos = pos;
                foundEmpty = true;
            }

            begin = pos - first;
            Ensure(begin + lastCode + 1);
            if (_used[begin]) continue;
            for (var i = 1; i < siblings.Count; i++)
            {
                if (_check[begin + siblings[i].Code] != 0) goto Next;
            }

            break;
        }

        // Darts' heuristic: skip a densely filled stretch on later searches.
        if (1.0 * nonZero / (pos - _nextCheckPos + 1) >= 0.95) _nextCheckPos = pos;

        _used[begin] = true;
        _size = Math.Max(_size, begin + lastCode + 1);
        foreach (var s in siblings) _check[begin + s.Code] = (uint)begin;

        foreach (var s in siblings)
        {
            var children = new List<Node>();
            if (Fetch(s, children) == 0)
            {
                _base[begin + s.Code] = -_values[s.Left] - 1;
            }
            else
            {
                // Insert may grow (replace) the arrays: evaluate it before indexing _base.
                var childBase = Insert(children);
                _base[begin + s.Code] = childBase;
            }
        }

        return begin;
    }
}
