using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary><see cref="KeyRuns"/>: keys numbered in order of first occurrence, with their runs and the order of their occurrences, against a dictionary.</summary>
public class KeyRunsTests
{
    private static SentenceAnchors Sentence(params ulong[] keys) =>
        new([.. keys.Select((k, i) => new AnchorKey(k, i))], [.. keys.Select(_ => 1.0)]);

    [Theory]
    [InlineData(1, 10, int.MaxValue)]
    [InlineData(2, 5000, int.MaxValue)]
    [InlineData(3, 5000, 3)]
    public void Keys_are_numbered_and_counted_as_a_dictionary_numbers_and_counts_them(int seed, int vocabulary, int maxPerKey)
    {
        // Keys that a weak hash would send to few slots (multiples of 2^32, small numbers, the extremes) among random
        // ones; enough distinct keys to grow the table several times.
        var rng = new Random(seed);
        ulong Key() => rng.Next(4) switch
        {
            0 => (ulong)rng.Next(vocabulary) << 32,
            1 => (ulong)rng.Next(vocabulary),
            2 => rng.Next(2) == 0 ? 0UL : ulong.MaxValue - (ulong)rng.Next(3),
            _ => (ulong)rng.NextInt64() ^ ((ulong)rng.Next(vocabulary) << 7),
        };
        var side = Enumerable.Range(0, 3000).Select(_ => Sentence([.. Enumerable.Range(0, rng.Next(0, 8)).Select(_ => Key())])).ToArray();
        var ids = new Dictionary<ulong, int>();
        var counts = new List<int>();
        foreach (var s in side.Skip(100).Take(2500))
            foreach (var key in s.Keys.Distinct())
            {
                if (!ids.TryGetValue(key, out int id)) { ids[key] = id = counts.Count; counts.Add(0); }
                counts[id] = Math.Min(maxPerKey, counts[id] + 1);
            }

        using var runs = new KeyRuns(side, 100, 2600, maxPerKey);
        Assert.Equal(ids.OrderBy(p => p.Value).Select(p => p.Key), runs.Keys);
        foreach (var (key, id) in ids)
        {
            Assert.True(runs.TryGetId(key, out int found));
            Assert.Equal(id, found);
            Assert.Equal(counts[id], runs.Start[id + 1] - runs.Start[id]);
        }
        // Every key of the sentences in order, a run of equal keys once: what a second pass reads.
        Assert.Equal(side.Skip(100).Take(2500).SelectMany(s => s.Keys.Where((k, x) => x == 0 || s.Keys[x - 1] != k)).Select(k => ids[k]), runs.Order.ToArray());
        foreach (var key in side.Take(100).Concat(side.Skip(2600)).SelectMany(s => s.Keys).Where(k => !ids.ContainsKey(k)))
            Assert.False(runs.TryGetId(key, out _));
        Assert.Equal(counts.Sum(), runs.Start[^1]);
    }

    [Fact]
    public void A_table_from_the_pool_starts_empty_and_a_disposed_one_finds_nothing()
    {
        // The pool hands back the arrays of the runs before (the same sizes): their keys must not show through.
        var first = new KeyRuns([Sentence(1, 2, 3)], 0, 1);
        first.Dispose();
        using var second = new KeyRuns([Sentence(4)], 0, 1);
        Assert.False(second.TryGetId(1, out _));
        Assert.True(second.TryGetId(4, out int id));
        Assert.Equal(0, id);
        Assert.False(first.TryGetId(1, out _));
        first.Dispose();
    }
}
