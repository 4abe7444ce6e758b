using System.Text.Json.Nodes;
using Taiyaku.Alignment;
using Taiyaku.Pipeline;

namespace Taiyaku.Pipeline.Tests;

/// <summary>Parameter files that load align anything; the rest are rejected with the field named (issue 13).</summary>
public class HostileParameterTests
{
    private static string Edit(Action<JsonObject> change)
    {
        var o = JsonNode.Parse(AlignmentParameters.Default.ToJson())!.AsObject();
        change(o);
        return o.ToJsonString();
    }

    private static JsonArray Beads(params (int S, int T, double P)[] beads) =>
        new(beads.Select(b => (JsonNode)new JsonObject { ["source"] = b.S, ["target"] = b.T, ["probability"] = b.P }).ToArray());

    public static TheoryData<string, string> Rejected => new()
    {
        { Edit(o => o["beads"] = Beads((1, 1, 1))), "1-0 and a 0-1 bead" },
        { Edit(o => o["beads"] = Beads((1, 1, 0.9), (1, 0, 0.1))), "1-0 and a 0-1 bead" },
        { Edit(o => o["beads"] = Beads((1, 1, 0.9), (2, 0, 0.05), (0, 1, 0.05))), "1-0 and a 0-1 bead" },
        { Edit(o => o["anchorWeight"] = 1e308), "anchorWeight" },
        { Edit(o => o["deletionOpenCost"] = -1), "deletionOpenCost" },
        { Edit(o => o["untranslated"]!["parameters"]!["deletionOpenCost"] = 25), "deletionOpenCost" },
        { Edit(o => o["anchorWeight"] = -1), "anchorWeight" },
        { Edit(o => o["variance"] = 1e300), "variance" },
        { Edit(o => o["variance"] = 1e-300), "variance" },
        { Edit(o => o["lengthRatio"] = 1e300), "lengthRatio" },
        { Edit(o => o["confidence"]!["cost"] = 1e300), "confidence.cost" },
        { Edit(o => o["anchorWeight"] = "NaN"), "anchorWeight" },
        { Edit(o => o["variance"] = "Infinity"), "variance" },
        { Edit(o => o["beads"] = Beads((1, 1, 0.9), (1, 0, 0), (0, 1, 0.1))), "probability" },
        { Edit(o => o["untranslated"]!["minBlockShare"] = 2), "untranslated.minBlockShare" },
        { Edit(o => o["untranslated"]!["parameters"]!["variance"] = -1), "untranslated.parameters\": \"variance\"" },
        { Edit(o => o["untranslated"]!["parameters"]!["length"] = "chars"), "enclosing parameters' measure" },
        { Edit(o => o["untranslated"]!["parameters"]!["untranslated"] = o["untranslated"]!.DeepClone()), "cannot hold their own" },
        { Edit(o => o["untranslated"]!.AsObject().Remove("parameters")), "\"untranslated.parameters\" is missing" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Out_of_bounds_or_non_covering_parameters_are_rejected_naming_the_field(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AlignmentParameters.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_key_given_twice_is_a_format_error_found_by_fuzzing()
    {
        string json = AlignmentParameters.Default.ToJson().Replace("\"variance\":", "\"variance\": 7, \"variance\":");
        var e = Assert.Throws<FormatException>(() => AlignmentParameters.FromJson(json));
        Assert.Contains("variance", e.Message);
        // The fuzzer's input, kept as a regression: it threw ArgumentException out of FromJson.
        string crasher = File.ReadAllText(Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "fuzz", "regressions", "parameters", "duplicate-key.json"));
        Assert.Throws<FormatException>(() => AlignmentParameters.FromJson(crasher));
    }

    /// <summary>At the edges of the documented bounds, every pair of sentence counts aligns with finite costs.</summary>
    [Theory]
    [InlineData(100, 0.001)]
    [InlineData(100, 1e6)]
    [InlineData(0, 0.001)]
    public void Parameters_at_the_bounds_align_unequal_counts_with_finite_costs(double anchorWeight, double variance)
    {
        var p = AlignmentParameters.FromJson(Edit(o =>
        {
            o["anchorWeight"] = anchorWeight;
            o["variance"] = variance;
            o["beads"] = Beads((1, 1, 0.98), (1, 0, 1e-9), (0, 1, 1e-9));
        }));
        var aligner = new DocumentAlignerBuilder().UseParameters(p).Build();
        string[] ja = ["1980年にトヨタは工場を建てた。", "それは大きかった。", "レーガンが来た。", "以上。"];
        string[] en = ["Toyota built a factory in 1980.", "Reagan came."];
        var r = aligner.AlignSentences(ja, en);
        Assert.Equal(4, r.Links.Sum(l => l.SourceCount));
        Assert.Equal(2, r.Links.Sum(l => l.TargetCount));
        Assert.All(r.Links, l => Assert.True(double.IsFinite(l.Cost), $"cost {l.Cost}"));
        Assert.All(r.Links, l => Assert.True(double.IsNaN(l.Score) || (l.Score >= 0 && l.Score <= 1), $"score {l.Score}"));
    }

    [Fact]
    public void The_deletion_opening_cost_is_read_written_and_passed_to_the_aligner()
    {
        var p = AlignmentParameters.FromJson(Edit(o => o["deletionOpenCost"] = 1.25));
        Assert.Equal(1.25, p.DeletionOpenCost);
        Assert.Equal(p, AlignmentParameters.FromJson(p.ToJson()));
        Assert.Equal(1.25, new DocumentAlignerOptions { Parameters = p }.CoreOptions().DeletionOpenCost);
        // Absent from older files: 0.
        Assert.Equal(0, AlignmentParameters.FromJson(Edit(o => o.Remove("deletionOpenCost"))).DeletionOpenCost);
    }

    [Fact]
    public void Translation_model_is_safe_for_a_pair_whose_word_product_overflows_an_int()
    {
        // 70,000 × 70,001 word pairs is more than int.MaxValue: the array size overflowed before the fix.
        var ja = Enumerable.Range(0, 70_000).Select(i => "語" + i).ToArray();
        var en = Enumerable.Range(0, 70_000).Select(i => "w" + i).ToArray();
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)> { (ja, en), (["京都"], ["kyoto"]), (["京都", "寺"], ["kyoto", "temple"]) };
        var model = TranslationModel.Learn(pairs);
        Assert.True(model.TryGetTranslations("京都", out var kyoto));
        Assert.Contains("kyoto", kyoto);
        Assert.False(model.TryGetTranslations("語1", out _));   // the huge pair is skipped, not learned from
    }
}
