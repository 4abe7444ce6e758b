using System.Buffers;
using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// Every anchor key of one document, both sides, numbered once (<see cref="DenseIds"/>), with each item's keys as
/// those numbers (<see cref="ItemKeys"/>): packing both passes' anchors counts document frequencies and looks them up
/// by number, where each pass hashed every key occurrence two or three times.
/// </summary>
/// <remarks>
/// Made for one alignment and used by one thread at a time, except that the two sides may be packed at once: numbering
/// (<see cref="Number"/>, <see cref="WithLearned"/>) happens before.
/// </remarks>
internal sealed class DocumentKeys : IDisposable
{
    private readonly DenseIds ids = new();
    private ulong[] keys = ArrayPool<ulong>.Shared.Rent(1024);   // by number
    private readonly List<int[]> rented = [];

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
            if (id == keys.Length)
            {
                var more = id * 2 > MaxPooled ? new ulong[id * 2] : ArrayPool<ulong>.Shared.Rent(id * 2);
                keys.AsSpan().CopyTo(more);
                if (keys.Length <= MaxPooled) ArrayPool<ulong>.Shared.Return(keys);
                keys = more;
            }
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
        if (keys.Length is > 0 and <= MaxPooled) ArrayPool<ulong>.Shared.Return(keys);
        lock (rented)
        {
            foreach (var array in rented) ArrayPool<int>.Shared.Return(array);
            rented.Clear();
        }
        (keys, japanese, english) = ([], null, null);
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> from the shared pool, zeroed, given back on <see cref="Dispose"/>
    /// (or by <see cref="Return"/>): a document's are on the large-object heap, and made anew at each alignment they
    /// set off full collections. Thread-safe.
    /// </summary>
    public int[] Rent(int length)
    {
        // A large document's are its own: kept by the pool, they would outlive the alignment.
        if (length > MaxPooled) return new int[length];
        var array = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(array);
        lock (rented) rented.Add(array);
        return array;
    }

    /// <summary>Elements beyond which an array is not lent from the pool.</summary>
    private const int MaxPooled = 1 << 20;

    /// <summary>Gives back an array from <see cref="Rent"/> before the rest. Thread-safe.</summary>
    public void Return(int[] array)
    {
        lock (rented)
            if (rented.Remove(array)) ArrayPool<int>.Shared.Return(array);
    }
}
