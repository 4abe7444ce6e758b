namespace Taiyaku.Pipeline.Tests;

/// <summary>Anchor items keep their first key inline and the rest in an array that grows: every key, in order.</summary>
public class AnchorItemTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void Keys_come_back_in_the_order_added(int count)
    {
        var item = new AnchorItem(1.5, "word");
        var expected = Enumerable.Range(0, count).Select(k => (ulong)(k * 7919 + 1)).ToArray();
        foreach (var key in expected) item.AddKey(key);
        Assert.Equal(count, item.KeyCount);
        Assert.Equal(expected, item.Keys);
        for (int k = 0; k < count; k++) Assert.Equal(expected[k], item.Key(k));
        Assert.Equal((1.5, "word"), (item.Weight, item.Word));
    }

    [Fact]
    public void Items_of_a_document_share_one_copy_of_each_word()
    {
        var pool = new WordPool();
        var a = new AnchorItem(1, new string("東京".AsSpan()));
        var b = new AnchorItem(1, new string("東京".AsSpan()));
        Assert.NotSame(a.Word, b.Word);
        a.ShareWord(pool);
        b.ShareWord(pool);
        Assert.Same(a.Word, b.Word);
        var none = new AnchorItem(1, null);
        none.ShareWord(pool);
        Assert.Null(none.Word);
    }
}
