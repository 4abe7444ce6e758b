using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>The packed form of a sentence's anchors: keys ascending, the items of one key ascending.</summary>
public class SentenceAnchorsTests
{
    [Fact]
    public void Keys_are_sorted_with_the_items_of_equal_keys_in_order()
    {
        // Key 7 is held by items 3, 0 and 2 (given in that order), key 5 by item 1, key 9 by items 2 and 1.
        AnchorKey[] keys = [new(7, 3), new(9, 2), new(7, 0), new(5, 1), new(9, 1), new(7, 2)];
        var anchors = new SentenceAnchors(keys, [1.0, 1.0, 1.0, 1.0]);
        Assert.Equal([5UL, 7, 7, 7, 9, 9], anchors.Keys);
        Assert.Equal([1, 0, 2, 3, 1, 2], anchors.ItemOf.Select(b => (int)b));
        Assert.Equal(0b1101UL, anchors.ItemsOf(7));
    }

    [Fact]
    public void Random_keys_sort_as_key_then_item()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            var keys = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => new AnchorKey(((ulong)rng.Next(0, 6) << 58) | (uint)rng.Next(0, 4), rng.Next(0, 8))).ToArray();
            var anchors = new SentenceAnchors(keys, Enumerable.Repeat(1.0, 8).ToArray());
            var expected = keys.OrderBy(k => k.Key).ThenBy(k => k.Item).ToArray();
            Assert.Equal(expected.Select(k => k.Key), anchors.Keys);
            Assert.Equal(expected.Select(k => k.Item), anchors.ItemOf.Select(b => (int)b));
        }
    }
}
