using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// align and align-batch share one job model (Jobs/AlignmentJob) and one JSON record (schema taiyaku-alignment/2): the
/// same pair gives the same record, links, texts, costs, scores, offsets and set-apart text alike, whichever command
/// aligned it and whichever way the pair was given; only the id differs.
/// </summary>
public class JobModelTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Compact(JsonElement e) => JsonNode.Parse(e.GetRawText())!.ToJsonString(Options);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Align_and_align_batch_give_the_same_links(bool segmented)
    {
        string[] mode = segmented ? ["--segmented"] : [];
        var single = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", "json", "--quiet", .. mode]);
        Assert.Equal(0, single.Code);
        string files = JsonSerializer.Serialize(new { id = "files", src = Sample("ja"), tgt = Sample("en"), segmented });
        string inline = JsonSerializer.Serialize(new { id = "inline", ja = File.ReadAllText(Sample("ja")), en = File.ReadAllText(Sample("en")), segmented });
        var batch = InProcess.Run(Encoding.UTF8.GetBytes(files + "\n" + inline + "\n"), CancellationToken.None, "align-batch", "--quiet", "--threads", "2");
        Assert.Equal((0, ""), (batch.Code, batch.Err));

        using var doc = JsonDocument.Parse(single.Out);
        Assert.NotEmpty(doc.RootElement.GetProperty("links").EnumerateArray());
        string expected = Compact(doc.RootElement);
        foreach (var line in batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            Assert.True(record.Remove("id"));
            Assert.Equal(expected, record.ToJsonString(Options));
        }
    }
}
