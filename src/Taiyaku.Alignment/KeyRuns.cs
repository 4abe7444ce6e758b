namespace Taiyaku.Alignment;

/// <summary>
/// The distinct keys of some sentences numbered in order of first occurrence (a sentence's keys in ascending order),
/// each with the start of its run in a flat array of the sentences that hold it: a caller fills the runs in a second
/// pass over the same sentences. One dictionary, no list per key.
/// </summary>
internal sealed class KeyRuns
{
    /// <summary>Counts the sentences from..to−1 holding each key, at most <paramref name="maxPerKey"/> a key.</summary>
    public KeyRuns(SentenceAnchors[] side, int from, int to, int maxPerKey = int.MaxValue)
    {
        var counts = new List<int>();
        for (int i = from; i < to; i++)
        {
            var k = side[i].Keys;
            for (int x = 0; x < k.Length; x++)
            {
                if (x > 0 && k[x - 1] == k[x]) continue;
                if (Ids.TryGetValue(k[x], out int id))
                {
                    if (counts[id] < maxPerKey) counts[id]++;
                }
                else
                {
                    Ids[k[x]] = counts.Count;
                    counts.Add(1);
                    Keys.Add(k[x]);
                }
            }
        }
        Start = new int[counts.Count + 1];
        for (int id = 0; id < counts.Count; id++) Start[id + 1] = Start[id] + counts[id];
    }

    /// <summary>Each key's number.</summary>
    public Dictionary<ulong, int> Ids { get; } = [];

    /// <summary>The keys by number.</summary>
    public List<ulong> Keys { get; } = [];

    /// <summary>Key id's run is Start[id]..Start[id + 1] − 1; Start[^1] is the length of the flat array.</summary>
    public int[] Start { get; }

    /// <summary>A copy of the run starts, to advance as the runs are filled.</summary>
    public int[] Cursors() => Start[..^1];
}
