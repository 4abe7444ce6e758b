using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// Every anchor key of one document, both sides, numbered once (<see cref="DenseIds"/>), with each item's distinct
/// keys as those numbers (<see cref="ItemKeys"/>). Packing both passes' anchors then counts document frequencies and
/// looks them up by number; each pass used to hash every key occurrence two or three times, and the learned pass
/// looked up and hashed every Japanese item's translations twice.
/// </summary>
/// <remarks>
/// Made for one alignment and used by one thread at a time, except that the two sides may be packed at once: numbering
/// (<see cref="Number"/>, <see cref="WithLearned"/>) happens before.
/// </remarks>
internal sealed class DocumentKeys : IDisposable
{
    private readonly DenseIds ids = new();
    private ulong[] keys = new ulong[1024];   // by number

    private ItemKeys? japanese, english;

    /// <summary>Numbers the keys of both sides' items.</summary>
    public DocumentKeys(AnchorItem[][] japanese, AnchorItem[][] english)
    {
        this.japanese = new ItemKeys(japanese, this);
        this.english = new ItemKeys(english, this);
    }

    /// <summary>The Japanese items' keys.</summary>
    public ItemKeys Japanese => japanese ?? throw new ObjectDisposedException(nameof(DocumentKeys));

    /// <summary>The English items' keys.</summary>
    public ItemKeys English => english ?? throw new ObjectDisposedException(nameof(DocumentKeys));

    /// <summary>How many keys are numbered: 0 to <see cref="Count"/> − 1.</summary>
    public int Count => ids.Count;

    /// <summary>The key numbered <paramref name="id"/>.</summary>
    public ulong KeyOf(int id) => keys[id];

    /// <summary>The number of <paramref name="key"/>, a new one if it is new.</summary>
    public int Number(ulong key)
    {
        int id = ids.GetOrAdd(key, out bool added);
        if (added)
        {
            if (id == keys.Length) Array.Resize(ref keys, id * 2);
            keys[id] = key;
        }
        return id;
    }

    /// <summary>
    /// The Japanese items' keys with each word's learned translations (<paramref name="model"/>'s English words, as word
    /// keys) added. The model's entries are numbered here, once each, so that the two sides can then be packed at once;
    /// an item finds its word's among them (a table of the model's few words, not of every word of the document: a
    /// million-sentence pair has millions).
    /// </summary>
    public ItemKeys WithLearned(TranslationModel model)
    {
        var byWord = new Dictionary<string, int[]>(model.Count, StringComparer.Ordinal);
        foreach (var (japanese, english) in model.Entries())
        {
            var numbers = new List<int>(english.Length);
            foreach (var word in english)
            {
                int id = Number(AnchorKeys.Word(word));
                if (!numbers.Contains(id)) numbers.Add(id);
            }
            byWord[japanese] = [.. numbers];
        }
        return new ItemKeys(Japanese, byWord);
    }

    /// <summary>
    /// Gives the key table's arrays back to the shared pool and lets the numbers go: done once the last anchors are
    /// packed, so that the final searches run without them (a million-sentence pair's are a few hundred megabytes).
    /// </summary>
    public void Dispose()
    {
        ids.Dispose();
        (keys, japanese, english) = ([], null, null);
    }
}
