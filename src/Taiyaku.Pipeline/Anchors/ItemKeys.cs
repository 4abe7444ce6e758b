using System.Runtime.InteropServices;

namespace Taiyaku.Pipeline;

/// <summary>
/// One side's anchor items with their keys as <see cref="DocumentKeys"/> numbers: each key of each item in order,
/// flattened (sentence i's from <see cref="KeyStart"/>(i)), a key that repeats one earlier in its item marked as such;
/// and, for the Japanese side of the learned pass, each word's learned translations numbered once per word. Held for
/// a whole alignment, so four bytes a key and nothing per item; the arrays are the numbering's, lent from the shared
/// pool until it is disposed.
/// </summary>
internal sealed class ItemKeys
{
    /// <summary>In place of a key's number: the item holds the key already.</summary>
    private const int Repeat = -1;

    private readonly DocumentKeys numbering;   // lends the arrays
    private readonly int[] keyStart;   // sentence i's first key in ids
    private readonly int[] ids;
    private readonly Dictionary<string, int[]>? learned;
    private int[]? frequencies;

    /// <summary>The items' own keys, numbered by <paramref name="numbering"/>.</summary>
    public ItemKeys(AnchorItem[][] items, DocumentKeys numbering)
    {
        (Items, this.numbering) = (items, numbering);
        keyStart = numbering.Rent(items.Length + 1);
        int keyCount = 0;
        for (int i = 0; i < items.Length; i++)
        {
            keyStart[i] = keyCount;
            foreach (var item in items[i]) keyCount += item.KeyCount;
        }
        keyStart[items.Length] = keyCount;
        ids = numbering.Rent(keyCount);
        int at = 0;
        foreach (var sentence in items)
            foreach (var item in sentence)
            {
                int start = at;
                for (int k = 0; k < item.KeyCount; k++)
                {
                    int id = numbering.Number(item.Key(k));
                    // An item has a handful of keys: a linear scan beats a set.
                    ids[at++] = ids.AsSpan(start, k).Contains(id) ? Repeat : id;
                }
            }
        // Every number given so far: this side's, and the sides' numbered before it.
        IdLimit = numbering.Count;
    }

    /// <summary>The keys of <paramref name="side"/> with each word's <paramref name="learned"/> keys after them (numbers already given).</summary>
    public ItemKeys(ItemKeys side, Dictionary<string, int[]> learned)
    {
        (Items, numbering, keyStart, ids, this.learned) = (side.Items, side.numbering, side.keyStart, side.ids, learned);
        IdLimit = numbering.Count;
    }

    /// <summary>The numbering the keys are in (the other side's too).</summary>
    public DocumentKeys Numbering => numbering;

    /// <summary>The items, by sentence.</summary>
    public AnchorItem[][] Items { get; }

    /// <summary>Number of sentences.</summary>
    public int Count => Items.Length;

    /// <summary>Above every key number this side holds (the numbering's count when this side was made).</summary>
    public int IdLimit { get; }

    /// <summary>Where sentence <paramref name="i"/>'s keys begin: the cursor for <see cref="Read"/> at its first item.</summary>
    public int KeyStart(int i) => keyStart[i];

    /// <summary>
    /// The distinct key numbers of <paramref name="item"/>, its own in order and then its word's learned ones, into
    /// <paramref name="into"/> (cleared first); <paramref name="at"/> moves past the item's own keys to the next item's.
    /// </summary>
    public void Read(AnchorItem item, ref int at, List<int> into)
    {
        into.Clear();
        int start = at;
        at += item.KeyCount;
        foreach (int id in ids.AsSpan(start, item.KeyCount))
            if (id != Repeat) into.Add(id);
        if (learned != null && item.Word is { } word && learned.TryGetValue(word, out var extra))
        {
            int own = into.Count;
            foreach (int id in extra)   // distinct among themselves (WithLearned)
                if (!CollectionsMarshal.AsSpan(into)[..own].Contains(id)) into.Add(id);
        }
    }

    /// <summary>
    /// For each key number, the number of sentences with an item holding it; computed once (the English side's are the
    /// same in both passes). A number at or above the array's length is held by none.
    /// </summary>
    public int[] Frequencies()
    {
        if (frequencies != null) return frequencies;
        var counts = numbering.Rent(IdLimit);   // zeroed, beyond IdLimit too
        var lastSentence = numbering.Rent(IdLimit);   // the last sentence that counted the key, + 1
        var item = new List<int>();
        for (int i = 0; i < Items.Length; i++)
        {
            int at = keyStart[i];
            foreach (var x in Items[i])
            {
                Read(x, ref at, item);
                foreach (int id in item)
                {
                    if (lastSentence[id] == i + 1) continue;
                    lastSentence[id] = i + 1;
                    counts[id]++;
                }
            }
        }
        numbering.Return(lastSentence);
        return frequencies = counts;
    }
}
