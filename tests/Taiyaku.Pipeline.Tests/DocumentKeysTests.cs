using Taiyaku.Alignment;

namespace Taiyaku.Pipeline.Tests;

/// <summary>
/// The per-document key numbering and the packing that reads it, against definitions written out here from the raw
/// items: which items of two sentences share a key, and how many sentences hold a key.
/// </summary>
public sealed class DocumentKeysTests
{
    /// <summary>Random sentences of items with a few keys each, drawn from a small key space (so that keys repeat within an item and across sentences).</summary>
    private static AnchorItem[][] Side(Random random, int sentences, int keySpace, string[] words)
    {
        var side = new AnchorItem[sentences][];
        for (int i = 0; i < sentences; i++)
        {
            side[i] = new AnchorItem[random.Next(0, 6)];
            for (int x = 0; x < side[i].Length; x++)
            {
                var item = new AnchorItem(random.NextDouble() * 3, random.Next(3) == 0 ? null : words[random.Next(words.Length)]);
                int keys = random.Next(0, 4);
                for (int k = 0; k < keys; k++)
                    item.AddKey(random.Next(8) == 0 ? AnchorKeys.Word(random.Next(2) == 0 ? "alpha" : "beta") : 1000UL + (ulong)random.Next(keySpace));
                side[i][x] = item;
            }
        }
        return side;
    }

    private static ulong[] Distinct(AnchorItem item, Func<AnchorItem, IEnumerable<ulong>>? extra) =>
        [.. item.Keys.Concat(extra?.Invoke(item) ?? []).Distinct()];

    [Fact]
    public void Each_item_keeps_its_distinct_keys_and_its_learned_ones_in_order()
    {
        var random = new Random(5);
        string[] words = ["a", "b", "c", "d"];
        var ja = Side(random, 30, 40, words);
        var en = Side(random, 30, 40, words);
        // Learned translations: some words' keys are among the items' own keys, one is new to the document, one word has none.
        var table = new Dictionary<string, string[]> { ["a"] = ["alpha", "beta"], ["b"] = ["beta"], ["c"] = ["gamma", "alpha", "delta"] };
        var model = TranslationModel.FromTable(table);
        Func<AnchorItem, IEnumerable<ulong>> learned = item => item.Word is { } w && table.TryGetValue(w, out var e) ? e.Select(AnchorKeys.Word) : [];
        using var keys = new DocumentKeys(ja, en);
        var withLearned = keys.WithLearned(model);
        foreach (var (side, items, extra) in new[] { (keys.Japanese, ja, (Func<AnchorItem, IEnumerable<ulong>>?)null), (keys.English, en, null), (withLearned, ja, learned) })
        {
            var read = new List<int>();
            for (int i = 0; i < items.Length; i++)
            {
                int at = side.KeyStart(i);
                foreach (var item in items[i])
                {
                    side.Read(item, ref at, read);
                    Assert.Equal(Distinct(item, extra), read.Select(keys.KeyOf));
                }
                Assert.Equal(side.KeyStart(i + 1), at);
            }
        }
    }

    [Fact]
    public void Frequencies_count_the_sentences_that_hold_each_key()
    {
        var random = new Random(11);
        var ja = Side(random, 50, 25, ["x"]);
        var en = Side(random, 40, 25, ["y"]);
        using var keys = new DocumentKeys(ja, en);
        foreach (var (side, items) in new[] { (keys.Japanese, ja), (keys.English, en) })
        {
            var frequencies = side.Frequencies();
            for (int id = 0; id < keys.Count; id++)
            {
                int expected = items.Count(s => s.Any(item => item.Keys.Contains(keys.KeyOf(id))));
                Assert.Equal(expected, id < frequencies.Length ? frequencies[id] : 0);
            }
        }
    }

    /// <summary>
    /// Packing keeps only the keys the other side holds, and that loses no match: for every pair of sentences the items
    /// matched are those whose raw keys meet, and each kept item weighs its bonus plus ln(1/q).
    /// </summary>
    [Fact]
    public void Packed_sentences_match_as_their_raw_items_do()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            string[] words = ["a", "b", "c"];
            var ja = Side(random, 25, 60, words);
            var en = Side(random, 20, 60, words);
            using var keys = new DocumentKeys(ja, en);
            var (sa, ta) = AnchorExtractor.PackBoth(keys.Japanese);
            for (int i = 0; i < ja.Length; i++)
            {
                // The kept items of sentence i, in order: those with a key some English sentence holds.
                var kept = ja[i].Where(item => item.Keys.Any(k => en.Any(s => s.Any(e => e.Keys.Contains(k))))).ToArray();
                Assert.Equal(kept.Length, sa[i].ItemCount);
                for (int x = 0; x < kept.Length; x++)
                {
                    long df = kept[x].Keys.Distinct().Sum(k => (long)en.Count(s => s.Any(e => e.Keys.Contains(k))));
                    double q = (Math.Min(df, en.Length) + 0.5) / (en.Length + 1);
                    Assert.Equal(Math.Max(0, kept[x].Weight - Math.Log(q)), sa[i].WeightOf(x), 12);
                }
                for (int j = 0; j < en.Length; j++)
                {
                    var keptEn = en[j].Where(item => item.Keys.Any(k => ja.Any(s => s.Any(e => e.Keys.Contains(k))))).ToArray();
                    ulong expectedJa = 0, expectedEn = 0;
                    for (int x = 0; x < kept.Length; x++)
                        for (int y = 0; y < keptEn.Length; y++)
                            if (kept[x].Keys.Intersect(keptEn[y].Keys).Any())
                            {
                                expectedJa |= 1UL << x;
                                expectedEn |= 1UL << y;
                            }
                    SentenceAnchors.Match(sa[i], ta[j], out ulong inJa, out ulong inEn);
                    Assert.Equal(expectedJa, inJa);
                    Assert.Equal(expectedEn, inEn);
                }
            }
        }
    }
}
