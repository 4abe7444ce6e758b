using System.Buffers;

namespace Taiyaku.Alignment;

/// <summary>
/// The distinct keys of some sentences numbered in order of first occurrence (a sentence's keys in ascending order),
/// each with the start of its run in a flat array of the sentences that hold it: a caller fills the runs in a second
/// pass over the same sentences. The numbering is a <see cref="DenseIds"/>, whose pooled arrays go back on
/// <see cref="Dispose"/>.
/// </summary>
internal sealed class KeyRuns : IDisposable
{
    private readonly DenseIds ids = new();
    private int[] order;   // from the pool
    private readonly int orderLength;

    /// <summary>Counts the sentences from..to−1 holding each key, at most <paramref name="maxPerKey"/> a key.</summary>
    public KeyRuns(SentenceAnchors[] side, int from, int to, int maxPerKey = int.MaxValue)
    {
        var counts = new List<int>();
        int keyCount = 0;
        for (int i = from; i < to; i++) keyCount += side[i].Keys.Length;
        order = ArrayPool<int>.Shared.Rent(keyCount);
        for (int i = from; i < to; i++)
        {
            var k = side[i].Keys;
            for (int x = 0; x < k.Length; x++)
            {
                if (x > 0 && k[x - 1] == k[x]) continue;
                int id = order[orderLength++] = ids.GetOrAdd(k[x], out bool added);
                if (added)
                {
                    counts.Add(1);
                    Keys.Add(k[x]);
                }
                else if (counts[id] < maxPerKey) counts[id]++;
            }
        }
        Start = new int[counts.Count + 1];
        for (int id = 0; id < counts.Count; id++) Start[id + 1] = Start[id] + counts[id];
    }

    /// <summary>The keys by number.</summary>
    public List<ulong> Keys { get; } = [];

    /// <summary>
    /// The id of every key of the sentences in their order (a run of equal keys in a sentence once): a caller's second
    /// pass over the same sentences reads it instead of looking each key up again.
    /// </summary>
    public ReadOnlySpan<int> Order => order.AsSpan(0, orderLength);

    /// <summary>Key id's run is Start[id]..Start[id + 1] − 1; Start[^1] is the length of the flat array.</summary>
    public int[] Start { get; }

    /// <summary>A copy of the run starts, to advance as the runs are filled.</summary>
    public int[] Cursors() => Start[..^1];

    /// <summary>The number of <paramref name="key"/>, if these sentences hold it.</summary>
    public bool TryGetId(ulong key, out int id) => ids.TryGetId(key, out id);

    /// <summary>Gives the numbering's arrays back to the pool; only <see cref="Keys"/> and <see cref="Start"/> are read after.</summary>
    public void Dispose()
    {
        ids.Dispose();
        if (order.Length > 0) ArrayPool<int>.Shared.Return(order);
        order = [];
    }
}
