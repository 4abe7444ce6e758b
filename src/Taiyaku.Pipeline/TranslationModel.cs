using System.Runtime.Intrinsics;
using Taiyaku.Features;

namespace Taiyaku.Pipeline;

/// <summary>
/// Word translation probabilities t(English | Japanese) learned with IBM Model 1 (Brown et al. 1993) from sentence pairs,
/// kept as a small lexicon of likely translations: the learned second pass of Moore (2002). Learn it from one document's
/// confident links (the aligner does so when <see cref="AnchorOptions.SecondPass"/> is on) or once from a batch
/// (<see cref="Learn"/>)
/// and give it to <see cref="DocumentAligner"/>. Immutable and thread-safe.
/// </summary>
public sealed class TranslationModel : IBilingualLexicon
{
    /// <summary>EM iterations.</summary>
    public const int Iterations = 5;

    /// <summary>Smallest t(e | f) kept.</summary>
    public const double MinProbability = 0.15;

    /// <summary>Most translations kept per Japanese word.</summary>
    public const int MaxTranslations = 3;

    /// <summary>Fewest sentence pairs a Japanese word must occur in to be kept.</summary>
    public const int MinCount = 2;

    // Model 1 costs |E|·|F| per sentence pair and iteration; pairs beyond this (e.g. 1000 × 1000 words) say little
    // about word translations and are skipped, so that any sentence lengths are safe (a product of two int lengths
    // could also overflow).
    private const long MaxWordPairs = 1 << 20;

    private readonly Dictionary<string, string[]> _table;

    private TranslationModel(Dictionary<string, string[]> table) => _table = table;

    /// <summary>A model with no entries.</summary>
    public static TranslationModel Empty { get; } = new([]);

    /// <summary>Number of Japanese words with translations.</summary>
    public int Count => _table.Count;

