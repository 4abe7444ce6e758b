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

    public List<AnchorItem> Japanese(string sentence)
    {
        var items = new List<AnchorItem>();
        // A source's index is its key space for AnchorCollector.Add: the user's sources keep theirs, being first.
        for (int k = 0; k < Sources.Count; k++) Sources[k].AddJapanese(sentence, new AnchorCollector(items, k));
        return items;
    }

    public List<AnchorItem> English(string sentence)
    {
        var items = new List<AnchorItem>();
        for (int k = 0; k < Sources.Count; k++) Sources[k].AddEnglish(sentence, new AnchorCollector(items, k));
        return items;
    }

    /// <summary>
    /// Packs the items of every sentence of one side into the aligner's form. An item's weight is its kind's log-odds
    /// bonus plus ln(1/q), q the share of the other side's sentences that hold one of its keys: a match on a rare word
    /// or number says more than one on a word found everywhere. At most <see cref="SentenceAnchors.MaxItems"/> items per
    /// sentence are kept, the heaviest.
    /// </summary>
    public static SentenceAnchors[] Pack(List<AnchorItem>[] side, List<AnchorItem>[] other, Func<AnchorItem, IEnumerable<ulong>>? sideExtra = null, Func<AnchorItem, IEnumerable<ulong>>? otherExtra = null)
    {
        var otherFrequency = DocumentFrequency(other, otherExtra);
        double n = other.Length;
        var result = new SentenceAnchors[side.Length];
        var keys = new List<AnchorKey>();
        var weights = new List<double>();
        var candidates = new List<(double Weight, ulong[] Keys)>();
        for (int i = 0; i < side.Length; i++)
        {
            candidates.Clear();
            foreach (var item in side[i])
            {
                var itemKeys = KeysOf(item, sideExtra);
                if (itemKeys.Length == 0) continue;
                long df = 0;
                foreach (var k in itemKeys) df += otherFrequency.GetValueOrDefault(k);
                // An item that no sentence of the other side can match says nothing about where the sentence goes.
                if (df == 0) continue;
                double q = (Math.Min(df, n) + 0.5) / (n + 1);
                candidates.Add((Math.Max(0, item.Weight - Math.Log(q)), itemKeys));
            }
            if (candidates.Count > SentenceAnchors.MaxItems)
                candidates = candidates.OrderByDescending(x => x.Weight).Take(SentenceAnchors.MaxItems).ToList();
            keys.Clear();
            weights.Clear();
            foreach (var (w, itemKeys) in candidates)
            {
                foreach (var k in itemKeys) keys.Add(new AnchorKey(k, weights.Count));
                weights.Add(w);
            }
            result[i] = weights.Count == 0 ? SentenceAnchors.Empty : new SentenceAnchors(keys, weights);
        }
        return result;
    }

    private static ulong[] KeysOf(AnchorItem item, Func<AnchorItem, IEnumerable<ulong>>? extra) =>
        extra == null ? [.. item.Keys.Distinct()] : [.. item.Keys.Concat(extra(item)).Distinct()];

    /// <summary>For each key, the number of sentences that hold it.</summary>
    private static Dictionary<ulong, int> DocumentFrequency(List<AnchorItem>[] sentences, Func<AnchorItem, IEnumerable<ulong>>? extra)
    {
        var df = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        foreach (var items in sentences)
        {
            seen.Clear();
            foreach (var item in items)
                foreach (var k in KeysOf(item, extra))
                    if (seen.Add(k)) df[k] = df.GetValueOrDefault(k) + 1;
        }
        return df;
    }
}
