using System.Buffers;

namespace Taiyaku.Alignment;

/// <summary>
/// Numbers 64-bit keys densely in order of first sight: open addressing on Fibonacci-hashed slots, one multiply and a
/// probe or two a key (with a <see cref="Dictionary{TKey, TValue}"/> the lookups were most of an anchor index's and a
/// skeleton's time, and an interface call per lookup for the translation model's word pairs). The arrays come from the
/// shared pool and go back on <see cref="Dispose"/>: a document's tables are megabytes, which as new arrays each time
/// set off full collections. Used by <see cref="KeyRuns"/> and by the pipeline's word-pair index.
/// </summary>
internal sealed class DenseIds : IDisposable
{
    /// <summary>Slots beyond which the arrays are the table's own, not kept by the pool once done.</summary>
    private const int MaxPooled = 1 << 22;

    private ulong[] keys;
    private int[] ids;   // id + 1; 0 marks an empty slot
    private int mask;

    /// <summary>An empty table.</summary>
    public DenseIds()
    {
        (keys, ids) = Rent(1024);
        mask = keys.Length - 1;
    }

    /// <summary>Number of keys numbered; their ids are 0 to <see cref="Count"/> − 1.</summary>
    public int Count { get; private set; }

    /// <summary>The id of <paramref name="key"/>, a new one if the key is new.</summary>
    public int GetOrAdd(ulong key, out bool added)
    {
        int slot = Find(key);
        int id = ids[slot] - 1;
        added = id < 0;
        if (!added) return id;
        keys[slot] = key;
        id = Count++;
        ids[slot] = id + 1;
        if (Count * 2 > keys.Length) Grow();
        return id;
    }

    /// <summary>The id of <paramref name="key"/>, if it has one.</summary>
    public bool TryGetId(ulong key, out int id)
    {
        id = ids[Find(key)] - 1;
        return id >= 0;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
    private int Find(ulong key)
    {
        // Fibonacci hashing: keys made of small numbers (word ids, tests', numbers' own) would otherwise crowd.
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
        while (ids[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }

    private void Grow()
    {
        var (oldKeys, oldIds) = (keys, ids);
        (keys, ids) = Rent(oldKeys.Length * 2);
        mask = keys.Length - 1;
        for (int s = 0; s < oldKeys.Length; s++)
        {
            if (oldIds[s] == 0) continue;
            int slot = Find(oldKeys[s]);
            keys[slot] = oldKeys[s];
            ids[slot] = oldIds[s];
        }
        Return(oldKeys, oldIds);
    }

    /// <summary>Gives the arrays back to the pool; the table finds nothing after.</summary>
    public void Dispose()
    {
        Return(keys, ids);
        (keys, ids, mask) = ([0], [0], 0);   // finds nothing; returns nothing again
    }

    // A pooled array is as long as asked when that is a power of two (the shared pool's sizes); the table reads its length.
    private static (ulong[] Keys, int[] Ids) Rent(int slots)
    {
        if (slots > MaxPooled) return (new ulong[slots], new int[slots]);
        var ids = ArrayPool<int>.Shared.Rent(slots);
        Array.Clear(ids);
        return (ArrayPool<ulong>.Shared.Rent(slots), ids);
    }

    private static void Return(ulong[] keys, int[] ids)
    {
        if (keys.Length is 1 or > MaxPooled) return;
        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(ids);
    }
}