    /// <inheritdoc/>
    public bool TryGetTranslations(string japanese, out IReadOnlyList<string> englishWords)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        if (_table.TryGetValue(japanese, out var e)) { englishWords = e; return true; }
        englishWords = [];
        return false;
    }

    /// <summary>
    /// Learns from sentence pairs given as words: Japanese base forms and English stems (as the aligner extracts them;
    /// any consistent tokenisation works). Pairs with more than about a million word pairs (e.g. 1000 × 1000 words)
    /// are skipped: any sentence lengths are safe.
    /// </summary>
    public static TranslationModel Learn(IEnumerable<(IReadOnlyList<string> Japanese, IReadOnlyList<string> English)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var jaIds = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };   // 0 is NULL
        var enIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var jaWords = new List<string> { "" };
        var enWords = new List<string>();
        var corpus = new List<(int[] F, int[] E)>();
        foreach (var (ja, en) in pairs)
        {
            if (ja.Count == 0 || en.Count == 0 || (long)(ja.Count + 1) * en.Count > MaxWordPairs) continue;
            corpus.Add((Ids(ja, jaIds, jaWords, withNull: true), Ids(en, enIds, enWords, withNull: false)));
        }
        if (corpus.Count == 0) return Empty;

        // t(e | f) on co-occurring pairs only, uniform to start. Each (f, e) pair gets an index once, and every sentence
        // pair its |E|×|F| indices, so that the EM iterations are array walks without hashing.
        var pairF = new List<int>();
        var pairE = new List<int>();
        var cells = new int[corpus.Count][];
        using (var pairIndex = new WordPairIndex())
        {
            for (int k = 0; k < corpus.Count; k++)
            {
                var (f, e) = corpus[k];
                var idx = new int[e.Length * f.Length];
                int x = 0;
                foreach (int ei in e)
                    foreach (int fi in f)
                    {
                        int id = pairIndex.GetOrAdd(fi, ei, out bool added);
                        if (added) { pairF.Add(fi); pairE.Add(ei); }
                        idx[x++] = id;
                    }
                cells[k] = idx;
            }
        }
        var t = new double[pairF.Count];
        Array.Fill(t, 1.0);
        var count = new double[t.Length];
        var total = new double[jaWords.Count];
        var row = new double[corpus.Max(c => c.F.Length)];   // one English word's t values (NULL's included), gathered once
        for (int it = 0; it < Iterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(count);
            Array.Clear(total);
            for (int k = 0; k < corpus.Count; k++)
            {
                int fl = corpus[k].F.Length;
                for (int at = 0; at < cells[k].Length; at += fl)
                {
                    var idx = cells[k].AsSpan(at, fl);
                    double z = 0;
                    for (int q = 0; q < idx.Length; q++) z += row[q] = t[idx[q]];
                    // The same quotients, each an IEEE division, four at a time.
                    Divide(row.AsSpan(0, fl), z);
                    for (int q = 0; q < idx.Length; q++) count[idx[q]] += row[q];
                }
            }
            for (int q = 0; q < count.Length; q++) total[pairF[q]] += count[q];
            for (int q = 0; q < t.Length; q++) t[q] = total[pairF[q]] > 0 ? count[q] / total[pairF[q]] : 0;
        }

        // Sentence pairs holding each Japanese word: lastSeen marks the pair that counted it last.
        var occurrences = new int[jaWords.Count];
        var lastSeen = new int[jaWords.Count];
        Array.Fill(lastSeen, -1);
        for (int k = 0; k < corpus.Count; k++)
            foreach (int fi in corpus[k].F)
                if (lastSeen[fi] != k) { lastSeen[fi] = k; occurrences[fi]++; }
        var best = new Dictionary<int, List<(double P, int E)>>();
        for (int id = 0; id < t.Length; id++)   // in order of first sight, so that the table's order is reproducible
        {
            double p = t[id];
            int fi = pairF[id], ei = pairE[id];
            if (fi == 0 || p < MinProbability || occurrences[fi] < MinCount) continue;
            if (!best.TryGetValue(fi, out var list)) best[fi] = list = [];
            list.Add((p, ei));
        }
        var table = new Dictionary<string, string[]>(best.Count, StringComparer.Ordinal);
        foreach (var (fi, list) in best)
        {
            list.Sort((x, y) => y.P != x.P ? y.P.CompareTo(x.P) : string.CompareOrdinal(enWords[x.E], enWords[y.E]));
            table[jaWords[fi]] = list.Take(MaxTranslations).Select(x => enWords[x.E]).ToArray();
        }
        return new TranslationModel(table);
    }

    /// <summary>values[q] /= z for every q (vectorised: each lane's quotient is the scalar one).</summary>
    private static void Divide(Span<double> values, double z)
    {
        int q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vz = Vector256.Create(z);
            for (; q + 4 <= values.Length; q += 4)
                (Vector256.Create<double>(values[q..]) / vz).CopyTo(values[q..]);
        }
        for (; q < values.Length; q++) values[q] /= z;
    }

    /// <summary>This model and <paramref name="other"/> together: each word's translations from both, this model's first.</summary>
    internal TranslationModel Join(TranslationModel other)
    {
        if (other._table.Count == 0) return this;
        if (_table.Count == 0) return other;
        var table = new Dictionary<string, string[]>(_table, StringComparer.Ordinal);
        foreach (var (word, english) in other._table)
            table[word] = table.TryGetValue(word, out var mine) ? [.. mine.Union(english, StringComparer.Ordinal)] : english;
        return new TranslationModel(table);
    }

    /// <summary>A model with this table (as read from a file).</summary>
    internal static TranslationModel FromTable(Dictionary<string, string[]> table) => table.Count == 0 ? Empty : new(table);

    /// <summary>The table: each Japanese word with its translations, most likely first.</summary>
    internal IEnumerable<(string Japanese, string[] English)> Entries() => _table.Select(kv => (kv.Key, kv.Value));

    private static int[] Ids(IReadOnlyList<string> words, Dictionary<string, int> ids, List<string> list, bool withNull)
    {
        var result = new int[words.Count + (withNull ? 1 : 0)];
        int k = 0;
        if (withNull) result[k++] = 0;
        foreach (var w in words)
        {
            if (!ids.TryGetValue(w, out int id))
            {
                id = list.Count;
                ids[w] = id;
                list.Add(w);
            }
            result[k++] = id;
        }
        return result;
    }
}
