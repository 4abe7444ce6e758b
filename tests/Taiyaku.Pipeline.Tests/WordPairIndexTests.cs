using Taiyaku.Pipeline;
using Xunit;

namespace Taiyaku.Pipeline.Tests;

public class WordPairIndexTests
{
    [Fact]
    public void Ids_are_dense_in_order_of_first_sight_through_growth()
    {
        // Against a dictionary: 200,000 draws of pairs from ranges that make repeats common and force many resizes,
        // with ids as large as an int allows on either side (the packed key must keep both halves apart).
        var random = new Random(16);
        var index = new WordPairIndex();
        var reference = new Dictionary<(int, int), int>();
        for (int n = 0; n < 200_000; n++)
        {
            int f = random.Next(4) == 0 ? int.MaxValue - random.Next(3) : random.Next(300);
            int e = random.Next(4) == 0 ? int.MaxValue - random.Next(3) : random.Next(300);
            int id = index.GetOrAdd(f, e, out bool added);
            if (reference.TryGetValue((f, e), out int expected))
            {
                Assert.False(added);
                Assert.Equal(expected, id);
            }
            else
            {
                Assert.True(added);
                Assert.Equal(reference.Count, id);
                reference[(f, e)] = id;
            }
        }
        Assert.Equal(reference.Count, index.Count);
        Assert.True(index.Count > 50_000);   // grown well past its first 1,024 slots
    }

    [Fact]
    public void An_index_on_arrays_given_back_by_another_starts_empty()
    {
        // The arrays come from the shared pool: those of a disposed index, full of its pairs, must not leak into the next.
        for (int round = 0; round < 3; round++)
        {
            using var index = new WordPairIndex();
            // The same pairs every round: a key left over from the last round would be found, not added.
            for (int f = 0; f < 3000; f++) Assert.Equal(f, index.GetOrAdd(f, 7, out bool added) is var id && added ? id : -1);
            Assert.Equal(3000, index.Count);
        }
    }

    [Fact]
    public void Pairs_that_differ_only_by_side_are_different()
    {
        var index = new WordPairIndex();
        Assert.Equal(0, index.GetOrAdd(1, 2, out _));
        Assert.Equal(1, index.GetOrAdd(2, 1, out _));
        Assert.Equal(2, index.GetOrAdd(0, 0, out _));
        Assert.Equal(0, index.GetOrAdd(1, 2, out bool added));
        Assert.False(added);
    }
}
