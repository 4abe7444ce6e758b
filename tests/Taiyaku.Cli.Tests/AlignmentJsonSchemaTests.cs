using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// docs/schema/alignment.schema.json (JSON Schema draft 2020-12) is the one record <c>align --format json</c> and
/// <c>align-batch</c> write: the real output of both commands, on every kind of input, validates against it, and records
/// of another shape (the old batch keys, another version, a missing side) do not.
/// </summary>
public class AlignmentJsonSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(ToolProcess.RepoRoot(), "docs", "schema", "alignment.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(SchemaPath));

    private static string Sample(string ext) => InProcess.Samples("cable-1468." + ext);

    /// <summary>The schema's errors for <paramref name="json"/>, one per line ("" when it is valid).</summary>
    private static string Errors(JsonSchema schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return "";
        var lines = (result.Details ?? []).Prepend(result)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
        return "invalid:\n" + string.Join("\n", lines);
    }

    private static void AssertValid(string json, string what) => Assert.True(Errors(Schema.Value, json) == "", $"{what}: {Errors(Schema.Value, json)}");

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema_with_the_writers_version()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("", Errors(MetaSchemas.Draft202012, doc.RootElement.GetRawText()));
        Assert.Equal(Taiyaku.Formats.AlignmentWriter.JsonSchema, doc.RootElement.GetProperty("$defs").GetProperty("schema").GetProperty("const").GetString());
    }

    public static TheoryData<string[]> AlignInputs => new()
    {
        new[] { "--src", Sample("ja"), "--tgt", Sample("en"), "--segmented" },
        new[] { "--src", Sample("ja"), "--tgt", Sample("en") },
        new[] { "--bilingual", Sample("txt") },
        new[] { "--src", Sample("ja"), "--tgt", Sample("en"), "--min-score", "0.9" },
        new[] { "--bilingual", Sample("txt"), "--min-score", "0.9" },
    };

    [Theory]
    [MemberData(nameof(AlignInputs))]
    public void Align_json_output_validates(string[] input)
    {
        var r = InProcess.Run(["align", .. input, "--format", "json", "--quiet"]);
        Assert.Equal(0, r.Code);
        AssertValid(r.Out, string.Join(" ", input));
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("taiyaku-alignment/2", doc.RootElement.GetProperty("schema").GetString());
        Assert.NotEmpty(doc.RootElement.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public void The_validated_output_holds_offsets_furniture_metadata_and_low_score_sides()
    {
        // So that the test above validates every part of the schema, not only links.
        var raw = InProcess.Run("align", "--bilingual", Sample("txt"), "--format", "json", "--quiet", "--min-score", "0.9");
        using var doc = JsonDocument.Parse(raw.Out);
        var unaligned = doc.RootElement.GetProperty("unaligned").EnumerateArray().ToList();
        Assert.Contains(unaligned, u => u.GetProperty("kind").GetString() == "furniture" && u.TryGetProperty("offsets", out _));
        Assert.Contains(unaligned, u => u.GetProperty("kind").GetString() == "metadata" && u.GetProperty("side").GetString() == "target");
        Assert.Contains(unaligned, u => u.GetProperty("kind").GetString() == "low-score" && u.TryGetProperty("sentences", out _));
        Assert.All(doc.RootElement.GetProperty("links").EnumerateArray(), l => Assert.True(l.TryGetProperty("sourceOffsets", out _)));
    }

    [Fact]
    public void Align_batch_records_validate_including_error_records()
    {
        string Line(object o) => JsonSerializer.Serialize(o);
        string manifest = string.Join("\n",
            Line(new { id = "segmented", src = Sample("ja"), tgt = Sample("en"), segmented = true }),
            Line(new { id = "raw", src = Sample("ja"), tgt = Sample("en") }),
            Line(new { id = 3, bilingual = Sample("txt") }),
            Line(new { ja = "京都は日本の古い都である。多くの寺がある。", en = "Kyoto is an old capital of Japan. There are many temples." }),
            Line(new { id = "missing", src = Sample("ja") + ".missing", tgt = Sample("en") }),
            "not json") + "\n";
        var r = InProcess.Run(Encoding.UTF8.GetBytes(manifest), CancellationToken.None, "align-batch", "--quiet", "--threads", "2");
        Assert.Equal(1, r.Code);   // two lines fail, and say so in records
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        for (int k = 0; k < lines.Length; k++) AssertValid(lines[k], $"record {k + 1}");
        var records = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["segmented", "raw", "3", "4", "missing", "6"], records.Select(x => x["id"]!.ToString()));
        Assert.Equal([false, false, false, false, true, true], records.Select(x => x.ContainsKey("error")));
    }

    [Theory]
    [InlineData("""{"schema":"taiyaku-alignment/1","sourceLanguage":"ja","targetLanguage":"en","links":[],"unaligned":[]}""")]
    [InlineData("""{"sourceLanguage":"ja","targetLanguage":"en","links":[],"unaligned":[]}""")]
    [InlineData("""{"schema":"taiyaku-alignment/2","id":"d","links":[{"ja":[0],"en":[0],"cost":1,"ja_text":"あ","en_text":"A"}],"unaligned":[]}""")]
    [InlineData("""{"schema":"taiyaku-alignment/2","sourceLanguage":"ja","targetLanguage":"en","links":[],"unaligned":[{"kind":"furniture","language":"ja","text":"- 1 -"}]}""")]
    [InlineData("""{"schema":"taiyaku-alignment/2","sourceLanguage":"ja","targetLanguage":"en","links":[{"source":[0],"target":[0],"sourceText":"あ","targetText":"A","cost":1,"sourceOffsets":[[0]]}],"unaligned":[]}""")]
    [InlineData("""{"schema":"taiyaku-alignment/2","sourceLanguage":"ja","targetLanguage":"en","links":[],"unaligned":[{"kind":"low-score","side":"source","language":"ja","text":"あ"}]}""")]
    [InlineData("""{"schema":"taiyaku-alignment/2","id":1,"line":1}""")]
    public void Records_of_another_shape_are_invalid(string json) =>
        Assert.NotEqual("", Errors(Schema.Value, json));
}
