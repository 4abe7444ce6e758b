using Taiyaku.Alignment;

namespace Taiyaku.Alignment.Tests;

/// <summary>
/// <see cref="SentenceAnchors.OneSidedEvidence"/>: a sentence whose shape says it may have no counterpart (a page stamp,
/// a marking) is cheaper to leave alone, and its length no longer counts then; lexical evidence still links it.
/// </summary>
public class OneSidedEvidenceTests
{
    // The kyoto-wiki fit's shape: s² about 7, ν = 0 (a deletion pays its length cost), 1-0 and 0-1 rare, 1-2 rarer.
    private static readonly GaleChurchOptions Options = new()
    {
        Variance = 7,
        AnchorWeight = 0.5,
        Beads = [new(1, 1, 0.78), new(1, 0, 0.1), new(0, 1, 0.1), new(1, 2, 0.01), new(2, 1, 0.01)],
    };

    private static SentenceAnchors Anchors(double evidence, params ulong[] keys) =>
        new(keys.Select((k, i) => new AnchorKey(k, i)).ToArray(), keys.Select(_ => 3.0).ToArray(), evidence);

    // Four sources and five targets; target 2 is a short inserted line ("CONFIDENTIAL") between two translations.
    private static (int[] Src, int[] Tgt, SentenceAnchors[] Sa, SentenceAnchors[] Ta) Document(double evidence)
    {
        int[] src = [150, 150, 150, 150];
        int[] tgt = [150, 150, 14, 150, 150];
        var sa = Enumerable.Range(0, 4).Select(i => Anchors(0, (ulong)(10 * i + 1))).ToArray();
        var ta = new SentenceAnchors[5];
        for (int j = 0, i = 0; j < 5; j++)
            ta[j] = j == 2 ? Anchors(evidence, 999) : Anchors(0, (ulong)(10 * i++ + 1));
        return (src, tgt, sa, ta);
    }

    [Fact]
    public void Without_evidence_a_short_inserted_line_is_merged_into_a_neighbour()
    {
        var (src, tgt, sa, ta) = Document(0);
        var links = new GaleChurchAligner(Options).Align(src, tgt, sa, ta).Links;
        Assert.Contains(links, l => l.TargetCount == 2 && l.TargetStart <= 2 && l.TargetEnd > 2);
    }

    [Fact]
    public void With_evidence_it_is_left_alone_and_the_other_links_are_one_to_one()
    {
        var (src, tgt, sa, ta) = Document(2);
        var result = new GaleChurchAligner(Options).Align(src, tgt, sa, ta);
        Assert.Contains(result.Links, l => l.SourceCount == 0 && l.TargetStart == 2 && l.TargetCount == 1);
        Assert.Equal(4, result.Links.Count(l => l.SourceCount == 1 && l.TargetCount == 1));
        // Its link costs the 0-1 prior less the evidence, its length not counted.
        var alone = result.Links.Single(l => l.SourceCount == 0);
        Assert.Equal(-Math.Log(0.1) - 2, alone.Cost, 1e-9);
    }

    [Fact]
    public void A_long_line_with_evidence_is_left_alone_whatever_its_length()
    {
        // A line in the other language is long in bytes: its length cost alone keeps it linked.
        var (src, tgt, sa, ta) = Document(2);
        tgt[2] = 120;
        var links = new GaleChurchAligner(Options).Align(src, tgt, sa, ta).Links;
        Assert.Contains(links, l => l.SourceCount == 0 && l.TargetStart == 2);
        (src, tgt, sa, ta) = Document(0);
        tgt[2] = 120;
        links = new GaleChurchAligner(Options).Align(src, tgt, sa, ta).Links;
        Assert.DoesNotContain(links, l => l.SourceCount == 0);
    }

    [Fact]
    public void Lexical_evidence_still_links_a_line_with_one_sided_evidence()
    {
        // The same short line, but the source beside it is its translation (shared keys): a 1-1 link, not a deletion.
        int[] src = [150, 12, 150];
        int[] tgt = [150, 14, 150];
        SentenceAnchors[] sa = [Anchors(0, 1), Anchors(2, 500, 501), Anchors(0, 3)];
        SentenceAnchors[] ta = [Anchors(0, 1), Anchors(2, 500, 501), Anchors(0, 3)];
        var links = new GaleChurchAligner(Options).Align(src, tgt, sa, ta).Links;
        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.True(l.SourceCount == 1 && l.TargetCount == 1));
    }

    [Fact]
    public void Two_lines_with_evidence_facing_each_other_are_linked()
    {
        // A page number facing a page number, with no key in common: the evidence tells them from running text, not
        // from each other (else two deletions at the prior less the evidence, below zero, would beat any link).
        int[] src = [150, 10, 150];
        int[] tgt = [150, 12, 150];
        SentenceAnchors[] sa = [Anchors(0, 1), Anchors(3), Anchors(0, 3)];
        SentenceAnchors[] ta = [Anchors(0, 1), Anchors(3), Anchors(0, 3)];
        var result = new GaleChurchAligner(Options).Align(src, tgt, sa, ta);
        Assert.Equal([(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1)], result.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
        // The link's cost on the path is the DP's: the 1-1 cost less both sides' evidence.
        var full = new GaleChurchAligner(Options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta);
        Assert.Equal(full.Links.Sum(l => l.Cost), result.Links.Sum(l => l.Cost), 1e-9);
        Assert.True(result.Links[1].Cost < 0);
    }

    [Fact]
    public void The_banded_and_the_full_search_agree_with_evidence()
    {
        var (src, tgt, sa, ta) = Document(2);
        var banded = new GaleChurchAligner(Options).Align(src, tgt, sa, ta).Links;
        var full = new GaleChurchAligner(Options with { Search = SearchMode.Full }).Align(src, tgt, sa, ta).Links;
        Assert.Equal(full.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)), banded.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_evidence_is_refused(double evidence) =>
        Assert.Throws<ArgumentException>(() => new SentenceAnchors([], [], evidence));

    [Fact]
    public void Evidence_is_kept_and_defaults_to_zero()
    {
        Assert.Equal(2.5, new SentenceAnchors([], [], 2.5).OneSidedEvidence);
        Assert.Equal(0, new SentenceAnchors([], []).OneSidedEvidence);
        Assert.Equal(0, SentenceAnchors.Empty.OneSidedEvidence);
    }
}
