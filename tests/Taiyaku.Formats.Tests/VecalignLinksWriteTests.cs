using CsCheck;
using Taiyaku.Alignment;
using Taiyaku.Formats;

namespace Taiyaku.Formats.Tests;

/// <summary>Writing an alignment result's links directly gives the lines its <see cref="IndexLink"/>s give.</summary>
public class VecalignLinksWriteTests
{
    [Fact]
    public void Writes_what_the_index_links_write()
    {
        // Counts up to 40 a side: links that fit the stack buffer and links that do not; a link of a
        // hundred thousand sentences first, so that the indices after it have six digits.
        var counts = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40]).Where(c => c.Item1 + c.Item2 > 0);
        Gen.Select(Gen.Bool, counts.Array[0, 20]).Sample((longFirst, links) =>
        {
            var list = new List<Link>();
            int s = 0, t = 0;
            if (longFirst) { list.Add(new Link(0, 100_000, 0, 1)); (s, t) = (100_000, 1); }
            foreach (var (a, b) in links) { list.Add(new Link(s, a, t, b)); s += a; t += b; }
            var result = new AlignmentResult(list, s, t);
            var direct = new StringWriter();
            VecalignLinks.Write(direct, result);
            var viaIndexLinks = new StringWriter();
            VecalignLinks.Write(viaIndexLinks, VecalignLinks.From(result));
            Assert.Equal(viaIndexLinks.ToString(), direct.ToString());
        }, iter: 200);
    }

    [Fact]
    public void Writes_one_sided_and_longFirstlinks()
    {
        var result = new AlignmentResult([new Link(0, 1, 0, 0), new Link(1, 0, 0, 2), new Link(1, 12, 2, 1)], 13, 3);
        var w = new StringWriter();
        VecalignLinks.Write(w, result);
        Assert.Equal("[0]:[]\n[]:[0, 1]\n[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]:[2]\n", w.ToString());
    }
}
