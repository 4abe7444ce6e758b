using Taiyaku.Alignment;

namespace Taiyaku.Pipeline;

/// <summary>
/// For each anchor key, the number of sentences of one side that hold it, with the keys numbered by
/// <see cref="DenseIds"/>: one probe a key occurrence, where a per-sentence set and a dictionary took two or three
/// (most of packing a document's anchors).
/// </summary>
internal sealed class DocumentFrequencies : IDisposable
{
    private readonly DenseIds ids = new();
    private int[] counts = new int[1024];
    private int[] lastSentence = new int[1024];   // the last sentence that counted the key

    private DocumentFrequencies()
    {
    }

    /// <summary>The frequencies of the keys of <paramref name="sentences"/>' items, with those <paramref name="extra"/> adds.</summary>
    public static DocumentFrequencies Of(AnchorItem[][] sentences, Action<AnchorItem, List<ulong>>? extra)
    {
        var result = new DocumentFrequencies();
        var keys = new List<ulong>();
        var scratch = new List<ulong>();
        for (int i = 0; i < sentences.Length; i++)
        {
            foreach (var item in sentences[i])
            {
                keys.Clear();
                AnchorExtractor.AddKeys(item, extra, keys, scratch);
                foreach (ulong key in keys) result.Count(key, i);
            }
        }
        return result;
    }

    private void Count(ulong key, int sentence)
    {
        int id = ids.GetOrAdd(key, out bool added);
        if (added)
        {
            if (id == counts.Length)
            {
                Array.Resize(ref counts, id * 2);
                Array.Resize(ref lastSentence, id * 2);
            }
            counts[id] = 0;
            lastSentence[id] = -1;
        }
        if (lastSentence[id] == sentence) return;
        lastSentence[id] = sentence;
        counts[id]++;
    }

    /// <summary>The number of sentences that hold <paramref name="key"/> (0 for none).</summary>
    public int this[ulong key] => ids.TryGetId(key, out int id) ? counts[id] : 0;

    /// <summary>Gives the key table's arrays back to the shared pool.</summary>
    public void Dispose() => ids.Dispose();
}
