using System.Buffers;

namespace Taiyaku.Pipeline;

/// <summary>
/// Numbers (Japanese id, English id) pairs densely in order of first sight, for <see cref="TranslationModel.Learn"/>:
/// open addressing on one array of packed keys, so that indexing a document's word pairs is one multiply and a probe or
/// two each (with a <see cref="Dictionary{TKey, TValue}"/> and a mixing comparer, an interface call per lookup and
/// entries re-made at every resize, Learn took 1.27 × as long on Genesis). Its arrays come from the shared pool and go back
/// on <see cref="Dispose"/>: a document's index is megabytes, which as new arrays each time set off a full collection
/// nearly every alignment.
/// </summary>
internal sealed class WordPairIndex : IDisposable
{
    private const long Empty = -1;   // ids are never negative, so no packed pair is −1

    /// <summary>Slots beyond which the arrays are the index's own, not kept by the pool once done (a 1M-sentence document's).</summary>
    private const int MaxPooled = 1 << 22;

    private long[] _keys;
    private int[] _ids;
    private int _mask;

    /// <summary>An empty index.</summary>
    public WordPairIndex()
    {
        (_keys, _ids) = Rent(1024);
        _mask = _keys.Length - 1;
    }

    /// <summary>Number of pairs indexed; their ids are 0 to <see cref="Count"/> − 1.</summary>
    public int Count { get; private set; }

    /// <summary>The id of (<paramref name="japanese"/>, <paramref name="english"/>), a new one if the pair is new.</summary>
    public int GetOrAdd(int japanese, int english, out bool added)
    {
        long key = ((long)japanese << 32) | (uint)english;
        for (int slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            long k = _keys[slot];
            if (k == key) { added = false; return _ids[slot]; }
            if (k != Empty) continue;
            _keys[slot] = key;
            int id = _ids[slot] = Count++;
            if (Count * 2 > _keys.Length) Grow();
            added = true;
            return id;
        }
    }

    // Fibonacci hashing: long's own hash XORs the halves, which sends the pairs of small ids to a few buckets.
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;

    private void Grow()
    {
        var (keys, ids) = (_keys, _ids);
        (_keys, _ids) = Rent(keys.Length * 2);
        _mask = _keys.Length - 1;
        for (int s = 0; s < keys.Length; s++)
        {
            if (keys[s] == Empty) continue;
            int slot = Slot(keys[s]);
            while (_keys[slot] != Empty) slot = (slot + 1) & _mask;
            _keys[slot] = keys[s];
            _ids[slot] = ids[s];
        }
        Return(keys, ids);
    }

    /// <summary>Gives the arrays back to the pool; the index is not used after.</summary>
    public void Dispose()
    {
        Return(_keys, _ids);
        (_keys, _ids) = ([], []);
    }

    // A pooled array is as long as asked when that is a power of two (the shared pool's sizes); the index reads its length.
    private static (long[] Keys, int[] Ids) Rent(int slots)
    {
        var keys = slots <= MaxPooled ? ArrayPool<long>.Shared.Rent(slots) : new long[slots];
        var ids = slots <= MaxPooled ? ArrayPool<int>.Shared.Rent(slots) : new int[slots];
        if (keys.Length != slots || ids.Length != slots) throw new InvalidOperationException("The shared pool gave an array of another size.");
        keys.AsSpan().Fill(Empty);
        return (keys, ids);
    }

    private static void Return(long[] keys, int[] ids)
    {
        if (keys.Length == 0 || keys.Length > MaxPooled) return;
        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(ids);
    }
}
