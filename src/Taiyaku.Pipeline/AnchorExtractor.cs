using Taiyaku.Alignment;
using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline;

/// <summary>
/// Turns sentences into anchor items: a list of sources, each adding its items in turn. The user's sources come first
/// (an item's place matters: <see cref="Pack"/> keeps the heaviest with a stable sort), then the built-in kinds that
/// <see cref="AnchorOptions"/> switches on (<see cref="AnchorOptions.BuiltInSources"/>).
/// </summary>
internal sealed class AnchorExtractor(IReadOnlyList<IAnchorSource> sources)
{
    /// <summary>The user's <paramref name="sources"/>, then the built-in kinds <paramref name="options"/> switches on.</summary>
    public AnchorExtractor(AnchorOptions options, MorphologicalAnalyzer? analyzer, IBilingualLexicon? lexicon, IReadOnlyList<IAnchorSource>? sources = null)
        : this([.. sources ?? [], .. options.BuiltInSources(analyzer, lexicon)])
    {
    }

    public IReadOnlyList<IAnchorSource> Sources { get; } = sources;

    /// <summary>The items of a Japanese sentence; their words taken from <paramref name="words"/> when given.</summary>
    public AnchorItem[] Japanese(string sentence, WordPool? words = null)
    {
        var items = new List<AnchorItem>();
        // A source's index is its key space for AnchorCollector.Add: the user's sources keep theirs, being first.
        for (int k = 0; k < Sources.Count; k++) Sources[k].AddJapanese(sentence, new AnchorCollector(items, k, words));
        return Kept(items, words);
    }

    /// <summary>The items of an English sentence; their words taken from <paramref name="words"/> when given.</summary>
    public AnchorItem[] English(string sentence, WordPool? words = null)
    {
        var items = new List<AnchorItem>();
        for (int k = 0; k < Sources.Count; k++) Sources[k].AddEnglish(sentence, new AnchorCollector(items, k, words));
        return Kept(items, words);
    }

    /// <summary>The items as a document keeps them until aligned: an array of their number, the words shared.</summary>
    private static AnchorItem[] Kept(List<AnchorItem> items, WordPool? words)
    {
        if (items.Count == 0) return [];
        var kept = items.ToArray();
        if (words != null)
            for (int k = 0; k < kept.Length; k++) kept[k].ShareWord(words);
        return kept;
    }

    /// <summary>
    /// Packs the items of every sentence of one side into the aligner's form. An item's weight is its kind's log-odds
    /// bonus plus ln(1/q), q the share of the other side's sentences that hold one of its keys: a match on a rare word
    /// or number says more than one on a word found everywhere. At most <see cref="SentenceAnchors.MaxItems"/> items per
    /// sentence are kept, the heaviest.
    /// </summary>
    public static SentenceAnchors[] Pack(AnchorItem[][] side, AnchorItem[][] other, double[]? oneSided = null, Action<AnchorItem, List<ulong>>? sideExtra = null, Action<AnchorItem, List<ulong>>? otherExtra = null)
    {
        using var otherFrequency = DocumentFrequencies.Of(other, otherExtra);
        double n = other.Length;
        var result = new SentenceAnchors[side.Length];
        var keys = new List<AnchorKey>();
        var weights = new List<double>();
        // One sentence's candidate items: weight and where its keys lie in itemKeys. Reused from sentence to sentence.
        var candidates = new List<(double Weight, int Start, int Count)>();
        var itemKeys = new List<ulong>();
        var scratch = new List<ulong>();
        for (int i = 0; i < side.Length; i++)
        {
            candidates.Clear();
            itemKeys.Clear();
            foreach (var item in side[i])
            {
                int start = itemKeys.Count;
                AddKeys(item, sideExtra, itemKeys, scratch);
                if (itemKeys.Count == start) continue;
                long df = 0;
                for (int k = start; k < itemKeys.Count; k++) df += otherFrequency[itemKeys[k]];
                // An item that no sentence of the other side can match says nothing about where the sentence goes.
                if (df == 0)
                {
                    itemKeys.RemoveRange(start, itemKeys.Count - start);
                    continue;
                }
                double q = (Math.Min(df, n) + 0.5) / (n + 1);
                candidates.Add((Math.Max(0, item.Weight - Math.Log(q)), start, itemKeys.Count - start));
            }
            if (candidates.Count > SentenceAnchors.MaxItems)
            {
                // The heaviest, ties in item order (a stable sort).
                var order = candidates.Select((c, k) => (c, k)).OrderByDescending(x => x.c.Weight).ThenBy(x => x.k).Take(SentenceAnchors.MaxItems).Select(x => x.c).ToList();
                candidates.Clear();
                candidates.AddRange(order);
            }
            keys.Clear();
            weights.Clear();
            foreach (var (w, start, count) in candidates)
            {
                for (int k = start; k < start + count; k++) keys.Add(new AnchorKey(itemKeys[k], weights.Count));
                weights.Add(w);
            }
            double evidence = oneSided?[i] ?? 0;
            result[i] = weights.Count == 0 && evidence == 0 ? SentenceAnchors.Empty : new SentenceAnchors(keys, weights, evidence);
        }
        return result;
    }

    /// <summary>
    /// Both sides packed, the Japanese items with <paramref name="learned"/>'s keys added and the English frequencies
    /// counted against them; side by side on two threads when the document is large (the two are independent).
    /// </summary>
    public static (SentenceAnchors[] Japanese, SentenceAnchors[] English) PackBoth(AnchorItem[][] ja, AnchorItem[][] en,
        double[]? jaOneSided = null, double[]? enOneSided = null, Action<AnchorItem, List<ulong>>? learned = null)
    {
        if (ja.Length + en.Length < 2048) return (Pack(ja, en, jaOneSided, sideExtra: learned), Pack(en, ja, enOneSided, otherExtra: learned));
        SentenceAnchors[]? japanese = null, english = null;
        Parallel.Invoke(() => japanese = Pack(ja, en, jaOneSided, sideExtra: learned), () => english = Pack(en, ja, enOneSided, otherExtra: learned));
        return (japanese!, english!);
    }

    /// <summary>Appends the item's distinct keys, then those <paramref name="extra"/> gives it, to <paramref name="keys"/> (no allocation per item).</summary>
    internal static void AddKeys(AnchorItem item, Action<AnchorItem, List<ulong>>? extra, List<ulong> keys, List<ulong> scratch)
    {
        int start = keys.Count;
        for (int k = 0; k < item.KeyCount; k++) AddDistinct(item.Key(k));
        if (extra == null) return;
        scratch.Clear();
        extra(item, scratch);
        foreach (var k in scratch) AddDistinct(k);

        void AddDistinct(ulong key)
        {
            // An item has a handful of keys: a linear scan beats a set.
            for (int x = start; x < keys.Count; x++)
                if (keys[x] == key) return;
            keys.Add(key);
        }
    }
}
