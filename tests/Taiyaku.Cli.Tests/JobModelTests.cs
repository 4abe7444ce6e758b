using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taiyaku.Cli.Jobs;
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
    [InlineData(true)]
    [InlineData(false)]
    public void A_job_that_keeps_no_text_aligns_as_one_that_does_and_holds_none(bool segmented)
    {
        // The links format's job lets the sentences go once measured and analysed (KeepText = false); raw input is
        // segmented first, as DocumentAligner.Align segments it.
        var aligner = new Taiyaku.Pipeline.DocumentAlignerBuilder().Build();
        var job = new AlignmentJob(new JobInput.Files(Sample("ja"), Sample("en")), segmented, InputDecoding.Default, InputDecoding.Default);
        var kept = job.Run(aligner, CancellationToken.None);
        var dropped = (job with { KeepText = false }).Run(aligner, CancellationToken.None);
        Assert.Equal(kept.Alignment.Links, dropped.Alignment.Links);
        Assert.Equal(kept.Sentences, dropped.Sentences);
        if (segmented) Assert.Equal(File.ReadAllLines(Sample("ja")).Length + File.ReadAllLines(Sample("en")).Length, dropped.Sentences);
        Assert.NotEmpty(kept.Japanese);
        Assert.Empty(dropped.Japanese);
        Assert.Empty(dropped.English);
    }

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

/// <summary>--anchor-memory: a document whose anchors would need more is aligned by lengths alone, with a warning, whatever the input and format.</summary>
public class AnchorMemoryTests
{
    private static string Sample(string ext) => Path.Combine(RepositoryPaths.Root, "samples", "cable-1468." + ext);

    [Theory]
    [InlineData(true, "links")]
    [InlineData(false, "links")]
    [InlineData(false, "tsv")]
    public void Above_the_limit_lengths_align_alone_and_the_tool_says_so(bool segmented, string format)
    {
        string[] mode = segmented ? ["--segmented"] : [];
        var limited = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", format, "--quiet", "--anchor-memory", "1K", .. mode]);
        var none = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", format, "--quiet", "--anchors", "none", .. mode]);
        var within = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", format, "--quiet", "--anchor-memory", "100M", .. mode]);
        var byDefault = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--format", format, "--quiet", .. mode]);
        Assert.Equal(0, limited.Code);
        Assert.Matches(@"would need about [0-9.]+ [KMG]iB, more than 1 KiB: aligned by length alone", limited.Err);
        Assert.Contains("--anchor-memory SIZE raises the limit", limited.Err);
        Assert.Equal(none.Out, limited.Out);
        Assert.DoesNotContain("aligned by length alone", within.Err);
        Assert.NotEqual(none.Out, within.Out);
        Assert.Equal(byDefault.Out, within.Out);
        Assert.DoesNotContain("aligned by length alone", none.Err);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2.5G")]
    [InlineData("lots")]
    public void The_limit_must_be_a_positive_size(string value)
    {
        var r = InProcess.Run(["align", "--src", Sample("ja"), "--tgt", Sample("en"), "--anchor-memory", value]);
        Assert.Equal(2, r.Code);
        Assert.Contains("--anchor-memory", r.Err);
    }
}
