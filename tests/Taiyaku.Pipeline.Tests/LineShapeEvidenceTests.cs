using Taiyaku.Alignment;
using Taiyaku.Pipeline;

namespace Taiyaku.Pipeline.Tests;

/// <summary><see cref="AnchorOptions.LineShapes"/>: page stamps, markings and other-language lines inserted on one side are left alone.</summary>
public class LineShapeEvidenceTests
{
    private static readonly string[] Japanese =
    [
        "京都は日本の古い都である。",
        "多くの寺がある。",
        "祇園祭は七月に行われる。",
        "嵐山は紅葉で知られる。",
    ];

    // A page stamp, a marking and a line of Japanese inserted into the translation.
    private static readonly string[] English =
    [
        "Kyoto is an old capital of Japan.",
        "- 12 -",
        "There are many temples.",
        "CONFIDENTIAL",
        "The Gion Festival is held in July.",
        "本電報は大臣限りとする。",
        "Arashiyama is known for its autumn leaves.",
    ];

    private static (int, int, int, int)[] Shape(AlignmentResult r) =>
        r.Links.Select(l => (l.SourceStart, l.SourceCount, l.TargetStart, l.TargetCount)).ToArray();

    [Fact]
    public void Inserted_lines_are_left_alone_and_the_translations_linked_one_to_one()
    {
        var result = new DocumentAlignerBuilder().Build().AlignSentences(Japanese, English);
        Assert.Equal([(0, 1, 0, 1), (1, 0, 1, 1), (1, 1, 2, 1), (2, 0, 3, 1), (2, 1, 4, 1), (3, 0, 5, 1), (3, 1, 6, 1)], Shape(result));
    }

    [Fact]
    public void Without_line_shapes_they_are_merged_into_their_neighbours()
    {
        var aligner = new DocumentAlignerBuilder().UseAnchors(AnchorOptions.Default with { LineShapes = false }).Build();
        var result = aligner.AlignSentences(Japanese, English);
        Assert.Contains(result.Links, l => l.SourceCount > 0 && l.TargetCount > 1);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_weight_is_refused(double weight)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AnchorOptions.Default with { CapitalsLineWeight = weight });
        Assert.Equal(nameof(AnchorOptions.CapitalsLineWeight), e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnchorOptions.Default with { OtherScriptLineWeight = weight });
        Assert.Throws<ArgumentOutOfRangeException>(() => AnchorOptions.Default with { BracketedLineWeight = weight });
    }
}
