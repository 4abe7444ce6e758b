using System.Buffers;

namespace Taiyaku.Alignment;

/// <summary>
/// The distinct keys of some sentences numbered in order of first occurrence (a sentence's keys in ascending order),
/// each with the start of its run in a flat array of the sentences that hold it: a caller fills the runs in a second
/// pass over the same sentences. Keys are numbered by open addressing on pooled arrays (one multiply and a probe or two
/// a key: with a <see cref="Dictionary{TKey, TValue}"/> the lookups were most of an anchor index's and a skeleton's
/// time); the arrays go back to the shared pool on <see cref="Dispose"/>.
/// </summary>
internal sealed class KeyRuns : IDisposable
{
    /// <summary>Slots beyond which the arrays are the table's own, not kept by the pool once done.</summary>
    private const int MaxPooled = 1 << 22;

    private ulong[] slotKeys;
    private int[] slotIds;   // id + 1; 0 marks an empty slot
    private int mask;

    /// <summary>Counts the sentences from..to−1 holding each key, at most <paramref name="maxPerKey"/> a key.</summary>
    public KeyRuns(SentenceAnchors[] side, int from, int to, int maxPerKey = int.MaxValue)
    {
        (slotKeys, slotIds) = Rent(1024);
        mask = slotKeys.Length - 1;
        var counts = new List<int>();
        for (int i = from; i < to; i++)
        {
            var k = side[i].Keys;
            for (int x = 0; x < k.Length; x++)
            {
                if (x > 0 && k[x - 1] == k[x]) continue;
                int slot = Find(k[x]);
                int id = slotIds[slot] - 1;
                if (id >= 0)
                {
                    if (counts[id] < maxPerKey) counts[id]++;
                    continue;
                }
                slotKeys[slot] = k[x];
                slotIds[slot] = counts.Count + 1;
                counts.Add(1);
                Keys.Add(k[x]);
                if (Keys.Count * 2 > slotKeys.Length) Grow();
            }
        }
        Start = new int[counts.Count + 1];
        for (int id = 0; id < counts.Count; id++) Start[id + 1] = Start[id] + counts[id];
    }

    /// <summary>The keys by number.</summary>
    public List<ulong> Keys { get; } = [];

    /// <summary>Key id's run is Start[id]..Start[id + 1] − 1; Start[^1] is the length of the flat array.</summary>
    public int[] Start { get; }

    /// <summary>A copy of the run starts, to advance as the runs are filled.</summary>
    public int[] Cursors() => Start[..^1];

    /// <summary>The number of a key of these sentences.</summary>
    public int IdOf(ulong key) =>
        TryGetId(key, out int id) ? id : throw new KeyNotFoundException("The key is not one of these sentences'.");

    /// <summary>The number of <paramref name="key"/>, if these sentences hold it.</summary>
    public bool TryGetId(ulong key, out int id)
    {
        id = slotIds[Find(key)] - 1;
        return id >= 0;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
    private int Find(ulong key)
    {
        // Fibonacci hashing: keys made of small numbers (tests', and numbers' own) would otherwise share their high bits.
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
        while (slotIds[slot] != 0 && slotKeys[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }

    private void Grow()
    {
        var (keys, ids) = (slotKeys, slotIds);
        (slotKeys, slotIds) = Rent(keys.Length * 2);
        mask = slotKeys.Length - 1;
        for (int s = 0; s < keys.Length; s++)
        {
            if (ids[s] == 0) continue;
            int slot = Find(keys[s]);
            slotKeys[slot] = keys[s];
            slotIds[slot] = ids[s];
        }
        Return(keys, ids);
    }

    /// <summary>Gives the table's arrays back to the pool; only <see cref="Keys"/> and <see cref="Start"/> are read after.</summary>
    public void Dispose()
    {
        Return(slotKeys, slotIds);
        (slotKeys, slotIds, mask) = ([0], [0], 0);   // finds nothing; returns nothing again
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
